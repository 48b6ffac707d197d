// `npm run bench`: the reference models, each in a fresh process so wall time and peak
// memory are its own, beside a hand-written loop of model (a) run the same way as the
// yardstick. Options: --calls N (default 1,000,000), --repeat K (best of K).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { INLINING_BUDGET } from '../src/cli/tune-v8.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const argValue = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const calls = argValue('--calls', 1_000_000);
const repeat = argValue('--repeat', 5);
const models = ['models/a-single-team.yaml', 'models/b-four-numbers.yaml'];

interface Measurement {
  model: string;
  calls: number;
  coldCallsPerSecond: number;
  callsPerSecond: number;
  eventsPerSecond: number;
  processSeconds: number;
  peakRssMB: number;
}

const node = (args: string[]): string => execFileSync(process.execPath, args, { encoding: 'utf8' });
/** The best of `repeat` fresh processes by `key`. */
function best<T>(run: () => T, key: (m: T) => number): T {
  let top: T | undefined;
  for (let k = 0; k < repeat; k++) {
    const m = run();
    if (top === undefined || key(m) > key(top)) top = m;
  }
  return top!;
}

console.log(`spoc-sim benchmark: ${calls.toLocaleString('en')} calls per model, best of ${repeat} processes, one core`);
console.log('cold: the first run of a fresh process, V8 compiling the loop as it goes; warm: a second run');
console.log(`${'model'.padEnd(44)}${'cold calls/s'.padStart(13)}${'warm calls/s'.padStart(13)}${'events/s'.padStart(10)}${'wall s'.padStart(8)}${'peak MB'.padStart(8)}`);
const measured = models.map((model) => {
  const b = best(
    () => JSON.parse(node(['--import', 'tsx', `${here}simulate-model.ts`, `${here}${model}`, String(calls)])) as Measurement,
    (m) => m.callsPerSecond,
  );
  console.log(
    `${b.model.padEnd(44)}${fmt(b.coldCallsPerSecond, 13)}${fmt(b.callsPerSecond, 13)}${fmt(b.eventsPerSecond, 10)}${b.processSeconds.toFixed(2).padStart(8)}${b.peakRssMB.toFixed(0).padStart(8)}`,
  );
  return b;
});

// The yardstick, under the same V8 settings as the simulator.
interface ReferenceRun {
  callsPerSecond: number;
}
const reference = (run: 'cold' | 'warm'): number =>
  best(
    () => {
      const [cold, warm] = node([INLINING_BUDGET, `${here}reference-loop.mjs`, String(calls)])
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as ReferenceRun);
      return (run === 'cold' ? cold : warm)!.callsPerSecond;
    },
    (x) => x,
  );
const referenceCold = reference('cold');
const referenceWarm = reference('warm');
console.log(`${'hand-written loop of model (a)'.padEnd(44)}${fmt(referenceCold, 13)}${fmt(referenceWarm, 13)}`);
const a = measured[0]!;
console.log(
  `model (a) against the hand-written loop: cold ${(a.coldCallsPerSecond / referenceCold).toFixed(2)}, warm ${(a.callsPerSecond / referenceWarm).toFixed(2)}`,
);

// Sweeps: the speed-up from 1 to 2 worker threads, and memory on 10,000 points.
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

function fmt(perSecond: number, width = 12): string {
  return `${(perSecond / 1e6).toFixed(2)} M`.padStart(width);
}
