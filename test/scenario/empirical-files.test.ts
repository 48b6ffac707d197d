// Empirical distributions read from one-column CSV files of seconds: what a file may look
// like, where it is looked for, and what is said when it cannot be used.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';
import { loadScenario, parseScenario, readScenarioData, scenarioWithValues, type FileSource } from '../../src/scenario/index.ts';
import { refusal } from '../support/refusal.ts';
import { parseSecondsCsv } from '../../src/scenario/seconds-csv.ts';

const values = (text: string): readonly number[] => {
  const parsed = parseSecondsCsv(text, 'x.csv');
  if (!parsed.ok) throw new Error(`expected values, got: ${parsed.message}`);
  return parsed.value;
};
const message = (text: string): string => {
  const parsed = parseSecondsCsv(text, 'x.csv');
  if (parsed.ok) throw new Error(`expected a refusal, got ${parsed.value.join(', ')}`);
  return parsed.message;
};

describe('parseSecondsCsv', () => {
  it('reads one number of seconds per line', () => {
    expect(values('60\n120\n3.5\n')).toEqual([60, 120, 3.5]);
    expect(values('0\n.5\n1e3')).toEqual([0, 0.5, 1000]);
  });

  it('skips a header line, blank lines, a byte-order mark, quotes and CRLF line ends', () => {
    expect(values('seconds\n60\n\n  120  \n')).toEqual([60, 120]);
    expect(values('\n\n"handle time"\r\n"60"\r\n\r\n120\r\n')).toEqual([60, 120]);
    expect(values('\uFEFFseconds\n60')).toEqual([60]);
  });

  const EXPECTED = 'expected a number of seconds from 0 to 3153600000 (100 years)';
  const NOTATION = 'a notation the file does not take, expected a plain decimal number of seconds from 0 to 3153600000 (100 years), such as 45 or 3.5';

  it('says which line is not a number of seconds, and how many more are wrong', () => {
    expect(message('seconds\n1\n2\n\n4\n5\nabc\n7')).toBe(`x.csv line 7: found "abc", ${EXPECTED}`);
    expect(message('60\nsixty')).toBe(`x.csv line 2: found "sixty", ${EXPECTED}`);
    expect(message('60\n-5\n-6\nx')).toBe(`x.csv line 2: found -5, ${EXPECTED} (and 2 more such lines)`);
    expect(message('60\n-5\n-6')).toMatch(/\(and 1 more such line\)$/);
    expect(message('60\n1e999')).toBe(`x.csv line 2: found 1e999, ${EXPECTED}`);
    expect(message('60,70\n80')).toBe('x.csv line 1: found 2 fields separated by ",", expected one number of seconds per line (decimals written with a point)');
    expect(message('60\n3m')).toBe(`x.csv line 2: found "3m", ${NOTATION}`);
  });

  it('takes a first line of words as a header, and a number-like first line as a value to refuse', () => {
    expect(values('handle time (s)\n60')).toEqual([60]);
    for (const first of ['NaN', 'Infinity', '-inf', '0x10', '3m', '1_000']) {
      expect(message(`${first}\n60\n`), first).toBe(`x.csv line 1: found ${JSON.stringify(first)}, ${NOTATION}`);
    }
  });

  it('bounds values by 100 years, as durations written in the scenario are', () => {
    expect(values('3153600000')).toEqual([3153600000]);
    expect(message('60\n3153600001')).toBe(`x.csv line 2: found 3153600001, ${EXPECTED}`);
  });

  it('quotes at most a short value, never a line of the file', () => {
    expect(message('60\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin')).toBe(`x.csv line 2: found a value of 47 characters, ${EXPECTED}`);
    expect(message('60\n"secret stuff here"')).toBe(`x.csv line 2: found a value of 17 characters, ${EXPECTED}`);
    expect(message('60\nuser;password;1')).toMatch(/^x\.csv line 2: found 3 fields separated by ";"/);
  });

  it('refuses a file without values', () => {
    for (const text of ['', '\n\n', 'seconds\n', 'seconds\n\n\n']) {
      expect(message(text)).toBe('found no values in "x.csv", expected one number of seconds ≥ 0 per line (after an optional header line)');
    }
  });
});

