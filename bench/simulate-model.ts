// One benchmark measurement in its own process: load a model through the real loader, run
// one replication of its first design scaled to a number of calls, print one JSON line.
import { compileDesign } from '../src/callcenter/compile.ts';
import { runReplication } from '../src/experiment/run-experiment.ts';
import { loadScenario } from '../src/scenario/index.ts';

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

const started = performance.now();
const { stats } = runReplication(scenario, design, 0);
const seconds = (performance.now() - started) / 1000;

process.stdout.write(
  `${JSON.stringify({
    model: scenario.name,
    calls: stats.calls,
    events: stats.events,
    loopSeconds: seconds,
    callsPerSecond: stats.calls / seconds,
    eventsPerSecond: stats.events / seconds,
    processSeconds: process.uptime(),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
