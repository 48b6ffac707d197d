// A staffing result as sections (a title, lines, a table), laid out by the terminal table and
// the Markdown: per design, the agents per team (per interval for per-interval staffing), the
// targets checked at that staffing, then the comparison at equal service.
import type { StaffingResult, DesignStaffing } from '../experiment/staffing/staff-designs.ts';
import { targetText, type TargetCheck } from '../experiment/staffing/targets.ts';
import type { Estimate, IntervalResult } from '../metrics/results.ts';
import { formatDifferenceEstimate, formatEstimate, formatValue, halfWidth } from './format-number.ts';
import { intervalClock, type IntervalClock } from './interval-label.ts';

export interface StaffingTable {
  readonly header: readonly string[];
  /** Per column: text left-aligned (names) or right-aligned (numbers). */
  readonly align: readonly ('left' | 'right')[];
  readonly rows: readonly (readonly string[])[];
}

export interface StaffingSection {
  readonly title: string;
  readonly lines: readonly string[];
  readonly table?: StaffingTable;
}

/** The intervals of a per-interval result, named as in run tables (`Tue 09:30`). */
export function staffingClock(result: StaffingResult): IntervalClock | undefined {
  const first = Object.values(result.run.designs)[0];
  const rows = first?.byInterval;
  return rows === undefined ? undefined : intervalClock(rows, result.run.weekStart);
}

export function staffingSections(result: StaffingResult): StaffingSection[] {
  const clock = staffingClock(result);
  const sections: StaffingSection[] = [
    {
      title: 'Staffing',
      lines: [
        `Targets: ${result.targets.map(targetText).join(', ')} (scope ${result.scope}${result.scope === 'team' ? ': every team meets the targets its figures have' : ": the design's figures"}; ${result.per === 'day' ? 'one count per team' : `a count per team and interval of ${formatValue(result.every!, 'seconds')}`}).`,
        `Every candidate runs the same ${result.run.replications} replications (seed ${result.run.seed}); ${result.candidates} candidates simulated. A target is met when the mean over replications meets it.`,
        ...(result.shiftsNotPlanned ? ['Shifts (staffing.shifts): not planned by this version; the counts per interval are the requirement.'] : []),
      ],
    },
  ];
  for (const design of result.designs) sections.push(designSection(design, clock, result.run.designs[design.design]?.byInterval ?? []));
  sections.push(equalServiceSection(result));
  return sections;
}

function designSection(design: DesignStaffing, clock: IntervalClock | undefined, intervals: readonly IntervalResult[]): StaffingSection {
  const missed = design.checks.filter((c) => !c.met);
  const agents = design.counts.reduce((sum, row) => sum + Math.max(...row), 0);
  const summary = [
    design.met ? 'every target met' : `${missed.length} target${missed.length === 1 ? '' : 's'} missed`,
    clock === undefined ? `${agents} agents` : undefined,
    `${figure(design.agentHours, 'hours')} agent-hours`,
    design.staffedCost === undefined ? undefined : `staffed cost ${figure(design.staffedCost, 'money')}`,
    `${design.candidates} candidates`,
  ].filter((part) => part !== undefined);
  const lines = [summary.join(' · '), ...checkLines(design.checks)];
  if (clock === undefined) {
    return {
      title: design.design,
      lines,
      table: {
        header: ['team', 'agents', 'analytic start', ...teamCheckColumns(design.checks)],
        align: ['left', 'right', 'right', ...teamCheckColumns(design.checks).map(() => 'right' as const)],
        rows: design.teams.map((team, t) => [team, String(design.counts[t]![0]), String(design.start[t]![0]), ...teamCheckCells(design.checks, team)]),
      },
    };
  }
  const rows: string[][] = [];
  design.counts[0]!.forEach((_, k) => {
    const interval = intervals[k];
    if (interval === undefined || design.counts.every((row) => row[k] === 0)) return;
    rows.push([clock.span(interval), ...design.counts.map((row) => String(row[k]!))]);
  });
  return {
    title: design.design,
    lines: [...lines, 'Intervals where no team has an agent are left out.'],
    table: { header: ['interval', ...design.teams], align: ['left', ...design.teams.map(() => 'right' as const)], rows },
  };
}

