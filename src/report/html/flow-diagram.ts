// Where calls go in one design, as an inline SVG flow diagram (a Sankey laid out by hand):
// the numbers dialled on the left, then the IVR, the teams, and how calls ended on the
// right, each link as wide as the calls along it (mean per replication). Transfers between
// teams are loops: out of the sending team's right side, along a corridor, under the
// receiving team and into its left side, so that every node's inflow and outflow balance.
// A link that skips a column (IVR → self-served, a number straight to a team beside an
// IVR) passes through a reserved slot at the top of the columns it crosses. Each node's
// column and colour come from its kind (see metrics/flow-node.ts), never from its label,
// so a team may be named like an outcome or like the IVR.
import { maxOf } from '../../metrics/extremes.ts';
import type { DesignResult } from '../../metrics/results.ts';
import { escapeHtml, px } from './escape.ts';
import { layOutFlows } from './flow-layout.ts';
import {
  BAR_WIDTH,
  INFLOW_COLOUR,
  LOOP_LABEL,
  LOOP_PAD,
  NODE_COLOURS,
  OUTCOME_STYLES,
  STUB_LENGTH,
  TRANSFER_COLOUR,
  calls,
  fitText,
  roundedPath,
  type Kind,
  type Link,
  type Node,
} from './flow-diagram-style.ts';

/** The design's flows as an SVG element (with a title and description for screen readers). */
export function flowDiagram(design: string, result: DesignResult, id: string): string {
  const layout = layOutFlows(result);
  if (layout === undefined) return '<p class="note">No call flows were recorded for this design.</p>';
  const { backward, centre, columnKind, compact, columns, firstTeamColumn, hasSecondLine, links, loopSpace, nodes, share, transfers, transfersInto, width, widthOf, xs } = layout;
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
  const contentBottom = maxOf([...nodes.values()].map((n) => n.y + n.height + loopSpace(n)));
  let bottomLane = contentBottom + 6;
  const loopLabels: string[] = [];
  if (compact) parts.push(...transferArrows(transfers, desc));
  for (const [to, loops] of compact ? [] : transfersInto) {
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
          `<text class="flow-label" x="${px(n.x + n.width + 6)}" y="${px(cy + 4)}">${escapeHtml(n.name)} <tspan class="flow-value">${calls(n.value)} (${share(n)} of calls)</tspan></text>`,
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

/**
 * Transfers as arrows when loops would be too many: out of the sending team's right side
 * and into the receiving team's left side, a band as wide as its calls per (from, to), and
 * one arrowhead per team and side over its bands (they are adjacent: transfers take the last
 * ports of a side), so that each team shows its transfers out and in at a glance.
 */
function transferArrows(transfers: readonly Link[], desc: string[]): string[] {
  const arrow = 6;
  const outs = new Map<Node, [number, number]>();
  const ins = new Map<Node, [number, number]>();
  const extend = (map: Map<Node, [number, number]>, node: Node, y0: number, y1: number): void => {
    const span = map.get(node);
    map.set(node, span === undefined ? [y0, y1] : [Math.min(span[0], y0), Math.max(span[1], y1)]);
  };
  const band = (x0: number, x1: number, y: number, w: number): string =>
    `<path d="M${px(x0)},${px(y)}H${px(x1)}" fill="none" stroke="${TRANSFER_COLOUR}" stroke-opacity="0.55" stroke-width="${px(w)}"/>`;
  const bands = transfers.map((link) => {
    const w = link.width;
    const outX = link.from.x + link.from.width;
    extend(outs, link.from, link.y0, link.y0 + w);
    extend(ins, link.to, link.y1, link.y1 + w);
    const title = `Transfers ${link.from.name} → ${link.to.name}: ${calls(link.calls)} calls`;
    desc.push(title);
    return (
      `<g class="flow-transfer flow-transfer-arrows" data-from="${escapeHtml(link.from.name)}" data-to="${escapeHtml(link.to.name)}"><title>${escapeHtml(title)}</title>` +
      band(outX, outX + STUB_LENGTH - arrow, link.y0 + w / 2, w) +
      band(link.to.x - STUB_LENGTH, link.to.x - arrow, link.y1 + w / 2, w) +
      '</g>'
    );
  });
  const head = (x: number, [y0, y1]: [number, number]): string =>
    `<path class="flow-arrowhead" d="M${px(x - arrow)},${px(y0 - 2.5)}L${px(x)},${px((y0 + y1) / 2)}L${px(x - arrow)},${px(y1 + 2.5)}Z" fill="${TRANSFER_COLOUR}"/>`;
  return [
    ...bands,
    ...[...outs].map(([node, span]) => head(node.x + node.width + STUB_LENGTH, span)),
    ...[...ins].map(([node, span]) => head(node.x, span)),
  ];
}
