// From replications to estimates: the call flows of all replications, merged by node.
import { describe, expect, it } from 'vitest';
import type { FlowCount } from '../../src/metrics/flow-tally.ts';
import { flowNodeLabel, type FlowNode } from '../../src/metrics/flow-node.ts';
import type { ReplicationMetrics } from '../../src/metrics/replication-accumulator.ts';
import { summariseRun } from '../../src/metrics/summarise.ts';

const IVR: FlowNode = { kind: 'ivr' };
const TEAM_IVR: FlowNode = { kind: 'team', team: 'IVR' };
const BILLING: FlowNode = { kind: 'team', team: 'billing' };
const NUMBER: FlowNode = { kind: 'number', dial: '3631' };
const RESOLVED: FlowNode = { kind: 'outcome', outcome: 'resolved' };

/** A replication with only these flows (its metrics are not looked at here). */
function withFlows(flows: FlowCount[]): ReplicationMetrics {
  return { metrics: {}, byIntent: {}, byTeam: {}, waitQuantiles: [], flows } as unknown as ReplicationMetrics;
}

describe('summariseRun', () => {
  const result = summariseRun({ scenario: 's', seed: 1, spoc: '0.0.0', scenarioSha256: null }, [
    {
      design: 'd',
      replications: [
        withFlows([
          { from: NUMBER, to: IVR, calls: 10 },
          { from: IVR, to: TEAM_IVR, calls: 6 },
          { from: TEAM_IVR, to: RESOLVED, calls: 6 },
        ]),
        withFlows([
          { from: NUMBER, to: IVR, calls: 12 },
          { from: IVR, to: BILLING, calls: 4 },
          { from: { ...TEAM_IVR }, to: RESOLVED, calls: 2 },
        ]),
      ],
    },
  ]);
  const flows = result.designs.d!.flows!;

  it('merges each edge over the replications, counting 0 where a replication lacks it', () => {
    const byLabel = Object.fromEntries(flows.map((f) => [`${flowNodeLabel(f.from)}→${flowNodeLabel(f.to)}`, f.calls.mean]));
    expect(byLabel).toEqual({ 'Number 3631→IVR': 11, 'IVR→IVR': 3, 'IVR→billing': 2, 'IVR→Resolved': 4 });
  });

  it('sorts edges by the labels of their nodes, as the outputs list them', () => {
    expect(flows.map((f) => [flowNodeLabel(f.from), flowNodeLabel(f.to)])).toEqual([
      ['IVR', 'IVR'],
      ['IVR', 'Resolved'],
      ['IVR', 'billing'],
      ['Number 3631', 'IVR'],
    ]);
  });

  it('keeps the IVR and a team named IVR apart', () => {
    expect(flows[0]).toMatchObject({ from: IVR, to: TEAM_IVR });
    expect(flows[1]).toMatchObject({ from: TEAM_IVR, to: RESOLVED });
  });
});
