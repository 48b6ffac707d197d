// Rows with nothing to tell: 0 with no spread, or without a figure, for every design — the
// features a scenario does not use (busy signals without a queue capacity, transfers with a
// single team, a cost without costPerHour). The table and the Markdown leave them out, so
// that what differs fits on a screen, and say how many they left out; machine outputs (JSON,
// CSV) keep every metric.
import type { DesignMetric } from '../metrics/metric-catalogue.ts';
import type { Estimate } from '../metrics/results.ts';
import { halfWidth } from './format-number.ts';
import type { Row, Section } from './sections.ts';

/**
 * The wait figures every scenario has: a 0 there is a result (a median wait of 0 says most
 * callers are answered at once), not a feature left unused, so they are always shown.
 */
const WAIT_FIGURES: ReadonlySet<string> = new Set(['pWait', 'waitMean', 'asa', 'waitP50', 'waitP90', 'waitP95', 'serviceLevel'] satisfies DesignMetric[]);

/** No figure; or, when `zeroCounts`, exactly 0 in every replication (mean 0, no interval width). */
function isNothing(estimate: Estimate | undefined, zeroCounts: boolean): boolean {
  if (estimate === undefined || !Number.isFinite(estimate.mean)) return true;
  return zeroCounts && estimate.mean === 0 && (halfWidth(estimate) ?? 0) === 0;
}

/**
 * A row with nothing to show for any design: no figure, or (but for the wait figures) 0.
 * Its differences then are nothing too: the designs' figures are paired, so equal zeros
 * differ by zero.
 */
function isZeroRow(row: Row): boolean {
  const zeroCounts = row.metric === null || !WAIT_FIGURES.has(row.metric.name);
  return row.cells.every((cell) => cell.kind !== 'value' || isNothing(cell.estimate, zeroCounts));
}

export interface ShownSections {
  readonly sections: readonly Section[];
  /** How many rows were left out. */
  readonly hidden: number;
}

/** The section without its zero rows (a group left empty goes too; null when nothing is left). */
function withoutZeroRows(section: Section): { section: Section | null; hidden: number } {
  switch (section.kind) {
    case 'intervals':
      // Rows are times of day: a quiet interval at 0 is a figure, not an unused feature.
      return { section, hidden: 0 };
    case 'designs': {
      const rows = section.rows.filter((row) => !isZeroRow(row));
      return { section: rows.length === 0 ? null : { ...section, rows }, hidden: section.rows.length - rows.length };
    }
    case 'teams':
    case 'intents': {
      let hidden = 0;
      const groups = section.groups.flatMap((group) => {
        const rows = group.rows.filter((row) => !isZeroRow(row));
        hidden += group.rows.length - rows.length;
        return rows.length === 0 ? [] : [{ ...group, rows }];
      });
      return { section: groups.length === 0 ? null : { ...section, groups }, hidden };
    }
  }
}

/** The sections to show: all of them with `allMetrics`, else without their zero rows. */
export function shownSections(sections: readonly Section[], allMetrics: boolean): ShownSections {
  if (allMetrics) return { sections, hidden: 0 };
  const kept = sections.map(withoutZeroRows);
  return {
    sections: kept.flatMap(({ section }) => (section === null ? [] : [section])),
    hidden: kept.reduce((sum, { hidden }) => sum + hidden, 0),
  };
}

/** Notes on the rows left out, longest first: a layout takes the first that fits its line. */
export function hiddenRowsNotes(hidden: number): readonly string[] {
  if (hidden === 0) return [];
  const rows = hidden === 1 ? '1 row' : `${hidden} rows`;
  return [
    `${rows} not shown, 0 or without a figure for every design; --all-metrics shows ${hidden === 1 ? 'it' : 'them'}.`,
    `${rows} at 0 for every design not shown (--all-metrics).`,
    `${rows} not shown (--all-metrics).`,
  ];
}
