// The steps of a call flow: what a node is (a number, the IVR, a repeat call, a team, an
// outcome) travels with it, so that no reader has to guess it back from a display label.
import { OUTCOMES, type OutcomeKey } from '../callcenter/outcomes.ts';

export type FlowNode =
  /** The number dialled, as the design spells it. */
  | { readonly kind: 'number'; readonly dial: string }
  | { readonly kind: 'ivr' }
  /** A repeat call sent straight to the team that last handled the issue (continuity). */
  | { readonly kind: 'repeatCall' }
  | { readonly kind: 'team'; readonly team: string }
  /** How the call ended. */
  | { readonly kind: 'outcome'; readonly outcome: OutcomeKey };

export type FlowNodeKind = FlowNode['kind'];

/** How outputs name the node: `Number 3631`, `IVR`, a team's name, `Too many transfers`. */
export function flowNodeLabel(node: FlowNode): string {
  switch (node.kind) {
    case 'number':
      return `Number ${node.dial}`;
    case 'ivr':
      return 'IVR';
    case 'repeatCall':
      return 'Repeat call (continuity)';
    case 'team':
      return node.team;
    case 'outcome':
      return OUTCOMES[node.outcome].label;
  }
}

/** A string that tells nodes apart, whatever their labels (a team may be named `IVR`). */
export function flowNodeKey(node: FlowNode): string {
  switch (node.kind) {
    case 'number':
      return `number:${node.dial}`;
    case 'ivr':
    case 'repeatCall':
      return node.kind;
    case 'team':
      return `team:${node.team}`;
    case 'outcome':
      return `outcome:${node.outcome}`;
  }
}
