// What `spoc erlang` computes from its options: the queue (Erlang C, Erlang A, Erlang B or
// M/M/c/K) and the staffing targets, with the refusals of combinations no formula answers.
import type { StaffingTargets } from '../../analytic/index.ts';
import { formatDuration } from '../../report/format-number.ts';
import { InputError } from '../../scenario/index.ts';
import { durationOption, numberOption, wholeNumberOption } from '../option-values.ts';

/** The most waiting places spoc erlang takes: each search step sums them all when agents are few. */
export const MAX_ERLANG_QUEUE_CAPACITY = 100_000;
const DEFAULT_SERVICE_LEVEL_TARGET = 0.8;
/** Erlang B's usual grade of service: one call in a hundred blocked. */
const DEFAULT_MAX_BLOCKING = 0.01;

export interface ErlangTargetArgs {
  readonly patience: string | undefined;
  readonly queueCapacity: string | undefined;
  readonly serviceLevel: string;
  readonly target: string | undefined;
  readonly maxAsa: string | undefined;
  readonly maxAbandonRate: string | undefined;
  readonly maxBlocking: string | undefined;
}

/** The queue the options describe. */
export type ErlangModel =
  | { readonly kind: 'erlang-c' }
  | { readonly kind: 'erlang-a'; readonly meanPatience: number }
  | { readonly kind: 'erlang-b' }
  | { readonly kind: 'mmck'; readonly queueCapacity: number };

export interface ErlangPlan {
  readonly model: ErlangModel;
  readonly threshold: number;
  readonly targets: StaffingTargets;
}

/**
 * The model and targets of the options, or an InputError naming the option, what was
 * found and what is allowed.
 */
export function erlangPlan(args: ErlangTargetArgs): ErlangPlan {
  const threshold = durationOption('--service-level', args.serviceLevel, 'zero allowed');
  const meanPatience = args.patience === undefined ? undefined : durationOption('--patience', args.patience);
  const queueCapacity = wholeNumberOption('--queue-capacity', args.queueCapacity, 0);
  if (queueCapacity !== undefined && queueCapacity > MAX_ERLANG_QUEUE_CAPACITY) {
    throw new InputError(`--queue-capacity: found ${queueCapacity}, expected a whole number of waiting places from 0 to ${MAX_ERLANG_QUEUE_CAPACITY}`);
  }
  if (queueCapacity !== undefined && meanPatience !== undefined) {
    throw new InputError(
      `--queue-capacity: found ${queueCapacity} with --patience ${args.patience}, expected one or the other: ` +
        'spoc erlang has no formula for a finite queue whose callers abandon (M/M/c/K+M)',
    );
  }
  const model: ErlangModel =
    queueCapacity === 0
      ? { kind: 'erlang-b' }
      : queueCapacity !== undefined
        ? { kind: 'mmck', queueCapacity }
        : meanPatience !== undefined
          ? { kind: 'erlang-a', meanPatience }
          : { kind: 'erlang-c' };

  const target = share('--target', args.target);
  const maxAsa = args.maxAsa === undefined ? undefined : durationOption('--max-asa', args.maxAsa);
  const maxAbandonRate = share('--max-abandon-rate', args.maxAbandonRate);
  const maxBlocking = share('--max-blocking', args.maxBlocking);
  if (model.kind === 'erlang-b') {
    // Nobody waits in a loss system: every admitted caller is answered at once.
    for (const [flag, text] of [['--target', args.target], ['--max-asa', args.maxAsa]] as const) {
      if (text !== undefined) {
        throw new InputError(
          `${flag}: found ${text} with --queue-capacity 0, expected no waiting target: nobody waits in a loss system (Erlang B); use --max-blocking`,
        );
      }
    }
  }
  if (maxAbandonRate !== undefined && model.kind !== 'erlang-a') {
    throw new InputError(
      `--max-abandon-rate: found ${args.maxAbandonRate} without --patience, expected it with --patience: callers who never hang up never abandon`,
    );
  }
  if (maxBlocking !== undefined && model.kind !== 'erlang-b' && model.kind !== 'mmck') {
    throw new InputError(
      `--max-blocking: found ${args.maxBlocking} without --queue-capacity, expected it with --queue-capacity: a queue without a limit turns nobody away`,
    );
  }
  const given = target !== undefined || maxAsa !== undefined || maxAbandonRate !== undefined || maxBlocking !== undefined;
  const targets: StaffingTargets = given
    ? {
        ...(target === undefined ? {} : { serviceLevel: { threshold, target } }),
        ...(maxAsa === undefined ? {} : { maxAsa }),
        ...(maxAbandonRate === undefined ? {} : { maxAbandonRate }),
        ...(maxBlocking === undefined ? {} : { maxBlocking }),
      }
    : model.kind === 'erlang-b'
      ? { maxBlocking: DEFAULT_MAX_BLOCKING }
      : { serviceLevel: { threshold, target: DEFAULT_SERVICE_LEVEL_TARGET } };
  return { model, threshold, targets };
}

/** A share in (0, 1), undefined when the option is not given. */
function share(flag: string, text: string | undefined): number | undefined {
  const value = numberOption(flag, text, 'a share in (0, 1)');
  if (value !== undefined && !(value > 0 && value < 1)) throw new InputError(`${flag}: found ${text}, expected a share in (0, 1)`);
  return value;
}

/** "80% answered within 20s, ASA at most 30s": the targets in words. */
export function targetsText(targets: StaffingTargets): string {
  const parts: string[] = [];
  if (targets.serviceLevel !== undefined) {
    parts.push(`${percent(targets.serviceLevel.target)} answered within ${formatDuration(targets.serviceLevel.threshold)}`);
  }
  if (targets.maxAsa !== undefined) parts.push(`ASA at most ${formatDuration(targets.maxAsa)}`);
  if (targets.maxAbandonRate !== undefined) parts.push(`at most ${percent(targets.maxAbandonRate)} abandoned`);
  if (targets.maxBlocking !== undefined) parts.push(`at most ${percent(targets.maxBlocking)} blocked`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
}

/** A target share as a percentage, exactly as typed (0.8 is 80%, 0.015 is 1.5%). */
const percent = (x: number): string => `${Number((x * 100).toPrecision(6))}%`;
