// The layers stay visible: imports go one way (upper may import lower), the simulation core
// does no I/O and uses no unseeded randomness or wall-clock time.
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
};
const PURE = ['engine', 'callcenter', 'metrics'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const files = sourceFiles(SRC).map((file) => ({
  file,
  layer: relative(SRC, file).split('/')[0]!,
  text: readFileSync(file, 'utf8'),
}));

function imports(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
}

describe('architecture', () => {
  it('knows every folder of src/', () => {
    expect(new Set(files.map((f) => f.layer))).toEqual(new Set(Object.keys(RANK)));
  });

  it('imports only from the same or a lower layer', () => {
    const violations: string[] = [];
    for (const { file, layer, text } of files) {
      for (const spec of imports(text).filter((s) => s.startsWith('.'))) {
        const target = relative(SRC, resolve(dirname(file), spec)).split('/')[0]!;
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
});
