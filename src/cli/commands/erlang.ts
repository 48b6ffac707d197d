// `spoc erlang`: queueing theory for one team (Erlang C; Erlang A with patience; Erlang B or
// M/M/c/K with a queue capacity), and the agents needed for service-level, ASA, abandonment
// or blocking targets: the planner's back-of-the-envelope check.
import type { Argv } from 'yargs';
import { agentsForTargets, queueMetrics, type QueueMetrics } from '../../analytic/index.ts';
import { formatDuration } from '../../report/format-number.ts';
import { parseRate } from '../../scenario/units.ts';
import { InputError } from '../../scenario/index.ts';
import type { CliIo } from '../io.ts';
import { durationOption, TEXT_VALUE, wholeNumberOption } from '../option-values.ts';
import { erlangPlan, targetsText, type ErlangModel, type ErlangTargetArgs } from './erlang-targets.ts';

/** The most agents the staffing search tries: beyond, the load is refused. */
export const MAX_ERLANG_AGENTS = 100_000;

export interface ErlangArgs extends ErlangTargetArgs {
  readonly rate: string;
  readonly handle: string;
  readonly agents: string | undefined;
  readonly format: 'table' | 'json';
}

export function erlangOptions(yargs: Argv): Argv<ErlangArgs> {
  return yargs
    .option('rate', { ...TEXT_VALUE, demandOption: true, describe: 'arrival rate, e.g. 600/h (a bare number is per hour)' })
    .option('handle', { ...TEXT_VALUE, demandOption: true, describe: 'mean handle time, e.g. 4m or 240' })
    .option('agents', { ...TEXT_VALUE, describe: 'agents (default: the fewest meeting the targets)' })
    .option('patience', { ...TEXT_VALUE, describe: 'mean patience, e.g. 3m: Erlang A instead of Erlang C' })
    .option('queue-capacity', {
      ...TEXT_VALUE,
      describe: 'waiting places; callers beyond get a busy signal: M/M/c/K, or Erlang B with 0 (not with --patience)',
    })
    .option('service-level', { ...TEXT_VALUE, default: '20s', describe: 'service-level threshold' })
    .option('target', { ...TEXT_VALUE, describe: 'service-level target, a share in (0, 1) (default 0.8 when no target is given)' })
    .option('max-asa', { ...TEXT_VALUE, describe: 'target: mean wait of answered callers at most this, e.g. 30s' })
    .option('max-abandon-rate', { ...TEXT_VALUE, describe: 'target: share of callers abandoning at most this, e.g. 0.05 (with --patience)' })
    .option('max-blocking', {
      ...TEXT_VALUE,
      describe: 'target: share of callers blocked at most this, e.g. 0.01 (with --queue-capacity; the default with 0)',
    })
    .option('format', { choices: ['table', 'json'] as const, default: 'table' as const }) as unknown as Argv<ErlangArgs>;
}

