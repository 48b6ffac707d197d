// The HTML document around a report: one self-contained page (inline CSS, inline SVG, no
// script, no font, image or stylesheet from elsewhere) that opens offline and prints well.
import { escapeHtml } from './escape.ts';
import { FONT } from './render-chart.ts';

/** The printed page, in millimetres: A4 in landscape and its margins. */
export const PRINT_PAGE = { width: 297, height: 210, margin: { top: 12, side: 12, bottom: 14 } } as const;

const CSS = `
:root { color-scheme: light; --ink: #1d2733; --muted: #5f6b7a; --rule: #d8dde3; --accent: #1f4e79; --paper: #fff; --band: #f5f7f9; }
* { box-sizing: border-box; }
html { background: #eef1f4; }
body { margin: 0; font-family: ${FONT}; font-size: 15px; line-height: 1.5; color: var(--ink); }
main { max-width: 1180px; margin: 0 auto; padding: 40px 48px 56px; background: var(--paper); box-shadow: 0 0 0 1px #e2e6ea; }
header.cover { border-bottom: 3px solid var(--accent); padding-bottom: 18px; margin-bottom: 8px; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--accent); font-weight: 600; margin: 0 0 6px; }
h1 { font-size: 30px; line-height: 1.2; margin: 0 0 10px; font-weight: 650; }
.lede { font-size: 17px; color: #34404d; margin: 0 0 12px; max-width: 60em; }
.meta { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 0; padding: 0; list-style: none; color: var(--muted); font-size: 13px; }
.meta b { color: var(--ink); font-weight: 600; }
h2 { font-size: 20px; margin: 38px 0 6px; padding-top: 14px; border-top: 1px solid var(--rule); color: var(--accent); font-weight: 650; }
header.cover + section > h2 { border-top: none; margin-top: 22px; }
h3 { font-size: 16px; margin: 24px 0 6px; font-weight: 600; }
p { margin: 6px 0 12px; }
.note, .muted { color: var(--muted); }
.warning { color: #a30000; font-weight: 600; max-width: 62em; }
.note { font-size: 13px; max-width: 62em; }
ul.assumptions { margin: 8px 0 0; padding-left: 20px; }
ul.assumptions li { margin: 3px 0; }
.scroll { overflow-x: auto; }
table.figures { border-collapse: collapse; font-size: 13px; margin: 10px 0 6px; font-variant-numeric: tabular-nums; }
table.figures th, table.figures td { padding: 5px 12px; border-bottom: 1px solid #e8ebef; vertical-align: top; }
table.figures thead th { border-bottom: 2px solid var(--ink); font-weight: 600; text-align: left; vertical-align: bottom; white-space: nowrap; }
table.figures tbody th { text-align: left; font-weight: 500; white-space: nowrap; }
table.figures tbody tr:nth-child(even) { background: var(--band); }
table.figures tr.group-start > * { border-top: 1px solid #b9c1ca; }
table.figures .num { text-align: right; white-space: nowrap; }
table.figures .diff { color: var(--muted); }
table.figures .diff.significant { color: var(--ink); font-weight: 650; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
details { margin: 10px 0; }
details > summary { cursor: pointer; color: var(--accent); font-size: 14px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 22px 26px; margin-top: 12px; }
figure { margin: 0; }
figure.span-all { grid-column: 1 / -1; }
figure.chart-figure { padding: 10px 12px 6px; border: 1px solid #e6e9ed; border-radius: 6px; background: #fff; overflow-x: auto; break-inside: avoid; }
figure.wide { margin-top: 12px; }
figcaption { font-size: 12.5px; color: var(--muted); margin-top: 4px; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.flow { display: block; max-width: 100%; height: auto; }
svg.flow text { font-family: ${FONT}; font-size: 11px; fill: #2b3540; }
svg.flow .flow-loop-label { font-size: 10.5px; fill: #8a4b0f; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg.flow .flow-heading { font-size: 11px; font-weight: 600; fill: #5f6b7a; text-transform: uppercase; letter-spacing: .06em; }
svg.flow .flow-value { fill: #5f6b7a; }
svg.flow .flow-on-link { font-size: 10.5px; fill: #1d2733; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg.flow .flow-box-label { fill: #fff; font-weight: 600; font-size: 12px; }
svg.flow .flow-box-value { fill: #dfe8f1; font-size: 11px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; font-size: 12.5px; color: var(--muted); margin: 6px 0 0; padding: 0; list-style: none; }
.legend span.key { display: inline-block; width: 18px; height: 8px; margin-right: 6px; vertical-align: middle; border-radius: 2px; }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 12.5px; }
table.figures .of { color: var(--muted); font-weight: 400; font-size: 11.5px; }
table.inputs td { vertical-align: top; max-width: 34em; }
table.inputs tbody th { white-space: normal; min-width: 8em; }
table.facts tbody th { width: 16em; }
table.provenance td { max-width: none; }
p.block-title { margin: 14px 0 0; font-size: 13px; font-weight: 600; color: var(--muted); }
ul.headlines { margin: 8px 0 0; padding-left: 20px; }
ul.headlines li { margin: 5px 0; }
ul.headlines li.unclear { color: var(--muted); }
ul.headlines .of, dl.glossary .of { color: var(--muted); font-weight: 400; }
dl.glossary { display: grid; grid-template-columns: minmax(12em, max-content) 1fr; gap: 2px 18px; font-size: 13px; margin: 6px 0 0; }
dl.glossary dt { font-weight: 600; }
dl.glossary dd { margin: 0; color: #34404d; }
code { font-size: 12.5px; }
/* Paper: A4 landscape; nothing folded away or shown only on hover; charts two by two. */
@page { size: A4 landscape; margin: ${PRINT_PAGE.margin.top}mm ${PRINT_PAGE.margin.side}mm ${PRINT_PAGE.margin.bottom}mm; }
@media print {
  html { background: #fff; }
  body { font-size: 12px; }
  main { max-width: none; box-shadow: none; padding: 0; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h2, h3, p.block-title, p.note, details > summary { break-after: avoid; }
  /* A note closing a section belongs to what it follows: kept to the next heading, it would
     leave every break around that heading avoided, and the heading alone at a page's foot. */
  p.note:last-child { break-before: avoid; break-after: auto; }
  h2 { margin-top: 22px; }
  figure.chart-figure, table.transfers, table.figures tr, ul.headlines li, dl.glossary dt, dl.glossary dd, p.note { break-inside: avoid; }
  .scroll, figure.chart-figure { overflow: visible; }
  .charts { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px 16px; }
  /* A table wider than the page would make the browser shrink every page to fit it: smaller
     type, and headings and labels that wrap (design names at their hyphens). */
  table.figures { font-size: 10.5px; }
  table.figures th, table.figures td { padding: 3px 6px; }
  table.figures thead th, table.figures tbody th { white-space: normal; }
  table.figures .of { display: block; font-size: 9.5px; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; cursor: auto; color: var(--ink); font-weight: 600; }
  details > summary::-webkit-details-marker { display: none; }
}
`;

export interface PageParts {
  readonly title: string;
  /** HTML of the page body (inside <main>). */
  readonly body: string;
}

export function page({ title, body }: PageParts): string {
  return (
    '<!DOCTYPE html>\n' +
    '<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    // Nothing may load from anywhere: the page is complete as it is.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(title)}</title>\n` +
    `<style>${CSS}</style>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`
  );
}

/** The report's style sheet, for a page that shows its tables and flow diagrams (the playground). */
export { CSS as REPORT_CSS };
