// Whether a metric's figures are worth a chart: a chart of bars that are all alike (a share
// that is 0 for every design, agent-hours at equal staffing) only says "nothing to see".
import type { Estimate } from '../../metrics/results.ts';

/**
 * True when the estimates differ: two finite means differ, or some interval has a width;
 * a single estimate is worth showing when it is not 0. False without any finite mean.
 */
export function varies(estimates: readonly (Estimate | undefined)[]): boolean {
  const finite = estimates.filter((e): e is Estimate => e !== undefined && Number.isFinite(e.mean));
  const first = finite[0];
  if (first === undefined) return false;
  if (finite.some((e) => e.mean !== first.mean)) return true;
  if (finite.some((e) => e.ci95 !== null && Number.isFinite(e.ci95[0]) && Number.isFinite(e.ci95[1]) && e.ci95[1] > e.ci95[0])) return true;
  return finite.length === 1 && first.mean !== 0;
}
