// Every refusal of the experiment layer is bad input (an InputError, exit code 2), not a bug:
// unknown designs and metrics, runs and grids too large, shards that do not exist.
import { describe, expect, it } from 'vitest';
import { checkRunSize, RunTooLargeError } from '../../src/experiment/limits.ts';
import { checkPrecisionMetrics, UnknownMetricError } from '../../src/experiment/precision.ts';
import { selectDesigns, UnknownDesignError } from '../../src/experiment/select-designs.ts';
import { parseShard, SweepPlan } from '../../src/experiment/sweep-plan.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';
import { oneTeamYaml } from '../support/one-team.ts';
import { inputRefusal } from '../support/refusal.ts';

const scenario = (run = 'horizon: 8h'): Scenario => parseScenario(oneTeamYaml(run), 'refusals.yaml');

describe('refusals of the experiment layer', () => {
  it('a design the scenario does not define', () => {
    const error = inputRefusal(() => selectDesigns(scenario(), ['nope']));
    expect(error).toBeInstanceOf(UnknownDesignError);
    expect(error.message).toBe('unknown design "nope"; the scenario defines: only');
  });

  it('a precision target naming no metric', () => {
    const error = inputRefusal(() => checkPrecisionMetrics(scenario('horizon: 8h, precision: { noSuchMetric: 1 }')));
    expect(error).toBeInstanceOf(UnknownMetricError);
  });

  it('a run too large for the machine', () => {
    const error = inputRefusal(() => checkRunSize(scenario('horizon: 8h, replications: 1000'), ['only'], 1e6));
    expect(error).toBeInstanceOf(RunTooLargeError);
    expect(error.lines).toHaveLength(1);
  });

  it('a grid with more points than can be numbered', () => {
    const thousand = Array.from({ length: 1000 }, (_, i) => i);
    const error = inputRefusal(() => new SweepPlan(Array.from({ length: 6 }, (_, k) => ({ path: `p${k}`, values: thousand }))));
    expect(error).toBeInstanceOf(RunTooLargeError);
    expect(error.message).toMatch(/^the sweep has too many points/);
  });

  it('a shard that does not exist', () => {
    expect(inputRefusal(() => parseShard('3/2')).message).toMatch(/^--shard: found "3\/2"/);
  });
});
