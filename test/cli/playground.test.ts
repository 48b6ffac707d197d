// `spoc playground`: a file server of the built site on localhost, and nothing more.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundCommand, PLAYGROUND_FOLDER } from '../../src/cli/commands/playground.ts';
import { EnvironmentError } from '../../src/cli/environment-error.ts';
import { spoc } from '../support/spoc-cli.ts';

/** A raw request: the path is sent as written, not normalised as fetch would. */
function get(origin: string, path: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((done, fail) => {
    const req = request(new URL(origin), { path, method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode!, type: res.headers['content-type'], body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('spoc playground', () => {
  const server = spawn(process.execPath, [resolve('bin/spoc.js'), 'playground', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let origin = '';
  let printed = '';

  beforeAll(async () => {
    origin = await new Promise<string>((done, fail) => {
      server.stdout!.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        const address = /http:\/\/127\.0\.0\.1:\d+\//.exec(printed);
        if (address !== null) done(address[0]);
      });
      server.once('exit', (code) => fail(new Error(`exited with ${code}`)));
    });
  });

  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGTERM');
  });

  it('prints its address on localhost', () => {
    expect(printed).toMatch(/^spoc playground: http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)\n$/);
  });

  it('serves the built files with their types, index.html for /', async () => {
    const index = await get(origin, '/');
    expect(index).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: readFileSync(join(PLAYGROUND_FOLDER, 'index.html'), 'utf8') });
    expect((await get(origin, '/worker.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get(origin, '/style.css?v=1')).type).toBe('text/css; charset=utf-8');
    expect(await get(origin, '/app.js', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('serves nothing outside the folder, and only GET and HEAD', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/missing.js', '/%zz']) {
      expect((await get(origin, path)).status, path).toBe(404);
    }
    expect((await get(origin, '/', 'POST')).status).toBe(405);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const exit = new Promise<number | null>((done) => server.once('exit', done));
    server.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('refuses a port out of range (exit 2) and says when the site is not built', async () => {
    expect(await spoc('playground', '--port', '70000')).toEqual({ code: 2, out: '', err: 'spoc: --port: found 70000, expected a port from 0 to 65535\n' });
    const missing = playgroundCommand({ port: '0' }, { stdout: () => {}, stderr: () => {} }, '/nonexistent-playground/');
    await expect(missing).rejects.toThrow(EnvironmentError);
    await expect(missing).rejects.toThrow(/the playground is not built .*run npm run playground first/);
  });
});
