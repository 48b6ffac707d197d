// The search per interval on a fake evaluator whose answer is known: interval k's figure is
// its agents, less the agents the interval before lacked (its backlog), over what it needs,
// and the target is 1. Every staffing meeting it has at least the need in every interval,
// so the cheapest is the need itself, which the search must find from starts below it (adding)
// and far above it (removing several agents per slot at once), with every single-removal
// neighbour of its answer simulated and missing.
import { describe, expect, it } from 'vitest';
import type { Counts } from '../../../src/experiment/staffing/analytic-start.ts';
import type { Evaluation } from '../../../src/experiment/staffing/candidates.ts';
import { searchStaffing, type SearchSpace, type StaffingEvaluator } from '../../../src/experiment/staffing/search.ts';
import type { StaffingTarget, TargetCheck } from '../../../src/experiment/staffing/targets.ts';
import type { DesignResult } from '../../../src/metrics/results.ts';

/** Agents each interval needs; interval 0 is the warm-up, which the search does not change. */
const NEED = [5, 12, 30, 45, 44, 20, 8, 0, 0, 3, 17];

const TARGET: StaffingTarget = { key: 'cover', metric: 'cover', unit: 'ratio', subject: { kind: 'design' }, comparator: '>=', value: 1, everyInterval: true };

const key = (counts: Counts): string => counts.map((row) => row.join(',')).join('|');

/** Evaluates staffings with the formula above, remembering each one it was asked for. */
class FakeEvaluator implements StaffingEvaluator {
  readonly space = { design: { name: 'fake' } };
  readonly seen = new Map<string, Evaluation>();

  get count(): number {
    return this.seen.size;
  }

  async evaluate(counts: Counts): Promise<Evaluation> {
    return (await this.evaluateAll([counts]))[0]!;
  }

  async evaluateAll(staffings: readonly Counts[]): Promise<Evaluation[]> {
    return staffings.map((counts) => {
      const known = this.seen.get(key(counts));
      if (known !== undefined) return known;
      const agents = counts[0]!;
      const checks: TargetCheck[] = NEED.map((need, k) => {
        const backlog = k === 0 ? 0 : Math.max(0, NEED[k - 1]! - agents[k - 1]!);
        const mean = need === 0 ? NaN : (agents[k]! - backlog) / need;
        const shortfall = Number.isFinite(mean) && mean < 1 ? 1 - mean : 0;
        return { target: TARGET, of: { kind: 'interval', index: k }, value: { mean, ci95: null }, met: shortfall === 0, shortfall };
      });
      const evaluation: Evaluation = {
        counts,
        result: {} as DesignResult,
        replications: [],
        checks,
        met: checks.every((c) => c.met),
        shortfall: checks.reduce((sum, c) => sum + c.shortfall, 0),
      };
      this.seen.set(key(counts), evaluation);
      return evaluation;
    });
  }
}

function spaceFrom(start: readonly number[]): SearchSpace {
  return {
    teams: ['desk'],
    start: [start],
    searchable: NEED.map((_, slot) => ({ team: 0, slot })).filter((s) => s.slot > 0),
    agentCost: () => 1,
    load: ({ slot }) => NEED[slot]!,
    perInterval: true,
  };
}

describe('the staffing search per interval', () => {
  it.each([
    ['far above the need', NEED.map((n, k) => (k === 0 ? n : n + 3 + 7 * (k % 3)))],
    ['below the need in some intervals', NEED.map((n, k) => (k === 0 ? n : Math.max(0, n + (k % 2 === 0 ? -4 : 2))))],
  ])('from a start %s, returns the need, every single removal of it simulated and missing', async (_, start) => {
    const evaluator = new FakeEvaluator();
    const outcome = await searchStaffing(evaluator, spaceFrom(start));
    expect(outcome.counts).toEqual([[NEED[0]!, ...NEED.slice(1)]]);
    expect(outcome.evaluation.met).toBe(true);
    for (let k = 1; k < NEED.length; k++) {
      if (NEED[k] === 0) continue;
      const fewer = [NEED.map((n, j) => (j === k ? n - 1 : n))];
      expect(evaluator.seen.get(key(fewer))?.met, `one agent fewer in interval ${k}`).toBe(false);
    }
  });

  it('removes several agents per interval in one trial: twelve too many everywhere cost fewer candidates than two rounds of neighbours', async () => {
    const surplus = 12;
    const evaluator = new FakeEvaluator();
    const outcome = await searchStaffing(evaluator, spaceFrom(NEED.map((n, k) => (k === 0 ? n : n + surplus))));
    expect(outcome.counts).toEqual([NEED]);
    const slots = NEED.length - 1;
    // One agent per slot at a time would take twelve trials, then a round of every neighbour.
    expect(outcome.candidates).toBeLessThan(2 * slots);
  });
});
