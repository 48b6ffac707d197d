// Resuming a sweep: which points of an earlier, interrupted output are complete, and that
// they are this sweep's. Pure text to numbers; the command line reads and truncates the file.
import { InputError } from '../scenario/input-error.ts';
import type { RowFormat } from './sweep-runner.ts';

/** The columns that say where a row comes from: equal in every row of one sweep. */
export const ROW_PROVENANCE = ['seed', 'scenarioSha256', 'gridSha256', 'points', 'spoc'] as const;

export type RowProvenanceColumn = (typeof ROW_PROVENANCE)[number];

/** Where a row belongs and what made it, as its fields read back (texts; a missing value ''). */
export interface RowOrigin {
  readonly point: number;
  readonly design: string;
  readonly replications: string;
  readonly provenance: Readonly<Record<RowProvenanceColumn, string>>;
}

/** What the rows of this sweep say of their origin: checked before any row is kept. */
export interface ExpectedRows {
  /** The designs of a point's rows, in row order. */
  readonly designs: readonly string[];
  /**
   * A point's provenance as its rows write it, and its replications: the run's, or with
   * precision targets any number from it to run.maxReplications.
   */
  origin(point: number): { readonly provenance: RowOrigin['provenance']; readonly replications: { readonly min: number; readonly max: number } };
}

/**
 * The longest prefix of a partial-results file made of whole points: its byte length and
 * the points in it. Rows are whole lines, written a point at a time, so only the last point
 * can be cut short: it counts only with one row per design.
 * @param name the file, for messages
 * @throws InputError when the file holds rows of another sweep (another header, seed,
 *   scenario, grid, version, replications or designs): resuming would mix them with ours
 */
export function completePoints(
  text: string,
  header: string,
  expected: ExpectedRows,
  format: RowFormat,
  name: string,
): { bytes: number; points: number[] } {
  if (!text.startsWith(header)) {
    if (header.startsWith(text)) return { bytes: 0, points: [] }; // stopped before its header was whole
    const found = text.slice(0, text.indexOf('\n') + 1 || text.length);
    throw new InputError(
      `${name}: found the header ${JSON.stringify(shorten(found.trimEnd()))}, expected this sweep's (${JSON.stringify(shorten(header.trimEnd()))}): ` +
        'the file holds another sweep; remove it or run that sweep again',
    );
  }
  const designCount = expected.designs.length;
  const originOf = format.originReader(header);
  const lines = text.slice(header.length).split('\n');
  lines.pop(); // after the last newline: empty, or a line cut short
  const points: number[] = [];
  let bytes = Buffer.byteLength(header);
  let pointStart = bytes;
  let rowsOfPoint = 0;
  let current = -1;
  lines.forEach((line, n) => {
    const point = format.pointOf(line);
    if (point !== current) {
      current = point;
      pointStart = bytes;
      rowsOfPoint = 0;
    }
    checkOrigin(line, originOf, expected, rowsOfPoint, `${name}, row ${n + 1}`);
    bytes += Buffer.byteLength(line) + 1;
    if (++rowsOfPoint === designCount) points.push(point);
  });
  const lastComplete = current < 0 || rowsOfPoint === designCount;
  return { bytes: lastComplete ? bytes : pointStart, points };
}

/** A row read back is the one this sweep would write there, but for its figures. */
function checkOrigin(line: string, originOf: (line: string) => RowOrigin, expected: ExpectedRows, index: number, where: string): void {
  let row: RowOrigin;
  try {
    row = originOf(`${line}\n`); // the readers take whole lines
  } catch (error) {
    throw new InputError(`${where}: ${(error as Error).message}`);
  }
  const refuse = (found: string, wanted: string): never => {
    throw new InputError(`${where}: found ${found}, expected ${wanted} as this sweep writes: the file holds another sweep's rows; remove it or run that sweep again`);
  };
  const design = expected.designs[index];
  if (row.design !== design) {
    refuse(`design ${JSON.stringify(row.design)} at point ${row.point}`, design === undefined ? `${expected.designs.length} rows a point` : JSON.stringify(design));
  }
  const origin = expected.origin(row.point);
  const shown = (v: string): string => (v === '' ? 'none' : v);
  for (const column of ROW_PROVENANCE) {
    if (row.provenance[column] !== origin.provenance[column]) refuse(`${column} ${shown(row.provenance[column])}`, shown(origin.provenance[column]));
  }
  const replications = Number(row.replications);
  const { min, max } = origin.replications;
  if (row.replications === '' || !Number.isSafeInteger(replications) || replications < min || replications > max) {
    refuse(`replications ${shown(row.replications)}`, min === max ? String(min) : `${min} to ${max} (--precision)`);
  }
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
