// Where `spoc sweep` writes its rows: as they come (standard output, a device), or into
// OUT.partial, renamed to OUT once every point is written, which --resume picks up after
// an interruption.
import { completePoints } from '../experiment/sweep-resume.ts';
import type { RowFormat, RowSink } from '../experiment/sweep-runner.ts';
import type { OutputPath } from './output-file.ts';

/** Rows written as they come; `end` is told when the last is written. */
export function streamedRows(write: (text: string) => void, end: () => void = () => {}): RowSink {
  return {
    begin(header) {
      if (header !== '') write(header);
      return new Set();
    },
    append: write,
    end,
  };
}

/** Rows to `out`: in place for a device, else through its partial file (see above). */
export function rowsTo(out: OutputPath, format: RowFormat, resume: boolean): RowSink {
  if (out.inPlace) {
    const output = out.open();
    return streamedRows((text) => output.write(text), () => output.commit());
  }
  return partialFileRows(out, format, resume);
}

/**
 * Rows to OUT.partial, one point at a time and synced. With `resume`, the complete points
 * already there are kept (a point cut short by a crash is dropped) and skipped.
 */
function partialFileRows(out: OutputPath, format: RowFormat, resume: boolean): RowSink {
  let output: ReturnType<OutputPath['openPartial']> | undefined;
  return {
    begin(header, expected) {
      let done: readonly number[] = [];
      let keptBytes = 0;
      output = out.openPartial(
        resume
          ? (text) => {
              const kept = completePoints(text, header, expected, format, out.partialPath);
              done = kept.points;
              keptBytes = kept.bytes;
              return kept.bytes;
            }
          : undefined,
      );
      if (keptBytes === 0) output.write(header);
      return new Set(done);
    },
    append: (rows) => output!.write(rows),
    end: () => output!.commit(),
  };
}
