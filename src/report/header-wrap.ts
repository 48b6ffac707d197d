// Wrapping of a terminal table's column headers: at spaces first, then after hyphens, and
// a piece still too wide is cut with `…`.
import { displayWidth, truncate } from './text-width.ts';

/** Greedy fill of `pieces` (joined by `joiner`) into lines of at most `width` columns. */
function fill(pieces: readonly string[], joiner: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const candidate = current === '' ? piece : current + joiner + piece;
    if (current !== '' && displayWidth(candidate) > width) {
      lines.push(current);
      current = piece;
    } else {
      current = candidate;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/**
 * A header segment wrapped to `width`: at spaces first; a line still too wide breaks after
 * its hyphens; a piece still too wide is cut with `…`. `cut` tells whether a cut happened.
 */
export function wrapSegment(segment: string, width: number): { lines: string[]; cut: boolean } {
  const lines: string[] = [];
  let cut = false;
  for (const line of fill(segment.split(' ').filter((word) => word !== ''), ' ', width)) {
    if (displayWidth(line) <= width) {
      lines.push(line);
      continue;
    }
    for (const piece of fill(line.split(/(?<=-)/), '', width)) {
      if (displayWidth(piece) > width) cut = true;
      lines.push(truncate(piece, width));
    }
  }
  return { lines, cut };
}

/** Header lines of a column `width` wide (a no-break space keeps `Δ` with the name). */
export function wrapHeader(header: readonly string[], width: number): string[] {
  return header
    .flatMap((segment) => (segment === '' ? [''] : wrapSegment(segment, width).lines))
    .map((line) => line.replace(/\u00a0/g, ' '));
}
