// The HTML report: one self-contained page per run or sweep (inline CSS and SVG charts
// rendered headlessly with Vega-Lite; nothing to fetch, no script).
export { renderRunReport, CHARTED_METRICS, type RunReportOptions } from './run-report.ts';
export { renderSweepReport, SweepReportCollector, MAX_PANELS, type SweepReportOptions } from './sweep-report.ts';
export { addOutputRows } from './sweep-readback.ts';
