// What a run was fed, in words and numbers a client reads: the demand, the intents, the
// teams each design staffs, and each design's numbers, IVR and routing costs. Plain text
// cells, laid out by the report.
import type { Distribution } from '../engine/distributions.ts';
import type { Design, Recontact, Scenario, Staffing, Team } from '../scenario/model.ts';
import type { OpenHours } from '../scenario/open-hours.ts';
import { meanArrivalRate, peakArrivalRate } from '../scenario/arrival-rates.ts';
import { formatWeekSpan, formatWeekTime, SECONDS_PER_DAY, SECONDS_PER_WEEK, weekDayLabel } from '../scenario/week-time.ts';
import { distributionText } from './routing-cost-differences.ts';
import { formatSettingDuration } from './setting-duration.ts';

/** A label and its value. */
export type Fact = readonly [label: string, value: string];

/** A table of text: a header row and rows of the same length. */
export interface TextTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface ScenarioInputs {
  /** The run's settings and the demand, one fact each. */
  readonly demand: readonly Fact[];
  /** A row per intent: share, handle and wrap-up times, resolution, self-service, patience. */
  readonly intents: TextTable;
  /** A row per team (as named and skilled), with its agents in each design. */
  readonly teams: TextTable;
  /** A row per design: its numbers, IVR, what a misroute costs, other rules. */
  readonly designs: TextTable;
}

/** A probability as a percentage with at most one decimal: `92%`, `97.5%`. */
export const percent = (p: number): string => `${Number((p * 100).toFixed(1))}%`;

/** A rate per second as calls per hour: `600/h`, `12.5/h`, `1,250/h`. */
export function perHour(ratePerSecond: number): string {
  const value = Number((ratePerSecond * 3600).toFixed(1));
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })}/h`;
}

const recontactText = (recontact: Recontact | null): string =>
  recontact === null ? 'nobody' : `${percent(recontact.probability)} of them, after ${distributionText(recontact.after)}`;

const patienceText = (patience: Distribution | null): string => (patience === null ? 'never abandons' : distributionText(patience));

/**
 * The inputs of the designs `designs` (default: all of the scenario's), in the scenario's
 * order of intents and teams, the designs in the order given.
 */
export function scenarioInputs(scenario: Scenario, designs?: readonly string[]): ScenarioInputs {
  const chosen =
    designs === undefined ? scenario.designs : designs.flatMap((name) => scenario.designs.filter((design) => design.name === name));
  return {
    demand: demandFacts(scenario),
    intents: intentTable(scenario),
    teams: teamTable(chosen),
    designs: designTable(chosen),
  };
}

function demandFacts(scenario: Scenario): Fact[] {
  const { run, demand, calendar } = scenario;
  const arrivals = demand.arrivals;
  const rate =
    arrivals.kind === 'poisson'
      ? `${perHour(arrivals.ratePerSecond)}, Poisson`
      : `${arrivals.kind === 'weekly' ? 'a profile by day of the week' : 'a daily profile'} in steps of ${formatSettingDuration(arrivals.every)}: ` +
        `mean ${perHour(meanArrivalRate(arrivals, run.start, run.horizon))}, peak ${perHour(peakArrivalRate(arrivals))}`;
  const counted = run.warmup > 0 ? `, the first ${formatSettingDuration(run.warmup)} as warm-up (not counted)` : '';
  const placed = run.clock === 'week' ? `, from ${formatWeekTime(run.start)}` : '';
  const facts: Fact[] = [
    ['Run', `${formatSettingDuration(run.horizon)} of arrivals${placed}${counted}; ${run.drain ? 'calls still in progress at the end run to completion' : 'everything stops at the end'}`],
    ['New issues', rate],
    ['Day-to-day volume', arrivals.dailyVolume === null ? 'as forecast' : `each day's volume varies with a coefficient of variation of ${arrivals.dailyVolume.cv}`],
    ['Service level counts', `queue entries answered within ${formatSettingDuration(run.serviceLevel)}`],
    ['Call again after abandoning or a busy signal', recontactText(demand.retry)],
    ['Call back after an unresolved call', recontactText(demand.callback)],
  ];
  if (demand.reexplainOnRepeat !== null) {
    facts.push(['Re-explaining on a repeat call', `${distributionText(demand.reexplainOnRepeat)} more talk when the agent is not the one who last handled the issue`]);
  }
  const hours = scenario.designs.some((design) => design.numbers.some((number) => !alwaysOpen(number.open)));
  if (hours) {
    facts.push([
      'On a closed line',
      `${percent(calendar.closedRetry)} call again after the next opening (plus ${distributionText(calendar.reopenDelay)}); callers waiting at closing are ${calendar.atClosing === 'serve' ? 'still answered' : 'disconnected'}`,
    ]);
  }
  return facts;
}

