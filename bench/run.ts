// `npm run bench`: the reference models, each in a fresh process so wall time and peak
// memory are its own. Options: --calls N (default 1,000,000), --repeat K (best of K).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const argValue = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const calls = argValue('--calls', 1_000_000);
const repeat = argValue('--repeat', 3);
const models = ['models/a-single-team.yaml', 'models/b-four-numbers.yaml'];

interface Measurement {
  model: string;
  calls: number;
  events: number;
  callsPerSecond: number;
  eventsPerSecond: number;
  processSeconds: number;
  peakRssMB: number;
}

console.log(`spoc-sim benchmark: ${calls.toLocaleString('en')} calls per model, best of ${repeat}, one core`);
console.log(`${'model'.padEnd(44)}${'calls/s'.padStart(12)}${'events/s'.padStart(12)}${'wall s'.padStart(9)}${'peak MB'.padStart(9)}`);
for (const model of models) {
  let best: Measurement | undefined;
  for (let k = 0; k < repeat; k++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', `${here}simulate-model.ts`, `${here}${model}`, String(calls)], {
      encoding: 'utf8',
    });
    const m = JSON.parse(out) as Measurement;
    if (best === undefined || m.callsPerSecond > best.callsPerSecond) best = m;
  }
  const b = best!;
  console.log(
    `${b.model.padEnd(44)}${fmt(b.callsPerSecond)}${fmt(b.eventsPerSecond)}${b.processSeconds.toFixed(2).padStart(9)}${b.peakRssMB.toFixed(0).padStart(9)}`,
  );
}

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

function fmt(perSecond: number): string {
  return `${(perSecond / 1e6).toFixed(2)} M`.padStart(12);
}
