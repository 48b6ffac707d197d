// A staffing result laid out for a terminal (aligned columns, lines wrapped at 100) and as
// GitHub-flavoured Markdown: the sections of staffing-sections.ts, then the provenance.
import type { StaffingResult } from '../experiment/staffing/staff-designs.ts';
import { escapeMarkdown } from './markdown.ts';
import { provenanceText } from './sections.ts';
import { staffingSections, type StaffingTable } from './staffing-sections.ts';
import { alignLeft, alignRight, displayWidth } from './text-width.ts';

const WIDTH = 100;

export function formatStaffingTable(result: StaffingResult): string {
  const out: string[] = [];
  for (const section of staffingSections(result)) {
    if (out.length > 0) out.push('');
    out.push(section.title, ...section.lines.flatMap((line) => wrap(line, WIDTH)));
    if (section.table !== undefined) out.push('', ...alignedTable(section.table));
  }
  out.push('', ...wrap(provenanceText(result.run), WIDTH));
  return `${out.join('\n')}\n`;
}

export function formatStaffingMarkdown(result: StaffingResult): string {
  const out: string[] = [`## Staffing: ${escapeMarkdown(result.run.scenario)}`];
  for (const section of staffingSections(result)) {
    out.push('', `### ${escapeMarkdown(section.title)}`, '', ...section.lines.map((line) => `${escapeMarkdown(line)}  `));
    const table = section.table;
    if (table === undefined) continue;
    const row = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
    out.push('', row(table.header), `| ${table.align.map((a) => (a === 'left' ? ':---' : '---:')).join(' | ')} |`, ...table.rows.map(row));
  }
  out.push('', escapeMarkdown(provenanceText(result.run)));
  return `${out.join('\n')}\n`;
}

function alignedTable(table: StaffingTable): string[] {
  const widths = table.header.map((h, c) => Math.max(displayWidth(h), ...table.rows.map((r) => displayWidth(r[c] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (table.align[c] === 'left' ? alignLeft(cell, widths[c]!) : alignRight(cell, widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(table.header), ...table.rows.map(line)];
}

/** Words wrapped at `width` columns. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && displayWidth(current) + 1 + displayWidth(word) > width) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') lines.push(current);
  return lines;
}
