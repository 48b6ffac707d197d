// SHA-256 of a scenario's text, the fingerprint its results' provenance carries: equal to
// `sha256sum FILE` for the file as read.
import { createHash } from 'node:crypto';

/** Lower-case hexadecimal SHA-256 of the bytes (a string: of its UTF-8 encoding). */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