export function erlangCommand(args: ErlangArgs, io: CliIo): void {
  const arrivalRate = parsedRate(args.rate);
  const meanService = durationOption('--handle', args.handle);
  const { model, threshold, targets } = erlangPlan(args);
  const agents = wholeNumberOption('--agents', args.agents, 1);
  if (agents !== undefined && agents > MAX_ERLANG_AGENTS) {
    throw new InputError(`--agents: found ${agents}, expected at most ${MAX_ERLANG_AGENTS} (the most spoc erlang computes)`);
  }
  const input = {
    arrivalRate,
    meanService,
    meanPatience: model.kind === 'erlang-a' ? model.meanPatience : undefined,
    queueCapacity: model.kind === 'erlang-b' ? 0 : model.kind === 'mmck' ? model.queueCapacity : undefined,
    maxAgents: MAX_ERLANG_AGENTS,
  };
  const load = arrivalRate * meanService;
  const { needed, rows } = beyondLimits(load, () => {
    const fewest = agentsForTargets(input, targets).agents;
    const centre = agents ?? fewest;
    const around: QueueMetrics[] = [];
    for (let c = Math.max(1, centre - 3); c <= centre + 3; c++) around.push(queueMetrics(input, c));
    return { needed: fewest, rows: around };
  });
  const lossy = model.kind === 'erlang-b' || model.kind === 'mmck';
  if (args.format === 'json') {
    const json = {
      model: modelName(model),
      load,
      ...(input.queueCapacity === undefined ? {} : { queueCapacity: input.queueCapacity }),
      serviceLevelThreshold: threshold,
      ...(targets.serviceLevel === undefined ? {} : { target: targets.serviceLevel.target }),
      ...(targets.maxAsa === undefined ? {} : { maxAsa: targets.maxAsa }),
      ...(targets.maxAbandonRate === undefined ? {} : { maxAbandonRate: targets.maxAbandonRate }),
      ...(targets.maxBlocking === undefined ? {} : { maxBlocking: targets.maxBlocking }),
      agentsNeeded: needed,
      rows: rows.map((m) => row(m, threshold, lossy)),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const columns = tableColumns(model, threshold);
  const lines = [
    `${modelName(model)}: ${(arrivalRate * 3600).toFixed(1)} calls/h × ${formatDuration(meanService)} = ${load.toFixed(2)} Erlangs${modelDetail(model)}`,
    `Agents needed for ${targetsText(targets)}: ${needed}`,
    '',
    columns.map(([header]) => header.padStart(10)).join(''),
  ];
  for (const m of rows) {
    const r = row(m, threshold, lossy);
    lines.push(columns.map(([, cell]) => cell(r).padStart(10)).join('') + (m.agents === needed ? '  ◀ target met' : ''));
  }
  io.stdout(`${lines.join('\n')}\n`);
}

function modelName(model: ErlangModel): string {
  switch (model.kind) {
    case 'erlang-c':
      return 'Erlang C (M/M/c)';
    case 'erlang-a':
      return 'Erlang A (M/M/c+M)';
    case 'erlang-b':
      return 'Erlang B (M/M/c/c)';
    case 'mmck':
      return 'M/M/c/K';
  }
}

function modelDetail(model: ErlangModel): string {
  switch (model.kind) {
    case 'erlang-c':
      return '';
    case 'erlang-a':
      return `, mean patience ${formatDuration(model.meanPatience)}`;
    case 'erlang-b':
      return ', no waiting place';
    case 'mmck':
      return `, ${model.queueCapacity} waiting place${model.queueCapacity === 1 ? '' : 's'}; waits are of admitted callers`;
  }
}

type Row = ReturnType<typeof row>;

/** The table's columns: header and cell of each. */
function tableColumns(model: ErlangModel, threshold: number): readonly (readonly [string, (r: Row) => string])[] {
  const agents = ['agents', (r: Row) => String(r.agents)] as const;
  const occupancy = ['occupancy', (r: Row) => pct(r.occupancy)] as const;
  const blocked = ['blocked', (r: Row) => pct(r.blocking ?? 0)] as const;
  if (model.kind === 'erlang-b') return [agents, occupancy, blocked];
  const waits = [
    ['P(wait)', (r: Row) => pct(r.pWait)],
    ['mean wait', (r: Row) => time(r.waitMean)],
    ['ASA', (r: Row) => time(r.asa)],
    [`SL ${formatDuration(threshold)}`, (r: Row) => pct(r.serviceLevel)],
  ] as const;
  const loss = model.kind === 'mmck' ? blocked : (['abandoned', (r: Row) => pct(r.abandonRate)] as const);
  return [agents, occupancy, ...waits, loss];
}

function row(m: QueueMetrics, threshold: number, lossy: boolean) {
  return {
    agents: m.agents,
    occupancy: m.occupancy,
    pWait: m.pWait,
    waitMean: m.waitMean,
    asa: m.asa,
    serviceLevel: m.serviceLevel(threshold),
    abandonRate: m.abandonRate,
    ...(lossy ? { blocking: m.blocking } : {}),
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
