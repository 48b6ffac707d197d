// `npm run playground`: the browser playground as a static site in dist/playground/ (or the
// folder given with --out), bundled by esbuild. Every URL in it is relative, so the folder
// works from `spoc playground` or any static host. The bundled scenarios are embedded.
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const PAGE = join(ROOT, 'src', 'playground', 'page');
const require = createRequire(import.meta.url);

/**
 * Node's modules the loader needs, given browser ones: node:path by pathe (the same POSIX
 * path rules), and the scenario's SHA-256 (node:crypto) by a pure implementation.
 */
const browserModules: Plugin = {
  name: 'browser-modules',
  setup(on) {
    on.onResolve({ filter: /^node:path$/ }, () => ({ path: require.resolve('pathe') }));
    on.onResolve({ filter: /digest\.ts$/ }, (args) =>
      resolve(args.resolveDir, args.path) === join(ROOT, 'src', 'scenario', 'digest.ts')
        ? { path: join(ROOT, 'src', 'playground', 'browser', 'digest.ts') }
        : undefined,
    );
  },
};

/** Math functions whose last bit engines may round differently, and their portable stand-ins. */
const NODE_MATH = { 'Math.log': 'nodeMathLog', 'Math.exp': 'nodeMathExp' };

/** The bundled scenarios, by their path in the repository, the default one first. */
function bundledScenarios(): { file: string; text: string }[] {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(dir, entry.name)] : []))
      .sort();
  const all = files(join(ROOT, 'scenarios')).map((path) => ({ file: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
  const first = 'scenarios/utility-numbers.yaml';
  return [...all.filter((s) => s.file === first), ...all.filter((s) => s.file !== first)];
}

export interface PlaygroundBuild {
  readonly folder: string;
  /** Bytes of each file written. */
  readonly sizes: Readonly<Record<string, number>>;
}

export async function buildPlayground(folder = join(ROOT, 'dist', 'playground')): Promise<PlaygroundBuild> {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const common: BuildOptions = {
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [browserModules],
    // The results must be the command line's to the last bit, whatever the browser's engine.
    inject: [join(ROOT, 'src', 'playground', 'browser', 'node-math.ts')],
    define: NODE_MATH,
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(PAGE, 'main.ts')],
      outfile: join(folder, 'app.js'),
      define: { ...NODE_MATH, SPOC_BUNDLED_SCENARIOS: JSON.stringify(bundledScenarios()) },
    }),
    build({ ...common, entryPoints: [join(ROOT, 'src', 'playground', 'worker', 'run-worker.ts')], outfile: join(folder, 'worker.js') }),
  ]);
  for (const asset of ['index.html', 'style.css']) copyFileSync(join(PAGE, asset), join(folder, asset));
  const sizes = Object.fromEntries(readdirSync(folder).map((name) => [name, statSync(join(folder, name)).size]));
  return { folder, sizes };
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const { folder, sizes } = await buildPlayground(values.out === undefined ? undefined : resolve(values.out));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  const lines = Object.entries(sizes).map(([name, bytes]) => `  ${name.padEnd(11)} ${(bytes / 1024).toFixed(0).padStart(6)} kB`);
  writeFileSync(1, `playground built in ${relative(process.cwd(), folder) || '.'}/ (${(total / 1024).toFixed(0)} kB)\n${lines.join('\n')}\n`);
}
