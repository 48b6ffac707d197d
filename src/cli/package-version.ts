// The version of the installed package, read from its package.json at run time.
import { readFileSync } from 'node:fs';

/**
 * package.json sits two folders above this module, in the sources (src/cli/) and in the
 * compiled code (dist/cli/) alike.
 */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { readonly version: string }).version;
}
