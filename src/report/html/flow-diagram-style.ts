// The look of the flow diagram: its nodes and links as laid out, the column kinds, the
// outcomes' colours and order, the sizes, and small text and path helpers.
import type { OutcomeKey } from '../../callcenter/outcomes.ts';
import type { FlowNode } from '../../metrics/flow-node.ts';
import type { Flow } from '../../metrics/results.ts';
import { px } from './escape.ts';

export type Kind = 'source' | 'ivr' | 'team' | 'outcome';

export interface Node {
  /** The label drawn (the flow node's, see flowNodeLabel). */
  readonly name: string;
  readonly kind: Kind;
  /** Place among the nodes of its column: a team's in the design, an outcome's in OUTCOME_STYLES. */
  readonly rank: number;
  /** The outcome of an outcome node. */
  readonly outcome?: OutcomeKey;
  readonly column: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Next free offset from the top on the left (inflow) and right (outflow) sides. */
  inUsed: number;
  outUsed: number;
  /** Pass-through slot of a link crossing this column (no box drawn). */
  readonly dummy: boolean;
}

export interface Link {
  readonly from: Node;
  readonly to: Node;
  readonly calls: number;
  readonly flow: Flow;
  readonly transfer: boolean;
  /** Columns crossed between from and to: their pass-through slots. */
  readonly via: Node[];
  width: number;
  /** Top of the link at its start and at its end. */
  y0: number;
  y1: number;
}

/** Each outcome's colour, and its place from top to bottom: the good endings first. */
export const OUTCOME_STYLES: { readonly [K in OutcomeKey]: { readonly rank: number; readonly colour: string } } = {
  resolved: { rank: 0, colour: '#2e8b57' },
  selfServed: { rank: 1, colour: '#52a86b' },
  unresolved: { rank: 2, colour: '#d4a017' },
  redirected: { rank: 3, colour: '#7f8c8d' },
  capped: { rank: 4, colour: '#d35400' },
  pingPong: { rank: 5, colour: '#8e44ad' },
  abandoned: { rank: 6, colour: '#c0392b' },
  blocked: { rank: 7, colour: '#a04000' },
  dropped: { rank: 8, colour: '#6c3483' },
  closed: { rank: 9, colour: '#2c3e50' },
  notReached: { rank: 10, colour: '#b7950b' },
};

export const INFLOW_COLOUR = '#5b7fa6';
export const TRANSFER_COLOUR = '#d9822b';
export const NODE_COLOURS: Readonly<Record<Kind, string>> = {
  source: '#34495e',
  ivr: '#1f4e79',
  team: '#1f4e79',
  outcome: '#555',
};

/** Height in pixels of the tallest column's links, without gaps. */
export const PLOT_HEIGHT = 340;
export const NODE_GAP = 16;
export const BAR_WIDTH = 10;
export const BOX_WIDTHS: Readonly<Record<Kind, number>> = { source: BAR_WIDTH, ivr: 86, team: 128, outcome: BAR_WIDTH };
export const LINK_SPAN = 150;
/** Rough width of a character of the label font, for laying out labels. */
const CHAR_WIDTH = 6.3;
export const LOOP_PAD = 5;
/** Length of a transfer's arrow out of or into a team when loops are too many to draw. */
export const STUB_LENGTH = 18;
export const LOOP_LABEL = 14;

/** Calls per replication: whole numbers from 10 on (`2,145`), one decimal below (`7.5`). */
export const calls = (value: number): string =>
  value >= 9.95 ? String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : value.toFixed(1);

/** The column kind of a flow node: numbers dialled and repeat calls are where calls come from. */
export function kindOf(node: FlowNode): Kind {
  return node.kind === 'number' || node.kind === 'repeatCall' ? 'source' : node.kind;
}

export function textWidth(text: string): number {
  return text.length * CHAR_WIDTH;
}

/** The text, cut with an ellipsis to fit about `width` pixels. */
export function fitText(text: string, width: number): string {
  const max = Math.max(3, Math.floor(width / CHAR_WIDTH));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** An orthogonal polyline with its corners rounded (radius r, smaller on short legs). */
export function roundedPath(points: readonly (readonly [number, number])[], r: number): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  let d = `M${px(first[0])},${px(first[1])}`;
  for (let i = 0; i < rest.length; i++) {
    const p = rest[i]!;
    const prev = i === 0 ? first : rest[i - 1]!;
    const next = rest[i + 1];
    if (next === undefined) {
      d += `L${px(p[0])},${px(p[1])}`;
      break;
    }
    const inLen = Math.hypot(p[0] - prev[0], p[1] - prev[1]);
    const outLen = Math.hypot(next[0] - p[0], next[1] - p[1]);
    const radius = Math.min(r, inLen / 2, outLen / 2);
    if (radius <= 0.01) {
      d += `L${px(p[0])},${px(p[1])}`;
      continue;
    }
    const ax = p[0] - ((p[0] - prev[0]) / inLen) * radius;
    const ay = p[1] - ((p[1] - prev[1]) / inLen) * radius;
    const bx = p[0] + ((next[0] - p[0]) / outLen) * radius;
    const by = p[1] + ((next[1] - p[1]) / outLen) * radius;
    d += `L${px(ax)},${px(ay)}Q${px(p[0])},${px(p[1])} ${px(bx)},${px(by)}`;
  }
  return d;
}
