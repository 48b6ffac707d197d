// Transfers between teams as a table, sending teams as rows and receiving teams as columns:
// what the flow diagram no longer writes on its arrows when there are too many loops.
import type { FlowNode } from '../../metrics/flow-node.ts';
import type { DesignResult } from '../../metrics/results.ts';
import { formatEstimate } from '../format-number.ts';
import { escapeHtml } from './escape.ts';
import { layOutFlows } from './flow-layout.ts';

const teamOf = (node: FlowNode): string | undefined => (node.kind === 'team' ? node.team : undefined);

/** The table of a design whose diagram draws transfers as arrows; '' otherwise. */
export function transferMatrix(result: DesignResult): string {
  if (layOutFlows(result)?.compact !== true) return '';
  const transfers = (result.flows ?? []).filter((flow) => flow.from.kind === 'team' && flow.to.kind === 'team' && flow.calls.mean > 0);
  const teams = Object.keys(result.byTeam);
  const senders = teams.filter((team) => transfers.some((flow) => teamOf(flow.from) === team));
  const receivers = teams.filter((team) => transfers.some((flow) => teamOf(flow.to) === team));
  const cell = (from: string, to: string): string => {
    const flow = transfers.find((f) => teamOf(f.from) === from && teamOf(f.to) === to);
    return `<td class="num">${flow === undefined ? '–' : escapeHtml(formatEstimate(flow.calls, 'count'))}</td>`;
  };
  const head = `<tr><th scope="col">From \\ to</th>${receivers.map((team) => `<th scope="col" class="num">${escapeHtml(team)}</th>`).join('')}</tr>`;
  const rows = senders.map((from) => `<tr><th scope="row">${escapeHtml(from)}</th>${receivers.map((to) => cell(from, to)).join('')}</tr>`).join('');
  return `<p class="block-title">Transfers between teams, calls per replication</p><div class="scroll"><table class="figures transfers"><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}
