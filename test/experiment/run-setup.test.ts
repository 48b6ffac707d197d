// The setup every run shares: the scenario with the command line's overrides, the designs
// chosen, and the size limits counted on what will really be simulated.
import { describe, expect, it } from 'vitest';
import { RunTooLargeError } from '../../src/experiment/limits.ts';
import { setUpRun } from '../../src/experiment/run-setup.ts';
import { UnknownDesignError } from '../../src/experiment/select-designs.ts';
import { NO_FILES, readScenarioData, type FileSource } from '../../src/scenario/index.ts';

const YAML = (run: string): string => `
name: setup
run: { ${run} }
demand:
  arrivals: { rate: 3600/h }
  intents:
    any: { share: 1, handle: 3m, resolve: 1 }
teams:
  desk: { agents: 200, skills: [any] }
designs:
  first:
    numbers: [ { dial: "1", to: desk } ]
  second:
    numbers: [ { dial: "2", to: desk } ]
sweep:
  teams.desk.agents: [70, 90]
`;

const dataOf = (run: string) => {
  const source: FileSource = { ...NO_FILES, readScenario: () => new TextEncoder().encode(YAML(run)) };
  return readScenarioData('setup.yaml', source);
};

describe('setUpRun', () => {
  it('applies the overrides and keeps every design, in file order, by default', () => {
    const { scenario, designs } = setUpRun(dataOf('horizon: 8h, replications: 4'), { overrides: { seed: 7 } });
    expect(scenario.run).toMatchObject({ seed: 7, replications: 4 });
    expect(scenario.sweep).toEqual([]);
    expect(designs).toEqual(['first', 'second']);
  });

  it('runs the designs named, in their order, and refuses an unknown one', () => {
    expect(setUpRun(dataOf('horizon: 8h'), { designs: ['second', 'first'] }).designs).toEqual(['second', 'first']);
    expect(() => setUpRun(dataOf('horizon: 8h'), { designs: ['third'] })).toThrow(UnknownDesignError);
  });

  it('gives the scenario of the first point of a sweep', () => {
    const { scenario, points } = setUpRun(dataOf('horizon: 8h'), { firstPoint: [{ path: 'teams.desk.agents', value: 70 }] });
    expect(scenario.designs[0]?.teams[0]?.staffing).toEqual({ kind: 'fixed', agents: 70 });
    expect(points.scenarioOf([{ path: 'teams.desk.agents', value: 90 }]).designs[0]?.teams[0]?.staffing).toEqual({ kind: 'fixed', agents: 90 });
  });

  it('counts the size limits on the points and replications to be simulated', () => {
    // About 8.6e7 calls per replication: 1000 replications of two designs are too many, one is not.
    const data = dataOf('horizon: 1000d, replications: 1000');
    expect(() => setUpRun(data)).toThrow(RunTooLargeError);
    expect(() => setUpRun(data, { designs: ['first'], work: { points: 1, replications: 1 } })).not.toThrow();
    expect(() => setUpRun(dataOf('horizon: 1000d, replications: 10'), { work: { points: 100 } })).toThrow(/× 100 points/);
  });
});
