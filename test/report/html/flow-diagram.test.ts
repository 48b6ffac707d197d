// The flow diagram draws each node by its kind, not by its label: teams named like an
// outcome or like the IVR get boxes of their own and no false loops.
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src/experiment/run-experiment.ts';
import { flowNodeLabel } from '../../../src/metrics/flow-node.ts';
import { flowDiagram } from '../../../src/report/html/flow-diagram.ts';
import { parseScenario } from '../../../src/scenario/index.ts';

const YAML = `
name: Teams named like other nodes
run: { horizon: 4h, warmup: 30m, replications: 2, seed: 7 }
demand:
  arrivals: { rate: 120/h }
  patience: { dist: exponential, mean: 1m }
  intents:
    billing: { share: 0.5, handle: { dist: exponential, mean: 4m }, resolve: 0.9 }
    outage:  { share: 0.5, handle: { dist: exponential, mean: 4m }, resolve: 0.9 }
teams:
  Abandoned: { agents: 3, skills: [billing] }
  IVR:       { agents: 3, skills: [outage] }
designs:
  one-number:
    numbers: [ { dial: "3631", to: ivr } ]
    ivr: { menu: 30s, accuracy: 1 }
`;

const result = runExperiment(parseScenario(YAML, 'named-like-nodes.yaml'));
const design = result.designs['one-number']!;
const svg = flowDiagram('one-number', design, 'flow-0');

/** The values of attribute `name` of the elements of class `cls`. */
function attributes(cls: string, name: string): string[] {
  return [...svg.matchAll(new RegExp(`class="${cls}"[^>]*?${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);
}

describe('flow diagram with teams named Abandoned and IVR', () => {
  it('has calls ending abandoned from both teams, so the names do collide', () => {
    const edges = (design.flows ?? []).map((f) => `${f.from.kind}:${flowNodeLabel(f.from)} → ${f.to.kind}:${flowNodeLabel(f.to)}`);
    expect(edges).toContain('team:Abandoned → outcome:Abandoned');
    expect(edges).toContain('ivr:IVR → team:IVR');
    expect(edges).toContain('team:IVR → outcome:Abandoned');
  });

  it('draws no transfer loop: nobody is transferred', () => {
    expect(svg).not.toContain('flow-transfer');
  });

  it('draws the team and the outcome Abandoned as two nodes, and the IVR and the team IVR as two', () => {
    const nodes = attributes('flow-node', 'data-node');
    expect(nodes.filter((n) => n === 'Abandoned')).toHaveLength(2);
    expect(nodes.filter((n) => n === 'IVR')).toHaveLength(2);
    expect(nodes).toHaveLength(new Set(nodes).size + 2);
  });

  it('draws every edge as a ribbon between two distinct nodes', () => {
    const froms = attributes('flow-link', 'data-from');
    const tos = attributes('flow-link', 'data-to');
    expect(froms).toHaveLength((design.flows ?? []).filter((f) => f.calls.mean > 0).length);
    expect(froms.map((from, i) => `${from}→${tos[i]}`)).toContain('Abandoned→Abandoned');
    expect(froms.map((from, i) => `${from}→${tos[i]}`)).toContain('IVR→IVR');
  });

  it('heads the columns numbers, IVR, teams and outcomes', () => {
    const headings = [...svg.matchAll(/class="flow-heading"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(headings).toEqual(['Numbers dialled', 'IVR', 'Teams', 'How calls ended']);
  });
});
