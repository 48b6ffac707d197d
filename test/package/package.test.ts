// The package as users get it: dist/ compiled by the build and never committed, the compiled
// command giving the same bytes as the sources, and the tarball of `npm pack` installed into
// an empty folder, where `npx spoc` runs and plain JavaScript imports the library.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; dependencies: Record<string, string> };
const node = (args: readonly string[], cwd = '.'): string => execFileSync(process.execPath, args, { cwd, encoding: 'utf8' });

describe('dist/', () => {
  it('is built, not committed: ignored by git and absent from its index', () => {
    expect(readFileSync('.gitignore', 'utf8').split('\n')).toContain('dist/');
    expect(execFileSync('git', ['ls-files', '--', 'dist'], { encoding: 'utf8' })).toBe('');
  });

  it('runs the default scenario to the same bytes as the sources do, in every format', () => {
    for (const format of ['json', 'table', 'csv']) {
      const args = ['run', 'scenarios/utility-numbers.yaml', '-f', format, '--no-progress'];
      expect(node(['bin/spoc.js', ...args])).toBe(node(['--import', 'tsx', 'src/cli/main.ts', ...args]));
    }
  });

  it('needs no TypeScript at run time: tsx is a development dependency only', () => {
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(readFileSync('bin/spoc.js', 'utf8')).not.toContain('tsx');
  });
});

describe('the tarball of npm pack, installed into an empty folder', () => {
  it('runs npx spoc and lets plain JavaScript import the library', { timeout: 300_000 }, () => {
    const packed = mkdtempSync(join(tmpdir(), 'spoc-pack-'));
    // --ignore-scripts: the test set-up has built dist/ already; prepare's rebuild would delete it under the tests running beside this one
    execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packed], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const tarball = readdirSync(packed).find((name) => name.endsWith('.tgz'))!;
    expect(tarball).toBe(`spoc-sim-${pkg.version}.tgz`);
    const app = mkdtempSync(join(tmpdir(), 'spoc-app-'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(packed, tarball)], { cwd: app, stdio: 'ignore' });

    expect(execFileSync('npx', ['spoc', '--version'], { cwd: app, encoding: 'utf8' }).trim()).toBe(pkg.version);
    const scenario = 'node_modules/spoc-sim/scenarios/utility-numbers.yaml';
    const table = execFileSync('npx', ['spoc', 'run', scenario, '-r', '2'], { cwd: app, encoding: 'utf8' });
    expect(table).toMatch(/^Utility company - four numbers or one · 2 replications · seed 2019/);

    writeFileSync(
      join(app, 'use.mjs'),
      `import { runScenario } from 'spoc-sim';\n` +
        `const result = await runScenario('${scenario}', { replications: 2 });\n` +
        `console.log(Object.keys(result.designs).join(' '));\n`,
    );
    expect(node(['use.mjs'], app).trim()).toBe('four-numbers one-number-ivr one-number-frontdesk');
  });
});
