// Sweeps in the loader: ranges, `--set` options, the `sweep` block and its paths checked
// against the file, precision targets, and the scenario of one point of the grid.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  loadScenario,
  MAX_RANGE_VALUES,
  mergeSweepParameters,
  parseRange,
  parseScenario,
  parseSetOption,
  readScenarioData,
  resolveSweep,
  scenarioWithValues,
  SweepOptionError,
  type Scenario,
} from '../../src/scenario/index.ts';
import { refusal } from '../support/refusal.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';

const FILE = 'test/fixtures/scenarios/good/sweep.yaml';
const TEXT = readFileSync(FILE, 'utf8');
/** The example file without its sweep block. */
const BASE = TEXT.slice(0, TEXT.indexOf('\nsweep:') + 1);

function optionError(run: () => unknown): SweepOptionError {
  try {
    run();
  } catch (error) {
    if (error instanceof SweepOptionError) return error;
    throw error;
  }
  throw new Error('accepted');
}

/** The problems of the example file with another sweep block, as `path: message` lines. */
function sweepProblems(block: string): string[] {
  return refusal(() => parseScenario(`${BASE}sweep:\n${block}`, 'x.yaml')).problems.map((p) => `${p.path}: ${p.message}`);
}

const agentsOf = (scenario: Scenario, design: string, team: string): unknown =>
  scenario.designs.find((d) => d.name === design)?.teams.find((t) => t.name === team)?.staffing;

