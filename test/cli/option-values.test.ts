// Command-line numbers and durations: read as the files read them, and refused quoting the
// text typed (never NaN, never flags made of a negative value, never a rounded seed).
import { describe, expect, it } from 'vitest';
import { spoc } from '../support/spoc-cli.ts';
import { durationOption, numberOption, seedOption, wholeNumberOption } from '../../src/cli/option-values.ts';

const DEFAULT = 'scenarios/utility-numbers.yaml';
const ONE_TEAM = 'test/fixtures/sweep/small.yaml';

describe('a duration option', () => {
  it('takes a bare number as seconds, as the files do', () => {
    expect(durationOption('--interval', '1800')).toBe(1800);
    expect(durationOption('--handle', '4m')).toBe(240);
    expect(durationOption('--service-level', '0', 'zero allowed')).toBe(0);
  });

  it('refuses a negative or zero value as the value it is', () => {
    expect(() => durationOption('--interval', '-5m')).toThrow('--interval: found "-5m", expected a duration above 0');
    expect(() => durationOption('--interval', '0')).toThrow('--interval: found 0, expected a duration above 0');
    expect(() => durationOption('--interval', '5x')).toThrow(/^--interval: found "5x", expected a duration/);
  });

  it('--interval 1800 gives the same figures as --interval 30m', async () => {
    const bare = await spoc('run', ONE_TEAM, '-r', '1', '--interval', '1800', '-f', 'json');
    const units = await spoc('run', ONE_TEAM, '-r', '1', '--interval', '30m', '-f', 'json');
    expect(bare.code).toBe(0);
    expect(bare.out).toBe(units.out);
  });

  it('--interval -5m is reported as the value it is, not as unknown flags', async () => {
    for (const args of [['--interval', '-5m'], ['--interval=-5m']]) {
      const { code, err } = await spoc('run', DEFAULT, '-r', '1', ...args);
      expect(code).toBe(2);
      expect(err).toBe('spoc: --interval: found "-5m", expected a duration above 0\n');
    }
  });

  it('erlang --handle 240 is four minutes, as its help says', async () => {
    const bare = await spoc('erlang', '--rate', '600/h', '--handle', '240', '--agents', '45');
    const units = await spoc('erlang', '--rate', '600/h', '--handle', '4m', '--agents', '45');
    expect(bare.code).toBe(0);
    expect(bare.out).toBe(units.out);
    expect(bare.out).toMatch(/^Erlang C \(M\/M\/c\): 600\.0 calls\/h × 4m00s = 40\.00 Erlangs/);
  });

  it('--precision takes a bare number of seconds for a time metric', async () => {
    const bare = await spoc('run', ONE_TEAM, '-r', '2', '--precision', 'waitMean=600', '-f', 'json');
    const units = await spoc('run', ONE_TEAM, '-r', '2', '--precision', 'waitMean=10m', '-f', 'json');
    expect(bare.code).toBe(0);
    expect(bare.out).toBe(units.out);
  });
});

describe('a number option', () => {
  it('says what was found when it is not a number', async () => {
    const cases: Record<string, { readonly args: readonly string[]; readonly says: string }> = {
      '--workers abc': { args: ['run', DEFAULT, '--workers', 'abc'], says: 'spoc: --workers: found "abc", expected a whole number of 1 or more\n' },
      '--replications abc': {
        args: ['run', DEFAULT, '--replications', 'abc'],
        says: 'spoc: --replications: found "abc", expected a whole number of replications from 1 to 100000\n',
      },
      '-r abc on a sweep': {
        args: ['sweep', DEFAULT, '-r', 'abc'],
        says: 'spoc: --replications: found "abc", expected a whole number of replications from 1 to 100000\n',
      },
      '--max-replications abc': { args: ['run', DEFAULT, '--max-replications', 'abc'], says: 'spoc: --max-replications: found "abc", expected a whole number of 2 or more\n' },
      'trace --replication abc': { args: ['trace', DEFAULT, '--replication', 'abc'], says: 'spoc: --replication: found "abc", expected a whole number of 1 or more\n' },
      'erlang --agents abc': { args: ['erlang', '--rate', '600/h', '--handle', '4m', '--agents', 'abc'], says: 'spoc: --agents: found "abc", expected a whole number of 1 or more\n' },
      'erlang --target abc': { args: ['erlang', '--rate', '600/h', '--handle', '4m', '--target', 'abc'], says: 'spoc: --target: found "abc", expected a share in (0, 1)\n' },
      '--workers -2': { args: ['run', DEFAULT, '--workers', '-2'], says: 'spoc: --workers: found -2, expected a whole number of 1 or more\n' },
    };
    for (const [name, { args, says }] of Object.entries(cases)) {
      const { code, err } = await spoc(...args);
      expect({ name, code, err }).toEqual({ name, code: 2, err: says });
    }
  });

  it('an option given twice is refused rather than read as a list', () => {
    expect(() => numberOption('--seed', ['1', '2'] as unknown as string, 'a seed')).toThrow('--seed: found 2 values ("1", "2"), expected the option once');
  });

  it('leaves the range of a replication count to the file\'s own check, which says (override)', async () => {
    const { code, err } = await spoc('run', DEFAULT, '-r', '0');
    expect(code).toBe(2);
    expect(err).toMatch(/^scenarios\/utility-numbers\.yaml: run\.replications: found 0 \(override\)/);
    expect(wholeNumberOption('--workers', '3', 1)).toBe(3);
  });
});

describe('--seed', () => {
  it('is read exactly up to 2^53 − 1', () => {
    expect(seedOption('9007199254740991')).toBe(9007199254740991);
    expect(seedOption(undefined)).toBeUndefined();
  });

  it('refuses 9007199254740993 as typed instead of rounding it to another seed', async () => {
    const { code, err } = await spoc('run', DEFAULT, '-r', '1', '--seed', '9007199254740993');
    expect(code).toBe(2);
    expect(err).toBe('spoc: --seed: found 9007199254740993, expected a whole number from 0 to 9007199254740991 (larger numbers cannot be read exactly)\n');
  });
});

describe('erlang beyond its limits', () => {
  it('refuses a load needing more agents than it computes, with exit code 2 and what happened', async () => {
    const { code, err } = await spoc('erlang', '--rate', '1e9/h', '--handle', '4m');
    expect(code).toBe(2);
    expect(err).toBe('spoc: a load of 6.66667e+7 Erlangs is beyond what spoc erlang computes (staffing: more than maxAgents = 100000 agents needed)\n');
  });

  it('refuses the same load under Erlang A, and more agents than it computes', async () => {
    const patient = await spoc('erlang', '--rate', '1e9/h', '--handle', '4m', '--patience', '3m');
    expect(patient.code).toBe(2);
    expect(patient.err).toMatch(/^spoc: a load of 6\.66667e\+7 Erlangs is beyond what spoc erlang computes \(Erlang A: /);
    const agents = await spoc('erlang', '--rate', '600/h', '--handle', '4m', '--agents', '200000');
    expect(agents.err).toBe('spoc: --agents: found 200000, expected at most 100000 (the most spoc erlang computes)\n');
  });
});

describe('--set', () => {
  it('the same path twice is refused with exit code 2, naming the path', async () => {
    const { code, err } = await spoc('sweep', DEFAULT, '--set', 'teams.billing.agents=1,2', '--set', 'teams.billing.agents=3');
    expect(code).toBe(2);
    expect(err).toBe('spoc: --set: found the path teams.billing.agents twice (options 1 and 2), expected each path once\n');
  });
});
