// Where the staffing search starts: each team's offered load from the traffic equations
// (over the day, or interval by interval), then the fewest agents Erlang C (no patience)
// or Erlang A (the mean patience of the team's callers) gives for the targets a formula
// can answer. Simulation then corrects what the formulas leave out (transfers' timing,
// repeat calls, backlog from one interval to the next, non-exponential times).
import { agentsForTargets, agentsForWait, type StaffingInput, type StaffingTargets } from '../../analytic/index.ts';
import type { CompiledDesign } from '../../callcenter/compile.ts';
import { offeredLoadsAt } from '../../callcenter/offered-load.ts';
import { meanOf } from '../../engine/distributions.ts';
import { meanArrivalRate } from '../../scenario/arrival-rates.ts';
import type { Scenario } from '../../scenario/model.ts';
import { loadsByInterval, type IntervalLoad } from '../interval-load.ts';
import type { StaffingTarget } from './targets.ts';

/** Per team (design order), per slot (one for per-day staffing): agents. */
export type Counts = readonly (readonly number[])[];

/** The analytic agents of every team for one count per team. */
export function dayStart(scenario: Scenario, design: CompiledDesign, targets: readonly StaffingTarget[]): Counts {
  const rate = meanArrivalRate(scenario.demand.arrivals, scenario.run.start, scenario.run.horizon);
  const agents = design.teams.map((team) => (team.staffing.kind === 'fixed' ? team.staffing.agents : Math.max(1, ...team.staffing.counts)));
  return offeredLoadsAt(scenario, design, rate, agents).map((load, t) => [
    agentsFor(scenario, design, t, { arrivalRate: load.arrivalRate, offeredLoad: load.offeredLoad }, targets),
  ]);
}

/** The analytic agents of every team in every interval of `every` seconds. */
export function intervalStart(scenario: Scenario, design: CompiledDesign, targets: readonly StaffingTarget[], every: number): Counts {
  return loadsByInterval(scenario, design, every).map((loads, t) => loads.map((load) => agentsFor(scenario, design, t, load, targets)));
}

/** The offered loads by interval, per team: what tells which team of an interval is the most loaded. */
export { loadsByInterval };

function agentsFor(scenario: Scenario, design: CompiledDesign, t: number, load: IntervalLoad, targets: readonly StaffingTarget[]): number {
  if (!(load.offeredLoad > 0) || !(load.arrivalRate > 0)) return 0;
  const team = design.teams[t]!;
  const patience = meanPatience(scenario, design, t);
  const input: StaffingInput = {
    arrivalRate: load.arrivalRate,
    meanService: load.offeredLoad / load.arrivalRate,
    ...(patience === undefined ? {} : { meanPatience: patience }),
  };
  const formula: { -readonly [K in keyof StaffingTargets]: StaffingTargets[K] } = {};
  let agents = patience === undefined ? Math.floor(load.offeredLoad) + 1 : Math.max(1, Math.ceil(load.offeredLoad * 0.9));
  for (const target of targets) {
    if (!appliesTo(target, team.name, design, t)) continue;
    switch (target.metric) {
      case 'serviceLevel':
        formula.serviceLevel = { threshold: scenario.run.serviceLevel, target: Math.max(target.value, formula.serviceLevel?.target ?? 0) };
        break;
      case 'asa':
        formula.maxAsa = Math.min(target.value, formula.maxAsa ?? Infinity);
        break;
      case 'abandonRate':
        if (patience !== undefined) formula.maxAbandonRate = Math.min(target.value, formula.maxAbandonRate ?? 1);
        break;
      case 'waitMean':
        agents = Math.max(agents, agentsForWait({ ...input, maxWaitMean: target.value }).agents);
        break;
      case 'occupancy':
        agents = Math.max(agents, Math.ceil(load.offeredLoad / target.value));
        break;
    }
  }
  if (Object.keys(formula).length > 0) agents = Math.max(agents, agentsForTargets(input, formula).agents);
  return agents;
}

function appliesTo(target: StaffingTarget, team: string, design: CompiledDesign, t: number): boolean {
  switch (target.subject.kind) {
    case 'design':
    case 'everyTeam':
      return true;
    case 'team':
      return target.subject.team === team;
    case 'intent': {
      const i = design.intents.findIndex((intent) => intent.name === (target.subject as { intent: string }).intent);
      return i >= 0 && design.canHandle[t * design.intents.length + i] === 1;
    }
  }
}

/** The mean patience of the callers a team serves, weighted by their shares; undefined when none abandons. */
function meanPatience(scenario: Scenario, design: CompiledDesign, t: number): number | undefined {
  let weight = 0;
  let sum = 0;
  design.intents.forEach((intent, i) => {
    const served = design.teams[t]!.triage !== undefined || design.canHandle[t * design.intents.length + i] === 1;
    const patience = scenario.demand.intents[i]?.patience;
    if (!served || patience === null || patience === undefined) return;
    weight += intent.share;
    sum += intent.share * meanOf(patience);
  });
  return weight > 0 ? sum / weight : undefined;
}
