// `npm run bench`: the reference models, each in fresh processes so wall time and peak
// memory are their own, and a hand-written loop of model (a) run beside it as the
// yardstick; then start-up times (bench/start-up.ts), staffing searches (bench/staffing.ts),
// a week's shifts (bench/shifts-week.ts) and the playground's (bench/playground.ts).
// Options: --calls N (default 1,000,000), --repeat K (processes per model), --staff-week.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchPlayground } from './playground.ts';
import { benchShifts } from './shifts-week.ts';
import { benchStaffing } from './staffing.ts';
import { benchStartUp } from './start-up.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const argValue = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const calls = argValue('--calls', 1_000_000);
const repeat = argValue('--repeat', 5);
const models = ['models/a-single-team.yaml', 'models/b-four-numbers.yaml', 'models/a-advisors.yaml'];
/** How the fractions below name each model. */
const labels = ['model (a)', 'model (b)', 'model (a) with advisors'];

interface Measurement {
  model: string;
  calls: number;
  coldCallsPerSecond: number;
  callsPerSecond: number;
  eventsPerSecond: number;
  processSeconds: number;
  peakRssMB: number;
  /** Present when the hand-written loop ran beside the model. */
  referenceColdCallsPerSecond?: number;
  referenceCallsPerSecond?: number;
}

const node = (args: string[]): string => execFileSync(process.execPath, args, { encoding: 'utf8' });
const max = (xs: number[]): number => Math.max(...xs);
const median = (xs: number[]): number => [...xs].sort((p, q) => p - q)[xs.length >> 1]!;

console.log(`spoc-sim benchmark: ${calls.toLocaleString('en')} calls per model, ${repeat} fresh processes each, one core`);
console.log('cold: the first run of a process, V8 compiling the loop as it goes; warm: the best of three more runs');
console.log(`${'model'.padEnd(44)}${'cold calls/s'.padStart(13)}${'warm calls/s'.padStart(13)}${'events/s'.padStart(10)}${'wall s'.padStart(8)}${'peak MB'.padStart(8)}`);
const runs = models.map((model) => {
  // The hand-written loop (of model (a)) runs beside each model: its speed is the yardstick.
  const args = ['--import', 'tsx', `${here}simulate-model.ts`, `${here}${model}`, String(calls), '--reference'];
  const ms = Array.from({ length: repeat }, () => JSON.parse(node(args)) as Measurement);
  const warmest = ms.reduce((p, q) => (q.callsPerSecond > p.callsPerSecond ? q : p));
  console.log(
    `${ms[0]!.model.padEnd(44)}${fmt(max(ms.map((m) => m.coldCallsPerSecond)), 13)}${fmt(warmest.callsPerSecond, 13)}${fmt(warmest.eventsPerSecond, 10)}` +
      `${Math.min(...ms.map((m) => m.processSeconds)).toFixed(2).padStart(8)}${max(ms.map((m) => m.peakRssMB)).toFixed(0).padStart(8)}`,
  );
  return ms;
});
const a = runs[0]!;
console.log(
  `${'hand-written loop of model (a)'.padEnd(44)}${fmt(max(a.map((m) => m.referenceColdCallsPerSecond!)), 13)}${fmt(max(a.map((m) => m.referenceCallsPerSecond!)), 13)}`,
);
// Each process measured both at the same moment: the median of their ratios.
const ratio = (ms: Measurement[], ours: (m: Measurement) => number, theirs: (m: Measurement) => number | undefined): string =>
  median(ms.map((m) => ours(m) / theirs(m)!)).toFixed(2);
runs.forEach((ms, i) =>
  console.log(
    `${labels[i]} as a fraction of the hand-written loop (median of the processes): cold ${ratio(ms, (m) => m.coldCallsPerSecond, (m) => m.referenceColdCallsPerSecond)}, warm ${ratio(ms, (m) => m.callsPerSecond, (m) => m.referenceCallsPerSecond)}`,
  ),
);

// Sweeps: the speed-up from 1 to 2 worker threads, and memory on 10,000 points, on the
// compiled code (sweep-model.ts runs dist/, built here from the sources as they are).
execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
interface SweepMeasurement {
  points: number;
  workers: number;
  seconds: number;
  callsPerSecond: number;
  peakRssMB: number;
}
const sweep = (workers: number, replications: number, sets: string[]): SweepMeasurement =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', `${here}sweep-model.ts`, `${here}models/sweep-grid.yaml`, String(workers), String(replications), ...sets.flatMap((s) => ['--set', s])],
      { encoding: 'utf8' },
    ),
  ) as SweepMeasurement;

console.log('');
console.log('sweep of 40 points x 20 replications x 2 designs (models/sweep-grid.yaml)');
const grid = ['teams.billing.agents=8..15', 'teams.field.agents=4..8'];
const one = sweep(1, 20, grid);
const two = sweep(2, 20, grid);
for (const m of [one, two]) {
  console.log(`  ${m.workers} worker${m.workers > 1 ? 's' : ' '}  ${m.seconds.toFixed(2).padStart(6)} s  ${fmt(m.callsPerSecond)} calls/s  ${m.peakRssMB.toFixed(0).padStart(5)} MB`);
}
console.log(`  speed-up 1 -> 2 workers: ${(one.seconds / two.seconds).toFixed(2)}x`);
const big = sweep(2, 1, ['teams.billing.agents=1..100', 'teams.field.agents=1..100', 'run.horizon=30m']);
console.log(
  `sweep of ${big.points.toLocaleString('en')} points x 1 replication, 2 workers: ${big.seconds.toFixed(1)} s, peak ${big.peakRssMB.toFixed(0)} MB`,
);

benchStartUp();
benchStaffing(process.argv.includes('--staff-week'));
await benchShifts();
await benchPlayground();

function fmt(perSecond: number, width = 12): string {
  return `${(perSecond / 1e6).toFixed(2)} M`.padStart(width);
}
