// The start-up part of `npm run bench`: how long the `spoc` process takes against bare
// Node, and a whole-process run of model (a) against the hand-written loop's process.
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const spoc = `${here}../bin/spoc.js`;
const median = (xs: readonly number[]): number => [...xs].sort((p, q) => p - q)[xs.length >> 1]!;

/** Wall time of one fresh `node ARGS` process, in seconds, its output discarded. */
function processSeconds(args: readonly string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

/** Each command once per round, so that every median sees the same moments of the machine. */
function medians(commands: readonly (readonly string[])[], rounds: number): readonly number[] {
  const seconds = commands.map((): number[] => []);
  for (let round = 0; round < rounds; round++) commands.forEach((args, i) => seconds[i]!.push(processSeconds(args)));
  return seconds.map(median);
}

export function benchStartUp(rounds = 7, wholeRounds = 3): void {
  const commands: readonly { label: string; args: readonly string[] }[] = [
    { label: 'node -e 0', args: ['-e', '0'] },
    { label: 'spoc --version', args: [spoc, '--version'] },
    { label: 'spoc run models/one-minute.yaml', args: [spoc, 'run', `${here}models/one-minute.yaml`] },
  ];
  console.log('');
  console.log(`start-up: wall time of a fresh process, median of ${rounds}`);
  const [bare, ...others] = medians(commands.map((c) => c.args), rounds);
  console.log(`  ${commands[0]!.label.padEnd(34)}${bare!.toFixed(2).padStart(6)} s`);
  others.forEach((seconds, i) =>
    console.log(`  ${commands[i + 1]!.label.padEnd(34)}${seconds.toFixed(2).padStart(6)} s  ${`+${(seconds - bare!).toFixed(2)}`.padStart(6)} s over bare Node`),
  );

  // The same 3,000,000 calls: spoc's whole process (start-up, loading, simulating, the
  // report) against a process that imports the hand-written loop and runs it once (the
  // argument after the code only fills process.argv[1], which the loop's module reads).
  const loop = pathToFileURL(`${here}reference-loop.mjs`).href;
  const [ours, theirs] = medians(
    [
      [spoc, 'run', `${here}models/a-three-million-calls.yaml`],
      ['--input-type=module', '-e', `import { referenceLoop } from '${loop}'; referenceLoop(3_000_000);`, 'once'],
    ],
    wholeRounds,
  );
  console.log(
    `3,000,000 calls of model (a), whole process, median of ${wholeRounds}: spoc run ${ours!.toFixed(2)} s, ` +
      `hand-written loop ${theirs!.toFixed(2)} s: ${(ours! / theirs!).toFixed(2)}x`,
  );
}
