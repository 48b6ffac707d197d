// The sections of a run's report, decided once from its RunResult: which blocks exist
// (design metrics, teams, one per design with intervals, by intent), in which order, their
// titles, columns, rows and formatted cells. The terminal table, the Markdown and the HTML
// report lay out this same model; widths, escaping and elements are theirs.
import type { MetricInfo, MetricUnit } from '../metrics/metric-catalogue.ts';
import type { Estimate, MetricTable, RunResult } from '../metrics/results.ts';
import { formatDifferenceEstimate, formatEstimate, isSignificant, rowDecimalsOf } from './format-number.ts';
import { hasIntervals, resultClock } from './interval-label.ts';
import {
  DESIGN_METRICS,
  GROUP_METRICS,
  GROUP_REPORT_METRICS,
  INTENT_METRICS,
  INTERVAL_METRICS,
  INTERVAL_REPORT_METRICS,
  TEAM_METRICS,
  TEAM_REPORT_METRICS,
  comparisonLookup,
  designNames,
  groupNames,
  lookup,
  oneLine,
  orderedMetrics,
  replicationsText,
} from './metric-order.ts';
import type { Cell, Column, DesignColumn, DifferenceCell, DifferenceColumn, FlatSection, GroupedSection, MetricColumn, Row, Section, SectionKind, ValueCell } from './section-model.ts';

export type { Cell, Column, DesignColumn, DifferenceCell, DifferenceColumn, FlatSection, GroupedSection, MetricColumn, Row, Section, SectionKind, ValueCell } from './section-model.ts';

/** The first section of this kind, if the report has one. */
export function sectionOf<K extends SectionKind>(
  sections: readonly Section[],
  kind: K,
): Extract<Section, { readonly kind: K }> | undefined {
  return sections.find((section): section is Extract<Section, { readonly kind: K }> => section.kind === kind);
}

/** A run as its report shows it: the run's facts and its sections, in report order. */
export interface RunSections {
  readonly scenario: string;
  readonly designs: readonly string[];
  /** The design every Δ is against, when there are several designs. */
  readonly baseline: string | null;
  /** Some design has per-interval figures. */
  readonly intervals: boolean;
  /** Replications, seed and what the figures are, in two sentences. */
  readonly reading: string;
  /** The version that made the figures and the scenario file's SHA-256 (when it has one). */
  readonly provenance: string;
  /** Empty when the run has no design. */
  readonly sections: readonly Section[];
}

export interface SectionOptions {
  /** Add the section of design metrics per intent (default false). */
  readonly byIntent?: boolean;
}

export function provenanceText({ provenance }: RunResult): string {
  const file = provenance.scenarioSha256 === null ? '' : ` from the scenario file of SHA-256 ${provenance.scenarioSha256}`;
  return `Made by spoc-sim ${provenance.spoc}${file}.`;
}

/** The sections of `result`: design metrics, teams, per interval (each design), by intent. */
export function runSections(result: RunResult, options: SectionOptions = {}): RunSections {
  const designs = designNames(result);
  const sections: (Section | null)[] =
    designs.length === 0
      ? []
      : [
          designSection(result, designs),
          teamSection(result, designs),
          ...intervalSections(result, designs),
          options.byIntent === true ? intentSection(result, designs) : null,
        ];
  return {
    scenario: result.scenario,
    designs,
    baseline: designs.length > 1 ? (designs[0] ?? null) : null,
    intervals: hasIntervals(result),
    reading: `${replicationsText(result.replications)}, seed ${result.seed}. Figures are means over replications ± the half-width of their 95% confidence interval.`,
    sections: sections.filter((section): section is Section => section !== null),
    provenance: provenanceText(result),
  };
}

/** `decimalsOf`: the figure whose decimals the cell takes (its row's, see rowDecimalsOf). */
const valueCell = (estimate: Estimate | undefined, unit: MetricUnit, decimalsOf?: number): ValueCell => ({
  kind: 'value',
  estimate,
  unit,
  text: formatEstimate(estimate, unit, decimalsOf),
});

/** The figure whose decimals a row of one metric across designs takes. */
const rowReference = (estimates: readonly (Estimate | undefined)[]): number =>
  rowDecimalsOf(estimates.map((estimate) => estimate?.mean ?? Number.NaN));

const designColumns = (designs: readonly string[]): DesignColumn[] =>
  designs.map((design, index) => ({ kind: 'design', design, index, baseline: index === 0 && designs.length > 1 }));

/** Designs side by side, a row per design metric, then each design's Δ from the baseline. */
function designSection(result: RunResult, designs: readonly string[]): FlatSection<'designs'> {
  const baseline = designs[0] ?? '';
  const others = designs.slice(1);
  const diff = comparisonLookup(result, baseline);
  const tables = designs.map((design) => lookup(result.designs, design)?.metrics);
  const rows = orderedMetrics(tables, DESIGN_METRICS).map((metric): Row => {
    const values = tables.map((table) => lookup(table, metric.name));
    const decimalsOf = rowReference(values);
    return {
      label: metric.label,
      metric,
      cells: [
        ...values.map((estimate) => valueCell(estimate, metric.unit, decimalsOf)),
        ...others.map((design): DifferenceCell => {
          const estimate = diff(design, metric.name);
          return {
            kind: 'difference',
            estimate,
            unit: metric.unit,
            text: formatDifferenceEstimate(estimate, metric.unit, { decimalsOf }),
            meanText: formatDifferenceEstimate(estimate, metric.unit, { decimalsOf, halfWidth: false, mark: false }),
            significant: isSignificant(estimate),
          };
        }),
      ],
    };
  });
  const differences = others.map((design): DifferenceColumn => ({ kind: 'difference', design, baseline }));
  return { kind: 'designs', title: 'Design metrics', rowHeader: 'Metric', columns: [...designColumns(designs), ...differences], rows };
}

