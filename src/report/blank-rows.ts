// Rows with nothing to show: 0 or without a figure for every design, the features a
// scenario does not use (busy signals without a queue capacity, ping-pong without maxHops,
// a cost per resolved issue without costPerHour). The terminal table leaves them out, so
// that what differs between designs fits on a screen, and says which it left out.
import type { Estimate } from '../metrics/results.ts';
import type { Row, Section } from './sections.ts';

/** Exactly 0, or no figure (no such team in the design, a share of nothing): nothing to show. */
const isBlank = (estimate: Estimate | undefined): boolean =>
  estimate === undefined || estimate.mean === 0 || !Number.isFinite(estimate.mean);

/** Every cell of the row, value or difference, is 0 or without a figure. */
export function isBlankRow(row: Row): boolean {
  return row.cells.every((cell) => isBlank(cell.estimate));
}

/**
 * The section without its blank rows (a group left with none goes too, a section left with
 * no row at all is null), and how many rows were left out. Per-interval sections are kept
 * whole: their rows are times of day, where a quiet hour at 0 is a figure, not a feature.
 */
export function withoutBlankRows(section: Section): { section: Section | null; hidden: number } {
  switch (section.kind) {
    case 'intervals':
      return { section, hidden: 0 };
    case 'designs': {
      const rows = section.rows.filter((row) => !isBlankRow(row));
      const hidden = section.rows.length - rows.length;
      return { section: rows.length === 0 ? null : { ...section, rows }, hidden };
    }
    case 'teams':
    case 'intents': {
      let hidden = 0;
      const groups = section.groups.flatMap((group) => {
        const rows = group.rows.filter((row) => !isBlankRow(row));
        hidden += group.rows.length - rows.length;
        return rows.length === 0 ? [] : [{ ...group, rows }];
      });
      return { section: groups.length === 0 ? null : { ...section, groups }, hidden };
    }
  }
}
