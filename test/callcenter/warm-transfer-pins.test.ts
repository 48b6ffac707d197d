// The agent time a warm transfer takes: the agent who found the call was not theirs stays on
// the line for the transfer's delay, and that time is work on a misrouted call.
import { describe, expect, it } from 'vitest';
import { series, simulateYaml } from '../support/run.ts';

/**
 * Every call reaches a front desk without the skill: 30 s to find out, then a transfer of
 * 20 s delay to billing, which talks 60 s. Fixed durations, nobody leaves, every call ends.
 */
const frontDesk = (mode: 'warm' | 'cold') => `
name: front desk
run: { horizon: 2h, warmup: 0s, drain: true, replications: 2, seed: 5 }
demand:
  arrivals: { rate: 30/h }
  intents:
    billing: { share: 1, handle: { dist: fixed, value: 60s } }
    outage: { share: 0, handle: 60s }
  patience: none
teams:
  front: { agents: 3, skills: [outage] }
  billing: { agents: 3, skills: [billing] }
designs:
  ${mode}:
    numbers: [ { dial: "1", to: front } ]
    misroute: { identify: { dist: fixed, value: 30s }, action: transfer }
    transfer: { delay: { dist: fixed, value: 20s }, mode: ${mode} }
`;

describe('agent time on misrouted calls', () => {
  it('includes the delay of a warm transfer: 50 s of every 110 s worked', () => {
    for (const share of series(simulateYaml(frontDesk('warm')), 'warm', 'agentTimeOnMisroutes')) expect(share).toBeCloseTo(50 / 110, 12);
  });

  it('leaves the delay of a cold transfer out: the agent is free as the caller leaves, 30 s of every 90 s', () => {
    for (const share of series(simulateYaml(frontDesk('cold')), 'cold', 'agentTimeOnMisroutes')) expect(share).toBeCloseTo(30 / 90, 12);
  });
});
