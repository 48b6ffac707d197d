// SHA-256 in a browser, in place of src/scenario/digest.ts (node:crypto) in the playground's
// bundles: the loader is synchronous, which WebCrypto's digest is not, so an audited pure
// implementation gives the very hash the command line computes, in the same call.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Lower-case hexadecimal SHA-256 of the bytes (a string: of its UTF-8 encoding). */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? new TextEncoder().encode(data) : data));
}
