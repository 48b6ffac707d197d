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

function fmt(perSecond: number): string {
  return `${(perSecond / 1e6).toFixed(2)} M`.padStart(12);
}
