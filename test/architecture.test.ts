// The layers stay visible: imports go one way (upper may import lower), the simulation core
// does no I/O and uses no unseeded randomness or wall-clock time, only the command line
// touches the file system and the process, and reports are given compiled designs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');
/** Lower rank = lower layer. A folder may import its own files and lower-ranked folders. */
const RANK: Record<string, number> = {
  engine: 1,
  analytic: 1,
  scenario: 2,
  callcenter: 3,
  metrics: 4,
  experiment: 5,
  report: 6,
  cli: 7,
  /** The library entry (src/index.ts) and its modules: above every layer. */
  library: 8,
  /** The browser playground: on top too, beside the library; it touches no file (the architecture's file and process rules hold for it). */
  playground: 8,
};
const PURE = ['engine', 'callcenter', 'metrics'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** A file's layer: its folder under src/; src/index.ts, the library entry, is the library's. */
const layerOf = (file: string): string => {
  const top = relative(SRC, file).split('/')[0]!;
  return top === 'index.ts' ? 'library' : top;
};

const files = sourceFiles(SRC).map((file) => ({
  file,
  layer: layerOf(file),
  text: readFileSync(file, 'utf8'),
}));

function imports(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
}

/** Modules loaded without a binding or at run time: `import 'x'`, `import('x')`. */
function otherImports(text: string): string[] {
  return [...text.matchAll(/^\s*import\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm)].map((m) => (m[1] ?? m[2])!);
}

const withoutComments = (text: string): string => text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');

/** Node's built-in modules a layer other than cli may use: none touches files or the process. */
const NODE_MODULES: Record<string, readonly string[]> = {
  scenario: ['node:path', 'node:crypto'],
  experiment: ['node:os', 'node:v8', 'node:worker_threads'],
};

describe('architecture', () => {
  it('knows every folder of src/', () => {
    expect(new Set(files.map((f) => f.layer))).toEqual(new Set(Object.keys(RANK)));
  });

  it('imports only from the same or a lower layer', () => {
    const violations: string[] = [];
    for (const { file, layer, text } of files) {
      for (const spec of imports(text).filter((s) => s.startsWith('.'))) {
        const target = layerOf(resolve(dirname(file), spec));
        if (target !== layer && !(RANK[target]! < RANK[layer]!)) violations.push(`${relative(SRC, file)} -> ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the simulation core free of I/O, Math.random and wall-clock time', () => {
    const violations: string[] = [];
    for (const { file, layer, text } of files.filter((f) => PURE.includes(f.layer))) {
      const code = text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      for (const banned of [/Math\.random/, /Date\.now/, /new Date\(/, /performance\.now/, /from 'node:/, /\bprocess\.(env|argv|exit|std|cwd|hrtime)/]) {
        if (banned.test(code)) violations.push(`${layer}: ${relative(SRC, file)} uses ${banned.source}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('touches the file system only in src/cli/', () => {
    const violations: string[] = [];
    for (const { file, layer, text } of files.filter((f) => f.layer !== 'cli')) {
      for (const spec of [...imports(text), ...otherImports(text)]) {
        if (/^(node:)?fs(\/promises)?$/.test(spec)) violations.push(`${relative(SRC, file)} imports ${spec}`);
        else if (/^node:/.test(spec) && !(NODE_MODULES[layer] ?? []).includes(spec)) violations.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('leaves the process (standard streams, environment, arguments, exit) to src/cli/', () => {
    const violations = files
      .filter((f) => f.layer !== 'cli' && /\bprocess\.(std|env|argv|exit|cwd|chdir|on\b)/.test(withoutComments(f.text)))
      .map((f) => relative(SRC, f.file));
    expect(violations).toEqual([]);
  });

  it('gives src/report/ compiled designs: it imports no function of the design compilers', () => {
    const compilers = [join('callcenter', 'compile.ts'), join('callcenter', 'compile-run.ts')];
    const functions = new Set(
      compilers.flatMap((c) => [...readFileSync(join(SRC, c), 'utf8').matchAll(/^export function (\w+)/gm)].map((m) => m[1]!)),
    );
    expect(functions.has('compileDesign') && functions.has('compileRun')).toBe(true);
    const violations: string[] = [];
    for (const { file, text } of files.filter((f) => f.layer === 'report')) {
      for (const m of text.matchAll(/^\s*import\s+(type\s+)?\{([^}]*)\}\s*from\s+'([^']+)'/gm)) {
        if (!compilers.includes(relative(SRC, resolve(dirname(file), m[3]!))) || m[1] !== undefined) continue;
        const names = m[2]!.split(',').map((n) => n.trim()).filter((n) => n !== '' && !n.startsWith('type '));
        for (const name of names) if (functions.has(name.split(/\s+as\s+/)[0]!)) violations.push(`${relative(SRC, file)} imports ${name}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps event handlers apart: a handler calls verbs, never another handler, and verbs never call handlers', () => {
    const handlers = readFileSync(join(SRC, 'callcenter', 'handlers.ts'), 'utf8');
    const bodies = handlers.split(/^export function /m).slice(1);
    const names = bodies.map((body) => body.slice(0, body.indexOf('(')));
    expect(names.length).toBeGreaterThan(5);
    const violations: string[] = [];
    for (const body of bodies) {
      const name = body.slice(0, body.indexOf('('));
      for (const other of names) if (other !== name && new RegExp(`\\b${other}\\(`).test(body)) violations.push(`${name} calls ${other}`);
    }
    for (const { file, text } of files.filter((f) => relative(SRC, f.file).startsWith(join('callcenter', 'verbs')))) {
      if (imports(text).some((spec) => spec.endsWith('/handlers.ts'))) violations.push(`${relative(SRC, file)} imports the handlers`);
    }
    expect(violations).toEqual([]);
  });
});
