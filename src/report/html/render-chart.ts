// Vega-Lite chart specifications rendered to standalone SVG markup, headlessly: compiled by
// vega-lite, laid out and drawn by vega's SVG string renderer (no DOM, no canvas, no
// network). Every chart shares one look (fonts, colours, axes) so the report reads as one
// document. The SVG is cleaned up for inlining in an HTML page: no namespace URLs, no white
// backdrop, and ids made unique per chart (several SVGs share one document).
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Font stack of the page, used by charts too (system fonts only: the report is offline). */
export const FONT = '"Segoe UI", "Helvetica Neue", Helvetica, Arial, sans-serif';

/** Colours of designs, in run order (the baseline first); cycles beyond eight designs. */
export const DESIGN_COLOURS: readonly string[] = [
  '#1f4e79',
  '#d9822b',
  '#2e8b57',
  '#8e44ad',
  '#c0392b',
  '#16a085',
  '#7f8c8d',
  '#b7950b',
];

export function designColour(index: number): string {
  return DESIGN_COLOURS[index % DESIGN_COLOURS.length]!;
}

const CONFIG = {
  background: null,
  font: FONT,
  padding: 4,
  view: { stroke: null },
  axis: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    titleColor: '#444',
    labelColor: '#444',
    domainColor: '#999',
    tickColor: '#999',
    gridColor: '#e6e6e6',
  },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', orient: 'bottom', direction: 'horizontal', labelLimit: 260 },
  title: { fontSize: 13, fontWeight: 600, anchor: 'start', color: '#222', subtitleColor: '#666', subtitleFontSize: 11 },
  header: { labelFontSize: 11, titleFontSize: 11 },
} as const;

/**
 * The SVG markup of a Vega-Lite chart, ready to inline in HTML.
 * @param id an identifier of the chart unique in the page (letters, digits, dashes): it
 *   prefixes the SVG's own ids and names the chart (`data-chart`)
 */
export async function renderChart(spec: TopLevelSpec, id: string): Promise<string> {
  const withConfig = { ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
  const compiled = compile(withConfig).spec;
  const view = new View(parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return inlineSvg(svg, id.replace(/[^A-Za-z0-9-]/g, '-'));
  } finally {
    view.finalize();
  }
}

/**
 * Vega's standalone SVG made fit for an HTML page: namespace declarations dropped (the
 * HTML parser knows inline SVG), the opaque backdrop removed, a class and an accessible
 * role added, and every id (clip paths, gradients) prefixed so that charts do not collide.
 */
export function inlineSvg(svg: string, prefix: string): string {
  let out = svg
    .replace(/\s+xmlns(:xlink)?="[^"]*"/g, '')
    .replace(/^<svg /, `<svg role="img" data-chart="${prefix}" `)
    .replace(/^(<svg[^>]*?) class="marks"/, '$1 class="chart marks"');
  out = out.replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`);
  out = out.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`);
  out = out.replace(/(xlink:)?href="#([^"]+)"/g, (_, xl: string | undefined, id: string) => `${xl ?? ''}href="#${prefix}-${id}"`);
  return out;
}

/** The look every chart shares, for a page that draws the same specifications itself (the playground). */
export { CONFIG as CHART_CONFIG };