/**
 * Agent-hours and cost as a mean, with its half-width only when it has one: a fixed staffing
 * gives the same agent-hours in every replication (overtime aside).
 */
function figure(e: Estimate, unit: 'hours' | 'money'): string {
  return halfWidth(e) === 0 ? formatValue(e.mean, unit) : formatEstimate(e, unit);
}

/** The checks not shown in the team columns: design-wide, intents', and per interval the closest call. */
function checkLines(checks: readonly TargetCheck[]): string[] {
  const lines: string[] = [];
  const byTarget = new Map<string, TargetCheck[]>();
  for (const check of checks) {
    if (check.of.kind === 'team' && check.target.subject.kind === 'everyTeam') continue;
    const key = targetText(check.target) + (check.of.kind === 'intent' ? ` (${check.of.intent})` : check.of.kind === 'team' ? ` (${check.of.team})` : '');
    byTarget.set(key, [...(byTarget.get(key) ?? []), check]);
  }
  for (const [key, list] of byTarget) {
    if (list[0]!.of.kind === 'interval') {
      const missed = list.filter((c) => !c.met).length;
      const closest = [...list].filter((c) => Number.isFinite(c.value.mean)).sort((a, b) => margin(a) - margin(b))[0];
      lines.push(`${key} in every interval: ${missed === 0 ? 'met' : `missed in ${missed}`}${closest === undefined ? '' : `; closest ${formatEstimate(closest.value, closest.target.unit)}`}`);
    } else {
      const check = list[0]!;
      lines.push(`${key}: ${formatEstimate(check.value, check.target.unit)} ${check.met ? 'met' : 'MISSED'}`);
    }
  }
  return lines;
}

/** How far a met check is from its bound, relative to it (the smallest is the closest call). */
function margin(check: TargetCheck): number {
  const gap = check.target.comparator === '>=' ? check.value.mean - check.target.value : check.target.value - check.value.mean;
  return gap / Math.max(Math.abs(check.target.value), 1e-9);
}

function teamCheckColumns(checks: readonly TargetCheck[]): string[] {
  return [...new Set(checks.filter((c) => c.of.kind === 'team' && c.target.subject.kind === 'everyTeam').map((c) => targetText(c.target)))];
}

function teamCheckCells(checks: readonly TargetCheck[], team: string): string[] {
  return teamCheckColumns(checks).map((column) => {
    const check = checks.find((c) => c.of.kind === 'team' && c.of.team === team && c.target.subject.kind === 'everyTeam' && targetText(c.target) === column);
    return check === undefined ? '–' : `${formatEstimate(check.value, check.target.unit)}${check.met ? '' : ' MISSED'}`;
  });
}

function equalServiceSection(result: StaffingResult): StaffingSection {
  const baseline = result.designs[0]!;
  const diff = new Map(result.equalService.map((e) => [e.design, e]));
  const costed = result.designs.every((d) => d.staffedCost !== undefined);
  const cell = (e: Estimate | undefined, unit: 'hours' | 'money'): string =>
    e === undefined ? '–' : formatDifferenceEstimate(e, unit, { halfWidth: halfWidth(e) !== 0 });
  return {
    title: `Equal service: each design against ${baseline.design}`,
    lines: ['What each design needs for the same targets; Δ is the paired difference over the replications (* where its interval excludes 0).'],
    table: {
      header: ['design', 'agent-hours', 'Δ agent-hours', ...(costed ? ['staffed cost', 'Δ cost'] : []), 'targets'],
      align: ['left', 'right', 'right', ...(costed ? (['right', 'right'] as const) : []), 'left'],
      rows: result.designs.map((d) => [
        d.design,
        formatValue(d.agentHours.mean, 'hours'),
        d === baseline ? '–' : cell(diff.get(d.design)?.agentHours, 'hours'),
        ...(costed ? [formatValue(d.staffedCost!.mean, 'money'), d === baseline ? '–' : cell(diff.get(d.design)?.staffedCost, 'money')] : []),
        d.met ? 'met' : 'missed',
      ]),
    },
  };
}
