// The callback offer (virtual hold) at fixed times: who is offered, what an accepted caller
// keeps, and what an agent calling back does, one timeline per rule.
import { describe, expect, it } from 'vitest';
import { at, billingScenario, timeline } from './timeline.ts';

/** One agent, talks of `handle`; the design offers callbacks with these fields. */
function offering(offer: string, parts: { patience?: string; handle?: string; demand?: string; calendar?: string } = {}): string {
  const yaml = billingScenario({
    patience: parts.patience ?? '100s',
    demand: parts.demand,
    calendar: parts.calendar,
    design: `    numbers: [ { dial: "1", to: billing } ]\n    callbackOffer: ${offer}`,
  });
  return yaml.replace('handle: 60s', `handle: ${parts.handle ?? '200s'}`);
}

describe('the callback offer', () => {
  it('keeps the place of a caller who accepts: their patience no longer runs and the free agent calls them back', () => {
    const without = timeline(offering('{ after: 30s, accept: 0, reach: 1 }'), [0, 10]);
    expect(at(without, 110)).toEqual(['110 B gives up', '110 B ends Abandoned']);
    const lines = timeline(offering('{ after: 30s, accept: 1, reach: 1 }'), [0, 10]);
    expect(lines.filter((line) => line.includes('gives up'))).toEqual([]);
    expect(at(lines, 200)).toEqual(['200 A ends Resolved', '200 B called back by billing']);
    expect(at(lines, 400)).toEqual(['400 B ends Resolved']);
  });

  it('is not made to a caller an agent answers at the instant it is due', () => {
    // A's talk ends at 60 s, when B has waited the 50 s of `after`: B is answered, not called back.
    const lines = timeline(offering('{ after: 50s, accept: 1, reach: 0 }', { handle: '60s' }), [0, 10]);
    expect(at(lines, 60)).toEqual(['60 A ends Resolved', '60 B answered by billing']);
    expect(at(lines, 120)).toEqual(['120 B ends Resolved']);
  });

  it('comes before the patience that ends at the same instant: the accepting caller stays', () => {
    const lines = timeline(offering('{ after: 50s, accept: 1, reach: 1 }', { patience: '50s' }), [0, 10]);
    expect(at(lines, 60)).toEqual([]);
    expect(at(lines, 200)).toEqual(['200 A ends Resolved', '200 B called back by billing']);
  });

  it('is not made to a caller whose patience ends first', () => {
    const lines = timeline(offering('{ after: 60s, accept: 1, reach: 1 }', { patience: '50s' }), [0, 10]);
    expect(at(lines, 60)).toEqual(['60 B gives up', '60 B ends Abandoned']);
  });

  it('frees at once the agent who does not reach the caller, for the next caller, and the issue calls back as unresolved', () => {
    const demand = '  callback: { probability: 1, after: 10m }';
    const lines = timeline(offering('{ after: 30s, accept: 1, reach: 0 }', { patience: 'none', demand }), [0, 10, 190]);
    expect(at(lines, 200)).toEqual(['200 A ends Resolved', '200 B called back by billing', '200 B ends NotReached', '200 C answered by billing']);
    expect(at(lines, 800)).toEqual(['800 B calls again (call 2)', '800 B reaches billing', '800 B answered by billing']);
  });

  it('keeps an accepted caller at a closing that disconnects those waiting on the line', () => {
    const calendar = '  open: { mon: "00:00-00:02" }\n  atClosing: disconnect';
    const lines = timeline(offering('{ after: 30s, accept: 1, reach: 1 }', { patience: 'none', calendar }), [0, 10, 100]);
    expect(at(lines, 120)).toEqual(['120 C hears the closing message', '120 C ends Closed']);
    expect(at(lines, 200)).toEqual(['200 A ends Resolved', '200 B called back by billing']);
  });
});
