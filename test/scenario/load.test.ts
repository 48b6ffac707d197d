import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meanOf } from '../../src/engine/distributions.ts';
import {
  ALWAYS_OPEN,
  DEFAULT_MAX_HOPS,
  DEFAULT_MAX_REPLICATIONS_FACTOR,
  DEFAULT_REPLICATIONS,
  DEFAULT_SEED,
  loadScenario,
  parseScenario,
  withOverrides,
  type Scenario,
} from '../../src/scenario/index.ts';
import { refusal } from '../support/refusal.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';

const GOOD = 'test/fixtures/scenarios/good';
const HOUR = 3_600;
const DAY = 24 * HOUR;

describe('loadScenario', () => {
  it('gives the same model for a YAML file and the equivalent JSON file', () => {
    const fromYaml = loadScenario(`${GOOD}/full.yaml`, nodeFileSource);
    const fromJson = loadScenario(`${GOOD}/full.json`, nodeFileSource);
    expect(fromYaml.file).toBe(`${GOOD}/full.yaml`);
    expect(fromJson.file).toBe(`${GOOD}/full.json`);
    expect({ ...fromJson, file: undefined, sha256: undefined }).toEqual({ ...fromYaml, file: undefined, sha256: undefined });
  });

  it('converts units and resolves every field', () => {
    const s = loadScenario(`${GOOD}/full.yaml`, nodeFileSource);
    expect(s.name).toBe('Full example');
    expect(s.description).toBe('Every field.');
    expect(s.run).toEqual({
      start: 86_400 + 8 * 3600,
      clock: 'week',
      horizon: 5400,
      warmup: 600,
      drain: false,
      replications: 3,
      seed: 7,
      serviceLevel: 30,
      precision: [
        { metric: 'waitMean', halfWidth: 5, written: 'duration' },
        { metric: 'abandonRate', halfWidth: 0.005, written: 'number' },
        { metric: 'asa', halfWidth: 10, written: 'number' },
      ],
      maxReplications: 12,
    });
    expect(s.sweep).toEqual([
      { path: 'teams.billing.agents', values: [8, 10, 12] },
      { path: 'designs.one-number.ivr.accuracy', values: [0.8, 0.9, 1] },
      { path: 'designs.several-numbers.numbers[2].to', values: ['frontdesk', 'billing'] },
      { path: 'designs.one-number.handleCap', values: ['4m', '6m'] },
    ]);
    expect(s.demand.arrivals).toEqual({ kind: 'profile', every: 1800, ratesPerSecond: [300 / 3600, 10 / 60, 480 / 3600, 0], dailyVolume: null });
    expect(s.demand.retry).toEqual({ probability: 0.5, after: { kind: 'exponential', mean: 900 } });
    expect(s.demand.callback).toEqual({ probability: 0.8, after: { kind: 'fixed', value: 7200 } });
    expect(s.demand.intents.map((i) => i.name)).toEqual(['billing', 'outage', 'moving', 'tracking', 'other']);

    const [billing, outage, moving, tracking, other] = s.demand.intents;
    expect(billing).toMatchObject({ share: 0.4, resolve: 0.85, selfService: 0, wrapUp: { kind: 'fixed', value: 30 } });
    expect(billing?.handle).toMatchObject({ kind: 'lognormal', mean: 270 });
    expect(billing?.handle.kind === 'lognormal' && billing.handle.sd).toBeCloseTo(162, 9);
    expect(billing?.patience).toEqual({ kind: 'exponential', mean: 180 });
    expect(outage?.handle).toMatchObject({ kind: 'lognormal', mean: 180, sd: 90 });
    expect(outage?.patience).toBeNull();
    expect(moving?.handle).toMatchObject({ kind: 'gamma', mean: 360, cv: 0.5 });
    expect(moving?.wrapUp).toEqual({ kind: 'fixed', value: 30 });
    expect(moving?.patience).toEqual({ kind: 'uniform', min: 60, max: 300 });
    expect(tracking).toMatchObject({ resolve: 0.95, selfService: 0.7, handle: { kind: 'erlang', mean: 120, k: 3 } });
    expect(other?.handle).toEqual({ kind: 'empirical', values: Float64Array.from([60, 120, 210, 360]) });
    expect(other?.wrapUp).toEqual({ kind: 'triangular', min: 0, mode: 20, max: 60 });
    // From data/patience.csv: a header, a quoted value, a blank line, CRLF line ends.
    expect(other?.patience).toEqual({ kind: 'empirical', values: Float64Array.from([45, 120, 95.5, 300]) });

    expect(s.designs.map((d) => d.name)).toEqual(['several-numbers', 'one-number']);
    const [several, one] = s.designs;
    expect(several?.teams).toStrictEqual([
      {
        name: 'billing',
        staffing: { kind: 'fixed', agents: 10 },
        skills: ['billing', 'other'],
        triage: undefined,
        groups: undefined,
        wrapUp: undefined,
        queueCapacity: undefined,
        costPerHour: 32,
      },
      {
        name: 'field',
        staffing: { kind: 'schedule', every: 1800, counts: [6, 8, 0] },
        skills: ['outage', 'moving'],
        triage: undefined,
        groups: undefined,
        wrapUp: { kind: 'fixed', value: 60 },
        queueCapacity: 20,
        costPerHour: undefined,
      },
      {
        name: 'frontdesk',
        staffing: { kind: 'fixed', agents: 6 },
        skills: ['tracking', 'other'],
        triage: undefined,
        groups: undefined,
        wrapUp: undefined,
        queueCapacity: 0,
        costPerHour: 32,
      },
    ]);
    const weekdays = [0, 1, 2, 3, 4].map((day) => ({ open: day * DAY + 8 * HOUR, close: day * DAY + 18 * HOUR }));
    const saturday = [{ open: 5 * DAY + 9 * HOUR, close: 5 * DAY + 12 * HOUR }, { open: 5 * DAY + 14 * HOUR, close: 5 * DAY + 16 * HOUR }];
    expect(s.calendar).toEqual({ reopenDelay: { kind: 'exponential', mean: 3600 }, atClosing: 'disconnect', closedRetry: 0.8 });
    expect(several?.numbers[1]).toEqual({
      dial: '09 69 39 33 08',
      to: { kind: 'team', team: 'field' },
      for: ['outage', 'moving'],
      open: { ranges: [...weekdays, ...saturday] },
    });
    // A number's own hours replace the calendar's: Sunday night runs into Monday morning.
    expect(several?.numbers[2]?.open).toEqual({ ranges: [{ open: 0, close: 6 * HOUR }, { open: 6 * DAY + 22 * HOUR, close: 7 * DAY }] });
    expect(several?.dialing).toEqual({ right: 0.7 });
    expect(several?.ivr).toBeUndefined();
    expect(several?.misroute).toEqual({ identify: { kind: 'fixed', value: 45 }, action: 'transfer' });
    expect(several?.transfer).toEqual({
      delay: { kind: 'fixed', value: 20 },
      reexplain: { kind: 'exponential', mean: 60 },
      drop: 0.05,
      priority: true,
      accuracy: 0.95,
      mode: 'warm',
      maxHops: 2,
    });
    expect(several?.overflow).toEqual([
      { from: 'billing', to: 'frontdesk', after: 60 },
      { from: 'frontdesk', to: 'billing', after: 0 },
    ]);
    expect(several?.continuity).toBe(false);
    expect(several?.handleCap).toBe(1200);

    expect(one?.teams.map((t) => [t.name, t.costPerHour, t.queueCapacity])).toEqual([
      ['pool', 30.5, undefined],
      ['backup', undefined, undefined],
    ]);
    expect(one?.numbers).toEqual([
      { dial: '3631', to: { kind: 'ivr' }, for: ['billing', 'outage', 'moving', 'tracking', 'other'], open: { ranges: [...weekdays, ...saturday] } },
    ]);
    expect(one?.ivr).toEqual({ menu: { kind: 'fixed', value: 40 }, accuracy: 0.92, selfService: true });
    expect(one?.misroute).toEqual({ identify: { kind: 'fixed', value: 45 }, action: 'redial' });
    expect(one?.transfer).toMatchObject({ mode: 'cold', maxHops: 3 });
    expect(one?.overflow).toEqual([{ from: 'pool', to: 'backup', after: 120 }]);
    expect(one?.continuity).toBe(true);
    expect(one?.handleCap).toBeUndefined();
  });

  it('applies the defaults', () => {
    const s = loadScenario(`${GOOD}/defaults.yaml`, nodeFileSource);
    expect(s.description).toBeUndefined();
    expect(s.run).toEqual({
      start: 0,
      clock: 'run',
      horizon: 8 * 3600,
      warmup: 0,
      drain: true,
      replications: DEFAULT_REPLICATIONS,
      seed: DEFAULT_SEED,
      serviceLevel: 20,
      precision: [],
      maxReplications: DEFAULT_MAX_REPLICATIONS_FACTOR * DEFAULT_REPLICATIONS,
    });
    expect(DEFAULT_MAX_REPLICATIONS_FACTOR).toBe(10);
    expect(s.sweep).toEqual([]);
    expect(DEFAULT_REPLICATIONS).toBe(10);
    expect(DEFAULT_SEED).toBe(1);
    expect(s.demand.arrivals).toEqual({ kind: 'poisson', ratePerSecond: 100 / 3600, dailyVolume: null });
    expect(s.demand.retry).toBeNull();
    expect(s.demand.callback).toBeNull();
    expect(s.demand.intents).toEqual([
      {
        name: 'only',
        share: 1,
        handle: { kind: 'fixed', value: 180 },
        wrapUp: { kind: 'fixed', value: 0 },
        resolve: 1,
        selfService: 0,
        patience: null,
      },
    ]);
    const zero = { kind: 'fixed', value: 0 };
    expect(s.designs).toStrictEqual([
      {
        name: 'one',
        teams: [
          {
            name: 'team',
            staffing: { kind: 'fixed', agents: 5 },
            skills: ['only'],
            triage: undefined,
            groups: undefined,
            wrapUp: undefined,
            queueCapacity: undefined,
            costPerHour: undefined,
          },
        ],
        numbers: [{ dial: '3631', to: { kind: 'team', team: 'team' }, for: ['only'], open: ALWAYS_OPEN }],
        dialing: { right: 1 },
        ivr: undefined,
        misroute: { identify: zero, action: 'transfer' },
        transfer: { delay: zero, reexplain: zero, drop: 0, priority: false, accuracy: 1, mode: 'cold', maxHops: 3 },
        overflow: [],
        continuity: false,
        advisor: undefined,
        callbackOffer: undefined,
        handleCap: undefined,
      },
    ]);
    expect(DEFAULT_MAX_HOPS).toBe(3);
    expect(s.calendar).toEqual({ reopenDelay: zero, atClosing: 'serve', closedRetry: 1 });
  });

  it('says when the file cannot be read', () => {
    const error = refusal(() => loadScenario('test/fixtures/scenarios/no-such-file.yaml', nodeFileSource));
    expect(error.message).toBe('test/fixtures/scenarios/no-such-file.yaml: cannot read the file: no such file');
    const directory = join(mkdtempSync(join(tmpdir(), 'spoc-')), 'folder.yaml');
    mkdirSync(directory);
    expect(refusal(() => loadScenario(directory, nodeFileSource)).message).toBe(`${directory}: cannot read the file: it is a directory`);
  });
});

