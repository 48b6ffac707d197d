// Input that is not a scenario at all, or one pushed to extremes: the loader answers each
// with problems in its own words, one line each, and never with a crash.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_AGENTS,
  MAX_DURATION,
  MAX_RATE_PER_SECOND,
  MAX_REPLICATIONS,
  loadScenario,
  parseDuration,
  parseRate,
  parseScenario,
  ScenarioError,
  withOverrides,
} from '../../src/scenario/index.ts';
import { describeValue } from '../../src/scenario/errors.ts';
import { decodeText, firstInvalidUtf8 } from '../../src/scenario/file-text.ts';
import { DURATION_PATTERN } from '../../src/scenario/units.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';

const GOOD = 'test/fixtures/scenarios/good/defaults.yaml';
const goodText = readFileSync(GOOD, 'utf8');

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n');
    throw error;
  }
  throw new Error('accepted');
}

describe('files that are not scenario text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spoc-hostile-'));
  const write = (name: string, bytes: Uint8Array | string): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('refuses binary data, UTF-16 and bytes that are not UTF-8, each in one line', () => {
    const png = write('image.yaml', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(problems(() => loadScenario(png, nodeFileSource))).toEqual([`${png}: found binary data (a zero byte at offset 8): this is not a text file, expected YAML text in UTF-8`]);
    const json = write('image.json', Uint8Array.from([0x7b, 0x00, 0x7d]));
    expect(problems(() => loadScenario(json, nodeFileSource))[0]).toContain('expected JSON text in UTF-8');
    const latin1 = write('latin1.yaml', Buffer.from('name: café\n', 'latin1'));
    expect(problems(() => loadScenario(latin1, nodeFileSource))).toEqual([
      `${latin1}: found a byte that is not valid UTF-8 (0xE9 at line 1, column 10), expected YAML text in UTF-8: save the file as UTF-8`,
    ]);
    const utf16 = write('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name: x\n', 'utf16le')]));
    expect(problems(() => loadScenario(utf16, nodeFileSource))[0]).toContain('found UTF-16 text');
  });

  it('reads UTF-8 with or without a byte order mark', () => {
    const plain = write('plain.yaml', goodText);
    const bom = write('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(goodText)]));
    expect(loadScenario(bom, nodeFileSource).name).toBe(loadScenario(plain, nodeFileSource).name);
  });

  it('refuses text given in code that holds a NUL character', () => {
    expect(problems(() => parseScenario('name: a\u0000b\n', 'x.yaml'))[0]).toMatch(/^x\.yaml: found binary data/);
  });

  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from('plain ascii, é, 中, 😀'))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // cut short
    expect(decodeText(Buffer.from('a: 1'), 'yaml')).toEqual({ ok: true, text: 'a: 1' });
  });

  it('tells an empty file, blank space, comments only and a null document apart', () => {
    expect(problems(() => parseScenario('', 'x.yaml'))[0]).toContain('the file is empty, expected');
    expect(problems(() => parseScenario(' \n\t\n', 'x.yaml'))[0]).toContain('the file is empty (only blank space)');
    expect(problems(() => parseScenario('# nothing\n', 'x.yaml'))[0]).toContain('the file is empty (it has only comments)');
    expect(problems(() => parseScenario('~\n', 'x.yaml'))[0]).toContain('found null at the top level, expected a mapping');
    expect(problems(() => parseScenario('null', 'x.json'))[0]).toContain('found null at the top level');
  });
});

