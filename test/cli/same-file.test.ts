// An output that is an input of the same command, or another output, is refused before any
// work with exit code 2, and nothing is written: compared as files, so links are caught too.
import { linkSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spoc } from '../support/spoc-cli.ts';
import { fileIdentity } from '../../src/cli/same-file.ts';
import { oneTeamYaml } from '../support/one-team.ts';

const SMALL = 'test/fixtures/sweep/small.yaml';

/** A folder holding a copy of the small scenario as s.yaml, with its bytes and modification time. */
function folderWithScenario(): { dir: string; scenario: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'spoc-same-'));
  const scenario = join(dir, 's.yaml');
  const text = readFileSync(SMALL, 'utf8');
  writeFileSync(scenario, text);
  return { dir, scenario, text };
}

const refusal = (option: string, path: string, role: string, input: string): string =>
  `spoc: ${option} ${path}: is the same file as ${role} ${input}, which this command reads; write the output to another file\n`;

describe('an output that is the scenario file', () => {
  for (const [command, option] of [
    ['run', '--out'],
    ['run', '--report'],
    ['sweep', '--out'],
    ['sweep', '--report'],
    ['trace', '--out'],
  ] as const) {
    it(`${command} ${option} s.yaml is refused and leaves the scenario as it was`, async () => {
      const { dir, scenario, text } = folderWithScenario();
      const options = command === 'trace' ? ['--design', 'one-number'] : ['-r', '1', '--no-progress'];
      const { code, err } = await spoc(command, scenario, ...options, option, scenario);
      expect(err).toBe(refusal(option, scenario, 'the scenario file', scenario));
      expect(code).toBe(2);
      expect(readFileSync(scenario, 'utf8')).toBe(text);
      expect(readdirSync(dir)).toEqual(['s.yaml']);
    });
  }

  it('through a symlink or a hard link to it, or a path written another way', async () => {
    const { dir, scenario, text } = folderWithScenario();
    symlinkSync('s.yaml', join(dir, 'link.yaml'));
    linkSync(scenario, join(dir, 'hard.yaml'));
    for (const out of [join(dir, 'link.yaml'), join(dir, 'hard.yaml'), `${dir}/./s.yaml`]) {
      const { code, err } = await spoc('run', scenario, '-r', '1', '--out', out);
      expect(err).toBe(refusal('--out', out, 'the scenario file', scenario));
      expect(code).toBe(2);
    }
    expect(readFileSync(scenario, 'utf8')).toBe(text);
    expect(statSync(join(dir, 'link.yaml')).ino).toBe(statSync(scenario).ino);
  });
});

describe('an output that is a data file of the scenario', () => {
  it('is refused before running, naming the data file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-same-'));
    const scenario = join(dir, 's.yaml');
    writeFileSync(scenario, oneTeamYaml('horizon: 8h').replace('handle: 3m', 'handle: { dist: empirical, file: data.csv }'));
    writeFileSync(join(dir, 'data.csv'), '120\n180\n');
    const { code, err } = await spoc('run', scenario, '-r', '1', '-f', 'csv', '--out', join(dir, 'data.csv'));
    expect(err).toBe(refusal('--out', join(dir, 'data.csv'), 'a data file of the scenario', join(dir, 'data.csv')));
    expect(code).toBe(2);
    expect(readFileSync(join(dir, 'data.csv'), 'utf8')).toBe('120\n180\n');
  });
});

describe('two outputs that are the same file', () => {
  it('--out x --report x is refused, nothing written', async () => {
    const { dir, scenario } = folderWithScenario();
    const x = join(dir, 'x.html');
    const { code, err } = await spoc('run', scenario, '-r', '1', '--out', x, '--report', x);
    expect(err).toBe(`spoc: --report ${x}: is the same file as --out ${x}; give each output a file of its own\n`);
    expect(code).toBe(2);
    expect(readdirSync(dir)).toEqual(['s.yaml']);
  });
});

describe('merge', () => {
  it('refuses an --out that is one of the files to merge', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-same-'));
    const part = join(dir, 'part1.csv');
    writeFileSync(part, 'point\n');
    const { code, err } = await spoc('merge', part, join(dir, 'part2.csv'), '--out', part);
    expect(err).toBe(refusal('--out', part, 'the input file', part));
    expect(code).toBe(2);
    expect(readFileSync(part, 'utf8')).toBe('point\n');
  });
});

describe('fileIdentity', () => {
  it('tells files apart by device and inode, and files not there yet by where they would be', () => {
    const { dir, scenario } = folderWithScenario();
    symlinkSync('s.yaml', join(dir, 'link.yaml'));
    symlinkSync('new.csv', join(dir, 'dangling.csv'));
    expect(fileIdentity(join(dir, 'link.yaml'))).toBe(fileIdentity(scenario));
    expect(fileIdentity(join(dir, 'dangling.csv'))).toBe(fileIdentity(join(dir, 'new.csv')));
    expect(fileIdentity(join(dir, 'new.csv'))).not.toBe(fileIdentity(join(dir, 'other.csv')));
  });
});
