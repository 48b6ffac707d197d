// One sweep measurement in its own process: prints wall time, points/s and peak memory.
// Usage: sweep-model.ts FILE WORKERS REPLICATIONS --set PATH=VALUES...
// It runs the compiled code of dist/, as the `spoc` command and its worker threads do (run
// from the sources, each worker would first spend about half a second compiling them);
// bench/run.ts builds dist/ first. The types are the sources'.
const compiled = <T>(path: string): Promise<T> => import(new URL(`../dist/${path}`, import.meta.url).href) as Promise<T>;
const { tuneV8 } = await compiled<typeof import('../src/experiment/tune-v8.ts')>('experiment/tune-v8.js');
const { nodeFileSource } = await compiled<typeof import('../src/cli/file-source.ts')>('cli/file-source.js');
const { streamedRows } = await compiled<typeof import('../src/cli/sweep-output.ts')>('cli/sweep-output.js');
const { runSweep } = await compiled<typeof import('../src/experiment/sweep-runner.ts')>('experiment/sweep-runner.js');
const { sweepRowFormat } = await compiled<typeof import('../src/report/sweep-rows.ts')>('report/sweep-rows.js');
const { parseSetOption, readScenarioData } = await compiled<typeof import('../src/scenario/index.ts')>('scenario/index.js');

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
