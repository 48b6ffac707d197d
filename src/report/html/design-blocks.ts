// A table of many designs cut into blocks of a few, each with the baseline first, so that
// it fits an A4 page in landscape (and a laptop's screen) without losing a Δ column.
import type { Column, Row, Section } from '../sections.ts';

/** Designs per block of the design-metrics table (the baseline and three others with their Δ). */
export const DESIGNS_PER_DIFFERENCE_BLOCK = 4;
/** Designs per block of a table without Δ columns (teams, intents). */
export const DESIGNS_PER_BLOCK = 6;

const designOf = (column: Column): string | undefined => (column.kind === 'metric' ? undefined : column.design);

/**
 * The section as blocks of at most `perBlock` designs, the baseline in each; the section
 * itself when it fits, and always for a section whose columns are metrics (per interval).
 */
export function designBlocks(section: Section, perBlock = section.columns.some((c) => c.kind === 'difference') ? DESIGNS_PER_DIFFERENCE_BLOCK : DESIGNS_PER_BLOCK): Section[] {
  const designs = [...new Set(section.columns.flatMap((column) => (column.kind === 'design' ? [column.design] : [])))];
  if (designs.length <= perBlock || section.columns.some((column) => column.kind === 'metric')) return [section];
  const [baseline, ...others] = designs;
  const blocks: Section[] = [];
  for (let i = 0; i < others.length; i += perBlock - 1) {
    const shown = new Set([baseline, ...others.slice(i, i + perBlock - 1)]);
    const keep = section.columns.flatMap((column, index) => (shown.has(designOf(column)) ? [index] : []));
    const pick = (row: Row): Row => ({ ...row, cells: keep.map((index) => row.cells[index]!) });
    const first = i + 2;
    const last = Math.min(others.length, i + perBlock - 1) + 1;
    const head = { title: `${section.title} — designs ${first === last ? first : `${first} to ${last}`} of ${designs.length}, against the baseline`, columns: keep.map((index) => section.columns[index]!) };
    blocks.push('rows' in section ? { ...section, ...head, rows: section.rows.map(pick) } : { ...section, ...head, groups: section.groups.map((group) => ({ ...group, rows: group.rows.map(pick) })) });
  }
  return blocks;
}
