// One CSV text field, written and read back: RFC 4180 quoting, and text that a spreadsheet
// would run as a formula neutralised by a leading single quote (OWASP's CSV injection advice).
import { PLAIN_DECIMAL } from '../scenario/index.ts';

/**
 * Text a spreadsheet reads as a formula: it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return, after any single quotes (so that a name already starting with one
 * reads back as itself).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

const neutralised = (text: string): boolean => FORMULA_START.test(text) && !PLAIN_DECIMAL.test(text);

/**
 * A text field: quoted when it holds a comma, a double quote or a line break (RFC 4180);
 * one that would start a formula gets a single quote in front, inside quotes (`=1+1` is
 * written `"'=1+1"`). A text that is a plain number (`-5`) stays as it is.
 */
export function csvField(text: string): string {
  if (neutralised(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text a field holds once unquoted, as csvField was given it: the guarding quote removed. */
export function csvFieldText(unquoted: string): string {
  return unquoted.startsWith("'") && neutralised(unquoted.slice(1)) ? unquoted.slice(1) : unquoted;
}
