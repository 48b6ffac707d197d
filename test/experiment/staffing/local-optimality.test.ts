// Every bundled scenario, staffed per day for a service level and an abandonment target:
// the answer is reproduced by a plain run of the library (the run `spoc run` makes, on the
// same random numbers), and one agent fewer in any team of any design, run the same way,
// breaks a target. The search's own claim of local optimality, checked from outside it.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/library/run.ts';
import type { RunResultJson } from '../../../src/library/result-json.ts';
import { loadScenario } from '../../../src/library/load.ts';
import type { Scenario } from '../../../src/scenario/index.ts';
import { agentsByTeam, staffScenario } from '../../support/staffing.ts';

const SERVICE_LEVEL = 0.8;
const ABANDON_RATE = 0.05;
const REPLICATIONS = 4;
/**
 * La Poste's week takes minutes to staff from outside at every neighbour: its Sunday (the
 * warm-up, closed) and Monday, which carries Sunday's callers, keep what makes it hard.
 */
const HORIZON: Readonly<Record<string, number>> = { 'scenarios/la-poste-3631.yaml': 2 * 86_400 };

const bundled = [
  ...readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`),
  ...readdirSync('scenarios/students').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/students/${f}`),
];

/** The scenario with one design's teams at the given agents, each a fixed count as per-day staffing gives. */
function staffedAs(scenario: Scenario, design: string, agents: Readonly<Record<string, number>>): Scenario {
  return {
    ...scenario,
    designs: scenario.designs.map((d) =>
      d.name !== design ? d : { ...d, teams: d.teams.map((team) => ({ ...team, staffing: { kind: 'fixed' as const, agents: agents[team.name]! } })) },
    ),
  };
}

/** The team targets a design's run misses, in words. */
function missed(result: RunResultJson, design: string): string[] {
  const out: string[] = [];
  for (const [team, metrics] of Object.entries(result.designs[design]!.byTeam)) {
    const sl = metrics.serviceLevel?.mean;
    const ab = metrics.abandonRate?.mean;
    if (typeof sl === 'number' && sl < SERVICE_LEVEL) out.push(`${team} serviceLevel ${sl}`);
    if (typeof ab === 'number' && ab > ABANDON_RATE) out.push(`${team} abandonRate ${ab}`);
  }
  return out;
}

describe('the staffing of every bundled scenario is locally optimal', () => {
  it.each(bundled)('%s: the answer meets the targets, one agent fewer anywhere misses one', { timeout: 300_000 }, async (file) => {
    const loaded = loadScenario(file);
    const scenario: Scenario = { ...loaded, run: { ...loaded.run, replications: REPLICATIONS, horizon: HORIZON[file] ?? loaded.run.horizon } };
    const result = await staffScenario(scenario, {
      targets: [
        { key: 'serviceLevel', comparator: '>=', value: SERVICE_LEVEL, written: 'number' },
        { key: 'abandonRate', comparator: '<=', value: ABANDON_RATE, written: 'number' },
      ],
      scope: 'team',
      per: 'day',
    });
    for (const staffing of result.designs) {
      const design = staffing.design;
      const answer = agentsByTeam(result, design);
      const run = (agents: Record<string, number>): Promise<RunResultJson> => runScenario(staffedAs(scenario, design, agents), { designs: [design], workers: 1 });
      const atAnswer = await run(answer);
      expect(missed(atAnswer, design), `${design} at ${JSON.stringify(answer)}`).toEqual([]);
      // The same random numbers: the plain run gives the search's own figures.
      expect(atAnswer.designs[design]!.metrics.serviceLevel?.mean).toBe(result.run.designs[design]!.metrics.serviceLevel?.mean);
      for (const team of staffing.teams) {
        if (answer[team] === 0) continue;
        const fewer = { ...answer, [team]: answer[team]! - 1 };
        expect(missed(await run(fewer), design), `${design} with one agent fewer in ${team}`).not.toEqual([]);
      }
    }
  });
});
