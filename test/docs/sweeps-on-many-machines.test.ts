// docs/sweeps-on-many-machines.md as a reader runs it: its blocks marked `checked=…` run as
// written through bash, with `spoc` on the PATH, in a folder laid out as the guide says (the
// bundled scenario file, `results/`, and `hosts.txt` naming this machine); the Slurm
// recipe runs on a private single-node Slurm cluster started here, its job script being the
// guide's `file=sweep.sbatch` block. Each recipe's merged output must be byte for byte the
// unsharded sweep's. The Kubernetes manifest cannot run here: its shard command must be the
// Slurm script's, shard for shard.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fencedBlocks, fileBlock, runShell, spocOnPath } from '../support/doc-blocks.ts';
import { startSlurmCluster, type SlurmCluster } from '../support/slurm-cluster.ts';

const GUIDE = 'docs/sweeps-on-many-machines.md';
const guide = readFileSync(GUIDE, 'utf8');
const checked = (name: string): string => {
  const found = fencedBlocks(guide).filter((b) => b.attributes['checked'] === name);
  if (found.length !== 1) throw new Error(`${GUIDE}: expected one block marked checked=${name}, found ${found.length}`);
  return found[0]!.body;
};
const SCENARIO = 'scenarios/utility-numbers.yaml';

const root = mkdtempSync(join(tmpdir(), 'spoc-batch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const env = spocOnPath(root);

/** A folder as the guide's hosts share it: the scenario file, `results/`, `hosts.txt`. */
function sharedFolder(name: string): string {
  const folder = join(root, name);
  mkdirSync(join(folder, 'scenarios'), { recursive: true });
  mkdirSync(join(folder, 'results'));
  copyFileSync(SCENARIO, join(folder, SCENARIO));
  writeFileSync(join(folder, 'hosts.txt'), ':\n');
  return folder;
}

/** Runs a block in a folder; fails with what it printed unless it exits 0. */
function run(text: string, folder: string, environment: NodeJS.ProcessEnv = env, more = ''): void {
  const result = runShell(text, folder, environment, 240_000);
  expect(result.status, `${text}\n${result.stdout}\n${result.stderr}${more}`).toBe(0);
}

const parts = (folder: string): string[] => readdirSync(join(folder, 'results')).filter((f) => /^part-\d+\.csv$/.test(f)).sort();

let unsharded = '';
beforeAll(() => {
  const folder = sharedFolder('unsharded');
  run(checked('unsharded'), folder);
  unsharded = readFileSync(join(folder, 'results/load.csv'), 'utf8');
  // Four points of three designs, under the header.
  expect(unsharded.trimEnd().split('\n')).toHaveLength(1 + 4 * 3);
}, 240_000);

describe('the GNU parallel recipe', () => {
  it('runs the shards on this machine, and their merge is the unsharded sweep, byte for byte', () => {
    const folder = sharedFolder('parallel');
    run(checked('parallel'), folder);
    expect(parts(folder)).toEqual(['part-1.csv', 'part-2.csv', 'part-3.csv', 'part-4.csv']);
    expect(readFileSync(join(folder, 'results/load.csv'), 'utf8')).toBe(unsharded);
  }, 240_000);
});

describe('the Slurm recipe', () => {
  let cluster: SlurmCluster;
  beforeAll(async () => {
    cluster = await startSlurmCluster(join(root, 'slurm'), 8);
  }, 60_000);
  afterAll(async () => cluster?.stop());

  it('runs the job array of shards, and their merge is the unsharded sweep, byte for byte', () => {
    const folder = sharedFolder('slurm-job');
    writeFileSync(join(folder, 'sweep.sbatch'), fileBlock(guide, 'sweep.sbatch').body);
    run(checked('slurm'), folder, { ...env, ...cluster.env, PATH: env['PATH'] }, `\n${cluster.logs()}`);
    expect(parts(folder)).toEqual(['part-1.csv', 'part-2.csv', 'part-3.csv', 'part-4.csv']);
    // One log per task of the array, in the submission folder.
    expect(readdirSync(folder).filter((f) => /^slurm-\d+_\d\.out$/.test(f))).toHaveLength(4);
    expect(readFileSync(join(folder, 'results/load.csv'), 'utf8')).toBe(unsharded);
  }, 240_000);
});

describe('the three recipes', () => {
  /** A shard command's words, the shard written K/N and the output results/part-K.csv. */
  const words = (command: string): string[] => command.replace(/\\\n/g, ' ').trim().split(/\s+/);
  const sbatch = fileBlock(guide, 'sweep.sbatch').body;
  const arraySize = Number(/^#SBATCH --array=1-(\d+)$/m.exec(sbatch)?.[1]);
  const slurm = words(
    sbatch
      .slice(sbatch.indexOf('spoc sweep'))
      .replace('"${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}"', `K/${arraySize}`)
      .replace('"results/part-${SLURM_ARRAY_TASK_ID}.csv"', 'results/part-K.csv')
      // Only Slurm says how many CPUs a task has.
      .replace('--workers "${SLURM_CPUS_PER_TASK}"', ''),
  );
  const manifest = parse(fileBlock(guide, 'sweep-job.yaml').body) as {
    spec: { completions: number; template: { spec: { containers: { command: string[]; args: string[] }[] } } };
  };
  const [container] = manifest.spec.template.spec.containers;
  const parallel = checked('parallel');
  const shards = Number(/^N=(\d+)$/m.exec(parallel)?.[1]);
  const parallelCommand = /'(spoc sweep [^]*?)' :::/.exec(parallel)?.[1] ?? '';

  it('run the same shard command: the Kubernetes manifest, the Slurm script and GNU parallel', () => {
    expect(slurm.slice(0, 3)).toEqual(['spoc', 'sweep', SCENARIO]);
    expect(container?.command).toEqual(['/bin/sh', '-c']);
    expect(words(container!.args[0]!.replaceAll('$((JOB_COMPLETION_INDEX + 1))', 'K'))).toEqual(slurm);
    expect(words(parallelCommand.replace(`{}/'$N'`, `K/${shards}`).replaceAll('{}', 'K'))).toEqual(slurm);
  });

  it('split into as many shards: array tasks, completions and N', () => {
    expect(arraySize).toBe(4);
    expect(manifest.spec.completions).toBe(arraySize);
    expect(shards).toBe(arraySize);
  });

  it('are the unsharded command with a shard, a partial file to resume and no progress bar', () => {
    const whole = words(checked('unsharded'));
    const shard = slurm.filter((w, i) => !['--shard', '--resume', '--no-progress', '-o'].includes(w) && !['--shard', '-o'].includes(slurm[i - 1]!));
    expect(shard).toEqual(whole.filter((w, i) => w !== '-o' && whole[i - 1] !== '-o'));
  });
});
