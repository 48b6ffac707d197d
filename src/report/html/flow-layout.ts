// The flow diagram's layout: which column each node goes in, node and link sizes, the
// pass-through slots of links that skip columns, the loops of transfers, and every x and y.
import { maxOf } from '../../metrics/extremes.ts';
import { flowNodeKey, flowNodeLabel, type FlowNode } from '../../metrics/flow-node.ts';
import type { DesignResult } from '../../metrics/results.ts';
import {
  BOX_WIDTHS,
  LINK_SPAN,
  LOOP_LABEL,
  LOOP_PAD,
  NODE_GAP,
  OUTCOME_STYLES,
  PLOT_HEIGHT,
  STUB_LENGTH,
  calls,
  kindOf,
  textWidth,
  type Kind,
  type Link,
  type Node,
} from './flow-diagram-style.ts';

/** Transfer loops drawn as loops up to this many; beyond, as arrows out of and into teams. */
export const MAX_TRANSFER_LOOPS = 4;

/** Whether a diagram with this many transfer loops draws them as arrows (see MAX_TRANSFER_LOOPS). */
export const compactTransfers = (loops: number): boolean => loops > MAX_TRANSFER_LOOPS;

/** The design's flows laid out; undefined when no flow was recorded. */
export function layOutFlows(result: DesignResult) {
  const flows = (result.flows ?? []).filter((flow) => Number.isFinite(flow.calls.mean) && flow.calls.mean > 0);
  if (flows.length === 0) return undefined;
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

  const scale = PLOT_HEIGHT / maxOf(columns.map((column) => column.reduce((sum, n) => sum + n.value, 0)), 1);
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
  // Many loops cross and crowd the teams: beyond a few, each transfer is a short arrow out of
  // the sending team and one into the receiving team, and a table gives them team by team.
  const compact = compactTransfers(transfers.length);
  const loopSpace = (n: Node): number => {
    const list = (transfersInto.get(n) ?? []).filter((l) => !backward(l));
    return list.length === 0 || compact ? 0 : LOOP_PAD + list.reduce((sum, l) => sum + l.width + LOOP_LABEL, 0) + LOOP_PAD;
  };
  const lanes = (list: readonly Link[]): number =>
    list.length === 0 ? 0 : compact ? STUB_LENGTH + 6 : list.reduce((s, l) => s + l.width + 4, 0) + 14;
  const leftCorridor = (c: number): number =>
    maxOf([...transfersInto].filter(([n]) => n.column === c).map(([, list]) => lanes(list)), 0);
  const rightCorridor = (c: number): number => lanes(transfers.filter((l) => l.from.column === c));

  // Columns' x: labels of the sources on the left, of the outcomes on the right.
  const sources = columns[0]!;
  const leftLabels = maxOf(sources.map((n) => textWidth(n.name) + 12), 130);
  const outcomes = columns[columnCount - 1]!;
  const totalCalls = outcomes.reduce((sum, n) => sum + n.value, 0);
  const share = (n: Node): string => `${((100 * n.value) / totalCalls).toFixed(0)}%`;
  const rightLabels = maxOf(outcomes.map((n) => textWidth(`${n.name} ${calls(n.value)} (${share(n)} of calls)`) + 12), 130);
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
  return {
    backward,
    centre,
    columnKind,
    compact,
    columns,
    firstTeamColumn,
    hasSecondLine,
    links,
    loopSpace,
    nodes,
    share,
    transfers,
    transfersInto,
    width,
    widthOf,
    xs,
  };
}