describe('parseScenario', () => {
  const yaml = readFileSync(`${GOOD}/defaults.yaml`, 'utf8');

  it('takes the format from the extension or from the argument', () => {
    const fromName = parseScenario(yaml, 'x.yml');
    expect(parseScenario(yaml, 'inline', { format: 'yaml' })).toEqual({ ...fromName, file: 'inline' });
    const json = JSON.stringify({
      name: 'Defaults',
      run: { horizon: '8h' },
      demand: { arrivals: { rate: 100 }, intents: { only: { share: 1, handle: '3m' } } },
      teams: { team: { agents: 5, skills: ['only'] } },
      designs: { one: { numbers: [{ dial: '3631', to: 'team' }] } },
    });
    const sha256 = createHash('sha256').update(json).digest('hex');
    expect(parseScenario(json, 'x.json')).toEqual({ ...fromName, file: 'x.json', sha256 });
    expect(parseScenario(json, 'x.txt', { format: 'json' })).toEqual({ ...fromName, file: 'x.txt', sha256 });
    expect(refusal(() => parseScenario(yaml, 'x.txt')).message).toBe('x.txt: found the extension ".txt", expected .yaml, .yml or .json');
  });

  it('accepts a byte-order mark', () => {
    expect(parseScenario(`\uFEFF${yaml}`, 'x.yaml').name).toBe('Defaults');
  });

  it('takes a design\'s own teams and needs no top-level teams when every design has them', () => {
    const text = yaml.replace(/teams:\n {2}team:.*\n/, '').replace('designs:\n  one:\n', 'designs:\n  one:\n    teams: { team: { agents: 3, skills: [only] } }\n');
    const s = parseScenario(text, 'own-teams.yaml');
    expect(s.designs[0]?.teams).toEqual([{ name: 'team', staffing: { kind: 'fixed', agents: 3 }, skills: ['only'], wrapUp: undefined }]);
  });

  it('fills in the transfer defaults around the fields given', () => {
    const text = yaml.replace('designs:\n  one:\n', 'designs:\n  one:\n    transfer: { mode: warm }\n');
    expect(parseScenario(text, 'warm.yaml').designs[0]?.transfer).toMatchObject({ mode: 'warm', maxHops: 3, drop: 0 });
  });

  it('checks shares with a tolerance for decimal sums', () => {
    const text = yaml.replace('only: { share: 1, handle: 3m }', 'a: { share: 0.7, handle: 3m }\n    b: { share: 0.1, handle: 3m }\n    c: { share: 0.1, handle: 3m }\n    d: { share: 0.1, handle: 3m }').replace('skills: [only]', 'skills: [a, b, c, d]');
    expect(0.7 + 0.1 + 0.1 + 0.1).not.toBe(1);
    expect(parseScenario(text, 'shares.yaml').demand.intents).toHaveLength(4);
  });

  it('shares aliases within the limit', () => {
    const text = yaml.replace('only: { share: 1, handle: 3m }', 'only: { share: 1, handle: &h { dist: exponential, mean: 3m }, wrapUp: *h, patience: *h }');
    expect(parseScenario(text, 'aliases.yaml').demand.intents[0]?.wrapUp).toEqual({ kind: 'exponential', mean: 180 });
  });
});

