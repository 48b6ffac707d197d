// The inputs a report shows are the file's: rates, shares, times, agents per design, numbers,
// IVR and routing costs, opening hours, each as the file wrote it.
import { describe, expect, it } from 'vitest';
import { openHoursText, perHour, scenarioInputs } from '../../src/report/scenario-inputs.ts';
import { parseOpenHours, parseScenario } from '../../src/scenario/index.ts';

const FILE = `
name: Inputs
run: { horizon: 8h, warmup: 30m, replications: 5, seed: 3, serviceLevel: 20s }
demand:
  arrivals: { rate: 600/h, dailyVolume: { cv: 0.15 } }
  patience: { dist: exponential, mean: 3m }
  retry: { probability: 0.6, after: { dist: exponential, mean: 10m } }
  intents:
    billing: { share: 0.6, handle: { dist: lognormal, mean: 4m, cv: 0.5 }, wrapUp: 30s, resolve: 0.8 }
    outage: { share: 0.4, handle: 3m, resolve: 0.9, selfService: 0.3, patience: none }
teams:
  billing: { agents: 28, skills: [billing], costPerHour: 32 }
  field: { agents: { every: 4h, counts: [10, 14] }, skills: [outage], queueCapacity: 20 }
designs:
  two-numbers:
    numbers:
      - { dial: "0800 1", to: billing, for: [billing], open: { mon-fri: "08:00-18:00", sat: "09:00-12:00" } }
      - { dial: "0800 2", to: field, for: [outage] }
    dialing: { right: 0.7 }
  one-number:
    teams:
      desk: { agents: 8, role: triage, triage: 30s, accuracy: 0.97 }
      all: { agents: 30, skills: [billing, outage] }
      spare: { agents: 4, skills: [billing] }
    numbers: [ { dial: "3631", to: ivr } ]
    ivr: { menu: 40s, accuracy: 0.92, selfService: true }
    overflow: [ { from: all, to: spare, after: 1m } ]
    handleCap: 10m
`;

describe('scenarioInputs', () => {
  const inputs = scenarioInputs(parseScenario(FILE, 'inputs.yaml'));

  it('gives the demand: rate, counted window, volume uncertainty, repeat calls', () => {
    const facts = Object.fromEntries(inputs.demand);
    expect(facts['New issues']).toBe('600/h, Poisson');
    expect(facts.Run).toBe('8h of arrivals, the first 30m as warm-up (not counted); calls still in progress at the end run to completion');
    expect(facts['Day-to-day volume']).toContain('coefficient of variation of 0.15');
    expect(facts['Service level counts']).toBe('queue entries answered within 20s');
    expect(facts['Call again after abandoning or a busy signal']).toBe('60% of them, after exponential mean 10m');
    expect(facts['Call back after an unresolved call']).toBe('nobody');
    expect(facts['On a closed line']).toMatch(/^100% call again after the next opening/);
  });

  it('gives re-explaining on a repeat call only when the file sets it', () => {
    expect(Object.fromEntries(inputs.demand)['Re-explaining on a repeat call']).toBeUndefined();
    const withIt = scenarioInputs(parseScenario(FILE.replace('  patience: { dist', '  reexplainOnRepeat: 1m\n  patience: { dist'), 'inputs.yaml'));
    expect(Object.fromEntries(withIt.demand)['Re-explaining on a repeat call']).toBe(
      '1m more talk when the agent is not the one who last handled the issue',
    );
  });

  it('gives each intent its share, times, resolution, self-service and patience', () => {
    expect(inputs.intents.rows).toEqual([
      ['billing', '60%', 'lognormal mean 4m sd 2m', '30s', '80%', '0%', 'exponential mean 3m'],
      ['outage', '40%', '3m', '0s', '90%', '30%', 'never abandons'],
    ]);
  });

  it("gives each team its role and each design's agents, – where a design lacks the team", () => {
    expect(inputs.teams.header).toEqual(['Team', 'Handles', 'two-numbers', 'one-number']);
    expect(inputs.teams.rows).toEqual([
      ['billing', 'billing; 32 per agent-hour', '28', '–'],
      ['field', 'outage; at most 20 waiting (then a busy signal)', '10–14 by 4h (mean 12)', '–'],
      ['desk', 'front desk: qualifies each call in 30s, hands it to the right team 97% of the time', '–', '8'],
      ['all', 'billing, outage', '–', '30'],
      ['spare', 'billing', '–', '4'],
    ]);
  });

  it("gives each design its numbers with their hours, dialling, IVR and other rules", () => {
    const [two, one] = inputs.designs.rows;
    expect(two![1]).toBe(
      '0800 1 → billing (for billing), open Mon–Fri 08:00–18:00, Sat 09:00–12:00\n0800 2 → field (for outage)\n70% dial the number advertised for their intent',
    );
    expect(two![2]).toBe('–');
    expect(one![1]).toBe('3631 → the IVR');
    expect(one![2]).toBe('menu 40s; routes 92% right; self-service on');
    expect(one![4]).toBe("spare takes all's callers after 1m\ncalls cut at 10m");
  });

  it('keeps to the designs asked for, in their order', () => {
    const only = scenarioInputs(parseScenario(FILE, 'inputs.yaml'), ['one-number']);
    expect(only.designs.rows.map((row) => row[0])).toEqual(['one-number']);
    expect(only.teams.rows.map((row) => row[0])).toEqual(['desk', 'all', 'spare']);
  });
});

describe('openHoursText and perHour', () => {
  it('groups days with the same hours, in the order of the week (a night over Sunday midnight ends the week and starts it)', () => {
    const hours = parseOpenHours({ 'mon-fri': '08:00-18:00', sat: '09:00-12:00', sun: '22:00-06:00' });
    expect(hours.ok && openHoursText(hours.value)).toBe('Mon 00:00–06:00, Mon–Fri 08:00–18:00, Sat 09:00–12:00, Sun 22:00–24:00');
  });

  it('writes rates per hour with thousands separators', () => {
    expect(perHour(8_000_000 / (365 * 86_400))).toBe('913.2/h');
    expect(perHour(1250 / 3600)).toBe('1,250/h');
  });
});
