// The traffic equations of misrouted calls: transfers between several teams lacking the
// skill, by hand; and a hop that stays linear in teams when thousands of teams misroute.
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../src/callcenter/compile.ts';
import { offeredLoads } from '../../src/callcenter/offered-load.ts';
import { parseScenario } from '../../src/scenario/index.ts';

/** `count` intents of equal share, each with its own team of one agent and its own number. */
function specialists(count: number, design: string, demand = ''): string {
  const ids = Array.from({ length: count }, (_, i) => i);
  return `
name: specialists
run: { horizon: 1h, warmup: 0s, replications: 1, seed: 1 }
demand:
  arrivals: { rate: 360/h }
  patience: none${demand}
  intents:
${ids.map((i) => `    i${i}: { share: ${1 / count}, handle: 60s, resolve: 1 }`).join('\n')}
teams:
${ids.map((i) => `  t${i}: { agents: 1, skills: [i${i}] }`).join('\n')}
designs:
  only:
    numbers:
${ids.map((i) => `      - { dial: "${i}", to: t${i}, for: [i${i}] }`).join('\n')}
${design}
`;
}

const loadsOf = (yaml: string) => {
  const scenario = parseScenario(yaml, 'specialists.yaml');
  return offeredLoads(scenario, compileDesign(scenario, scenario.designs[0]!));
};

describe('offered load of misrouted calls', () => {
  it('follows transfers to the skilled team or, off by accuracy, to another unskilled one, up to maxHops', () => {
    const loads = loadsOf(
      specialists(
        3,
        '    dialing: { right: 0.7 }\n    misroute: { identify: 30s, action: transfer }\n' +
          '    transfer: { accuracy: 0.8, drop: 0.1, maxHops: 2 }',
      ),
    );
    // Calls of one intent (f = 0.1/s / 3) per hop: 0.7 f at its team and 0.15 f at each
    // other; then 0.3 f * 0.9 kept * 0.8 to its team and 0.15 f * 0.9 * 0.2 to each other
    // (from the third team only: never back to the team transferring); once more.
    const own = 0.7 + 0.3 * 0.9 * 0.8 + 2 * 0.027 * 0.9 * 0.8;
    const other = 0.15 + 0.15 * 0.9 * 0.2 + 0.027 * 0.9 * 0.2;
    for (const load of loads) {
      expect(load.arrivalRate, load.team).toBeCloseTo(((own + 2 * other) * 0.1) / 3, 12);
      // Own calls talk 60 s; each other intent's visits are identified in 30 s.
      expect(load.offeredLoad, load.team).toBeCloseTo(((own * 60 + 2 * other * 30) * 0.1) / 3, 12);
    }
  });

  it('sends redialled calls to a right number even with dialing.right 0', () => {
    const loads = loadsOf(
      specialists(3, '    dialing: { right: 0 }\n    misroute: { identify: 30s, action: redial }', '\n  retry: { probability: 0, after: 1m }'),
    );
    // Each intent's calls (f = 0.1/s / 3) reach the two other teams (f/2 each), then its own.
    for (const load of loads) expect(load.arrivalRate, load.team).toBeCloseTo((2 * 0.1) / 3, 12);
  });

  it('takes seconds, not minutes, for 800 teams that each misroute every other intent', { timeout: 20_000 }, () => {
    const loads = loadsOf(specialists(800, '    dialing: { right: 0.9 }\n    transfer: { accuracy: 0.9, maxHops: 3 }'));
    // Of every call, 0.1 is misrouted first, then 0.1 of those at each of three transfers.
    const arrivals = loads.reduce((sum, load) => sum + load.arrivalRate, 0);
    expect(arrivals).toBeCloseTo(0.1 * (1 + 0.1 + 0.01 + 0.001), 12);
  });
});

describe('offered load of a triage front desk', () => {
  it('gives the desk every call for its triage time, and the teams the handovers by accuracy, wrong ones transferred on', () => {
    const yaml = specialists(3, '')
      .replace('teams:\n', 'teams:\n  desk: { agents: 3, role: triage, triage: 30s, accuracy: 0.8 }\n')
      .replace(/    numbers:\n(      - .*\n)+/, '    numbers: [ { dial: "0", to: desk } ]\n    misroute: { identify: 20s }\n    transfer: { drop: 0.1 }\n');
    const [desk, ...skilled] = loadsOf(yaml);
    expect(desk!.team).toBe('desk');
    expect(desk!.arrivalRate).toBeCloseTo(0.1, 12);
    expect(desk!.offeredLoad).toBeCloseTo(0.1 * 30, 12);
    // Per intent (f = 0.1/s / 3), 0.9 kept: 0.8 f handed to its team, 0.1 f to each other
    // team (where it is identified in 20 s), then those 0.2 f transferred to its team.
    const right = 0.8 * 0.9;
    const wrongIn = 2 * 0.1 * 0.9;
    const transferredIn = 0.2 * 0.9 * 0.9;
    for (const load of skilled) {
      expect(load.arrivalRate, load.team).toBeCloseTo(((right + wrongIn + transferredIn) * 0.1) / 3, 12);
      expect(load.offeredLoad, load.team).toBeCloseTo((((right + transferredIn) * 60 + wrongIn * 20) * 0.1) / 3, 12);
    }
  });
});
