// One benchmark measurement in its own process: load a model through the real loader, run
// its first design scaled to a number of calls (replication 0, then 1 to 3), print one JSON
// line. The first run includes V8 compiling the loop (cold); the best of the next three is
// the steady state (warm).
// With --reference, the hand-written loop runs after each, so that both are measured at the
// same moment of a machine whose speed drifts.
import { compileRun } from '../src/callcenter/compile-run.ts';
import { tuneV8 } from '../src/experiment/tune-v8.ts';
import { runReplication } from '../src/experiment/run-experiment.ts';
import { loadScenario } from '../src/scenario/index.ts';
import { referenceLoop } from './reference-loop.mjs';
import { nodeFileSource } from '../src/cli/file-source.ts';

tuneV8();
const [file, callsArg, option] = process.argv.slice(2);
const withReference = option === '--reference';
if (file === undefined) throw new Error('usage: simulate-model.ts FILE [CALLS]');
const loaded = loadScenario(file, nodeFileSource);
const calls = Number(callsArg ?? 1_000_000);
const arrivals = loaded.demand.arrivals;
if (arrivals.kind !== 'poisson') throw new Error('benchmark models use a constant arrival rate');
const ratePerSecond = arrivals.ratePerSecond;
// Scale the horizon so that the expected number of new issues is `calls`.
const scenario = { ...loaded, run: { ...loaded.run, horizon: calls / ratePerSecond } };
const run = compileRun(scenario, scenario.designs[0]!);

function measure(replication: number): { calls: number; events: number; seconds: number } {
  const started = performance.now();
  const { stats } = runReplication(run, replication);
  return { calls: stats.calls, events: stats.events, seconds: (performance.now() - started) / 1000 };
}

const cold = measure(0);
const coldProcessSeconds = process.uptime();
const coldPeakRssMB = process.resourceUsage().maxRSS / 1024;
const referenceCold = withReference ? referenceLoop(calls).callsPerSecond : NaN;
// Warm: the best of three more runs, each followed by the hand-written loop's.
let warm = measure(1);
let referenceWarm = withReference ? referenceLoop(calls).callsPerSecond : NaN;
for (let replication = 2; replication <= 3; replication++) {
  const run = measure(replication);
  if (run.calls / run.seconds > warm.calls / warm.seconds) warm = run;
  if (withReference) referenceWarm = Math.max(referenceWarm, referenceLoop(calls).callsPerSecond);
}
process.stdout.write(
  `${JSON.stringify({
    model: scenario.name,
    calls: cold.calls,
    coldCallsPerSecond: cold.calls / cold.seconds,
    coldEventsPerSecond: cold.events / cold.seconds,
    callsPerSecond: warm.calls / warm.seconds,
    eventsPerSecond: warm.events / warm.seconds,
    /** Start of the process to the end of the cold run: loading, compiling and simulating. */
    processSeconds: coldProcessSeconds,
    /** Peak memory up to the end of the cold run (before the hand-written loop's arrays). */
    peakRssMB: coldPeakRssMB,
    ...(withReference ? { referenceColdCallsPerSecond: referenceCold, referenceCallsPerSecond: referenceWarm } : {}),
  })}\n`,
);
