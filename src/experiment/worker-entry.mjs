// Entry point of a worker thread: registers the TypeScript loader, then runs the worker.
import { register } from 'tsx/esm/api';

register();
await import('./replication-worker.ts');
