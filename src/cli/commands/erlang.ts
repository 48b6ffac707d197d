// `spoc erlang`: queueing theory for one team (Erlang C, or Erlang A with patience), and the
// agents needed for a service-level target: the planner's back-of-the-envelope check.
import type { Argv } from 'yargs';
import { agentsForServiceLevel, queueMetrics, type QueueMetrics } from '../../analytic/index.ts';
import { formatDuration } from '../../report/format-number.ts';
import { parseDuration, parseRate } from '../../scenario/units.ts';
import { InputError } from '../../scenario/index.ts';
import type { CliIo } from '../io.ts';

export interface ErlangArgs {
  readonly rate: string;
  readonly handle: string;
  readonly agents: number | undefined;
  readonly patience: string | undefined;
  readonly serviceLevel: string;
  readonly target: number;
  readonly format: 'table' | 'json';
}

export function erlangOptions(yargs: Argv): Argv<ErlangArgs> {
  return yargs
    .option('rate', { type: 'string', demandOption: true, describe: 'arrival rate, e.g. 600/h (a bare number is per hour)' })
    .option('handle', { type: 'string', demandOption: true, describe: 'mean handle time, e.g. 4m or 240' })
    .option('agents', { type: 'number', describe: 'agents (default: the fewest meeting --target)' })
    .option('patience', { type: 'string', describe: 'mean patience, e.g. 3m: Erlang A instead of Erlang C' })
    .option('service-level', { type: 'string', default: '20s', describe: 'service-level threshold' })
    .option('target', { type: 'number', default: 0.8, describe: 'service-level target, a share in (0, 1)' })
    .option('format', { choices: ['table', 'json'] as const, default: 'table' as const }) as unknown as Argv<ErlangArgs>;
}

export function erlangCommand(args: ErlangArgs, io: CliIo): void {
  const arrivalRate = parsed('--rate', parseRate(args.rate));
  const meanService = parsed('--handle', parseDuration(args.handle));
  const threshold = parsed('--service-level', parseDuration(args.serviceLevel));
  const meanPatience = args.patience === undefined ? undefined : parsed('--patience', parseDuration(args.patience));
  if (meanService <= 0) throw new InputError(`--handle: found ${args.handle}, expected a duration above 0`);
  if (meanPatience !== undefined && meanPatience <= 0) throw new InputError(`--patience: found ${args.patience}, expected a duration above 0`);
  if (!(args.target > 0 && args.target < 1)) throw new InputError(`--target: found ${args.target}, expected a share in (0, 1)`);
  if (args.agents !== undefined && !(Number.isSafeInteger(args.agents) && args.agents >= 1)) {
    throw new InputError(`--agents: found ${args.agents}, expected a whole number >= 1`);
  }
  const input = { arrivalRate, meanService, meanPatience };
  const needed = agentsForServiceLevel({ ...input, threshold, target: args.target }).agents;
  const centre = args.agents ?? needed;
  const rows: QueueMetrics[] = [];
  for (let c = Math.max(1, centre - 3); c <= centre + 3; c++) rows.push(queueMetrics(input, c));
  const model = meanPatience === undefined ? 'Erlang C (M/M/c)' : 'Erlang A (M/M/c+M)';
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify({ model, load: arrivalRate * meanService, serviceLevelThreshold: threshold, target: args.target, agentsNeeded: needed, rows: rows.map((m) => row(m, threshold)) }, null, 2)}\n`);
    return;
  }
  const load = arrivalRate * meanService;
  const lines = [
    `${model}: ${(arrivalRate * 3600).toFixed(1)} calls/h × ${formatDuration(meanService)} = ${load.toFixed(2)} Erlangs` +
      (meanPatience === undefined ? '' : `, mean patience ${formatDuration(meanPatience)}`),
    `Agents needed for ${(args.target * 100).toFixed(0)}% answered within ${formatDuration(threshold)}: ${needed}`,
    '',
    ['agents', 'occupancy', 'P(wait)', 'mean wait', 'ASA', `SL ${formatDuration(threshold)}`, 'abandoned'].map((h) => h.padStart(10)).join(''),
  ];
  for (const m of rows) {
    const r = row(m, threshold);
    const cells = [
      String(m.agents),
      pct(r.occupancy),
      pct(r.pWait),
      time(r.waitMean),
      time(r.asa),
      pct(r.serviceLevel),
      pct(r.abandonRate),
    ];
    lines.push(cells.map((c) => c.padStart(10)).join('') + (m.agents === needed ? '  ◀ target met' : ''));
  }
  io.stdout(`${lines.join('\n')}\n`);
}

function row(m: QueueMetrics, threshold: number) {
  return {
    agents: m.agents,
    occupancy: m.occupancy,
    pWait: m.pWait,
    waitMean: m.waitMean,
    asa: m.asa,
    serviceLevel: m.serviceLevel(threshold),
    abandonRate: m.abandonRate,
    stable: m.stable,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const time = (x: number): string => (Number.isFinite(x) ? formatDuration(x) : '∞');

function parsed(flag: string, result: { ok: true; value: number } | { ok: false; message: string }): number {
  if (!result.ok) throw new InputError(`${flag}: ${result.message}`);
  return result.value;
}