function intentTable(scenario: Scenario): TextTable {
  return {
    header: ['Intent', 'Share of issues', 'Handle time', 'Wrap-up', 'Resolved by a skilled agent', 'Self-service in the IVR', 'Patience in queue'],
    rows: scenario.demand.intents.map((intent) => [
      intent.name,
      percent(intent.share),
      distributionText(intent.handle),
      distributionText(intent.wrapUp),
      percent(intent.resolve),
      percent(intent.selfService),
      patienceText(intent.patience),
    ]),
  };
}

/** The team's agents; with groups, each group's count and factors (e.g. "16: senior 6 (handle ×0.8), junior 10"). */
function agentsText(team: Team): string {
  const total = staffingText(team.staffing);
  if (team.groups === undefined) return total;
  const groups = team.groups.groups.map((g) => {
    const factors = [
      g.handleFactor === 1 ? '' : `handle ×${g.handleFactor}`,
      g.resolveFactor === 1 ? '' : `resolve ×${g.resolveFactor}`,
    ].filter((f) => f !== '');
    return `${g.name} ${staffingText(g.staffing)}${factors.length === 0 ? '' : ` (${factors.join(', ')})`}`;
  });
  return `${total}: ${groups.join(', ')}${team.groups.select === 'fastest-first' ? '; fastest first' : ''}`;
}

function staffingText(staffing: Staffing): string {
  if (staffing.kind === 'fixed') return String(staffing.agents);
  const counts = staffing.counts;
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
  return `${low}–${high} by ${formatSettingDuration(staffing.every)} (mean ${Number(mean.toFixed(1))})`;
}

/** What a team does: its skills, or how a front desk hands callers over; then its limits. */
function roleText(team: Team): string {
  const role =
    team.triage === undefined
      ? team.skills.join(', ')
      : `front desk: qualifies each call in ${distributionText(team.triage.time)}, hands it to the right team ${percent(team.triage.accuracy)} of the time`;
  const notes = [
    team.wrapUp === undefined ? '' : `wrap-up ${distributionText(team.wrapUp)}`,
    team.queueCapacity === undefined ? '' : `at most ${team.queueCapacity} waiting (then a busy signal)`,
    team.costPerHour === undefined ? '' : `${team.costPerHour} per agent-hour`,
  ].filter((note) => note !== '');
  return notes.length === 0 ? role : `${role}; ${notes.join('; ')}`;
}

/** Teams alike in name and role share a row; each design's column gives its agents. */
function teamTable(designs: readonly Design[]): TextTable {
  const rows = new Map<string, string[]>();
  designs.forEach((design, d) => {
    for (const team of design.teams) {
      const role = roleText(team);
      const key = `${team.name}\u0000${role}`;
      const row = rows.get(key) ?? [team.name, role, ...designs.map(() => '–')];
      row[2 + d] = agentsText(team);
      rows.set(key, row);
    }
  });
  return { header: ['Team', 'Handles', ...designs.map((design) => design.name)], rows: [...rows.values()] };
}

