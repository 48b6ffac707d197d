// Where calls go in one design, as an inline SVG flow diagram (a Sankey laid out by hand):
// the numbers dialled on the left, then the IVR, the teams, and how calls ended on the
// right, each link as wide as the calls along it (mean per replication). Transfers between
// teams are loops: out of the sending team's right side, along a corridor, under the
// receiving team and into its left side, so that every node's inflow and outflow balance.
// A link that skips a column (IVR → self-served, a number straight to a team beside an
// IVR) passes through a reserved slot at the top of the columns it crosses. Each node's
// column and colour come from its kind (see metrics/flow-node.ts), never from its label,
// so a team may be named like an outcome or like the IVR.
import type { OutcomeKey } from '../../callcenter/outcomes.ts';
import { flowNodeKey, flowNodeLabel, type FlowNode } from '../../metrics/flow-node.ts';
import type { DesignResult, Flow } from '../../metrics/results.ts';
import { escapeHtml, px } from './escape.ts';

type Kind = 'source' | 'ivr' | 'team' | 'outcome';

interface Node {
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

interface Link {
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
const OUTCOME_STYLES: { readonly [K in OutcomeKey]: { readonly rank: number; readonly colour: string } } = {
  resolved: { rank: 0, colour: '#2e8b57' },
  selfServed: { rank: 1, colour: '#52a86b' },
  unresolved: { rank: 2, colour: '#d4a017' },
  redirected: { rank: 3, colour: '#7f8c8d' },
  capped: { rank: 4, colour: '#d35400' },
  pingPong: { rank: 5, colour: '#8e44ad' },
  abandoned: { rank: 6, colour: '#c0392b' },
  blocked: { rank: 7, colour: '#a04000' },
  dropped: { rank: 8, colour: '#6c3483' },
};

const INFLOW_COLOUR = '#5b7fa6';
const TRANSFER_COLOUR = '#d9822b';
const NODE_COLOURS: Readonly<Record<Kind, string>> = {
  source: '#34495e',
  ivr: '#1f4e79',
  team: '#1f4e79',
  outcome: '#555',
};

/** Height in pixels of the tallest column's links, without gaps. */
const PLOT_HEIGHT = 340;
const NODE_GAP = 16;
const BAR_WIDTH = 10;
const BOX_WIDTHS: Readonly<Record<Kind, number>> = { source: BAR_WIDTH, ivr: 86, team: 128, outcome: BAR_WIDTH };
const LINK_SPAN = 150;
const FONT_SIZE = 11;
/** Rough width of a character of the label font, for laying out labels. */
const CHAR_WIDTH = 6.3;
const LOOP_PAD = 5;
const LOOP_LABEL = 14;

/** Calls per replication: whole numbers from 10 on (`2,145`), one decimal below (`7.5`). */
const calls = (value: number): string =>
  value >= 9.95 ? String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : value.toFixed(1);

/** The column kind of a flow node: numbers dialled and repeat calls are where calls come from. */
function kindOf(node: FlowNode): Kind {
  return node.kind === 'number' || node.kind === 'repeatCall' ? 'source' : node.kind;
}

function textWidth(text: string): number {
  return text.length * CHAR_WIDTH;
}

/** The design's flows as an SVG element (with a title and description for screen readers). */
export function flowDiagram(design: string, result: DesignResult, id: string): string {
  const flows = (result.flows ?? []).filter((flow) => Number.isFinite(flow.calls.mean) && flow.calls.mean > 0);
  if (flows.length === 0) return '<p class="note">No call flows were recorded for this design.</p>';
  const teamOrder = Object.keys(result.byTeam);
  const hasIvr = flows.some((f) => f.from.kind === 'ivr' || f.to.kind === 'ivr');
  // Teams that callers reach only by transfer (behind a front desk, say) get a column of
  // their own after the others, so that handovers read left to right.
  const direct = new Set(flows.flatMap((f) => (f.to.kind === 'team' && f.from.kind !== 'team' ? [f.to.team] : [])));
  const secondLine = (team: string): boolean => direct.size > 0 && !direct.has(team);
  const hasSecondLine = flows.some((f) => f.to.kind === 'team' && secondLine(f.to.team));
  const firstTeamColumn = hasIvr ? 2 : 1;
  const columnCount = firstTeamColumn + (hasSecondLine ? 2 : 1) + 1;
  const columnKind: Kind[] = ['source', ...(hasIvr ? ['ivr' as const] : []), 'team', ...(hasSecondLine ? ['team' as const] : []), 'outcome'];
  const columnOfNode = (node: FlowNode): number => {
    switch (node.kind) {
      case 'number':
      case 'repeatCall':
        return 0;
      case 'ivr':
        return 1;
      case 'team':
        return firstTeamColumn + (secondLine(node.team) ? 1 : 0);
      case 'outcome':
        return columnCount - 1;
    }
  };
  const widthOf = (column: number): number => BOX_WIDTHS[columnKind[column]!];

  // Nodes, in column order: sources and outcomes as they come (outcomes in a fixed order),
  // teams in the design's order.
  const nodes = new Map<string, Node>();
  const node = (flowNode: FlowNode): Node => {
    const key = flowNodeKey(flowNode);
    let found = nodes.get(key);
    if (found === undefined) {
      const kind = kindOf(flowNode);
      found = {
        name: flowNodeLabel(flowNode),
        kind,
        rank: rankOf(flowNode),
        ...(flowNode.kind === 'outcome' ? { outcome: flowNode.outcome } : {}),
        column: columnOfNode(flowNode),
        value: 0,
        x: 0,
        y: 0,
        width: BOX_WIDTHS[kind],
        height: 0,
        inUsed: 0,
        outUsed: 0,
        dummy: false,
      };
      nodes.set(key, found);
    }
    return found;
  };
  const rankOf = (flowNode: FlowNode): number => {
    if (flowNode.kind === 'team') {
      const i = teamOrder.indexOf(flowNode.team);
      return i < 0 ? teamOrder.length : i;
    }
    return flowNode.kind === 'outcome' ? OUTCOME_STYLES[flowNode.outcome].rank : 0;
  };

  const columns: Node[][] = Array.from({ length: columnCount }, () => []);
  const links: Link[] = [];
  for (const flow of flows) {
    const from = node(flow.from);
    const to = node(flow.to);
    // Transfers within a column or backwards are drawn as loops; forward ones as ribbons.
    const transfer = from.kind === 'team' && to.kind === 'team' && to.column <= from.column;
    if (!transfer && to.column <= from.column) continue; // not drawable left to right (should not happen)
    links.push({ from, to, calls: flow.calls.mean, flow, transfer, via: [], width: 0, y0: 0, y1: 0 });
  }
  for (const n of nodes.values()) columns[n.column]!.push(n);
  for (const column of columns) column.sort((a, b) => a.rank - b.rank);

  // Pass-through slots for links that skip columns, at the top of each crossed column.
  for (const link of links) {
    if (link.transfer) continue;
    for (let c = link.from.column + 1; c < link.to.column; c++) {
      const slot: Node = {
        name: `${link.from.name} → ${link.to.name}`,
        kind: columnKind[c]!,
        rank: 0,
        column: c,
        value: link.calls,
        x: 0,
        y: 0,
        width: widthOf(c),
        height: 0,
        inUsed: 0,
        outUsed: 0,
        dummy: true,
      };
      link.via.push(slot);
      columns[c]!.unshift(slot);
    }
  }

  // Node values: the larger of inflow and outflow (they balance except at the edges).
  const inflow = new Map<Node, number>();
  const outflow = new Map<Node, number>();
  for (const link of links) {
    inflow.set(link.to, (inflow.get(link.to) ?? 0) + link.calls);
    outflow.set(link.from, (outflow.get(link.from) ?? 0) + link.calls);
  }
  for (const n of nodes.values()) n.value = Math.max(inflow.get(n) ?? 0, outflow.get(n) ?? 0);

  const scale = PLOT_HEIGHT / Math.max(1, ...columns.map((column) => column.reduce((sum, n) => sum + n.value, 0)));
  for (const link of links) link.width = Math.max(1, link.calls * scale);

  // Loops: transfers within a column (under the receiving team) or backwards (under the
  // whole diagram). Each receiving team's loops, same-column ones innermost.
  const transfers = links.filter((link) => link.transfer);
  const backward = (link: Link): boolean => link.to.column < link.from.column;
  const transfersInto = new Map<Node, Link[]>();
  for (const link of transfers) {
    const list = transfersInto.get(link.to) ?? [];
    list.push(link);
    transfersInto.set(link.to, list);
  }
  const loopSpace = (n: Node): number => {
    const list = (transfersInto.get(n) ?? []).filter((l) => !backward(l));
    return list.length === 0 ? 0 : LOOP_PAD + list.reduce((sum, l) => sum + l.width + LOOP_LABEL, 0) + LOOP_PAD;
  };
  const lanes = (list: readonly Link[]): number => (list.length === 0 ? 0 : list.reduce((s, l) => s + l.width + 4, 0) + 14);
  const leftCorridor = (c: number): number =>
    Math.max(0, ...[...transfersInto].filter(([n]) => n.column === c).map(([, list]) => lanes(list)));
  const rightCorridor = (c: number): number => lanes(transfers.filter((l) => l.from.column === c));

  // Columns' x: labels of the sources on the left, of the outcomes on the right.
  const sources = columns[0]!;
  const leftLabels = Math.max(130, ...sources.map((n) => textWidth(n.name) + 12));
  const outcomes = columns[columnCount - 1]!;
  const totalCalls = outcomes.reduce((sum, n) => sum + n.value, 0);
  const share = (n: Node): string => `${((100 * n.value) / totalCalls).toFixed(0)}%`;
  const rightLabels = Math.max(130, ...outcomes.map((n) => textWidth(`${n.name} ${calls(n.value)} (${share(n)})`) + 12));
  const xs: number[] = [];
  let x = leftLabels;
  for (let c = 0; c < columnCount; c++) {
    x += leftCorridor(c);
    xs.push(x);
    x += widthOf(c) + rightCorridor(c);
    if (c < columnCount - 1) x += c === 0 || c === columnCount - 2 ? LINK_SPAN : LINK_SPAN * 0.8;
  }
  const width = x + rightLabels;

  // Columns' y: nodes stacked from the top, boxes at least tall enough for their label.
  const top = 30;
  let bottom = 0;
  for (const column of columns) {
    let y = top;
    for (const n of column) {
      n.x = xs[n.column]!;
      n.y = y;
      const minHeight = n.dummy ? 0 : n.kind === 'team' || n.kind === 'ivr' ? 34 : 2;
      n.height = Math.max(n.value * scale, minHeight);
      y += n.height + (n.dummy ? NODE_GAP / 2 : Math.max(NODE_GAP, loopSpace(n) + 6));
    }
    bottom = Math.max(bottom, y);
  }
  // Centre the shorter columns vertically against the tallest.
  for (const column of columns) {
    const last = column[column.length - 1];
    if (last === undefined) continue;
    const used = last.y + last.height + loopSpace(last) - top;
    const shift = Math.max(0, (bottom - NODE_GAP - top - used) / 2);
    for (const n of column) n.y += shift;
  }

  // Ports: outflows ordered by the target's height, inflows by the source's; transfers last
  // (outgoing: nearest target first; incoming: the innermost loop lowest).
  const centre = (n: Node): number => n.y + n.height / 2;
  const entry = (link: Link): Node => link.via[0] ?? link.to;
  const exit = (link: Link): Node => link.via[link.via.length - 1] ?? link.from;
  const byNode = <K>(key: (l: Link) => K): Map<K, Link[]> => {
    const map = new Map<K, Link[]>();
    for (const link of links) {
      const k = key(link);
      const list = map.get(k) ?? [];
      list.push(link);
      map.set(k, list);
    }
    return map;
  };
  for (const [from, outs] of byNode((l) => l.from)) {
    outs.sort((a, b) => Number(a.transfer) - Number(b.transfer) || centre(entry(a)) - centre(entry(b)));
    for (const link of outs) {
      link.y0 = from.y + from.outUsed;
      from.outUsed += link.width;
    }
  }
  for (const [to, ins] of byNode((l) => l.to)) {
    const loops = transfersInto.get(to) ?? [];
    loops.sort(
      (a, b) =>
        Number(backward(a)) - Number(backward(b)) ||
        Math.abs(centre(a.from) - centre(to)) - Math.abs(centre(b.from) - centre(to)),
    );
    ins.sort((a, b) => {
      if (a.transfer !== b.transfer) return Number(a.transfer) - Number(b.transfer);
      if (a.transfer) return loops.indexOf(b) - loops.indexOf(a);
      return centre(exit(a)) - centre(exit(b));
    });
    for (const link of ins) {
      link.y1 = to.y + to.inUsed;
      to.inUsed += link.width;
    }
  }
  const parts: string[] = [];
  const desc: string[] = [];

  // Ribbons (not transfers): through each slot, with horizontal tangents.
  for (const link of links.filter((l) => !l.transfer)) {
    const gates: { x0: number; x1: number; y: number }[] = [{ x0: link.from.x, x1: link.from.x + link.from.width, y: link.y0 }];
    for (const slot of link.via) gates.push({ x0: slot.x, x1: slot.x + slot.width, y: slot.y });
    gates.push({ x0: link.to.x, x1: link.to.x + link.to.width, y: link.y1 });
    const w = link.width;
    let d = '';
    for (let i = 0; i + 1 < gates.length; i++) {
      const a = gates[i]!;
      const b = gates[i + 1]!;
      const mid = (a.x1 + b.x0) / 2;
      if (i === 0) d += `M${px(a.x1)},${px(a.y)}`;
      d += `C${px(mid)},${px(a.y)} ${px(mid)},${px(b.y)} ${px(b.x0)},${px(b.y)}`;
      if (i + 2 < gates.length) d += `H${px(b.x1)}`;
    }
    for (let i = gates.length - 1; i > 0; i--) {
      const b = gates[i]!;
      const a = gates[i - 1]!;
      const mid = (a.x1 + b.x0) / 2;
      if (i === gates.length - 1) d += `V${px(b.y + w)}`;
      d += `C${px(mid)},${px(b.y + w)} ${px(mid)},${px(a.y + w)} ${px(a.x1)},${px(a.y + w)}`;
      if (i - 1 > 0) d += `H${px(a.x0)}`;
    }
    d += 'Z';
    const colour =
      link.to.outcome !== undefined
        ? OUTCOME_STYLES[link.to.outcome].colour
        : link.from.kind === 'team'
          ? TRANSFER_COLOUR
          : INFLOW_COLOUR;
    const title = `${link.from.name} → ${link.to.name}: ${calls(link.calls)} calls`;
    desc.push(title);
    parts.push(
      `<path class="flow-link" data-from="${escapeHtml(link.from.name)}" data-to="${escapeHtml(link.to.name)}" d="${d}" fill="${colour}" fill-opacity="0.38"><title>${escapeHtml(title)}</title></path>`,
    );
  }

  // Transfer loops: out along a lane of the sending column's right corridor (shortest loops
  // innermost), then under the receiving team (same column) or under everything
  // (backwards), and up a lane of the receiving column's left corridor into its left side.
  const laneOrder = [...transfers].sort(
    (a, b) => Math.abs(centre(a.from) - centre(a.to)) - Math.abs(centre(b.from) - centre(b.to)),
  );
  const rightLane = new Map<Link, number>();
  const rightOffsets = new Map<number, number>();
  for (const link of laneOrder) {
    const c = link.from.column;
    const offset = rightOffsets.get(c) ?? 10;
    rightLane.set(link, link.from.x + link.from.width + offset + link.width / 2);
    rightOffsets.set(c, offset + link.width + 4);
  }
  const contentBottom = Math.max(...[...nodes.values()].map((n) => n.y + n.height + loopSpace(n)));
  let bottomLane = contentBottom + 6;
  const loopLabels: string[] = [];
  for (const [to, loops] of transfersInto) {
    let laneY = to.y + to.height + LOOP_PAD;
    let leftOffset = 12;
    const targetLeft = to.x;
    loops.forEach((link) => {
      const w = link.width;
      let yLane: number;
      if (backward(link)) {
        bottomLane += LOOP_LABEL;
        yLane = bottomLane + w / 2;
        bottomLane += w;
      } else {
        laneY += LOOP_LABEL;
        yLane = laneY + w / 2;
        laneY += w;
      }
      const xRight = rightLane.get(link)!;
      const xLeft = targetLeft - leftOffset - w / 2;
      leftOffset += w + 4;
      const yOut = link.y0 + w / 2;
      const yIn = link.y1 + w / 2;
      const arrow = 6;
      const d = roundedPath(
        [
          [link.from.x + link.from.width, yOut],
          [xRight, yOut],
          [xRight, yLane],
          [xLeft, yLane],
          [xLeft, yIn],
          [targetLeft - arrow, yIn],
        ],
        Math.min(10, Math.max(3, w)),
      );
      const title = `Transfers ${link.from.name} → ${link.to.name}: ${calls(link.calls)} calls`;
      desc.push(title);
      const half = w / 2 + 2.5;
      parts.push(
        `<g class="flow-transfer" data-from="${escapeHtml(link.from.name)}" data-to="${escapeHtml(link.to.name)}"><title>${escapeHtml(title)}</title>` +
          `<path d="${d}" fill="none" stroke="${TRANSFER_COLOUR}" stroke-opacity="0.55" stroke-width="${px(w)}"/>` +
          `<path d="M${px(targetLeft - arrow)},${px(yIn - half)}L${px(targetLeft)},${px(yIn)}L${px(targetLeft - arrow)},${px(yIn + half)}Z" fill="${TRANSFER_COLOUR}"/></g>`,
      );
      const labelX = backward(link) ? (xLeft + xRight) / 2 : to.x + to.width / 2;
      const text = backward(link) ? `${link.from.name} → ${link.to.name}: ${calls(link.calls)}` : `from ${link.from.name}: ${calls(link.calls)}`;
      loopLabels.push(
        `<text class="flow-label flow-loop-label" x="${px(labelX)}" y="${px(yLane - w / 2 - 3)}" text-anchor="middle">${escapeHtml(text)}</text>`,
      );
    });
  }

  // Nodes and their labels.
  const labels: string[] = [];
  for (const column of columns) {
    for (const n of column) {
      if (n.dummy) continue;
      const fill = n.outcome !== undefined ? OUTCOME_STYLES[n.outcome].colour : NODE_COLOURS[n.kind];
      parts.push(
        `<rect class="flow-node" data-node="${escapeHtml(n.name)}" x="${px(n.x)}" y="${px(n.y)}" width="${px(n.width)}" height="${px(n.height)}" rx="${n.width > BAR_WIDTH ? 3 : 1}" fill="${fill}"><title>${escapeHtml(`${n.name}: ${calls(n.value)} calls`)}</title></rect>`,
      );
      const cy = n.y + n.height / 2;
      if (n.kind === 'source') {
        labels.push(
          `<text class="flow-label" x="${px(n.x - 6)}" y="${px(cy - 2)}" text-anchor="end">${escapeHtml(n.name)}</text>`,
          `<text class="flow-label flow-value" x="${px(n.x - 6)}" y="${px(cy + 11)}" text-anchor="end">${calls(n.value)} calls</text>`,
        );
      } else if (n.kind === 'outcome') {
        labels.push(
          `<text class="flow-label" x="${px(n.x + n.width + 6)}" y="${px(cy + 4)}">${escapeHtml(n.name)} <tspan class="flow-value">${calls(n.value)} (${share(n)})</tspan></text>`,
        );
      } else {
        const name = fitText(n.name, n.width - 10);
        labels.push(
          `<text class="flow-box-label" x="${px(n.x + n.width / 2)}" y="${px(cy - 2)}" text-anchor="middle">${escapeHtml(name)}</text>`,
          `<text class="flow-box-value" x="${px(n.x + n.width / 2)}" y="${px(cy + 11)}" text-anchor="middle">${calls(n.value)}</text>`,
        );
      }
    }
  }

  // Volumes on the links, where they are wide enough: just before the node they reach.
  for (const link of links.filter((l) => !l.transfer)) {
    if (link.width < 9) continue;
    labels.push(
      `<text class="flow-label flow-on-link" x="${px(link.to.x - 5)}" y="${px(link.y1 + link.width / 2 + 4)}" text-anchor="end">${calls(link.calls)}</text>`,
    );
  }

  // Column headings.
  const headingText: Record<Kind, string> = { source: 'Numbers dialled', ivr: 'IVR', team: 'Teams', outcome: 'How calls ended' };
  columnKind.forEach((kind, c) => {
    const heading = kind === 'team' && hasSecondLine ? (c === firstTeamColumn ? 'First line' : 'Second line') : headingText[kind];
    const cx = kind === 'source' ? xs[c]! + BAR_WIDTH : kind === 'outcome' ? xs[c]! : xs[c]! + widthOf(c) / 2;
    const anchor = kind === 'source' ? 'end' : kind === 'outcome' ? 'start' : 'middle';
    labels.push(`<text class="flow-heading" x="${px(cx)}" y="14" text-anchor="${anchor}">${heading}</text>`);
  });

  const height = bottomLane + 12;
  const title = `Where calls go — ${design}`;
  return (
    `<svg class="flow" role="img" data-flow="${escapeHtml(id)}" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" aria-labelledby="${id}-title ${id}-desc">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(desc.join('; '))}</desc>` +
    `<g>${parts.join('')}</g><g>${loopLabels.join('')}${labels.join('')}</g></svg>`
  );
}

/** The text, cut with an ellipsis to fit about `width` pixels. */
function fitText(text: string, width: number): string {
  const max = Math.max(3, Math.floor(width / CHAR_WIDTH));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** An orthogonal polyline with its corners rounded (radius r, smaller on short legs). */
function roundedPath(points: readonly (readonly [number, number])[], r: number): string {
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
