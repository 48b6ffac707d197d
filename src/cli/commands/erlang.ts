// `spoc erlang`: queueing theory for one team (Erlang C, or Erlang A with patience), and the
// agents needed for a service-level target: the planner's back-of-the-envelope check.
import type { Argv } from 'yargs';
import { agentsForServiceLevel, queueMetrics, type QueueMetrics } from '../../analytic/index.ts';
import { formatDuration } from '../../report/format-number.ts';
import { parseRate } from '../../scenario/units.ts';
import { InputError } from '../../scenario/index.ts';
import type { CliIo } from '../io.ts';
import { durationOption, numberOption, TEXT_VALUE, wholeNumberOption } from '../option-values.ts';

/** The most agents the staffing search tries: beyond, the load is refused. */
export const MAX_ERLANG_AGENTS = 100_000;
const DEFAULT_TARGET = 0.8;

export interface ErlangArgs {
  readonly rate: string;
  readonly handle: string;
  readonly agents: string | undefined;
  readonly patience: string | undefined;
  readonly serviceLevel: string;
  readonly target: string | undefined;
  readonly format: 'table' | 'json';
}

export function erlangOptions(yargs: Argv): Argv<ErlangArgs> {
  return yargs
    .option('rate', { ...TEXT_VALUE, demandOption: true, describe: 'arrival rate, e.g. 600/h (a bare number is per hour)' })
    .option('handle', { ...TEXT_VALUE, demandOption: true, describe: 'mean handle time, e.g. 4m or 240' })
    .option('agents', { ...TEXT_VALUE, describe: 'agents (default: the fewest meeting --target)' })
    .option('patience', { ...TEXT_VALUE, describe: 'mean patience, e.g. 3m: Erlang A instead of Erlang C' })
    .option('service-level', { ...TEXT_VALUE, default: '20s', describe: 'service-level threshold' })
    .option('target', { ...TEXT_VALUE, describe: 'service-level target, a share in (0, 1) (default 0.8)' })
    .option('format', { choices: ['table', 'json'] as const, default: 'table' as const }) as unknown as Argv<ErlangArgs>;
}

export function erlangCommand(args: ErlangArgs, io: CliIo): void {
  const arrivalRate = parsedRate(args.rate);
  const meanService = durationOption('--handle', args.handle);
  const threshold = durationOption('--service-level', args.serviceLevel, 'zero allowed');
  const meanPatience = args.patience === undefined ? undefined : durationOption('--patience', args.patience);
  const target = numberOption('--target', args.target, 'a share in (0, 1)') ?? DEFAULT_TARGET;
  if (!(target > 0 && target < 1)) throw new InputError(`--target: found ${args.target}, expected a share in (0, 1)`);
  const agents = wholeNumberOption('--agents', args.agents, 1);
  if (agents !== undefined && agents > MAX_ERLANG_AGENTS) {
    throw new InputError(`--agents: found ${agents}, expected at most ${MAX_ERLANG_AGENTS} (the most spoc erlang computes)`);
  }
  const input = { arrivalRate, meanService, meanPatience, maxAgents: MAX_ERLANG_AGENTS };
  const load = arrivalRate * meanService;
  const { needed, rows } = beyondLimits(load, () => {
    const fewest = agentsForServiceLevel({ ...input, threshold, target }).agents;
    const centre = agents ?? fewest;
    const around: QueueMetrics[] = [];
    for (let c = Math.max(1, centre - 3); c <= centre + 3; c++) around.push(queueMetrics(input, c));
    return { needed: fewest, rows: around };
  });
  const model = meanPatience === undefined ? 'Erlang C (M/M/c)' : 'Erlang A (M/M/c+M)';
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify({ model, load, serviceLevelThreshold: threshold, target, agentsNeeded: needed, rows: rows.map((m) => row(m, threshold)) }, null, 2)}\n`);
    return;
  }
  const lines = [
    `${model}: ${(arrivalRate * 3600).toFixed(1)} calls/h × ${formatDuration(meanService)} = ${load.toFixed(2)} Erlangs` +
      (meanPatience === undefined ? '' : `, mean patience ${formatDuration(meanPatience)}`),
    `Agents needed for ${(target * 100).toFixed(0)}% answered within ${formatDuration(threshold)}: ${needed}`,
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

function parsedRate(text: string): number {
  const result = parseRate(text);
  if (!result.ok) throw new InputError(`--rate: found ${JSON.stringify(text)}, ${result.message}`);
  return result.value;
}

/**
 * The figures, or a refusal saying why there are none: a load needing more agents than
 * MAX_ERLANG_AGENTS, or more queue states than Erlang A computes, is beyond the formulas'
 * reach here (they refuse with a RangeError).
 */
function beyondLimits<T>(load: number, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new InputError(`a load of ${load.toPrecision(6)} Erlangs is beyond what spoc erlang computes (${error.message})`);
  }
}
