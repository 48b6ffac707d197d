// A JSON syntax checker that says where and what is wrong: JSON.parse's messages differ
// between Node versions and some carry no position. It also refuses duplicate keys, which
// JSON.parse silently resolves to the last one (YAML files get the same refusal).

import type { PathSegments } from './errors.ts';
import { MAX_NESTING_DEPTH } from './file-text.ts';

export interface JsonSyntaxProblem {
  /** Offset in the text (UTF-16 code units). */
  readonly offset: number;
  readonly message: string;
}


class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The first syntax problem of a JSON text, or undefined if it is valid JSON.
 * @param onUnsafeInteger told of each integer written beyond 2^53 - 1 (which JSON.parse
 *   would round), with its path and its digits
 */
export function checkJsonSyntax(
  text: string,
  onUnsafeInteger: (path: PathSegments, digits: string) => void = () => {},
): JsonSyntaxProblem | undefined {
  let i = 0;
  const path: (string | number)[] = [];

  const describe = (at: number): string => (at >= text.length ? 'the end of the file' : JSON.stringify(text[at]));
  const stop = (message: string, at = i): never => {
    throw new Stop(at, message);
  };
  const skipSpace = (): void => {
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
        stop('found a comment, which JSON does not allow, expected JSON without comments (YAML allows them: # ...)');
      } else break;
    }
  };

  const value = (depth: number): void => {
    if (depth > MAX_NESTING_DEPTH) {
      stop(`found arrays or objects nested more than ${MAX_NESTING_DEPTH} levels deep, expected a scenario (nested a few levels deep)`);
    }
    skipSpace();
    const c = text[i];
    if (c === '{') object(depth);
    else if (c === '[') array(depth);
    else if (c === '"') string();
    else if (/^-?(NaN|Infinity)\b/.test(text.slice(i, i + 10))) {
      stop(`found ${/^-?\w+/.exec(text.slice(i, i + 10))?.[0] ?? 'NaN'}, which JSON does not allow, expected a number`);
    } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else if (text.startsWith('true', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else if (text.startsWith('null', i)) i += 4;
    else if (c === "'") stop("found a single quote, expected a double-quoted string");
    else stop(`found ${describe(i)}, expected a value (a string, number, object, array, true, false or null)`);
  };

  const object = (depth: number): void => {
    const keys = new Set<string>();
    i++; // {
    skipSpace();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') {
        if (text[i] === '}') stop('found a comma before "}", which JSON does not allow (trailing comma)');
        stop(`found ${describe(i)}, expected a double-quoted key`);
      }
      const keyStart = i;
      const key = string();
      if (keys.has(key)) stop(`found the key ${JSON.stringify(key)} twice in the same object, expected unique keys`, keyStart);
      keys.add(key);
      skipSpace();
      if (text[i] !== ':') stop(`found ${describe(i)}, expected ":" after the key`);
      i++;
      path.push(key);
      value(depth + 1);
      path.pop();
      skipSpace();
      if (text[i] === ',') {
        i++;
      } else if (text[i] === '}') {
        i++;
        return;
      } else {
        stop(`found ${describe(i)}, expected "," or "}"`);
      }
    }
  };

  const array = (depth: number): void => {
    i++; // [
    skipSpace();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (let index = 0; ; index++) {
      skipSpace();
      if (text[i] === ']') stop('found a comma before "]", which JSON does not allow (trailing comma)');
      path.push(index);
      value(depth + 1);
      path.pop();
      skipSpace();
      if (text[i] === ',') {
        i++;
      } else if (text[i] === ']') {
        i++;
        return;
      } else {
        stop(`found ${describe(i)}, expected "," or "]"`);
      }
    }
  };

  const string = (): string => {
    const start = i;
    i++; // "
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) stop('found a bad \\u escape, expected four hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          stop(`found the escape \\${e ?? ''}, expected one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`);
        }
      } else if (c < ' ') {
        stop(c === '\n' ? 'found a line break inside a string, expected a closing "' : 'found a control character inside a string');
      } else {
        i++;
      }
    }
    return stop('found the end of the file inside a string, expected a closing "', start);
  };

  const number = (): void => {
    const match = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    match.lastIndex = i;
    const m = match.exec(text);
    if (!m || m[0] === '-') stop(`found ${describe(i)}, expected a number`);
    else if (!Number.isFinite(Number(m[0]))) stop(`found the number ${m[0]}, too large for a number, expected a number below 1.7e308`);
    else {
      if (m[2] === undefined && m[3] === undefined && !Number.isSafeInteger(Number(m[0]))) onUnsafeInteger([...path], m[0]);
      i += m[0].length;
    }
    if (i < text.length && /[0-9.eE]/.test(text[i]!)) stop('found a malformed number (no leading zeros, digits after "." and "e")');
  };

  try {
    value(0);
    skipSpace();
    if (i < text.length) stop(`found ${describe(i)} after the end of the JSON value, expected nothing more`);
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, message: error.message };
    throw error;
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
