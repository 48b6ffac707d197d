// How a design's agents are numbered when they are told apart (continuity: advisor, agent
// groups): across the design, team after team, and within a team group after group.
import type { Staffing } from '../scenario/model.ts';
import type { CompiledDesign } from './compile.ts';

/** Agents a team or group ever has on duty: its agents, or the largest count of its schedule. */
export function agentsOfTeam(staffing: Staffing): number {
  return staffing.kind === 'fixed' ? staffing.agents : Math.max(...staffing.counts);
}

/** Whether a run of `design` tells agents apart. */
export function needsAgentPool(design: CompiledDesign): boolean {
  return design.advisor !== undefined || design.teams.some((team) => team.groups !== undefined);
}

/** Per team, the first agent id: agents are numbered across the design, team after team, group after group. */
export function firstAgentOfTeams(design: CompiledDesign): Int32Array {
  const first = new Int32Array(design.teams.length);
  let next = 0;
  design.teams.forEach((team, t) => {
    first[t] = next;
    for (const g of team.groups?.groups ?? [team]) next += agentsOfTeam(g.staffing);
  });
  return first;
}

/** Per group of the design (a team without groups is one): its team, staffing and factors. */
export interface PoolGroup {
  readonly team: number;
  readonly staffing: Staffing;
  readonly handleFactor: number;
  readonly resolveFactor: number;
}

export function groupsOf(design: CompiledDesign): PoolGroup[] {
  return design.teams.flatMap((team, t) =>
    (team.groups?.groups ?? [{ staffing: team.staffing, handleFactor: 1, resolveFactor: 1 }]).map((g) => ({
      team: t,
      staffing: g.staffing,
      handleFactor: g.handleFactor,
      resolveFactor: g.resolveFactor,
    })),
  );
}

/** An agent's team and number within it (from 1), for the trace. */
export function agentOf(first: Int32Array, agent: number): { readonly team: number; readonly number: number } {
  let team = first.length - 1;
  while (team > 0 && first[team]! > agent) team--;
  return { team, number: agent - first[team]! + 1 };
}
