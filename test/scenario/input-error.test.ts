// Every refusal of bad input at the scenario level is an InputError, one line per problem.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, mergeSweepParameters, parseScenario, parseSetOption, ScenarioError } from '../../src/scenario/index.ts';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('accepted');
}

describe('InputError', () => {
  it('keeps one line per problem, whatever a message picked up on its way', () => {
    const error = new InputError(['first\n  problem', 'second\r\nproblem']);
    expect(error.lines).toEqual(['first problem', 'second problem']);
    expect(error.message).toBe('first problem\nsecond problem');
  });

  it('is named after the class that refuses', () => {
    expect(new InputError('x').name).toBe('InputError');
    expect(new ScenarioError([{ file: 'x.yaml', path: '', message: 'm' }]).name).toBe('ScenarioError');
  });
});

describe('refusals of the scenario layer', () => {
  it('a scenario that cannot be used', () => {
    const error = thrown(() => parseScenario('name: x\n', 'x.yaml'));
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).lines[0]).toMatch(/^x\.yaml: /);
  });

  it('a --set option written wrongly, or given twice', () => {
    expect(thrown(() => parseSetOption('teams.billing.agents'))).toBeInstanceOf(InputError);
    const set = parseSetOption('teams.billing.agents=1,2');
    expect(thrown(() => mergeSweepParameters([], [set, set]))).toBeInstanceOf(InputError);
  });

  it('a file that is not text', () => {
    const text = readFileSync('test/fixtures/scenarios/bad/binary.yaml', 'latin1');
    expect(thrown(() => parseScenario(text, 'binary.yaml'))).toBeInstanceOf(InputError);
  });
});
