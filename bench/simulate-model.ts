// One benchmark measurement in its own process: load a model through the real loader, run
// its first design scaled to a number of calls twice (replications 0 and 1), print one JSON
// line. The first run includes V8 compiling the loop (cold); the second is the steady state.
import { compileDesign } from '../src/callcenter/compile.ts';
import { tuneV8 } from '../src/cli/tune-v8.ts';
import { runReplication } from '../src/experiment/run-experiment.ts';
import { loadScenario } from '../src/scenario/index.ts';

tuneV8();
const [file, callsArg] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: simulate-model.ts FILE [CALLS]');
const loaded = loadScenario(file);
const calls = Number(callsArg ?? 1_000_000);
const arrivals = loaded.demand.arrivals;
if (arrivals.kind !== 'poisson') throw new Error('benchmark models use a constant arrival rate');
const ratePerSecond = arrivals.ratePerSecond;
// Scale the horizon so that the expected number of new issues is `calls`.
const scenario = { ...loaded, run: { ...loaded.run, horizon: calls / ratePerSecond } };
const design = compileDesign(scenario, scenario.designs[0]!);

function measure(replication: number): { calls: number; events: number; seconds: number } {
  const started = performance.now();
  const { stats } = runReplication(scenario, design, replication);
  return { calls: stats.calls, events: stats.events, seconds: (performance.now() - started) / 1000 };
}

const cold = measure(0);
const coldProcessSeconds = process.uptime();
const warm = measure(1);
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
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
