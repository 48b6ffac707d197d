import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputError, loadScenario, parseScenario, ScenarioError } from '../../src/index.ts';
import { spoc } from '../support/spoc-cli.ts';

const SMALL = 'test/fixtures/sweep/small.yaml';
const BAD = 'test/fixtures/scenarios/bad/agents-negative.yaml';

function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was thrown');
}

describe('loadScenario and parseScenario', () => {
  it('resolve a file and its text to the same scenario', () => {
    const fromFile = loadScenario(SMALL);
    expect(fromFile.name).toBe('Sweep test centre');
    expect(parseScenario(readFileSync(SMALL, 'utf8'), { file: SMALL })).toEqual(fromFile);
  });

  it('read JSON text, its format told or given by the file name', () => {
    const json = JSON.stringify(parse(readFileSync(SMALL, 'utf8')));
    const { file: _yamlFile, sha256: _yamlSha256, ...fromYaml } = loadScenario(SMALL);
    const { file, sha256: _jsonSha256, ...fromJson } = parseScenario(json, { format: 'json' });
    expect(file).toBe('scenario.json');
    expect(fromJson).toEqual(fromYaml);
    expect(parseScenario(json, { file: 'centre.json' }).file).toBe('centre.json');
  });

  it('refuse a bad file with the InputError and lines spoc validate prints', async () => {
    const { code, err } = await spoc('validate', BAD);
    expect(code).toBe(2);
    const error = thrown(() => loadScenario(BAD));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as InputError).lines).toEqual(err.trimEnd().split('\n'));
  });

  it('refuse bad text with the file name given and the field path', () => {
    const text = readFileSync(BAD, 'utf8');
    const error = thrown(() => parseScenario(text, { file: 'centre.yaml' })) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.lines).toEqual(['centre.yaml: teams.field.agents: found -3, expected a whole number of agents from 1 to 1000000']);
  });
});
