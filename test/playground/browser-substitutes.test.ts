// The playground's stand-ins for Node's modules compute what Node does: the scenario's
// SHA-256, and Math.log and Math.exp to the last bit.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/playground/browser/digest.ts';
import { nodeMathExp, nodeMathLog } from '../../src/playground/browser/node-math.ts';

const SUBNORMAL_EXP_BELOW = Math.log(2 ** -1022);

describe('browser substitutes', () => {
  it('hash text and bytes as node:crypto does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.uint8Array(), (text, bytes) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
        expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
    );
  });

  it('give the very doubles of Math.log and Math.exp', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        expect(Object.is(nodeMathLog(x), Math.log(x))).toBe(true);
        // Below -708.4 the result is subnormal, which stdlib's port flushes to 0 where V8
        // keeps it: no draw comes near, and in the Erlang sums a term below 2^-1022 added to
        // one of at least 1 changes nothing.
        if (x >= SUBNORMAL_EXP_BELOW) expect(Object.is(nodeMathExp(x), Math.exp(x))).toBe(true);
      }),
      { numRuns: 50_000 },
    );
    // Where samplers draw: logs of uniforms in (0, 1).
    for (let i = 1; i < 200_000; i++) expect(nodeMathLog(i / 200_000)).toBe(Math.log(i / 200_000));
  });
});
