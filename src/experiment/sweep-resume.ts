// Resuming a sweep: which points of an earlier, interrupted output are complete. Pure text
// to numbers; the command line reads and truncates the file.
import type { RowFormat } from './sweep-runner.ts';

/**
 * The longest prefix of a partial-results file made of whole points: its byte length and
 * the points in it. Rows are whole lines, written a point at a time, so only the last point
 * can be cut short: it counts only with one row per design.
 */
export function completePoints(
  text: string,
  header: string,
  designCount: number,
  format: RowFormat,
): { bytes: number; points: number[] } {
  if (!text.startsWith(header)) return { bytes: 0, points: [] };
  const lines = text.slice(header.length).split('\n');
  lines.pop(); // after the last newline: empty, or a line cut short
  const points: number[] = [];
  let bytes = Buffer.byteLength(header);
  let pointStart = bytes;
  let rowsOfPoint = 0;
  let current = -1;
  for (const line of lines) {
    const point = format.pointOf(line);
    if (point !== current) {
      current = point;
      pointStart = bytes;
      rowsOfPoint = 0;
    }
    bytes += Buffer.byteLength(line) + 1;
    if (++rowsOfPoint === designCount) points.push(point);
  }
  const lastComplete = current < 0 || rowsOfPoint === designCount;
  return { bytes: lastComplete ? bytes : pointStart, points };
}
