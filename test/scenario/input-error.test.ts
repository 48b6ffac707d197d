// Every refusal of bad input at the scenario level is an InputError, one line per problem.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inputRefusal } from '../support/refusal.ts';
import { InputError, mergeSweepParameters, parseScenario, parseSetOption, ScenarioError } from '../../src/scenario/index.ts';

describe('InputError', () => {
  it('keeps one line per problem, whatever a message picked up on its way', () => {
    const error = new InputError(['first\n  problem', 'second\r\nproblem']);
    expect(error.lines).toEqual(['first problem', 'second problem']);
    expect(error.message).toBe('first problem\nsecond problem');
  });

  it('shows control and bidirectional formatting characters as code points, never raw', () => {
    const error = new InputError('unknown design "\u202Eevil\u0007\u009B[2J\u2066"');
    expect(error.message).toBe('unknown design "<U+202E>evil<U+0007><U+009B>[2J<U+2066>"');
  });

  it('is named after the class that refuses', () => {
    expect(new InputError('x').name).toBe('InputError');
    expect(new ScenarioError([{ file: 'x.yaml', path: '', message: 'm' }]).name).toBe('ScenarioError');
  });
});

describe('refusals of the scenario layer', () => {
  it('a scenario that cannot be used', () => {
    const error = inputRefusal(() => parseScenario('name: x\n', 'x.yaml'));
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error.lines[0]).toMatch(/^x\.yaml: /);
  });

  it('a --set option written wrongly, or given twice', () => {
    expect(inputRefusal(() => parseSetOption('teams.billing.agents')).message).toMatch(/^--set: /);
    const set = parseSetOption('teams.billing.agents=1,2');
    expect(inputRefusal(() => mergeSweepParameters([], [set, set])).message).toMatch(/^--set: found the path teams\.billing\.agents twice/);
  });

  it('a name with a control or bidirectional formatting character, wherever it is', () => {
    const yaml = readFileSync('test/fixtures/scenarios/good/defaults.yaml', 'utf8');
    const withIntent = yaml.replaceAll('only', 'on\u200Fly');
    expect(inputRefusal(() => parseScenario(withIntent, 'x.yaml')).lines[0]).toMatch(/: found U\+200F \(right-to-left mark\) in the key/);
    // A description is free text: it may have line breaks and tabs, not escapes.
    expect(parseScenario(`description: "two\\nlines\\tand a tab"\n${yaml}`, 'x.yaml').name).toBeDefined();
    expect(inputRefusal(() => parseScenario(`description: "\\e[31m"\n${yaml}`, 'x.yaml')).lines).toEqual([
      'x.yaml: description: found U+001B (escape, a control character) in the text, expected text without control or bidirectional formatting characters',
    ]);
  });

  it('a file that is not text', () => {
    const text = readFileSync('test/fixtures/scenarios/bad/binary.yaml', 'latin1');
    expect(inputRefusal(() => parseScenario(text, 'binary.yaml')).message).toMatch(/^binary\.yaml: found binary data/);
  });
});