describe('parseRange', () => {
  const values = (text: string): number[] => {
    const parsed = parseRange(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.value;
  };
  const message = (text: string): string => {
    const parsed = parseRange(text);
    return parsed.ok ? 'accepted' : parsed.message;
  };

  it('counts whole numbers by 1 without a step, both ends included', () => {
    expect(values('8..16')).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(values(' 5 .. 5 ')).toEqual([5]);
    expect(values('-2..1')).toEqual([-2, -1, 0, 1]);
  });

  it('takes a step, and includes the end only when a step lands on it', () => {
    expect(values('8..16:2')).toEqual([8, 10, 12, 14, 16]);
    expect(values('8..15:2')).toEqual([8, 10, 12, 14]);
    expect(values('8..16:4')).toEqual([8, 12, 16]);
    expect(values('0..10:20')).toEqual([0]);
  });

  it('gives decimals rounded to 12 significant digits, with the end despite rounding errors', () => {
    expect(values('0.5..1:0.1')).toEqual([0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    const tenths = values('0..1:0.1');
    expect(tenths).toHaveLength(11);
    expect(tenths[3]).toBe(0.3); // not 0.30000000000000004
    expect(tenths[7]).toBe(0.7);
    expect(tenths[10]).toBe(1);
    // (0.3 - 0.1) / 0.1 is 1.9999999999999998: the end is still there.
    expect(values('0.1..0.3:0.1')).toEqual([0.1, 0.2, 0.3]);
    expect(values('-0.3..0.3:0.15')).toEqual([-0.3, -0.15, 0, 0.15, 0.3]);
    expect(Object.is(values('-0.3..0.3:0.15')[2], -0)).toBe(false);
    expect(values('1e3..3e3:1e3')).toEqual([1000, 2000, 3000]);
  });

  it('refuses malformed ranges, saying what is allowed', () => {
    expect(message('16..8')).toBe('expected an end at least the start, e.g. "8..16"');
    expect(message('8..16:0')).toMatch(/^expected a step greater than 0/);
    expect(message('8..16:-2')).toMatch(/^expected a step greater than 0/);
    expect(message('8..x')).toMatch(/^expected a range start\.\.end or start\.\.end:step/);
    expect(message('8...16')).toMatch(/^expected a range/);
    expect(message('8.5.')).toMatch(/^expected a range/);
    expect(message('0..1e6:0.001')).toBe(
      `expected a range of at most ${MAX_RANGE_VALUES} values (a larger step, or a shorter range)`,
    );
    expect(values(`1..${MAX_RANGE_VALUES}`)).toHaveLength(MAX_RANGE_VALUES);
  });
});

describe('parseSetOption', () => {
  it('reads a range', () => {
    expect(parseSetOption('teams.billing.agents=8..16:4')).toEqual({ path: 'teams.billing.agents', values: [8, 12, 16] });
    expect(parseSetOption('designs.one.ivr.accuracy=0.5..1:0.1').values).toEqual([0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('reads a comma list: numbers as numbers, true/false as booleans, the rest as strings', () => {
    expect(parseSetOption('designs.one-number.ivr.accuracy=0.7,0.8,0.9,1')).toEqual({
      path: 'designs.one-number.ivr.accuracy',
      values: [0.7, 0.8, 0.9, 1],
    });
    expect(parseSetOption('demand.arrivals.rate=500/h,600/h').values).toEqual(['500/h', '600/h']);
    expect(parseSetOption('run.serviceLevel = 20s, 30s').values).toEqual(['20s', '30s']);
    expect(parseSetOption('run.drain=true,false').values).toEqual([true, false]);
    expect(parseSetOption('demand.patience=none,3m,180').values).toEqual(['none', '3m', 180]);
    expect(parseSetOption('teams.billing.agents=12').values).toEqual([12]);
    expect(parseSetOption('designs.one.numbers[0].to=billing,field').path).toBe('designs.one.numbers[0].to');
    // `..` in a value that cannot be a range is a value.
    expect(parseSetOption('demand.intents.x.handle.file=../times.csv').values).toEqual(['../times.csv']);
  });

  it('refuses bad options with a message naming the option', () => {
    const cases: [string, RegExp][] = [
      ['teams.billing.agents', /^--set: found "teams\.billing\.agents", expected PATH=VALUES, e\.g\. teams\.billing\.agents=8\.\.16/],
      ['teams..agents=1', /^--set: found the path "teams\.\.agents" in "teams\.\.agents=1", expected a dotted field path/],
      ['=1,2', /^--set: found the path "" .*expected a dotted field path/],
      ['.teams=1', /expected a dotted field path/],
      ['teams.=1', /expected a dotted field path/],
      ['teams.billing.agents=', /^--set: found no values after "=" .*expected a range such as 8\.\.16 or a list/],
      ['teams.billing.agents=8,,9', /^--set: teams\.billing\.agents: found an empty item in "8,,9"/],
      ['teams.billing.agents=8,9,', /found an empty item/],
      ['teams.billing.agents=8,9,8', /^--set: teams\.billing\.agents: found "8" twice \(items 1 and 3\), expected each value once/],
      ['teams.billing.agents=16..8', /^--set: teams\.billing\.agents: found "16\.\.8", expected an end at least the start/],
      ['teams.billing.agents=8..16:0', /expected a step greater than 0/],
      ['sweep.x=1', /expected a field of the scenario, not of its sweep block/],
      ['teams.billing.agents=8..10,12', /^--set: teams\.billing\.agents: found the range "8\.\.10" in the list "8\.\.10,12", expected either one range or a list of values/],
      ['run.seed=1,9007199254740993', /^--set: run\.seed: found 9007199254740993, a whole number beyond 9007199254740991 \(2\^53 - 1\) that cannot be read exactly/],
      ['run.seed=9007199254740992..9007199254740994', /found "9007199254740992\.\.9007199254740994", expected numbers that can be read exactly: 9007199254740992 is a whole number beyond/],
    ];
    for (const [text, pattern] of cases) {
      const error = optionError(() => parseSetOption(text));
      expect(error.option, text).toBe('--set');
      expect(error.message, text).toMatch(pattern);
      expect(error.message).toBe(`--set: ${error.detail}`);
    }
  });
});

describe('the sweep block', () => {
  it('resolves to parameters in file order, values as written or from the range', () => {
    expect(loadScenario(FILE, nodeFileSource).sweep).toEqual([
      { path: 'teams.billing.agents', values: [8, 12, 16] },
      { path: 'designs.one-number.ivr.accuracy', values: [0.8, 0.9] },
      { path: 'run.serviceLevel', values: ['20s', '30s'] },
    ]);
    expect(parseScenario(BASE, 'x.yaml').sweep).toEqual([]);
  });

  it('accepts list items by index, new fields of existing mappings and any scalar values', () => {
    const scenario = parseScenario(
      `${BASE}sweep:\n` +
        '  designs.two-numbers.numbers[1].to: [field, billing]\n' +
        '  designs.two-numbers.numbers.0.dial: ["0800 100", "0800 300"]\n' +
        '  designs.one-number.handleCap: [3m, 5m]\n' +
        '  run.drain: [true, false]\n' +
        '  demand.arrivals.rate: [200/h, 300, 1e3/h]\n',
      'x.yaml',
    );
    expect(scenario.sweep.map((p) => p.values)).toEqual([
      ['field', 'billing'],
      ['0800 100', '0800 300'],
      ['3m', '5m'],
      [true, false],
      ['200/h', 300, '1e3/h'],
    ]);
  });

  it('refuses paths that lead nowhere, with a suggestion on the segment that fails', () => {
    expect(sweepProblems('  teams.biling.agents: [8]\n')).toEqual([
      'sweep["teams.biling.agents"]: found no "biling" in teams, expected a path to a field written in the file; did you mean "billing"?',
    ]);
    expect(sweepProblems('  demnad.arrivals.rate: [8]\n')).toEqual([
      'sweep["demnad.arrivals.rate"]: found no "demnad" in the top level, expected a path to a field written in the file; did you mean "demand"?',
    ]);
    expect(sweepProblems('  teams.billing.agnets: [8]\n')).toEqual([
      'sweep["teams.billing.agnets"]: found unknown key "agnets" in teams.billing; did you mean "agents"?',
    ]);
    expect(sweepProblems('  designs.one-number.ivr.acuracy: [0.8]\n')).toEqual([
      'sweep["designs.one-number.ivr.acuracy"]: found unknown key "acuracy" in designs.one-number.ivr; did you mean "accuracy"?',
    ]);
    expect(sweepProblems('  nmae: [a, b]\n')).toEqual([
      'sweep.nmae: found unknown key "nmae" in the top level; did you mean "name"?',
    ]);
    expect(sweepProblems('  run.precision.waitMean: [5s]\n')).toEqual([
      'sweep["run.precision.waitMean"]: found no "precision" in run, expected a path to a field written in the file (run has horizon, warmup, replications, seed, serviceLevel)',
    ]);
    expect(sweepProblems('  teams.billing.agents.count: [8]\n')).toEqual([
      'sweep["teams.billing.agents.count"]: found teams.billing.agents = 12, which has no field "count", expected a path that ends at teams.billing.agents or goes through mappings and lists',
    ]);
    expect(sweepProblems('  designs.two-numbers.numbers[2].to: [billing]\n')).toEqual([
      'sweep["designs.two-numbers.numbers[2].to"]: found no item "2" in designs.two-numbers.numbers, expected an item index from 0 to 1, e.g. designs.two-numbers.numbers[0]',
    ]);
    expect(sweepProblems('  designs.two-numbers.numbers.first.to: [billing]\n')[0]).toMatch(/found no item "first"/);
    expect(sweepProblems('  teams..agents: [8]\n')).toEqual([
      'sweep["teams..agents"]: found the path "teams..agents", expected a dotted field path such as teams.billing.agents or designs.one-number.ivr.accuracy',
    ]);
  });

  it('refuses a field swept twice, or a field and a field inside it', () => {
    expect(sweepProblems('  teams.billing: [1]\n  teams.billing.agents: [8]\n')).toEqual([
      'sweep["teams.billing.agents"]: found a field overlapping "teams.billing", expected fields apart from each other (not one inside the other)',
    ]);
    expect(sweepProblems('  designs.two-numbers.numbers[0].to: [field]\n  designs.two-numbers.numbers.0.to: [billing]\n')).toEqual([
      'sweep["designs.two-numbers.numbers.0.to"]: found the field "designs.two-numbers.numbers[0].to" a second time, expected each field swept once',
    ]);
  });

  it('refuses values that are not a list of scalars or a range', () => {
    expect(sweepProblems('  teams.billing.agents: 8\n')).toEqual([
      'sweep["teams.billing.agents"]: found 8, expected a list of values such as [0.7, 0.8, 0.9] or a range such as "8..16" or "0.5..1:0.1" (a single value is written [value])',
    ]);
    expect(sweepProblems('  teams.billing.agents: many\n')[0]).toMatch(/^sweep\["teams\.billing\.agents"\]: found "many", expected a list of values/);
    expect(sweepProblems('  teams.billing.agents: []\n')).toEqual([
      'sweep["teams.billing.agents"]: found [], expected a list of at least one value',
    ]);
    expect(sweepProblems('  teams.billing.agents: [8, 10, 8]\n')).toEqual([
      'sweep["teams.billing.agents"][2]: found 8, expected each value once (item 0 is the same)',
    ]);
    expect(sweepProblems('  demand.patience: [{dist: exponential, mean: 3m}]\n')).toEqual([
      'sweep["demand.patience"][0]: found {dist: exponential, mean: 3m}, expected a number, a text or true/false (to vary a distribution or a block, sweep one of its fields, e.g. demand.patience.mean)',
    ]);
    expect(sweepProblems('  teams.billing.agents: [8..10, 12]\n')).toEqual([
      'sweep["teams.billing.agents"][0]: found "8..10", expected a value: a range is written alone, in place of the list, not as an item of it',
    ]);
    expect(sweepProblems('  teams.billing.agents: "8..16:0"\n')[0]).toMatch(/found "8\.\.16:0", expected a step greater than 0/);
    expect(sweepProblems('  run.seed: [1, 9007199254740993]\n')[0]).toMatch(/^sweep\["run\.seed"\]\[1\]: found 9007199254740993, a whole number beyond 9007199254740991/);
    expect(sweepProblems('  x: 1\n  y: [1]\n').length).toBe(2);
    expect(refusal(() => parseScenario(`${BASE}sweep: [a]\n`, 'x.yaml')).message).toBe(
      'x.yaml: sweep: found [a], expected a mapping of field paths to values, e.g. {teams.billing.agents: "8..16"}',
    );
  });

  it('reports a wrong path once, whatever its values', () => {
    expect(sweepProblems('  teams.biling.agents: 8\n')).toEqual([
      'sweep["teams.biling.agents"]: found no "biling" in teams, expected a path to a field written in the file; did you mean "billing"?',
    ]);
  });

  it('points at the line of the entry', () => {
    const error = refusal(() => parseScenario(`${BASE}sweep:\n  run.seed: [1]\n  teams.biling.agents: [8]\n`, 'x.yaml'));
    // BASE ends with a newline: its last, empty piece is where `sweep:` goes.
    expect(error.problems[0]?.line).toBe(BASE.split('\n').length + 2);
    expect(error.problems[0]?.column).toBe(3);
  });
});

describe('precision targets', () => {
  const problems = (precision: string, extra = ''): string[] =>
    refusal(() =>
      parseScenario(BASE.replace('serviceLevel: 20s }', `serviceLevel: 20s, precision: ${precision}${extra} }`), 'x.yaml'),
    ).problems.map((p) => `${p.path}: ${p.message}`);

  it('resolves durations to seconds and keeps numbers, in file order', () => {
    const scenario = parseScenario(
      BASE.replace('serviceLevel: 20s }', 'serviceLevel: 20s, precision: { waitP90: 1m, fcr: 0.01, asa: 4 }, maxReplications: 50 }'),
      'x.yaml',
    );
    expect(scenario.run.precision).toEqual([
      { metric: 'waitP90', halfWidth: 60, written: 'duration' },
      { metric: 'fcr', halfWidth: 0.01, written: 'number' },
      { metric: 'asa', halfWidth: 4, written: 'number' },
    ]);
    expect(scenario.run.maxReplications).toBe(50);
    // Any name of letters and digits: the metrics layer says which exist.
    expect(parseScenario(BASE.replace('serviceLevel: 20s }', 'serviceLevel: 20s, precision: { noSuchMetric2: 1 } }'), 'x.yaml').run.precision).toHaveLength(1);
  });

  it('defaults maxReplications to 10 x replications', () => {
    expect(parseScenario(BASE, 'x.yaml').run).toMatchObject({ replications: 4, maxReplications: 40, precision: [] });
  });

  it('refuses targets that are not half-widths above 0, and names that are not names', () => {
    expect(problems('{ abandonRate: -0.01 }')).toEqual([
      'run.precision.abandonRate: found -0.01, expected a target half-width greater than 0: a number for a share or a ratio (e.g. 0.005), or a duration for a time (e.g. "5s")',
    ]);
    expect(problems('{ waitMean: 0s }')).toEqual(['run.precision.waitMean: found "0s", expected a duration greater than 0']);
    expect(problems('{ waitMean: 5 seconds }')[0]).toMatch(/^run\.precision\.waitMean: found "5 seconds", expected a duration unit/);
    expect(problems('{ waitMean: soon }')[0]).toMatch(/^run\.precision\.waitMean: found "soon", expected a target half-width/);
    expect(problems('{ 2fast: 1 }')).toEqual([
      'run.precision.2fast: found the metric name "2fast", expected a design metric name of letters and digits such as waitMean or abandonRate',
    ]);
    expect(problems('[waitMean]')[0]).toMatch(/^run\.precision: found \[waitMean\], expected a mapping of target half-widths by metric name/);
    const fewer = BASE.replace('replications: 4,', 'replications: 5, maxReplications: 4,');
    expect(refusal(() => parseScenario(fewer, 'x.yaml')).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'run.maxReplications: found 4, expected at least run.replications (5)',
    ]);
    expect(problems('{}', ', maxReplications: 2.5')[0]).toMatch(/^run\.maxReplications: found 2\.5, expected a whole number/);
  });
});

describe('readScenarioData', () => {
  it('parses without validating', () => {
    const data = readScenarioData(FILE, nodeFileSource);
    expect(data.file).toBe(FILE);
    expect((data.raw as { sweep: unknown }).sweep).toEqual({
      'teams.billing.agents': '8..16:4',
      'designs.one-number.ivr.accuracy': [0.8, 0.9],
      'run.serviceLevel': ['20s', '30s'],
    });
    expect(structuredClone(data.raw)).toEqual(data.raw);
    const invalid = readScenarioData('test/fixtures/scenarios/bad/agents-zero.yaml', nodeFileSource);
    expect(invalid.raw).toMatchObject({ teams: { billing: { agents: 0 } } });
  });

  it('refuses what cannot be read or parsed, as loadScenario does', () => {
    expect(refusal(() => readScenarioData('no/such/file.yaml', nodeFileSource)).message).toBe('no/such/file.yaml: cannot read the file: no such file');
    expect(refusal(() => readScenarioData('test/fixtures/scenarios/bad/yaml-syntax.yaml', nodeFileSource)).message).toMatch(/YAML error at line 5, column 1/);
    expect(refusal(() => readScenarioData('test/fixtures/scenarios/bad/json-trailing-comma.json', nodeFileSource)).message).toMatch(/JSON error at line 35/);
    expect(refusal(() => readScenarioData('test/fixtures/scenarios/bad/wrong-extension.txt', nodeFileSource)).message).toMatch(/expected \.yaml, \.yml or \.json/);
  });
});

describe('scenarioWithValues', () => {
  const data = readScenarioData(FILE, nodeFileSource);
  const { raw } = data;

  it('gives the file itself without assignments, with no sweep', () => {
    expect(scenarioWithValues(data, [])).toEqual({ ...loadScenario(FILE, nodeFileSource), sweep: [] });
  });

  it('sets each value where its path leads, converting units like the file', () => {
    const scenario = scenarioWithValues(data, [
      { path: 'teams.billing.agents', value: 16 },
      { path: 'designs.one-number.ivr.accuracy', value: 0.8 },
      { path: 'run.serviceLevel', value: '45s' },
      { path: 'demand.arrivals.rate', value: '600/h' },
      { path: 'designs.two-numbers.numbers[1].to', value: 'frontdesk' },
      { path: 'designs.two-numbers.numbers.0.dial', value: '0800 999' },
    ]);
    expect(agentsOf(scenario, 'two-numbers', 'billing')).toEqual({ kind: 'fixed', agents: 16 });
    expect(scenario.designs[1]?.ivr?.accuracy).toBe(0.8);
    expect(scenario.run.serviceLevel).toBe(45);
    expect(scenario.demand.arrivals).toEqual({ kind: 'poisson', ratePerSecond: 600 / 3600, dailyVolume: null });
    expect(scenario.designs[0]?.numbers.map((n) => [n.dial, n.to])).toEqual([
      ['0800 999', { kind: 'team', team: 'billing' }],
      ['0800 200', { kind: 'team', team: 'frontdesk' }],
    ]);
    expect(scenario.sweep).toEqual([]);
    expect(scenario.file).toBe(FILE);
  });

  it('changes only the field the path names, not an alias of it, and not the data given', () => {
    const before = structuredClone(raw);
    const scenario = scenarioWithValues(data, [{ path: 'teams.billing.agents', value: 8 }]);
    expect(agentsOf(scenario, 'two-numbers', 'billing')).toEqual({ kind: 'fixed', agents: 8 });
    expect(agentsOf(scenario, 'two-numbers', 'frontdesk')).toEqual({ kind: 'fixed', agents: 12 });
    expect(raw).toEqual(before);
    expect(agentsOf(scenarioWithValues(data, []), 'two-numbers', 'billing')).toEqual({ kind: 'fixed', agents: 12 });
  });

  it('sets a new field of an existing mapping, which the schema then checks', () => {
    const scenario = scenarioWithValues(data, [{ path: 'designs.one-number.handleCap', value: '3m30s' }]);
    expect(scenario.designs[1]?.handleCap).toBe(210);
    expect(refusal(() => scenarioWithValues(data, [{ path: 'designs.one-number.handleCapp', value: '3m' }])).message).toBe(
      `${FILE}: designs.one-number: found unknown key "handleCapp"; did you mean "handleCap"?; at the sweep point designs.one-number.handleCapp = "3m"`,
    );
  });

  it('says which sweep value a problem comes from', () => {
    expect(refusal(() => scenarioWithValues(data, [{ path: 'teams.billing.agents', value: 0 }])).message).toBe(
      `${FILE}: teams.billing.agents: found 0 (from sweep value 0), expected a whole number of agents from 1 to 1000000`,
    );
    const error = refusal(() =>
      scenarioWithValues(data, [
        { path: 'run.serviceLevel', value: '45 secs' },
        { path: 'designs.one-number.ivr.accuracy', value: 1.5 },
      ]),
    );
    expect(error.problems.map((p) => p.path)).toEqual(['run.serviceLevel', 'designs.one-number.ivr.accuracy']);
    expect(error.problems[0]?.message).toMatch(/^found "45 secs" \(from sweep value "45 secs"\), expected a duration unit/);
    expect(error.problems[1]?.message).toBe('found 1.5 (from sweep value 1.5), expected a probability: a number in [0, 1]');
  });

  it('names the point when a value breaks a check across fields', () => {
    const error = refusal(() =>
      scenarioWithValues(data, [
        { path: 'teams.billing.agents', value: 10 },
        { path: 'demand.intents.billing.share', value: 0.5 },
      ]),
    );
    expect(error.message).toBe(
      `${FILE}: demand.intents: found shares summing to 0.9, expected shares summing to 1; ` +
        'at the sweep point teams.billing.agents = 10, demand.intents.billing.share = 0.5',
    );
    const warmup = refusal(() => scenarioWithValues(data, [{ path: 'run.warmup', value: '3h' }]));
    expect(warmup.message).toBe(`${FILE}: run.warmup: found "3h" (from sweep value "3h"), expected less than run.horizon (2h)`);
  });

  it('refuses paths that lead nowhere', () => {
    const error = refusal(() =>
      scenarioWithValues(data, [
        { path: 'teams.biling.agents', value: 8 },
        { path: 'designs.two-numbers.numbers[5].to', value: 'field' },
        { path: 'sweep.x', value: 1 },
      ]),
    );
    expect(error.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'teams.biling.agents: found no "biling" in teams, expected a path to a field written in the file; did you mean "billing"? (setting the sweep value 8)',
      'designs.two-numbers.numbers[5].to: found no item "5" in designs.two-numbers.numbers, expected an item index from 0 to 1, e.g. designs.two-numbers.numbers[0] (setting the sweep value "field")',
      'sweep.x: found a path into the sweep block, expected a field of the scenario (setting the sweep value 1)',
    ]);
  });

  it('works on data sent to another thread', () => {
    const copy = structuredClone(raw);
    expect(scenarioWithValues({ ...data, raw: copy }, [{ path: 'teams.field.agents', value: 3 }])).toEqual(
      scenarioWithValues(data, [{ path: 'teams.field.agents', value: 3 }]),
    );
  });
});

describe('resolveSweep and --set', () => {
  const data = readScenarioData(FILE, nodeFileSource);

  it('replaces a file parameter of the same path in place and appends the others', () => {
    const { scenario, parameters } = resolveSweep(data, [
      parseSetOption('demand.arrivals.rate=200/h,300/h'),
      parseSetOption('run.serviceLevel=10s,20s,40s'),
    ]);
    expect(scenario.name).toBe('Sweep example');
    expect(parameters).toEqual([
      { path: 'teams.billing.agents', values: [8, 12, 16] },
      { path: 'designs.one-number.ivr.accuracy', values: [0.8, 0.9] },
      { path: 'run.serviceLevel', values: ['10s', '20s', '40s'] },
      { path: 'demand.arrivals.rate', values: ['200/h', '300/h'] },
    ]);
    expect(resolveSweep(data).parameters).toEqual(scenario.sweep);
  });

  it('treats `numbers[0].to` and `numbers.0.to` as the same path', () => {
    const merged = mergeSweepParameters(
      [{ path: 'designs.two-numbers.numbers[0].to', values: ['billing'] }],
      [{ path: 'designs.two-numbers.numbers.0.to', values: ['field'] }],
    );
    expect(merged).toEqual([{ path: 'designs.two-numbers.numbers.0.to', values: ['field'] }]);
    const twice = optionError(() =>
      mergeSweepParameters([], [parseSetOption('run.seed=1,2'), parseSetOption('teams.field.agents=1'), parseSetOption('run.seed=3')]),
    );
    expect(twice.message).toBe('--set: found the path run.seed twice (options 1 and 3), expected each path once');
  });

  it('checks --set paths against the file, with a suggestion', () => {
    const error = refusal(() =>
      resolveSweep(data, [
        parseSetOption('teams.biling.agents=8..10'),
        parseSetOption('teams.billing.agnets=8'),
        parseSetOption('teams.billing=1'),
      ]),
    );
    expect(error.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`)).toEqual([
      `${FILE}: --set teams.biling.agents: found no "biling" in teams, expected a path to a field written in the file; did you mean "billing"?`,
      `${FILE}: --set teams.billing.agnets: found unknown key "agnets" in teams.billing; did you mean "agents"?`,
      `${FILE}: --set teams.billing: found a field overlapping "teams.billing.agents", expected fields apart from each other (not one inside the other)`,
    ]);
  });

  it('validates the file first', () => {
    const bad = readScenarioData('test/fixtures/scenarios/bad/sweep-unknown-path.yaml', nodeFileSource);
    expect(refusal(() => resolveSweep(bad)).problems[0]?.path).toBe('sweep["teams.biling.agents"]');
  });
});