describe('empirical files in a scenario', () => {
  const scenario = (handle: string): string => `
name: Files
run: { horizon: 8h }
demand:
  arrivals: { rate: 100 }
  intents:
    only: { share: 1, handle: ${handle}, wrapUp: { dist: empirical, file: wrap.csv } }
teams:
  team: { agents: 5, skills: [only] }
designs:
  one:
    numbers:
      - { dial: "3631", to: team }
`;

  const fromDisk = (text: string, file: string) => parseScenario(text, file, { source: nodeFileSource });

  function folder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-files-'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'handle.csv'), 'seconds\n100\n200\n');
    writeFileSync(join(dir, 'wrap.csv'), '10\n');
    return dir;
  }

  it('reads files relative to the directory of the file name given with the text', () => {
    const dir = folder();
    const s = fromDisk(scenario('{ dist: empirical, file: data/handle.csv }'), join(dir, 'scenario.yaml'));
    expect(s.demand.intents[0]?.handle).toEqual({ kind: 'empirical', values: Float64Array.from([100, 200]) });
    expect(s.demand.intents[0]?.wrapUp).toEqual({ kind: 'empirical', values: Float64Array.from([10]) });
  });

  it('reads a file given by an absolute path', () => {
    const dir = folder();
    const s = fromDisk(scenario(`{ dist: empirical, file: ${JSON.stringify(join(dir, 'data', 'handle.csv'))} }`), join(dir, 'scenario.yaml'));
    expect(s.demand.intents[0]?.handle).toEqual({ kind: 'empirical', values: Float64Array.from([100, 200]) });
  });

  it('gives the same model from YAML and JSON naming the same file', () => {
    const dir = folder();
    const yaml = fromDisk(scenario('{ dist: empirical, file: data/handle.csv }'), join(dir, 'a.yaml'));
    const raw = {
      name: 'Files',
      run: { horizon: '8h' },
      demand: {
        arrivals: { rate: 100 },
        intents: { only: { share: 1, handle: { dist: 'empirical', file: 'data/handle.csv' }, wrapUp: { dist: 'empirical', file: 'wrap.csv' } } },
      },
      teams: { team: { agents: 5, skills: ['only'] } },
      designs: { one: { numbers: [{ dial: '3631', to: 'team' }] } },
    };
    const json = fromDisk(JSON.stringify(raw), join(dir, 'b.json'));
    expect({ ...json, file: undefined, sha256: undefined }).toEqual({ ...yaml, file: undefined, sha256: undefined });
  });

  it('reports every field naming a missing file, with the other problems of the file', () => {
    const dir = folder();
    const text = scenario('{ dist: empirical, file: nope.csv }').replace('agents: 5', 'agents: 0').replace('wrap.csv', 'nope.csv');
    const file = join(dir, 'scenario.yaml');
    const error = refusal(() => fromDisk(text, file));
    expect(error.message.split('\n')).toEqual([
      `${file}: demand.intents.only.handle.file: cannot read "nope.csv" (relative to the scenario file): no such file`,
      `${file}: demand.intents.only.wrapUp.file: cannot read "nope.csv" (relative to the scenario file): no such file`,
      `${file}: teams.team.agents: found 0, expected a whole number of agents from 1 to 1000000`,
    ]);
  });

  it('says when a file is a directory, and leaves out "relative" for an absolute path', () => {
    const dir = folder();
    const file = join(dir, 'scenario.yaml');
    expect(refusal(() => fromDisk(scenario('{ dist: empirical, file: data }'), file)).problems[0]?.message).toBe(
      'cannot read "data" (relative to the scenario file): it is a directory',
    );
    const absolute = join(dir, 'missing.csv');
    expect(
      refusal(() => fromDisk(scenario(`{ dist: empirical, file: ${JSON.stringify(absolute)} }`), file)).problems[0]?.message,
    ).toBe(`cannot read ${JSON.stringify(absolute)}: no such file`);
  });

  it('says a file is UTF-16 or binary rather than showing garbled characters', () => {
    const dir = folder();
    const file = join(dir, 'scenario.yaml');
    const problem = (bytes: Buffer): string | undefined => {
      writeFileSync(join(dir, 'data', 'handle.csv'), bytes);
      return refusal(() => fromDisk(scenario('{ dist: empirical, file: data/handle.csv }'), file)).problems[0]?.message;
    };
    const utf16 = Buffer.from('seconds\n100\n200\n', 'utf16le');
    expect(problem(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]))).toBe(
      'data/handle.csv: found UTF-16 text (it starts with a UTF-16 byte order mark), expected CSV text in UTF-8: save the file as UTF-8',
    );
    expect(problem(utf16)).toBe('data/handle.csv: found UTF-16 text (every other byte is zero), expected CSV text in UTF-8: save the file as UTF-8');
    expect(problem(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]))).toBe(
      'data/handle.csv: found binary data (a zero byte at offset 5): this is not a text file, expected CSV text in UTF-8',
    );
  });

  it('reads only files in the folder of the scenario file or below it, links followed, unless allowed', () => {
    const dir = folder();
    const centre = join(dir, 'centre');
    mkdirSync(centre);
    writeFileSync(join(dir, 'secret.csv'), 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n');
    symlinkSync(join(dir, 'secret.csv'), join(centre, 'link.csv'));
    symlinkSync(join(dir, 'data', 'handle.csv'), join(dir, 'inside.csv'));
    const file = join(centre, 'scenario.yaml');
    const outside = 'outside the folder of the scenario file, expected a file in that folder or below it (the command line\'s --allow-outside-files allows any file)';
    const problem = (name: string, allowOutsideFiles = false): string | undefined =>
      refusal(() => parseScenario(scenario(`{ dist: empirical, file: ${JSON.stringify(name)} }`), file, { source: nodeFileSource, allowOutsideFiles }))
        .problems[0]?.message;
    expect(problem('../secret.csv')).toBe(`found "../secret.csv", ${outside}`);
    expect(problem(join(dir, 'secret.csv'))).toBe(`found ${JSON.stringify(join(dir, 'secret.csv'))}, ${outside}`);
    expect(problem('link.csv')).toBe(`found "link.csv" (it leads to ${realpathSync(join(dir, 'secret.csv'))}), ${outside}`);
    // Allowed, the file is read, and its lines are not quoted back.
    expect(problem('../secret.csv', true)).toBe('../secret.csv line 2: found a value of 47 characters, expected a number of seconds from 0 to 3153600000 (100 years)');
    // A link inside the folder to a file inside it is read.
    const linked = parseScenario(scenario('{ dist: empirical, file: inside.csv }').replace('file: wrap.csv', 'file: data/../wrap.csv'), join(dir, 's.yaml'), {
      source: nodeFileSource,
    });
    expect(linked.demand.intents[0]?.handle).toEqual({ kind: 'empirical', values: Float64Array.from([100, 200]) });
  });

  it('takes --allow-outside-files on the command line', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'centre'));
    const file = join(dir, 'centre', 'scenario.yaml');
    writeFileSync(file, scenario('{ dist: empirical, file: ../data/handle.csv }').replace('file: wrap.csv', 'file: ../wrap.csv'));
    const validate = async (...args: string[]): Promise<{ code: number; err: string }> => {
      let err = '';
      const code = await runCli(['validate', file, ...args], { stdout: () => {}, stderr: (t) => (err += t) });
      return { code, err };
    };
    const refused = await validate();
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/handle\.file: found "\.\.\/data\/handle\.csv", outside the folder of the scenario file/);
    expect(await validate('--allow-outside-files')).toEqual({ code: 0, err: '' });
  });

  it('leaves a file given together with values to the schema', () => {
    const dir = folder();
    const error = refusal(() =>
      fromDisk(scenario('{ dist: empirical, values: [1], file: nope.csv }'), join(dir, 'scenario.yaml')),
    );
    expect(error.problems.map((p) => [p.path, p.message])).toEqual([
      ['demand.intents.only.handle.file', 'found both values and file, expected either values or file, not both'],
    ]);
  });
});

