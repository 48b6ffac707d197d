// The base of every refusal of bad input (a scenario file, an option, a run too large): the
// command line answers it with exit code 2 and one line per problem, any other error is a bug.
import { showUnsafe } from './unsafe-characters.ts';

/** Bad input, as opposed to a bug: its message is one line per problem, with no newline inside a line. */
export class InputError extends Error {
  /** The problems, one line each. */
  readonly lines: readonly string[];

  constructor(problems: string | readonly string[]) {
    // One line per problem, whatever a message picked up on its way.
    const lines = (typeof problems === 'string' ? [problems] : problems).map(oneLine);
    super(lines.join('\n'));
    this.name = new.target.name;
    this.lines = lines;
  }
}

/**
 * The text with every line break (and the blank space around it) turned into one space, and
 * other control and bidirectional formatting characters shown as code points (`<U+202E>`).
 */
export const oneLine = (text: string): string => showUnsafe(/[\r\n]/.test(text) ? text.replace(/\s*[\r\n]+\s*/g, ' ') : text);
