// A failure of the machine rather than of the input or the program (a full disk, an output
// that stops taking bytes): one line and exit code 1, with no stack trace.

export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The code of a system error (ENOSPC, EIO, …), or its message when it has none. */
export const codeOf = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
};
