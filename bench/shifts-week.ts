// The shifts part of `npm run bench`: one week at 30-minute intervals (336 intervals, 4- and
// 8-hour shifts starting every 30 minutes) turned into whole shifts by the integer program.
import { coverWithShifts, type ShiftRequest } from '../src/experiment/staffing/shifts.ts';

const HALF_HOUR = 1800;
const median = (xs: readonly number[]): number => [...xs].sort((p, q) => p - q)[xs.length >> 1]!;

/** Agents per half hour: two at night, a daytime peak of about 30 with some unevenness, closed on Sunday. */
export function weekRequirements(): number[] {
  return Array.from({ length: 7 * 48 }, (_, t) => {
    const hour = (t % 48) / 2;
    if (t >= 6 * 48) return 0;
    return hour < 7 || hour >= 22 ? 2 : Math.round(6 + 24 * Math.sin(((hour - 7) / 15) * Math.PI) + ((t * 7) % 5));
  });
}

export async function benchShifts(rounds = 5): Promise<void> {
  const request: ShiftRequest = { intervalSeconds: HALF_HOUR, requirements: weekRequirements(), lengthsSeconds: [4 * 3600, 8 * 3600], startEverySeconds: HALF_HOUR };
  const seconds = async (): Promise<number> => {
    const started = performance.now();
    await coverWithShifts(request);
    return (performance.now() - started) / 1000;
  };
  // The first call also loads and compiles the solver's WebAssembly.
  const first = await seconds();
  const rest: number[] = [];
  for (let round = 0; round < rounds; round++) rest.push(await seconds());
  const plan = await coverWithShifts(request);
  console.log('');
  console.log(`shifts: a week at 30-minute intervals (336), 4h and 8h shifts starting every 30m, ${plan.agentHours} agent-hours paid`);
  console.log(`  first solve (loading HiGHS) ${first.toFixed(2)} s, then median of ${rounds} ${median(rest).toFixed(2)} s; overstaffing ${(100 * plan.overstaffingShare).toFixed(1)}%`);
}
