// One sweep measurement in its own process: prints wall time, points/s and peak memory.
// Usage: sweep-model.ts FILE WORKERS REPLICATIONS --set PATH=VALUES...
import { tuneV8 } from '../src/experiment/tune-v8.ts';
import { nodeFileSource } from '../src/cli/file-source.ts';
import { streamedRows } from '../src/cli/sweep-output.ts';
import { runSweep } from '../src/experiment/sweep-runner.ts';
import { sweepRowFormat } from '../src/report/sweep-rows.ts';
import { parseSetOption, readScenarioData } from '../src/scenario/index.ts';

tuneV8();
const [file, workers, replications, ...rest] = process.argv.slice(2);
const sets = rest.filter((a) => a !== '--set').map((text) => parseSetOption(text));
let bytes = 0;
const started = performance.now();
const summary = await runSweep({
  data: readScenarioData(file!, nodeFileSource),
  sets,
  overrides: { replications: Number(replications) },
  workers: Number(workers),
  format: sweepRowFormat('csv'),
  sink: streamedRows((text) => (bytes += text.length)),
});
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({
    points: summary.points,
    workers: Number(workers),
    seconds,
    pointsPerSecond: summary.points / seconds,
    callsPerSecond: summary.calls / seconds,
    outputBytes: bytes,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
