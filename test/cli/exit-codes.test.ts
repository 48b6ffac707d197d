// Exit codes: every InputError, whichever layer refused, is exit code 2 with one line per
// problem and no stack trace; anything else is an internal error, exit code 1.
import { describe, expect, it } from 'vitest';
import { runCli, EXIT_INTERNAL, EXIT_INVALID } from '../../src/cli/cli.ts';
import { EnvironmentError } from '../../src/cli/environment-error.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { InputError } from '../../src/scenario/index.ts';
import { oneTeamFile } from '../support/one-team.ts';

const DEFAULT = 'scenarios/utility-numbers.yaml';
const BAD = 'test/fixtures/scenarios/bad';

async function spoc(args: readonly string[], stdout?: CliIo['stdout']): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await runCli(args, { stdout: stdout ?? (() => {}), stderr: (t) => (err += t) });
  return { code, err };
}

describe('exit codes', () => {
  const refusals: Record<string, { readonly args: readonly string[]; readonly says: RegExp }> = {
    'a scenario file': { args: ['validate', `${BAD}/agents-zero.yaml`], says: /^test\/fixtures\/scenarios\/bad\/agents-zero\.yaml: teams\.billing\.agents: found 0/ },
    'an override': { args: ['run', DEFAULT, '-r', '0'], says: /^scenarios\/utility-numbers\.yaml: run\.replications: found 0 \(override\)/ },
    'an unknown design': { args: ['run', DEFAULT, '--design', 'nope'], says: /^spoc: unknown design "nope"/ },
    'a precision target': { args: ['run', oneTeamFile('horizon: 8h, precision: { noSuchMetric: 1 }')], says: /^spoc: precision: unknown metric "noSuchMetric"/ },
    'a run too large': { args: ['run', oneTeamFile('horizon: 32850d, replications: 1000')], says: /^spoc: .*: the run is too large for this machine/ },
    'a --set option': { args: ['sweep', DEFAULT, '--set', 'teams.billing.agents'], says: /^spoc: --set: found "teams\.billing\.agents"/ },
    'a --shard option': { args: ['sweep', DEFAULT, '--shard', '5/4'], says: /^spoc: --shard: found "5\/4"/ },
    'a merge of unknown files': { args: ['merge', 'no-such-part.csv'], says: /^spoc: no-such-part\.csv: cannot read the file/ },
    'an option of the command': { args: ['trace', DEFAULT, '--replication', '0'], says: /^spoc: --replication: found 0/ },
    'a usage error': { args: ['run'], says: /^spoc: Not enough non-option arguments.*\nRun "spoc --help" for usage\.$/ },
  };
  for (const [kind, { args, says }] of Object.entries(refusals)) {
    it(`answers ${kind} with exit code 2, one line per problem, no stack trace`, async () => {
      const { code, err } = await spoc(args);
      expect(code).toBe(EXIT_INVALID);
      expect(err.trimEnd()).toMatch(says);
      expect(err).not.toMatch(/internal error|^\s+at /m);
    });
  }

  it('answers an error that is not bad input with exit code 1', async () => {
    const { code, err } = await spoc(['schema'], () => {
      throw new Error('disk on fire');
    });
    expect(code).toBe(EXIT_INTERNAL);
    expect(err).toBe('spoc: internal error: disk on fire\n');
  });

  it('answers a failure of the machine with exit code 1 and its one line, not as an internal error', async () => {
    const { code, err } = await spoc(['schema'], () => {
      throw new EnvironmentError('--out x.csv: cannot write (ENOSPC)');
    });
    expect(code).toBe(EXIT_INTERNAL);
    expect(err).toBe('spoc: --out x.csv: cannot write (ENOSPC)\n');
  });

  it('answers an InputError thrown anywhere with exit code 2', async () => {
    const { code, err } = await spoc(['schema'], () => {
      throw new InputError(['first', 'second']);
    });
    expect(code).toBe(EXIT_INVALID);
    expect(err).toBe('spoc: first\nspoc: second\n');
  });
});
