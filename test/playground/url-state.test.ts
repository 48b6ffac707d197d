// The scenario kept in the address: a link gives back the text, replications and seed.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../src/playground/page/url-state.ts';

describe('the scenario in the address', () => {
  it('round-trips any text, replications and seed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), fc.option(fc.nat(), { nil: undefined }), async (text, seed) => {
        const state = { text: text === '' ? ' ' : text, replications: 3, ...(seed === undefined ? {} : { seed }) };
        expect(await decodeState(`#${await encodeState(state)}`)).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });

  it('compresses a bundled scenario to about half, in URL-safe characters', async () => {
    const text = readFileSync('scenarios/utility-numbers.yaml', 'utf8');
    const hash = await encodeState({ text });
    expect(hash).toMatch(/^s=[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(text.length * 0.6);
  });

  it('reads a damaged or empty hash as none', async () => {
    expect(await decodeState('')).toBeUndefined();
    expect(await decodeState('#s=')).toBeUndefined();
    expect(await decodeState('#s=not-deflate')).toBeUndefined();
  });
});
