import { describe, expect, it } from 'vitest';
import { wrapHeader, wrapSegment } from '../../src/report/header-wrap.ts';

describe('wrapSegment', () => {
  it('wraps at spaces while the words fit', () => {
    expect(wrapSegment('single point of contact', 12)).toEqual({ lines: ['single point', 'of contact'], cut: false });
  });

  it('breaks a word too wide after its hyphens', () => {
    expect(wrapSegment('one-number-frontdesk', 11)).toEqual({ lines: ['one-number-', 'frontdesk'], cut: false });
  });

  it('cuts a piece that fits no other way, and says so', () => {
    expect(wrapSegment('frontdesk', 6)).toEqual({ lines: ['front…'], cut: true });
  });
});

describe('wrapHeader', () => {
  it('starts every segment on a line of its own and keeps Δ with its name', () => {
    expect(wrapHeader(['four-numbers', '(baseline)'], 12)).toEqual(['four-numbers', '(baseline)']);
    expect(wrapHeader(['Δ\u00a0one number'], 8)).toEqual(['Δ one', 'number']);
  });
});
