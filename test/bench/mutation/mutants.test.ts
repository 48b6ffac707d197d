// The mutation harness's list and substitution, and the planted mutants it keeps checking:
// each must still apply, exactly once, to today's sources (or be updated with them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMutants, substitute, type Mutant } from '../../../bench/mutation/mutants.ts';

const mutant = (find: string): Mutant => ({ id: 'm', file: 'f.ts', find, replace: 'B', why: 'w' });

describe('a mutant', () => {
  it('replaces its text where it occurs once', () => {
    expect(substitute('x A y', mutant('A'))).toBe('x B y');
  });

  it('is refused when its text occurs nowhere or more than once', () => {
    expect(() => substitute('x y', mutant('A'))).toThrow('occurs nowhere in f.ts');
    expect(() => substitute('A A', mutant('A'))).toThrow('occurs more than once in f.ts');
  });
});

describe('a list of mutants', () => {
  it('names the entry and the field of the first bad one', () => {
    expect(() => readMutants('{}', 'l.json')).toThrow('l.json: expected a list of mutants');
    expect(() => readMutants('[{"id": "a", "file": "f", "find": "x", "replace": "y"}]', 'l.json')).toThrow('mutant 0: "why" must be a non-empty string');
    const deletion = '[{"id": "a", "file": "f", "find": "x", "replace": "", "why": "w"}]';
    expect(readMutants(deletion, 'l.json')[0]?.replace).toBe('');
    const twice = JSON.stringify([mutant('A'), mutant('C')]);
    expect(() => readMutants(twice, 'l.json')).toThrow('mutant 1: id "m" is used twice');
  });
});

describe('bench/mutation/planted.json', () => {
  const planted = readMutants(readFileSync('bench/mutation/planted.json', 'utf8'), 'planted.json');

  it('holds the six mutants the pins guard, each applying once to today’s sources', () => {
    expect(planted).toHaveLength(6);
    for (const m of planted) expect(substitute(readFileSync(m.file, 'utf8'), m)).not.toBe(readFileSync(m.file, 'utf8'));
  });
});
