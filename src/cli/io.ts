// Where the command line writes its standard output and errors: injectable for tests
// (files are written by output-file.ts).

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Columns of the terminal that standard output is; undefined when it is none (a pipe, a file). */
  readonly terminalColumns?: () => number | undefined;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  terminalColumns: () => (process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined),
};
