// A private single-node Slurm cluster for a test: its own munge key and socket, its own
// ports, state and logs under a folder of the test, so that it disturbs nothing else on the
// machine (another such cluster included). munged, slurmctld and slurmd run as root in the
// foreground, children of the test, and are stopped by their process ids. Debian's
// slurm-wlm and munge packages provide them (.ci/run installs them when absent).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The programs the cluster needs, all from slurm-wlm and munge. */
const PROGRAMS = ['mungekey', 'munged', 'slurmctld', 'slurmd', 'sbatch', 'sinfo'] as const;

export interface SlurmCluster {
  /** The environment of a command using the cluster: SLURM_CONF set. */
  readonly env: NodeJS.ProcessEnv;
  /** The daemons' logs, to show when a job fails. */
  logs(): string;
  stop(): Promise<void>;
}

/** Why the cluster cannot start here, or undefined when it can. */
export function slurmMissing(): string | undefined {
  const missing = PROGRAMS.filter((p) => spawnSync('sh', ['-c', `command -v ${p}`]).status !== 0);
  if (missing.length > 0) {
    return `missing ${missing.join(', ')}: install Debian's slurm-wlm and munge (.ci/run does: apt-get install -y slurm-wlm munge parallel)`;
  }
  if (process.getuid?.() !== 0) return 'the single-node Slurm cluster runs its daemons as root: run the tests as root (as CI does)';
  return undefined;
}

/** A TCP port free at the time of asking. */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

async function until(what: string, ready: () => boolean, timeoutMs: number, logs: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`the test's Slurm cluster: ${what} not ready after ${timeoutMs / 1000} s\n${logs()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Starts munged, slurmctld and slurmd under `root` with one node of `cpus` CPUs (declared:
 * the node may claim more than the machine has) in one partition, and waits until the node
 * is idle.
 */
export async function startSlurmCluster(root: string, cpus: number): Promise<SlurmCluster> {
  const why = slurmMissing();
  if (why !== undefined) throw new Error(`cannot start the test's Slurm cluster: ${why}`);
  const dir = (name: string): string => {
    const path = join(root, name);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const munge = dir('munge');
  chmodSync(munge, 0o755);
  const logDir = dir('log');
  const key = join(munge, 'munge.key');
  const socket = join(munge, 'socket');
  spawnSync('mungekey', ['--create', '--keyfile', key], { stdio: 'ignore' });
  const children: ChildProcess[] = [];
  const logFiles: string[] = [];
  const logs = (): string =>
    logFiles.map((f) => `--- ${f}\n${existsSync(f) ? readFileSync(f, 'utf8').split('\n').slice(-20).join('\n') : ''}`).join('\n');
  const daemon = (name: string, args: readonly string[]): void => {
    const log = join(logDir, `${name}.out`);
    logFiles.push(log);
    const out = openSync(log, 'a');
    children.push(spawn(name, args, { stdio: ['ignore', out, out] }));
  };
  const stop = async (): Promise<void> => {
    process.off('exit', killAll);
    await Promise.all(
      children.reverse().map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
            child.once('exit', () => {
              clearTimeout(force);
              done();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  };
  // Should the test process end without stop(), no daemon outlives it.
  const killAll = (): void => {
    for (const child of children) child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  try {
    daemon('munged', ['--force', '--foreground', `--socket=${socket}`, `--key-file=${key}`, `--log-file=${join(logDir, 'munged.log')}`, `--pid-file=${join(munge, 'munged.pid')}`, `--seed-file=${join(munge, 'seed')}`]);
    await until('munged', () => existsSync(socket), 15_000, logs);

    const node = hostname().split('.')[0]!;
    const conf = join(root, 'slurm.conf');
    const [controllerPort, nodePort] = [await freePort(), await freePort()];
    const state = dir('state');
    const spool = dir('spool');
    writeFileSync(
      conf,
      [
        `ClusterName=spoctest`,
        `SlurmctldHost=${node}`,
        `SlurmctldPort=${controllerPort}`,
        `SlurmdPort=${nodePort}`,
        'SlurmUser=root',
        'SlurmdUser=root',
        'AuthType=auth/munge',
        `AuthInfo=socket=${socket}`,
        'CredType=cred/munge',
        // No cgroups on these machines: processes tracked by parentage, tasks not bound.
        'ProctrackType=proctrack/linuxproc',
        'TaskPlugin=task/none',
        'MpiDefault=none',
        'SwitchType=switch/none',
        'ReturnToService=2',
        // The node's declared CPUs stand, whatever the machine has.
        'SlurmdParameters=config_overrides',
        'SelectType=select/cons_tres',
        'SelectTypeParameters=CR_CPU',
        `StateSaveLocation=${state}`,
        `SlurmdSpoolDir=${spool}`,
        `SlurmctldPidFile=${join(root, 'slurmctld.pid')}`,
        `SlurmdPidFile=${join(root, 'slurmd.pid')}`,
        `SlurmctldLogFile=${join(logDir, 'slurmctld.log')}`,
        `SlurmdLogFile=${join(logDir, 'slurmd.log')}`,
        'JobCompType=jobcomp/none',
        'AccountingStorageType=accounting_storage/none',
        'JobAcctGatherType=jobacct_gather/none',
        `NodeName=${node} CPUs=${cpus} State=UNKNOWN`,
        'PartitionName=spoc Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
        '',
      ].join('\n'),
    );
    logFiles.push(join(logDir, 'slurmctld.log'), join(logDir, 'slurmd.log'));
    const env = { ...process.env, SLURM_CONF: conf };
    daemon('slurmctld', ['-D', '-i', '-f', conf]);
    daemon('slurmd', ['-D', '-f', conf]);
    const idle = (): boolean => {
      const info = spawnSync('sinfo', ['--noheader', '--format=%T'], { env, encoding: 'utf8' });
      return info.status === 0 && info.stdout.trim() === 'idle';
    };
    await until('the node', idle, 30_000, logs);
    return { env, logs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
