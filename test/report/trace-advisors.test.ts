// The trace of a design with dedicated advisors (continuity: advisor) names the agent who
// answers, within their team, and says when a caller waited for their advisor and whether
// they got them.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/callcenter/simulation.ts';
import { compileNamedRun } from '../../src/experiment/run-experiment.ts';
import { createTrace, type TraceOptions } from '../../src/report/trace.ts';
import { parseScenario } from '../../src/scenario/index.ts';

const scenario = parseScenario(
  `
name: Advisors traced
run: { horizon: 3h, warmup: 0s, replications: 1, seed: 3 }
demand:
  arrivals: { rate: 100/h }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: 3m }, resolve: 0.5 }
  patience: { dist: exponential, mean: 4m }
  callback: { probability: 1, after: { dist: exponential, mean: 10m } }
teams:
  team: { agents: 5, skills: [any] }
designs:
  advisor:
    numbers: [ { dial: "1", to: team } ]
    continuity: advisor
    advisorWait: 2m
  team:
    numbers: [ { dial: "1", to: team } ]
    continuity: team
`,
  'advisors.yaml',
);

function trace(design: string, options: Omit<TraceOptions, 'write'>): string {
  let text = '';
  const run = compileNamedRun(scenario, design);
  simulate(run, 0, createTrace(scenario, run.design, { ...options, write: (t) => (text += t) }));
  return text;
}

describe('the trace of dedicated advisors', () => {
  const text = trace('advisor', { format: 'text', issues: 'all' });

  it('names the agent within the team and the advisor a repeat call goes back to', () => {
    expect(text).toMatch(/answered by team agent [1-5] at once/);
    expect(text).toMatch(/call \d+ · goes straight back to team advisor [1-5] \(continuity\)/);
    expect(text).toMatch(/waits for their advisor \(team advisor [1-5]\)/);
  });

  it('says whether the caller got their advisor, another agent, or gave up', () => {
    expect(text).toMatch(/answered by their advisor, team advisor [1-5], (at once|after)/);
    expect(text).toMatch(/answered by team agent [1-5] after \S+ \(their advisor, team advisor [1-5], was busy\)/);
    expect(text).toMatch(/abandons after \S+, having waited for team advisor [1-5]/);
  });

  it('each advisor wait ends in an answer by them, by another agent after at least advisorWait, or abandoning', () => {
    for (const match of text.matchAll(/answered by team agent \d after (\d+)m(\d+)s \(their advisor/g)) {
      expect(60 * Number(match[1]) + Number(match[2])).toBeGreaterThanOrEqual(120);
    }
  });

  it('in the CSV log, marks the queue entry of a caller waiting for an advisor and who answered each call', () => {
    const rows = trace('advisor', { format: 'csv' }).trimEnd().split('\n').slice(1).map((line) => line.split(','));
    const answers = rows.filter((r) => r[3] === 'answer').length;
    const agents = rows.filter((r) => r[3] === 'agent');
    expect(agents).toHaveLength(answers);
    for (const r of agents) expect(r[5]).toMatch(/^(agent|advisor) [1-5]$/);
    expect(rows.some((r) => r[3] === 'queue' && /^advisor [1-5]$/.test(r[5]!))).toBe(true);
  });

  it('says nothing of agents where they are not told apart', () => {
    const teamText = trace('team', { format: 'text', issues: 'all' });
    expect(teamText).not.toMatch(/agent \d|advisor/);
    expect(trace('team', { format: 'csv' })).not.toContain(',agent,');
  });
});
