// Where the cursor is in a scenario being typed: block and flow YAML alike.
import { describe, expect, it } from 'vitest';
import { yamlContextAt } from '../../src/playground/page/yaml-context.ts';

/** The context at the `|` of `text`. */
const at = (text: string) => {
  const { path, position, word } = yamlContextAt(text.replace('|', ''), text.indexOf('|'));
  return { path, position, word };
};

describe('yamlContextAt', () => {
  it('reads block mappings by their indentation', () => {
    expect(at('na|')).toEqual({ path: [], position: 'key', word: 'na' });
    expect(at('run:\n  horizon: 8h\n  war|')).toEqual({ path: ['run'], position: 'key', word: 'war' });
    expect(at('teams:\n  billing:\n    agents: 3\n    sk|')).toEqual({ path: ['teams', 'billing'], position: 'key', word: 'sk' });
    expect(at('demand:\n  patience: |')).toEqual({ path: ['demand', 'patience'], position: 'value', word: '' });
  });

  it('reads flow mappings on the line, however deep', () => {
    expect(at('run: { horizon: 8h, war|')).toEqual({ path: ['run'], position: 'key', word: 'war' });
    expect(at('demand:\n  intents:\n    billing: { share: 0.6, handle: { dist: lo|')).toEqual({
      path: ['demand', 'intents', 'billing', 'handle', 'dist'],
      position: 'value',
      word: 'lo',
    });
  });

  it('counts list items, block or flow', () => {
    const numbers = ['designs', 'one', 'numbers', '[]'];
    expect(at('designs:\n  one:\n    numbers:\n      - dial: "3631"\n        t|').path).toEqual(numbers);
    expect(at('designs:\n  one:\n    numbers:\n      - |').path).toEqual(numbers);
    expect(at('designs:\n  one:\n    numbers: [ { dial: "3631", t|').path).toEqual(numbers);
  });

  it('skips comments and blank lines above', () => {
    expect(at('run:\n  # the day\n\n  hor|').path).toEqual(['run']);
  });
});
