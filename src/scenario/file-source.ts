// Where the scenario loader reads files from: given by the caller, so that only the command
// line touches the file system (src/cli/file-source.ts has the Node one) and a test can load
// a scenario and its CSV files from memory.

/**
 * The files of a scenario: the scenario file itself and the files its empirical
 * distributions name. Paths are as the user wrote them, relative ones joined to the
 * scenario file's directory.
 */
export interface FileSource {
  /**
   * The bytes of a file.
   * @throws an error whose `code` says why it cannot be read (`ENOENT`, `EACCES`, `EISDIR`, …)
   */
  readBytes(path: string): Uint8Array;
  /** The text of a file, decoded as UTF-8; throws as readBytes does. */
  readText(path: string): string;
  /**
   * The absolute path of a file with every link followed, to tell whether it lies in the
   * scenario's folder (without it, paths are compared as written); throws as readBytes does.
   */
  realPath?(path: string): string;
}

/** For a scenario given as text: it may name no file. */
export const NO_FILES: FileSource = {
  readBytes: refuse,
  readText: refuse,
};

function refuse(): never {
  throw new Error('no files can be read for a scenario given as text');
}