describe('withOverrides', () => {
  const base = loadScenario(`${GOOD}/defaults.yaml`, nodeFileSource);

  it('replaces replications and seed, and leaves the rest', () => {
    const s = withOverrides(base, { replications: 3, seed: 42 });
    expect(s.run).toEqual({ ...base.run, replications: 3, seed: 42 });
    expect(s.designs).toBe(base.designs);
    expect(withOverrides(base, { replications: undefined, seed: undefined })).toEqual(base);
    expect(withOverrides(base, {})).toEqual(base);
  });

  it('keeps maxReplications, raised to overridden replications above it', () => {
    expect(base.run.maxReplications).toBe(100);
    expect(withOverrides(base, { replications: 30 }).run.maxReplications).toBe(100);
    expect(withOverrides(base, { replications: 250 }).run).toMatchObject({ replications: 250, maxReplications: 250 });
  });

  it('refuses values that are not allowed', () => {
    const error = refusal(() => withOverrides(base, { replications: 0, seed: 1.5 }));
    expect(error.problems.map((p) => p.path)).toEqual(['run.replications', 'run.seed']);
    expect(error.message).toContain(`${GOOD}/defaults.yaml: run.replications: found 0 (override), expected a whole number`);
  });
});

describe('the default scenario', () => {
  const file = 'scenarios/utility-numbers.yaml';
  let scenario: Scenario;

  it('loads', () => {
    scenario = loadScenario(file, nodeFileSource);
    expect(scenario.designs.map((d) => d.name)).toEqual(['four-numbers', 'one-number-ivr', 'one-number-frontdesk']);
    expect(scenario.run).toMatchObject({ horizon: 8 * 3600, warmup: 1800, replications: 20 });
  });

  it('staffs every design with the same number of agents', () => {
    const agents = (t: Scenario['designs'][number]['teams'][number]): number =>
      t.staffing.kind === 'fixed' ? t.staffing.agents : Number.NaN;
    const totals = scenario.designs.map((d) => d.teams.reduce((sum, t) => sum + agents(t), 0));
    expect(new Set(totals).size).toBe(1);
  });

  it('offers a load that keeps agents busy but not saturated', () => {
    // Erlangs offered before misroutes and self-service: rate x share x mean busy time.
    const { arrivals } = scenario.demand;
    const rate = arrivals.kind === 'poisson' ? arrivals.ratePerSecond : Number.NaN;
    const erlangs = scenario.demand.intents.reduce(
      (sum, i) => sum + rate * i.share * (meanOf(i.handle) + meanOf(i.wrapUp)),
      0,
    );
    expect(erlangs).toBeCloseTo(46.75, 6);
    // First calls alone; repeat calls and misroutes add the rest of the agents' work.
    const agents = scenario.designs[0]!.teams.reduce((sum, t) => sum + (t.staffing.kind === 'fixed' ? t.staffing.agents : 0), 0);
    expect(erlangs / agents).toBeGreaterThan(0.6);
    expect(erlangs / agents).toBeLessThan(0.9);
  });
});