describe('the files of a scenario, read through its file source', () => {
  const SCENARIO = `
name: Files
run: { horizon: 8h }
demand:
  arrivals: { rate: 100 }
  intents:
    only: { share: 1, handle: { dist: empirical, file: data/handle.csv }, wrapUp: { dist: empirical, file: data/handle.csv } }
teams:
  team: { agents: 5, skills: [only] }
designs:
  one:
    numbers: [ { dial: "3631", to: team } ]
`;

  /** Files from memory, counting the reads of each path. */
  function memory(files: Record<string, string>): FileSource & { readonly reads: Map<string, number> } {
    const reads = new Map<string, number>();
    const read = (path: string): string => {
      reads.set(path, (reads.get(path) ?? 0) + 1);
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`no ${path}`), { code: 'ENOENT' });
      return text;
    };
    const bytes = (path: string): Uint8Array => new TextEncoder().encode(read(path));
    return { reads, readScenario: bytes, readData: bytes, realPath: (path) => resolve(path) };
  }

  it('come from the source, relative to the scenario file, each read once for every sweep point', () => {
    const source = memory({ 'centre/scenario.yaml': SCENARIO, 'centre/data/handle.csv': '60\n120\n' });
    const data = readScenarioData('centre/scenario.yaml', source);
    for (const agents of [5, 6, 7]) {
      const scenario = scenarioWithValues(data, [{ path: 'teams.team.agents', value: agents }]);
      expect(scenario.demand.intents[0]?.handle).toEqual({ kind: 'empirical', values: Float64Array.from([60, 120]) });
    }
    expect([...source.reads]).toEqual([
      ['centre/scenario.yaml', 1],
      ['centre/data/handle.csv', 1],
    ]);
  });

  it('say why a file cannot be read, as the file system would, once per field naming it', () => {
    const source = memory({ 'centre/scenario.yaml': SCENARIO });
    expect(refusal(() => loadScenario('centre/scenario.yaml', source)).message.split('\n')).toEqual([
      'centre/scenario.yaml: demand.intents.only.handle.file: cannot read "data/handle.csv" (relative to the scenario file): no such file',
      'centre/scenario.yaml: demand.intents.only.wrapUp.file: cannot read "data/handle.csv" (relative to the scenario file): no such file',
    ]);
    expect(source.reads.get('centre/data/handle.csv')).toBe(1);
  });

  it('cannot be read for a scenario given as text without a source', () => {
    expect(refusal(() => parseScenario(SCENARIO, 'x.yaml')).problems[0]?.message).toBe(
      'cannot read "data/handle.csv" (relative to the scenario file): no files can be read for a scenario given as text',
    );
  });
});