describe('bombs', () => {
  it('refuses deep nesting in YAML and JSON without overflowing the stack', () => {
    for (const n of [100, 10_000, 100_000]) {
      const yaml = `name: ${'['.repeat(n)}${']'.repeat(n)}\n`;
      expect(problems(() => parseScenario(yaml, 'x.yaml'))).toEqual([
        'x.yaml: YAML error at line 1, column 70: found lists or mappings nested more than 64 levels deep, expected a scenario (nested a few levels deep)',
      ]);
      const json = `{"name": ${'['.repeat(n)}${']'.repeat(n)}}`;
      expect(problems(() => parseScenario(json, 'x.json'))[0]).toContain('nested more than 64 levels deep');
    }
    const block = `name: x\nrun:\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i + 1)}- \n`).join('')}`;
    expect(problems(() => parseScenario(block, 'x.yaml'))[0]).toContain('nested more than 64 levels deep');
    const flowMaps = `name: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`;
    expect(problems(() => parseScenario(flowMaps, 'x.yaml'))[0]).toContain('nested more than 64 levels deep');
  });

  it('accepts the nesting a real scenario has', () => {
    expect(parseScenario(goodText, 'x.yaml').name).toBeTruthy();
  });
});

describe('YAML problems in plain words', () => {
  it('gives a duplicate key its field path', () => {
    const text = goodText.replace(/^teams:\n/m, 'teams:\n  dup: { agents: 1, skills: [billing] }\n  dup: { agents: 2, skills: [billing] }\n');
    expect(problems(() => parseScenario(text, 'x.yaml'))).toEqual([
      expect.stringMatching(/^x\.yaml: teams: found the key "dup" twice in the same mapping, expected each key once \(line \d+, column 3\)$/),
    ]);
  });

  it('refuses a second document, tags, keys that are lists and empty keys', () => {
    expect(problems(() => parseScenario(`${goodText}---\nname: again\n`, 'x.yaml'))[0]).toContain('found a second YAML document');
    expect(problems(() => parseScenario(goodText.replace(/^name: .*$/m, 'name: !!binary aGVsbG8='), 'x.yaml'))).toEqual([
      'x.yaml: name: found the tag !!binary, expected plain values without tags (line 2, column 16)',
    ]);
    expect(problems(() => parseScenario(goodText.replace('skills: [only]', 'skills: !!set {only}'), 'x.yaml'))[0]).toMatch(
      /^x\.yaml: teams\.team\.skills: found the tag !!set, expected plain values without tags/,
    );
    // The core types' own tags change nothing.
    expect(parseScenario(goodText.replace('name: Defaults', 'name: !!str Defaults'), 'x.yaml').name).toBe('Defaults');
    expect(problems(() => parseScenario(`? [a, b]\n: 1\n${goodText}`, 'x.yaml'))).toEqual([
      'x.yaml: YAML error at line 1, column 3: found a list as a key, expected a name',
    ]);
    expect(problems(() => parseScenario(goodText.replace(/^teams:\n/m, 'teams:\n  ~: { agents: 1, skills: [billing] }\n'), 'x.yaml'))).toEqual([
      expect.stringMatching(/^x\.yaml: teams: found an empty key \(nothing before ":"\), expected a name/),
    ]);
  });

  it('says what a key without its ":" looks like, once per line', () => {
    const lines = problems(() => parseScenario(goodText.replace(/^name: /m, 'name:'), 'x.yaml'));
    expect(lines[0]).toContain('found a key that does not end on its line, expected "key: value"');
    expect(new Set(lines.map((l) => /line (\d+)/.exec(l)?.[1])).size).toBe(lines.length);
  });

  it('refuses NaN, Infinity and numbers too large for JSON', () => {
    expect(problems(() => parseScenario('{"name": NaN}', 'x.json'))[0]).toContain('found NaN, which JSON does not allow');
    expect(problems(() => parseScenario('{"name": -Infinity}', 'x.json'))[0]).toContain('found -Infinity, which JSON does not allow');
    expect(problems(() => parseScenario('{"name": 1e999}', 'x.json'))[0]).toContain('found the number 1e999, too large');
  });
});

describe('limits', () => {
  const withField = (from: RegExp, to: string): string => {
    expect(goodText).toMatch(from);
    return goodText.replace(from, to);
  };

  it('accepts the largest values allowed and refuses the next ones with the range', () => {
    const agents = (n: number): string => withField(/agents: \d+/, `agents: ${n}`);
    expect(() => parseScenario(agents(MAX_AGENTS), 'x.yaml')).not.toThrow();
    expect(problems(() => parseScenario(agents(MAX_AGENTS + 1), 'x.yaml'))[0]).toContain(
      `found ${MAX_AGENTS + 1}, expected a whole number of agents from 1 to ${MAX_AGENTS}`,
    );
  });

  it('limits durations to 100 years and rates to 1e9/s, exponents allowed', () => {
    expect(parseDuration('1e3s')).toEqual({ ok: true, value: 1000 });
    expect(parseDuration(MAX_DURATION)).toEqual({ ok: true, value: MAX_DURATION });
    expect(parseDuration('36500d')).toEqual({ ok: true, value: MAX_DURATION });
    for (const input of ['36500d1s', '1e300s', MAX_DURATION + 1, Infinity]) {
      expect(parseDuration(input)).toEqual({ ok: false, message: 'expected a duration of at most 100 years (36500d)' });
    }
    expect(parseDuration(-Infinity)).toEqual({ ok: false, message: 'expected a duration of 0 or more' });
    expect(new RegExp(DURATION_PATTERN).test('1e3s')).toBe(true);
    expect(parseRate('1e9/s')).toEqual({ ok: true, value: MAX_RATE_PER_SECOND });
    expect(parseRate(3.6e12)).toEqual({ ok: true, value: MAX_RATE_PER_SECOND });
    for (const input of ['1.1e9/s', '1e300/h', 3.7e12, Infinity]) {
      expect(parseRate(input)).toEqual({ ok: false, message: 'expected a rate of at most 1e9/s (a billion calls a second)' });
    }
    expect(parseRate('600/week')).toMatchObject({ ok: false, message: expect.stringContaining('a week is 7 days') });
  });

  it('caps replications given on the command line and the default maxReplications', () => {
    const scenario = parseScenario(withField(/horizon: 8h/, `horizon: 8h, replications: ${MAX_REPLICATIONS}`), 'x.yaml');
    expect(scenario.run.maxReplications).toBe(MAX_REPLICATIONS);
    expect(problems(() => withOverrides(scenario, { replications: MAX_REPLICATIONS + 1 }))[0]).toContain(
      `expected a whole number of replications from 1 to ${MAX_REPLICATIONS}`,
    );
  });

  it('shows numbers as a file writes them', () => {
    expect(describeValue(1e300)).toBe('1e300');
    expect(describeValue(Infinity)).toBe('.inf');
    expect(describeValue(-Infinity)).toBe('-.inf');
    expect(describeValue(Number.NaN)).toBe('.nan');
    expect(describeValue({ a: 'x'.repeat(40), b: 'y'.repeat(40) })).toBe('a mapping with the keys a, b');
  });
});
