// Routing choices: the number a caller dials by their two draws, the team an IVR or a
// transfer picks (right or wrong), and the least-loaded policy among skilled teams.
import { describe, expect, it } from 'vitest';
import { compileDesign, type CompiledDesign } from '../../src/callcenter/compile.ts';
import { chooseNumber, chooseRightNumber, chooseTeam, LEAST_LOADED, type RoutingPolicy, type TeamLoads } from '../../src/callcenter/routing.ts';
import type { RandomStream } from '../../src/engine/random.ts';
import { parseScenario } from '../../src/scenario/index.ts';

const YAML = `
name: routing
run: { horizon: 1h, warmup: 0s, replications: 1, seed: 1 }
demand:
  arrivals: { rate: 60/h }
  intents:
    billing: { share: 0.4, handle: 60s, resolve: 1 }
    outage:  { share: 0.3, handle: 60s, resolve: 1 }
    meter:   { share: 0.3, handle: 60s, resolve: 1 }
teams:
  billing:  { agents: 1, skills: [billing, meter] }
  billing2: { agents: 1, skills: [billing, meter] }
  field:    { agents: 1, skills: [outage, meter] }
  desk:     { agents: 1, skills: [outage] }
designs:
  numbers:
    numbers:
      - { dial: "1", to: billing, for: [billing] }
      - { dial: "2", to: billing2, for: [billing] }
      - { dial: "3", to: field, for: [outage, meter] }
    dialing: { right: 0.7 }
  one-number:
    numbers: [ { dial: "1", to: ivr } ]
    ivr: { menu: 10s, accuracy: 1 }
`;
const BILLING = 0;
const OUTAGE = 1;
const METER = 2;
const [FIELD, DESK] = [2, 3];

function design(index: number): CompiledDesign {
  const scenario = parseScenario(YAML, 'routing.yaml');
  return compileDesign(scenario, scenario.designs[index]!);
}

/** Gives these uniforms in turn, and fails the test if asked for more. */
function draws(...values: number[]): RandomStream {
  return {
    next: () => {
      if (values.length === 0) throw new Error('one draw too many');
      return values.shift()!;
    },
  };
}

/** Remembers the candidates it was offered and picks the last of them. */
function recordingPolicy(): RoutingPolicy & { offered: number[][] } {
  const offered: number[][] = [];
  return {
    offered,
    pickTeam: (candidates) => {
      offered.push([...candidates]);
      return candidates[candidates.length - 1]!;
    },
  };
}

const NO_LOADS: TeamLoads = { waitingIn: () => 0, onDutyIn: () => 1 };

describe('the number a caller dials', () => {
  it('is a number advertised for the intent when the dial draw is below dialing.right, picked by the pick draw', () => {
    // Billing's right numbers are "1" and "2": a pick draw below 1/2 gives the first.
    expect(chooseNumber(design(0), BILLING, 0.69, 0.49)).toBe(0);
    expect(chooseNumber(design(0), BILLING, 0.69, 0.5)).toBe(1);
  });

  it('is another number when the dial draw is dialing.right or more', () => {
    expect(chooseNumber(design(0), BILLING, 0.7, 0.99)).toBe(2);
    // Outage's other numbers are "1" and "2".
    expect(chooseNumber(design(0), OUTAGE, 0.7, 0.99)).toBe(1);
  });

  it('is the one number of a design that has no other, whatever the draws', () => {
    expect(chooseNumber(design(1), BILLING, 0.99, 0.99)).toBe(0);
  });

  it('is, for a caller told to redial, a number advertised for the intent whatever dialing.right is', () => {
    const wrongEveryTime = { ...design(0), rightDialProbability: 0 };
    for (const pick of [0, 0.49, 0.5, 0.99]) {
      expect(chooseNumber(wrongEveryTime, BILLING, 0, pick)).toBe(2);
      expect([0, 1]).toContain(chooseRightNumber(wrongEveryTime, BILLING, pick));
      expect(chooseRightNumber(wrongEveryTime, OUTAGE, pick)).toBe(2);
    }
    expect(chooseRightNumber(wrongEveryTime, BILLING, 0.49)).toBe(0);
    expect(chooseRightNumber(wrongEveryTime, BILLING, 0.5)).toBe(1);
  });
});