function destinationText(design: Design, index: number): string {
  const number = design.numbers[index]!;
  const to = number.to.kind === 'ivr' ? 'the IVR' : number.to.team;
  const open = alwaysOpen(number.open) ? '' : `, open ${openHoursText(number.open)}`;
  const advertised = design.numbers.length > 1 ? ` (for ${number.for.join(', ')})` : '';
  return `${number.dial} → ${to}${advertised}${open}`;
}

function designTable(designs: readonly Design[]): TextTable {
  return {
    header: ['Design', 'Numbers', 'IVR', 'A misroute and a transfer', 'Other rules'],
    rows: designs.map((design) => {
      const numbers = design.numbers.map((_, i) => destinationText(design, i));
      if (design.numbers.length > 1) numbers.push(`${percent(design.dialing.right)} dial the number advertised for their intent`);
      const ivr =
        design.ivr === undefined
          ? '–'
          : `menu ${distributionText(design.ivr.menu)}; routes ${percent(design.ivr.accuracy)} right; self-service ${design.ivr.selfService ? 'on' : 'off'}`;
      const { misroute, transfer } = design;
      const costs =
        `noticed after ${distributionText(misroute.identify)}, then ${misroute.action === 'transfer' ? 'transferred' : 'told to redial'}; ` +
        `a ${transfer.mode} transfer takes ${distributionText(transfer.delay)}, loses ${percent(transfer.drop)}, reaches the right team ${percent(transfer.accuracy)} of the time, ` +
        `${distributionText(transfer.reexplain)} to re-explain${transfer.priority ? ', ahead in the queue' : ''}; at most ${transfer.maxHops} transfers`;
      const rules = [
        ...design.overflow.map((rule) => `${rule.to} takes ${rule.from}'s callers after ${formatSettingDuration(rule.after)}`),
        design.advisor !== undefined
          ? `repeat calls wait ${design.advisor.wait === Infinity ? 'for' : `up to ${formatSettingDuration(design.advisor.wait)} for`} the agent who first handled the issue`
          : design.continuity
            ? 'repeat calls go to the team that last handled the issue'
            : '',
        design.handleCap === undefined ? '' : `calls cut at ${formatSettingDuration(design.handleCap)}`,
      ].filter((rule) => rule !== '');
      return [design.name, numbers.join('\n'), ivr, costs, rules.length === 0 ? '–' : rules.join('\n')];
    }),
  };
}

function alwaysOpen(hours: OpenHours): boolean {
  return hours.ranges.length === 1 && hours.ranges[0]!.open === 0 && hours.ranges[0]!.close === SECONDS_PER_WEEK;
}

/** Opening hours as `Mon–Fri 08:00–18:00, Sat 09:00–12:00`: days with the same hours grouped. */
export function openHoursText(hours: OpenHours): string {
  const byHours = new Map<string, number[]>();
  const other: string[] = [];
  for (const range of hours.ranges) {
    const day = Math.floor(range.open / SECONDS_PER_DAY);
    const span = formatWeekSpan(range.open, range.close);
    if (range.close > (day + 1) * SECONDS_PER_DAY) {
      other.push(span);
      continue;
    }
    const clock = span.slice(4);
    byHours.set(clock, [...(byHours.get(clock) ?? []), day]);
  }
  const grouped = [...byHours].map(([clock, days]) => `${dayRuns(days)} ${clock}`);
  return [...grouped, ...other].join(', ');
}

/** Days of the week as runs: `Mon–Fri`, `Mon, Wed`, `Mon–Wed, Sat`. */
function dayRuns(days: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === day - 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs.map(([a, b]) => (a === b ? weekDayLabel(a) : b === a + 1 ? `${weekDayLabel(a)}, ${weekDayLabel(b)}` : `${weekDayLabel(a)}–${weekDayLabel(b)}`)).join(', ');
}
