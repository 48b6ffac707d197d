// A staffing result as JSON (the contract's v2 `spoc staff` shape) and as tidy CSV.
// JSON: the run's shape (`designs.<d>.metrics|byIntent|byTeam…` at the staffing found,
// `comparisons`, `provenance`) with, per design, `staffing = {teams: {<team>: {agents: N} |
// {every, counts: [...]}}, agentHours, staffedCost, met, candidates, checks: [...]}`, and
// `equalService: [{baseline, design, agentHours: {mean, ci95}, staffedCost}]` (staffedCost
// null where a design's teams have no cost). CSV: the run's rows, then scope `staffing` (name
// the team, metric `agents`, or `agents@<interval start>` per interval), `target` (name the
// figure checked: `design`, a team, an intent or an interval start; metric the target as
// written; mean and interval the figure) and `equalService` (design, name the baseline).
import type { StaffingResult } from '../experiment/staffing/staff-designs.ts';
import { targetText, type TargetCheck } from '../experiment/staffing/targets.ts';
import type { Estimate } from '../metrics/results.ts';
import { formatCsv } from './csv.ts';
import { csvField } from './csv-field.ts';
import { resultClock } from './interval-label.ts';
import { estimate, finite, toJsonValue } from './json.ts';


function checkOf(check: TargetCheck): string | number {
  switch (check.of.kind) {
    case 'design':
      return 'design';
    case 'team':
      return check.of.team;
    case 'intent':
      return check.of.intent;
    case 'interval':
      return check.of.index;
  }
}

export function formatStaffingJson(result: StaffingResult): string {
  const run = toJsonValue(result.run) as { designs: Record<string, Record<string, unknown>>; comparisons: unknown; provenance: unknown; scenario: unknown; seed: unknown; replications: unknown };
  const designs = Object.create(null) as Record<string, unknown>;
  for (const d of result.designs) {
    const teams = Object.create(null) as Record<string, unknown>;
    d.teams.forEach((team, t) => {
      teams[team] = result.every === undefined ? { agents: d.counts[t]![0] } : { every: result.every, counts: d.counts[t] };
    });
    designs[d.design] = {
      staffing: {
        teams,
        agentHours: finite(d.agentHours.mean),
        staffedCost: d.staffedCost === undefined ? null : finite(d.staffedCost.mean),
        met: d.met,
        candidates: d.candidates,
        checks: d.checks.map((c) => ({ target: targetText(c.target), of: checkOf(c), value: estimate(c.value), met: c.met })),
      },
      ...run.designs[d.design],
    };
  }
  const value = {
    scenario: run.scenario,
    seed: run.seed,
    replications: run.replications,
    targets: result.targets.map((t) => ({ key: t.key, comparator: t.comparator, value: t.value })),
    scope: result.scope,
    per: result.per,
    every: result.every ?? null,
    candidates: result.candidates,
    designs,
    comparisons: run.comparisons,
    equalService: result.equalService.map((e) => ({
      baseline: e.baseline,
      design: e.design,
      agentHours: estimate(e.agentHours),
      staffedCost: e.staffedCost === undefined ? null : estimate(e.staffedCost),
    })),
    provenance: run.provenance,
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function formatStaffingCsv(result: StaffingResult): string {
  const clock = resultClock(result.run);
  const intervalsOf = (design: string) => result.run.designs[design]?.byInterval ?? [];
  const number = (value: number | null | undefined): string => (typeof value === 'number' && Number.isFinite(value) ? String(value) : '');
  const row = (design: string, scope: string, name: string, metric: string, e: Estimate): string =>
    [csvField(design), scope, csvField(name), csvField(metric), number(e.mean), number(e.ci95?.[0]), number(e.ci95?.[1])].join(',');
  const rows: string[] = [];
  for (const d of result.designs) {
    d.teams.forEach((team, t) => {
      d.counts[t]!.forEach((agents, k) => {
        const metric = result.every === undefined ? 'agents' : `agents@${clock.name(intervalsOf(d.design)[k]!)}`;
        rows.push(row(d.design, 'staffing', team, metric, { mean: agents, ci95: null }));
      });
    });
    for (const check of d.checks) {
      const of = check.of.kind === 'interval' ? clock.name(intervalsOf(d.design)[check.of.index]!) : String(checkOf(check));
      rows.push(row(d.design, 'target', of, targetText(check.target), check.value));
    }
  }
  for (const e of result.equalService) {
    rows.push(row(e.design, 'equalService', e.baseline, 'agentHours', e.agentHours));
    if (e.staffedCost !== undefined) rows.push(row(e.design, 'equalService', e.baseline, 'staffedCost', e.staffedCost));
  }
  return `${formatCsv(result.run)}${rows.join('\n')}\n`;
}
