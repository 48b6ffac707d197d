// The index tables one design compiles to: who can handle what, which numbers are right for
// whom, where each number leads, and the overflow links seen from both ends.
import { describe, expect, it } from 'vitest';
import { agentsAt, compileDesign, TO_IVR, type CompiledDesign } from '../../src/callcenter/compile.ts';
import { parseScenario } from '../../src/scenario/index.ts';

const YAML = `
name: compile
run: { horizon: 4h, warmup: 0s, replications: 1, seed: 1 }
demand:
  arrivals: { rate: 60/h }
  intents:
    billing:  { share: 0.5, handle: 60s, resolve: 1 }
    outage:   { share: 0.3, handle: 60s, resolve: 1 }
    tracking: { share: 0.2, handle: 60s, resolve: 1 }
teams:
  billing: { agents: 3, skills: [billing] }
  field:   { agents: { every: 30m, counts: [2, 4, 0] }, skills: [outage, billing] }
  desk:    { agents: 1, skills: [tracking, billing], queueCapacity: 5, costPerHour: 30, wrapUp: 20s }
designs:
  three-numbers:
    numbers:
      - { dial: "01", to: billing, for: [billing] }
      - { dial: "02", to: ivr }
      - { dial: "03", to: field, for: [outage] }
    ivr: { menu: 30s, accuracy: 0.9 }
    overflow:
      - { from: billing, to: desk, after: 90s }
      - { from: field, to: billing, after: 60s }
      - { from: billing, to: field, after: 30s }
  plain:
    numbers: [ { dial: "1", to: billing } ]
`;
const [BILLING, FIELD, DESK] = [0, 1, 2];

function compiled(design = 0): CompiledDesign {
  const scenario = parseScenario(YAML, 'compile.yaml');
  return compileDesign(scenario, scenario.designs[design]!);
}
const lists = (arrays: readonly Int32Array[]): number[][] => arrays.map((a) => [...a]);

describe('a compiled design', () => {
  it('marks canHandle[team × intents + intent] for each skill of each team', () => {
    expect([...compiled().canHandle]).toEqual([1, 0, 0, /* field */ 1, 1, 0, /* desk */ 1, 0, 1]);
  });

  it('lists per intent the teams with its skill and those without, in file order', () => {
    const design = compiled();
    expect(lists(design.skilledTeams)).toEqual([[BILLING, FIELD, DESK], [FIELD], [DESK]]);
    expect(lists(design.unskilledTeams)).toEqual([[], [BILLING, DESK], [BILLING, FIELD]]);
  });

  it('lists per intent the numbers advertised for it (a number without `for` is for all) and the others', () => {
    const design = compiled();
    expect(lists(design.rightNumbers)).toEqual([[0, 1], [1, 2], [1]]);
    expect(lists(design.otherNumbers)).toEqual([[2], [0], [0, 2]]);
  });

  it('leads each number to its team, or to the IVR', () => {
    const design = compiled();
    expect([...design.numberTargets]).toEqual([BILLING, TO_IVR, FIELD]);
    expect(design.numberDials).toEqual(['01', '02', '03']);
  });

  it('lists per team the teams taking its callers by increasing wait, and the teams it takes from in file order', () => {
    const design = compiled();
    expect(design.overflowTo).toEqual([
      [{ team: FIELD, after: 30 }, { team: DESK, after: 90 }],
      [{ team: BILLING, after: 60 }],
      [],
    ]);
    expect(design.overflowFrom).toEqual([
      [{ team: FIELD, after: 60 }],
      [{ team: BILLING, after: 30 }],
      [{ team: BILLING, after: 90 }],
    ]);
  });

  it('adds up the intent shares, so one uniform draws an intent', () => {
    const shares = [...compiled().cumulativeShares];
    expect(shares[0]).toBe(0.5);
    expect(shares[1]).toBeCloseTo(0.8, 12);
    expect(shares[2]).toBeCloseTo(1, 12);
  });

  it('gives each team its agents at time 0, its queue capacity (unlimited when not given) and its cost', () => {
    const teams = compiled().teams;
    expect(teams.map((t) => t.initialAgents)).toEqual([3, 2, 1]);
    expect(teams.map((t) => t.queueCapacity)).toEqual([Infinity, Infinity, 5]);
    expect(teams.map((t) => t.costPerHour)).toEqual([undefined, undefined, 30]);
    expect(teams.map((t) => t.wrapUp)).toEqual([undefined, undefined, { kind: 'fixed', value: 20 }]);
  });

  it('takes the contract’s defaults where a design says nothing', () => {
    const design = compiled(1);
    expect(design.rightDialProbability).toBe(1);
    expect([design.ivr, design.handleCap, design.continuity]).toEqual([undefined, undefined, false]);
    expect(design.misroute.action).toBe('transfer');
    expect(design.transfer).toMatchObject({ drop: 0, priority: false, accuracy: 1, mode: 'cold', maxHops: 3 });
    expect(design.overflowTo).toEqual([[], [], []]);
  });
});

describe('agents on duty at a time', () => {
  it('are the fixed number at any time', () => {
    expect([0, 1e6].map((t) => agentsAt({ kind: 'fixed', agents: 3 }, t))).toEqual([3, 3]);
  });

  it('follow a schedule interval by interval, the schedule repeating when shorter than the run', () => {
    const staffing = { kind: 'schedule', every: 1800, counts: [2, 4, 0] } as const;
    // Intervals [0, 1800), [1800, 3600), [3600, 5400), then again from 5400.
    expect([0, 1799, 1800, 3600, 5399, 5400, 7200].map((t) => agentsAt(staffing, t))).toEqual([2, 2, 4, 0, 0, 2, 4]);
  });
});
