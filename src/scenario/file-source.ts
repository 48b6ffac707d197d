// Where the scenario loader reads files from: given by the caller, so that only the command
// line touches the file system (src/cli/file-source.ts has the Node one) and a test can load
// a scenario and its CSV files from memory.

/**
 * The files of a scenario: the scenario file itself and the data files its empirical
 * distributions name, each read by its own method (they have different size limits).
 * Paths are as the user wrote them, relative ones joined to the scenario file's directory.
 */
export interface FileSource {
  /**
   * The bytes of the scenario file.
   * @throws an error whose `code` says why it cannot be read (`ENOENT`, `EACCES`, `EISDIR`, …)
   */
  readScenario(path: string): Uint8Array;
  /** The bytes of a data file of an empirical distribution; throws as readScenario does. */
  readData(path: string): Uint8Array;
  /**
   * The absolute path of a file with every link followed, to tell whether it lies in the
   * scenario's folder; throws as readScenario does.
   */
  realPath(path: string): string;
}

/** For a scenario given as text: it may name no file. */
export const NO_FILES: FileSource = {
  readScenario: refuse,
  readData: refuse,
  realPath: refuse,
};

function refuse(): never {
  throw new Error('no files can be read for a scenario given as text');
}