describe('the team an IVR or a transfer sends a caller to', () => {
  it('is the policy’s pick among the skilled teams when accuracy is 1, without a draw', () => {
    const policy = recordingPolicy();
    expect(chooseTeam(design(0), BILLING, 1, -1, policy, NO_LOADS, draws())).toBe(1);
    expect(policy.offered).toEqual([[0, 1]]);
  });

  it('is the policy’s pick when the accuracy draw is below accuracy', () => {
    const policy = recordingPolicy();
    expect(chooseTeam(design(0), METER, 0.8, -1, policy, NO_LOADS, draws(0.79))).toBe(FIELD);
    expect(policy.offered).toEqual([[0, 1, 2]]);
  });

  it('is a team lacking the skill, picked uniformly, when the accuracy draw is accuracy or more', () => {
    // Billing's unskilled teams are field and desk: a second draw below 1/2 gives field.
    expect(chooseTeam(design(0), BILLING, 0.8, -1, recordingPolicy(), NO_LOADS, draws(0.8, 0.49))).toBe(FIELD);
    expect(chooseTeam(design(0), BILLING, 0.8, -1, recordingPolicy(), NO_LOADS, draws(0.8, 0.5))).toBe(DESK);
  });

  it('is never the team transferring the caller', () => {
    // Field excluded, desk is the only wrong team left, whatever the second draw.
    expect(chooseTeam(design(0), BILLING, 0.8, FIELD, recordingPolicy(), NO_LOADS, draws(0.8, 0))).toBe(DESK);
    expect(chooseTeam(design(0), BILLING, 0.8, DESK, recordingPolicy(), NO_LOADS, draws(0.8, 0.99))).toBe(FIELD);
  });

  it('is a skilled team when no wrong team is left', () => {
    const policy = recordingPolicy();
    // Meter's only unskilled team is desk, the one transferring.
    expect(chooseTeam(design(0), METER, 0, DESK, policy, NO_LOADS, draws(0.5))).toBe(FIELD);
    expect(policy.offered).toEqual([[0, 1, 2]]);
  });
});

describe('the least-loaded policy', () => {
  /** Loads of teams 0, 1, 2… given as [waiting, on duty] pairs. */
  const loads = (...teams: [number, number][]): TeamLoads => ({
    waitingIn: (team) => teams[team]![0],
    onDutyIn: (team) => teams[team]![1],
  });
  const pick = (candidates: number[], teamLoads: TeamLoads): number =>
    LEAST_LOADED.pickTeam(Int32Array.from(candidates), teamLoads);

  it('picks the team with the fewest callers waiting per agent on duty', () => {
    // 6/2 = 3 against 4/2 = 2 against 3/1 = 3.
    expect(pick([0, 1, 2], loads([6, 2], [4, 2], [3, 1]))).toBe(1);
  });

  it('puts a team with nobody on duty last, even with nobody waiting', () => {
    expect(pick([0, 1], loads([0, 0], [10, 1]))).toBe(1);
  });

  it('gives a tie to the first team listed among the candidates', () => {
    // 2/2 = 1/1: the candidates' order decides, not the team numbers.
    expect(pick([1, 0], loads([2, 2], [1, 1]))).toBe(1);
    expect(pick([0, 1], loads([2, 2], [1, 1]))).toBe(0);
    expect(pick([1, 0], loads([0, 0], [0, 0]))).toBe(1);
  });

  it('looks only at the candidates', () => {
    expect(pick([2], loads([0, 5], [0, 5], [9, 1]))).toBe(2);
  });
});
