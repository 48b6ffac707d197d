// Characters a name must not hold: control characters (C0, DEL, C1), which a terminal
// obeys rather than shows, and bidirectional formatting characters, which make text read
// otherwise than it is stored (a team that reads "billing" on screen but is another name).
// The file's keys and texts are refused with them; a message quoting such text shows them
// as code points (U+202E), never raw.
import type { PathSegments } from './errors.ts';

const UNSAFE = '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]';
const UNSAFE_ONE = new RegExp(UNSAFE);
const UNSAFE_ALL = new RegExp(UNSAFE, 'g');
/** Free text (a description) may have line breaks and tabs. */
const UNSAFE_IN_TEXT = /(?![\t\n\r])[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** `U+202E` for the character U+202E. */
export const codePoint = (character: string): string =>
  `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The text with every control and bidirectional formatting character shown as `<U+202E>`. */
export const showUnsafe = (text: string): string => (UNSAFE_ONE.test(text) ? text.replace(UNSAFE_ALL, (c) => `<${codePoint(c)}>`) : text);

/** Fields of free text, where line breaks and tabs are allowed. */
const FREE_TEXT: ReadonlySet<string> = new Set(['description']);

/**
 * Every key and text of the data holding a control or bidirectional formatting character,
 * each at its path (a key's path ends with the key), with the first such character.
 */
export function unsafeCharacterProblems(value: unknown, path: PathSegments = []): { path: PathSegments; message: string }[] {
  if (path.length > 32) return [];
  if (typeof value === 'string') {
    const free = path.length === 1 && FREE_TEXT.has(String(path[0]));
    const match = (free ? UNSAFE_IN_TEXT : UNSAFE_ONE).exec(value);
    return match === null ? [] : [{ path, message: `found ${describe(match[0])} in the text, expected ${free ? 'text' : 'a name or a value'} without control or bidirectional formatting characters` }];
  }
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => unsafeCharacterProblems(item, [...path, i]));
  return Object.entries(value).flatMap(([key, item]) => {
    const match = UNSAFE_ONE.exec(key);
    if (match === null) return unsafeCharacterProblems(item, [...path, key]);
    return [{ path: [...path, key], message: `found ${describe(match[0])} in the key, expected a name without control or bidirectional formatting characters` }];
  });
}

function describe(character: string): string {
  const code = character.codePointAt(0)!;
  const kind = code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'a control character' : 'a bidirectional formatting character';
  return `${codePoint(character)} (${NAMES[code] ?? kind})`;
}

const NAMES: Readonly<Record<number, string>> = {
  0x00: 'NUL, a control character',
  0x09: 'a tab',
  0x0a: 'a line break',
  0x0d: 'a carriage return',
  0x1b: 'escape, a control character',
  0x7f: 'delete, a control character',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};
