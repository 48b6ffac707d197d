// Agent groups within a team (agents: [{count, name, handleFactor, resolveFactor}], select):
// alike groups change nothing, a handle factor is a slower or faster service (Erlang C, the
// utilisation law per group), a resolve factor scales the resolve probability (capped at 1),
// and fastest-first makes the fast group a loss system the slow one catches (Erlang B).
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC } from '../../src/analytic/index.ts';
import type { GroupMetric } from '../../src/metrics/metric-catalogue.ts';
import type { DesignReplications } from '../../src/metrics/summarise.ts';
import { expectBinomialShare, expectWithinInterval } from '../support/statistics.ts';
import { series, simulateYaml } from '../support/run.ts';

const HANDLE = 60;

/** One team of `agents` (a count or a list of groups) on one number; M/M/c without `patience`. */
function oneTeam(agents: string, options: { rate: number; resolve?: number; select?: string; horizon?: string; extra?: string }): string {
  return `
name: agent groups
run: { horizon: ${options.horizon ?? '40h'}, warmup: 2h, replications: 10, seed: 23, serviceLevel: 20s }
demand:
  arrivals: { rate: ${options.rate}/h }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: ${HANDLE}s }, resolve: ${options.resolve ?? 1} }
  patience: none
${options.extra ?? ''}
teams:
  team: { agents: ${agents}, skills: [any]${options.select === undefined ? '' : `, select: ${options.select}`} }
designs:
  single:
    numbers: [ { dial: "1", to: team } ]
`;
}

function groupSeries(runs: readonly DesignReplications[], group: string, metric: GroupMetric): number[] {
  return runs[0]!.replications.map((r) => {
    const value = r.byGroup?.['team']?.[group]?.[metric];
    if (value === undefined) throw new Error(`no ${metric} for group ${group}`);
    return value;
  });
}

/**
 * Everything but what only agents told apart have: the per-group figures, and the share of
 * repeat calls answered by the agent who last handled the issue (no figure for a plain team).
 */
const withoutGroups = (runs: readonly DesignReplications[]) =>
  runs.map((d) =>
    d.replications.map(({ byGroup: _, metrics: { sameAgentShare: _same, ...metrics }, byIntent, ...rest }) => ({
      ...rest,
      metrics,
      byIntent: Object.fromEntries(Object.entries(byIntent).map(([intent, { sameAgentShare: _s, ...m }]) => [intent, m])),
    })),
  );

