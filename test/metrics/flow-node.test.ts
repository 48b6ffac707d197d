// Flow nodes are named for display by their label, and told apart by kind and name.
import { describe, expect, it } from 'vitest';
import { flowNodeKey, flowNodeLabel, type FlowNode } from '../../src/metrics/flow-node.ts';

const NODES: readonly FlowNode[] = [
  { kind: 'number', dial: '3631' },
  { kind: 'ivr' },
  { kind: 'repeatCall' },
  { kind: 'team', team: 'billing' },
  { kind: 'outcome', outcome: 'pingPong' },
];

describe('flow nodes', () => {
  it('are labelled as the outputs print them', () => {
    expect(NODES.map(flowNodeLabel)).toEqual(['Number 3631', 'IVR', 'Repeat call (continuity)', 'billing', 'Too many transfers']);
  });

  it('keep apart nodes whose labels are the same', () => {
    const lookalikes: FlowNode[] = [
      { kind: 'ivr' },
      { kind: 'team', team: 'IVR' },
      { kind: 'outcome', outcome: 'abandoned' },
      { kind: 'team', team: 'Abandoned' },
      { kind: 'team', team: 'Number 3631' },
      { kind: 'number', dial: '3631' },
    ];
    expect(new Set(lookalikes.map(flowNodeLabel)).size).toBe(3);
    expect(new Set(lookalikes.map(flowNodeKey)).size).toBe(6);
  });

  it('survive a JSON round trip', () => {
    const copy = JSON.parse(JSON.stringify(NODES)) as FlowNode[];
    expect(copy.map(flowNodeKey)).toEqual(NODES.map(flowNodeKey));
  });
});
