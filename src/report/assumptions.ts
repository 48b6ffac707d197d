// Plain-language notes on how a run was counted, derived from its scenario, for reports.
import type { RunSettings, Scenario } from '../scenario/model.ts';
import { intervalClock } from './interval-label.ts';
import { oneLine } from './metric-order.ts';
import { routingCostNote } from './routing-cost-differences.ts';
import { formatSettingDuration } from './setting-duration.ts';

export { formatSettingDuration } from './setting-duration.ts';

/**
 * What is counted and how designs are compared, one sentence each.
 * @param designs the designs the run covers (default: all of the scenario's)
 */
export function scenarioAssumptions(scenario: Scenario, designs?: readonly string[]): string[] {
  const run = scenario.run;
  const end = run.drain ? 'calls still in progress at the horizon run to completion' : 'the run stops at the horizon';
  return [
    `Counted over issues first arriving ${countedWindow(run)} and all the calls they make; ${end}.`,
    `Service level: share of queue entries answered within ${formatSettingDuration(run.serviceLevel)}.`,
    'Every design faces the same callers (common random numbers), so differences are paired.',
    ...routingCostNotes(scenario, designs),
  ];
}

/**
 * The note that designs pay differently for a misroute, when they do: none or one line.
 * @param designs the designs the run covers (default: all of the scenario's)
 */
export function routingCostNotes(scenario: Scenario, designs?: readonly string[]): string[] {
  const covered = designs === undefined ? scenario.designs : scenario.designs.filter((d) => designs.includes(d.name));
  const note = routingCostNote({ demand: scenario.demand, designs: covered });
  return note === undefined ? [] : [note];
}

/**
 * The key assumptions a report lists: those given, or else those of the scenario (none
 * without either), each on one line, empty ones left out.
 */
export function assumptionBullets(options: {
  readonly assumptions?: readonly string[];
  readonly scenario?: Scenario;
  /** The designs the run covers (default: all of the scenario's). */
  readonly designs?: readonly string[];
}): string[] {
  const given = options.assumptions ?? (options.scenario !== undefined ? scenarioAssumptions(options.scenario, options.designs) : []);
  return given.map(oneLine).filter((text) => text !== '');
}

/** One short line for the terminal table: counting window and service-level threshold. */
export function scenarioNote(scenario: Scenario): string {
  const run = scenario.run;
  return `Issues arriving ${countedWindow(run)}; service level = answered within ${formatSettingDuration(run.serviceLevel)}.`;
}

/**
 * When the counted issues arrive: `in [1d, 8d)` of the run, or for a run placed in the week
 * its days and clock times as the interval names read them, `from W2 Mon 00:00 to W3 Mon 00:00`.
 */
function countedWindow(run: RunSettings): string {
  if (run.clock !== 'week') return `in [${formatSettingDuration(run.warmup)}, ${formatSettingDuration(run.horizon)})`;
  const clock = intervalClock([{ start: run.warmup, end: run.horizon }], run.start);
  return `from ${clock.time(run.warmup)} to ${clock.time(run.horizon)}`;
}