describe('agent groups', () => {
  it('one group with factors 1 gives the figures of a plain team, same draws', () => {
    const plain = simulateYaml(oneTeam('10', { rate: 480, resolve: 0.8, extra: '  callback: { probability: 1, after: 10m }' }));
    const grouped = simulateYaml(oneTeam('[{ count: 10, name: all }]', { rate: 480, resolve: 0.8, extra: '  callback: { probability: 1, after: 10m }' }));
    expect(withoutGroups(grouped)).toEqual(withoutGroups(plain));
    // The same busy time, integrated over the group's own changes: equal to rounding.
    const team = series(plain, 'single', 'occupancy', { team: 'team' });
    groupSeries(grouped, 'all', 'occupancy').forEach((o, i) => expect(o).toBeCloseTo(team[i]!, 12));
  });

  it('alike groups under longest-idle give the figures of one group: who answers changes no draw', () => {
    const one = simulateYaml(oneTeam('[{ count: 10, name: all }]', { rate: 480 }));
    const three = simulateYaml(oneTeam('[{ count: 5, name: a }, { count: 3, name: b }, { count: 2, name: c }]', { rate: 480 }));
    expect(withoutGroups(three)).toEqual(withoutGroups(one));
    const answered = ['a', 'b', 'c'].map((g) => groupSeries(three, g, 'answered'));
    groupSeries(one, 'all', 'answered').forEach((total, i) => expect(answered[0]![i]! + answered[1]![i]! + answered[2]![i]!).toBe(total));
  });

  it('a handle factor is a slower service: the team is the M/M/c of handle × factor (Erlang C)', () => {
    const agents = 8;
    const factor = 1.5;
    const rate = (0.8 * agents * 3600) / (HANDLE * factor);
    const runs = simulateYaml(oneTeam(`[{ count: ${agents}, name: slow, handleFactor: ${factor} }]`, { rate }));
    const theory = erlangC({ arrivalRate: rate / 3600, meanService: HANDLE * factor, agents });
    expectWithinInterval('occupancy', series(runs, 'single', 'occupancy', { team: 'team' }), 0.8);
    expectWithinInterval('waitMean', series(runs, 'single', 'waitMean'), theory.waitMean);
    expectWithinInterval('group occupancy', groupSeries(runs, 'slow', 'occupancy'), 0.8);
  });

  it("per group, busy agent time is its answers × handle × factor (the utilisation law), whoever answers", () => {
    const groups = { fast: { count: 6, factor: 0.8 }, slow: { count: 4, factor: 1.25 } };
    for (const select of ['longest-idle', 'fastest-first']) {
      const runs = simulateYaml(
        oneTeam(`[{ count: 6, name: fast, handleFactor: 0.8 }, { count: 4, name: slow, handleFactor: 1.25 }]`, { rate: 450, select }),
      );
      const window = 38 * 3600;
      for (const [name, g] of Object.entries(groups)) {
        const answered = groupSeries(runs, name, 'answered');
        const busy = groupSeries(runs, name, 'occupancy').map((o) => o * g.count * window);
        expectWithinInterval(`${select}: ${name} busy time / (answers × handle × factor)`, busy.map((b, i) => b / (answered[i]! * HANDLE * g.factor)), 1);
        for (const agents of groupSeries(runs, name, 'agents')) expect(agents).toBeCloseTo(g.count, 9);
      }
    }
  });

  it('fastest-first: the fast group is a loss system whose overflow the slow group takes (Erlang B)', () => {
    const fast = 6;
    const rate = 240;
    const runs = simulateYaml(oneTeam(`[{ count: ${fast}, name: fast, handleFactor: 0.8 }, { count: 40, name: slow, handleFactor: 1.5 }]`, { rate, select: 'fastest-first' }));
    const fastLoad = (rate / 3600) * HANDLE * 0.8;
    const fastAnswers = groupSeries(runs, 'fast', 'answered');
    const slowAnswers = groupSeries(runs, 'slow', 'answered');
    const slowShare = slowAnswers.map((s, i) => s / (s + fastAnswers[i]!));
    expectWithinInterval('share the slow group answers', slowShare, erlangB(fast, fastLoad));
  });

  it('a resolve factor scales the resolve probability of the group\'s answers, capped at 1', () => {
    const runs = simulateYaml(
      oneTeam('[{ count: 5, name: senior, resolveFactor: 1.5 }, { count: 5, name: junior, resolveFactor: 2 }, { count: 5, name: trainee, resolveFactor: 0.5 }]', {
        rate: 480,
        resolve: 0.6,
      }),
    );
    for (const [group, p] of [['senior', 0.9], ['trainee', 0.3]] as const) {
      expectBinomialShare(`${group} resolveRate`, groupSeries(runs, group, 'resolveRate'), groupSeries(runs, group, 'answered'), p);
    }
    for (const rate of groupSeries(runs, 'junior', 'resolveRate')) expect(rate).toBe(1);
  });

  it("groups on schedules add up to the team's schedule: each group's agents are its own schedule's mean", () => {
    const runs = simulateYaml(
      oneTeam('[{ count: { every: 1h, counts: [2, 6] }, name: day }, { count: 4, name: core }]', { rate: 300, horizon: '42h' }),
    );
    for (const agents of groupSeries(runs, 'day', 'agents')) expect(agents).toBeCloseTo(4, 9);
    for (const agents of groupSeries(runs, 'core', 'agents')) expect(agents).toBeCloseTo(4, 9);
    for (const agents of series(runs, 'single', 'agentHours', { team: 'team' })) expect(agents).toBeCloseTo(8 * 40, 9);
  });
});
