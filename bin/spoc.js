#!/usr/bin/env node
// Command-line entry point: the compiled code of dist/ (`npm run build`, run by `npm ci`).
await import('../dist/cli/main.js');