/** One row per metric: each design's value of it in `tables` (one table per design column). */
function valueRows(tables: readonly (MetricTable | undefined)[], metrics: readonly MetricInfo[]): Row[] {
  return metrics.map((metric): Row => {
    const values = tables.map((table) => lookup(table, metric.name));
    const decimalsOf = rowReference(values);
    return { label: metric.label, metric, cells: values.map((estimate) => valueCell(estimate, metric.unit, decimalsOf)) };
  });
}

/** Groups (teams or intents) with the metrics `metricsOf` picks; null when none has any. */
function groupSection<K extends 'teams' | 'intents'>(
  result: RunResult,
  designs: readonly string[],
  head: Pick<GroupedSection<K>, 'kind' | 'title' | 'groupHeader'>,
  metricsOf: (tables: readonly (MetricTable | undefined)[]) => readonly MetricInfo[],
): GroupedSection<K> | null {
  const scope = head.kind === 'teams' ? 'byTeam' : 'byIntent';
  const groups = groupNames(result, scope).flatMap((name) => {
    const tables = designs.map((design) => lookup(lookup(result.designs, design)?.[scope], name));
    const rows = valueRows(tables, metricsOf(tables));
    return rows.length === 0 ? [] : [{ name, rows }];
  });
  if (groups.length === 0) return null;
  return { ...head, rowHeader: 'Metric', columns: designColumns(designs), groups };
}

/**
 * Per team: the few team metrics reports show (occupancy, waits, abandonment); a team of
 * agent groups is followed by each group (`billing · senior`: occupancy, answered, resolved).
 */
function teamSection(result: RunResult, designs: readonly string[]): GroupedSection<'teams'> | null {
  const section = groupSection(result, designs, { kind: 'teams', title: 'Teams', groupHeader: 'Team' }, (tables) =>
    orderedMetrics(tables, TEAM_METRICS).filter((metric) => TEAM_REPORT_METRICS.some((name) => name === metric.name)),
  );
  if (section === null || designs.every((design) => lookup(result.designs, design)?.byGroup === undefined)) return section;
  const groups = section.groups.flatMap((team) => [team, ...agentGroupsOf(result, designs, team.name)]);
  return { ...section, groups };
}

/** The agent groups of `team` in any design, each with its report metrics. */
function agentGroupsOf(result: RunResult, designs: readonly string[], team: string): { name: string; rows: Row[] }[] {
  const names = [...new Set(designs.flatMap((design) => Object.keys(lookup(lookup(result.designs, design)?.byGroup, team) ?? {})))];
  return names.map((group) => {
    const tables = designs.map((design) => lookup(lookup(lookup(result.designs, design)?.byGroup, team), group));
    const metrics = orderedMetrics(tables, GROUP_METRICS).filter((metric) => GROUP_REPORT_METRICS.some((name) => name === metric.name));
    return { name: `${team} · ${group}`, rows: valueRows(tables, metrics) };
  });
}

function intentSection(result: RunResult, designs: readonly string[]): GroupedSection<'intents'> | null {
  return groupSection(result, designs, { kind: 'intents', title: 'By intent', groupHeader: 'Intent' }, (tables) =>
    orderedMetrics(tables, INTENT_METRICS),
  );
}

/**
 * For each design with intervals: a row per interval (`09:00–09:30`), then `after` (the
 * drain), each figure as `mean ± half-width` like the design metrics.
 */
function intervalSections(result: RunResult, designs: readonly string[]): FlatSection<'intervals'>[] {
  if (!hasIntervals(result)) return [];
  const clock = resultClock(result);
  return designs.flatMap((design): FlatSection<'intervals'>[] => {
    const intervals = lookup(result.designs, design)?.byInterval ?? [];
    const metrics = orderedMetrics(
      intervals.map((interval) => interval.metrics),
      INTERVAL_METRICS,
    ).filter((metric) => INTERVAL_REPORT_METRICS.some((name) => name === metric.name));
    if (intervals.length === 0 || metrics.length === 0) return [];
    const rows = intervals.map((interval): Row => ({
      label: clock.span(interval),
      metric: null,
      cells: metrics.map((metric) => valueCell(lookup(interval.metrics, metric.name), metric.unit)),
    }));
    return [
      {
        kind: 'intervals',
        title: `Per interval — ${oneLine(design)}`,
        rowHeader: 'Interval',
        columns: metrics.map((metric): MetricColumn => ({ kind: 'metric', metric })),
        rows,
      },
    ];
  });
}

/** The rows of a section by group; a section without groups is one group named null. */
export function sectionGroups(
  section: Section,
): readonly { readonly name: string | null; readonly rows: readonly Row[] }[] {
  return 'rows' in section ? [{ name: null, rows: section.rows }] : section.groups;
}

/** Headers of a section's label columns: the group column's (if any), then the rows'. */
export function labelHeaders(section: Section): readonly string[] {
  return 'rows' in section ? [section.rowHeader] : [section.groupHeader, section.rowHeader];
}
