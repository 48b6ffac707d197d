// `spoc playground [--port P]`: serves the browser playground (dist/playground/, built by
// `npm run playground`) on this machine only, and prints its address. The site is static:
// this is a plain file server (GET and HEAD, files of the folder only), stopped by Ctrl-C.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv } from 'yargs';
import { InputError } from '../../scenario/input-error.ts';
import { EnvironmentError, codeOf } from '../environment-error.ts';
import type { CliIo } from '../io.ts';
import { TEXT_VALUE, wholeNumberOption } from '../option-values.ts';

/** The built site: beside the compiled command in dist/, or in dist/ when run from the sources. */
export const PLAYGROUND_FOLDER = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../../../dist/playground/' : '../../playground/', import.meta.url),
);

const DEFAULT_PORT = 8019;
const MAX_PORT = 65_535;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface PlaygroundArgs {
  readonly port: string | undefined;
}

export function playgroundOptions(yargs: Argv): Argv<PlaygroundArgs> {
  return yargs.option('port', {
    alias: 'p',
    ...TEXT_VALUE,
    describe: `port on localhost (default ${DEFAULT_PORT}; 0: any free port)`,
  }) as unknown as Argv<PlaygroundArgs>;
}

/** The file of the folder a request names, or undefined for none (outside, or not a file). */
async function fileOf(folder: string, url: string | undefined): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  const file = normalize(join(folder, path.endsWith('/') ? `${path}index.html` : path));
  const inside = relative(folder, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..') return undefined;
  const found = await stat(file).catch(() => undefined);
  return found?.isFile() === true ? file : undefined;
}

async function serve(folder: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = await fileOf(folder, request.url);
  if (file === undefined) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  const body = await readFile(file);
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': 'no-cache',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Serves until SIGINT or SIGTERM, then closes and returns. */
export async function playgroundCommand(args: PlaygroundArgs, io: CliIo, folder = PLAYGROUND_FOLDER): Promise<void> {
  const port = wholeNumberOption('--port', args.port, 0) ?? DEFAULT_PORT;
  if (port > MAX_PORT) throw new InputError(`--port: found ${args.port}, expected a port from 0 to ${MAX_PORT}`);
  const index = await stat(join(folder, 'index.html')).catch(() => undefined);
  if (index === undefined) throw new EnvironmentError(`the playground is not built (no ${join(folder, 'index.html')}): run npm run playground first`);
  const server = createServer((request, response) => {
    serve(folder, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new EnvironmentError(`cannot serve on port ${port} (${codeOf(error)}): choose another with --port`)));
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  io.stdout(`spoc playground: http://127.0.0.1:${actual}/ (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, stop);
      server.close(() => resolve());
      server.closeAllConnections();
    };
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
  });
}
