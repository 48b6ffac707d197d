// Plain-language notes on how a run was counted, derived from its scenario, for reports.
import type { Scenario } from '../scenario/model.ts';
import { oneLine } from './metric-order.ts';

/** A settings duration in its shortest exact form: `20s`, `30m`, `8h`, `1h30m`, `2d`. */
export function formatSettingDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds === 0) return '0s';
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.abs(seconds);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest -= Math.floor(rest / size) * size;
    }
  }
  if (rest > 0 || parts.length === 0) parts.push(`${Number(rest.toFixed(3))}s`);
  return sign + parts.join('');
}

/** What is counted and how designs are compared, one sentence each. */
export function scenarioAssumptions(scenario: Scenario): string[] {
  const run = scenario.run;
  const end = run.drain ? 'calls still in progress at the horizon run to completion' : 'the run stops at the horizon';
  return [
    `Counted over issues first arriving in [${formatSettingDuration(run.warmup)}, ${formatSettingDuration(run.horizon)}) and all the calls they make; ${end}.`,
    `Service level: share of queue entries answered within ${formatSettingDuration(run.serviceLevel)}.`,
    'Every design faces the same callers (common random numbers), so differences are paired.',
  ];
}

/**
 * The key assumptions a report lists: those given, or else those of the scenario (none
 * without either), each on one line, empty ones left out.
 */
export function assumptionBullets(options: {
  readonly assumptions?: readonly string[];
  readonly scenario?: Scenario;
}): string[] {
  const given = options.assumptions ?? (options.scenario !== undefined ? scenarioAssumptions(options.scenario) : []);
  return given.map(oneLine).filter((text) => text !== '');
}

/** One short line for the terminal table: counting window and service-level threshold. */
export function scenarioNote(scenario: Scenario): string {
  const run = scenario.run;
  return `Issues arriving in [${formatSettingDuration(run.warmup)}, ${formatSettingDuration(run.horizon)}); service level = answered within ${formatSettingDuration(run.serviceLevel)}.`;
}
