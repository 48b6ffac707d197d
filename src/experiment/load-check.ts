// Before a run: the offered load of every team of every design, and warnings for teams
// offered more work than their agents can do.
import { compileDesign } from '../callcenter/compile.ts';
import { offeredLoads, type TeamLoad } from '../callcenter/offered-load.ts';
import type { Scenario } from '../scenario/model.ts';

export interface DesignLoad {
  readonly design: string;
  readonly teams: readonly TeamLoad[];
}

/** Utilisation from which a team is reported as overloaded. */
export const OVERLOADED = 1;

export function designLoads(scenario: Scenario): DesignLoad[] {
  return scenario.designs.map((design) => ({
    design: design.name,
    teams: offeredLoads(scenario, compileDesign(scenario, design)),
  }));
}

/** One line per overloaded team: its load, its agents, what follows. */
export function overloadWarnings(loads: readonly DesignLoad[]): string[] {
  return loads.flatMap(({ design, teams }) =>
    teams
      .filter((t) => t.utilisation >= OVERLOADED)
      .map(
        (t) =>
          `design ${design}: team ${t.team} is offered ${t.offeredLoad.toFixed(1)} Erlangs for ${formatAgents(t.agents)} agents ` +
          `(utilisation ${Number.isFinite(t.utilisation) ? t.utilisation.toFixed(2) : '∞'}): its queue can only grow, ` +
          'so waits and abandonment will be limited by patience, not by staffing',
      ),
  );
}

export const formatAgents = (agents: number): string => (Number.isInteger(agents) ? String(agents) : agents.toFixed(1));
