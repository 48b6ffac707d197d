// Before a run: opening hours against staffing. A number open while nobody of its design is
// on duty leaves its callers waiting for the next shift; a fixed team is on duty (and
// paid) through the hours when every number of its design is closed.
import { agentsAt } from '../callcenter/compile.ts';
import { OpenHoursClock } from '../callcenter/open-hours-clock.ts';
import { formatDuration, formatWeekTime, type Design, type Scenario } from '../scenario/index.ts';

/** What `run` and `validate` warn about opening hours, design by design. */
export function openingHoursWarnings(scenario: Scenario): string[] {
  return scenario.designs.flatMap((design) => designWarnings(scenario, design));
}

function designWarnings(scenario: Scenario, design: Design): string[] {
  const { start, horizon } = scenario.run;
  const lines = design.numbers.map((n) => new OpenHoursClock(n.open, start));
  if (lines.every((line) => line.alwaysOpen)) return [];
  const at = (t: number): string => formatWeekTime(start + t);
  const warnings: string[] = [];
  const cuts = boundaries(design, lines, horizon);
  design.numbers.forEach((number, n) => {
    const unstaffed = cuts.find((t) => lines[n]!.isOpen(t) && design.teams.every((team) => agentsAt(team.staffing, t) === 0));
    if (unstaffed === undefined) return;
    warnings.push(
      `design ${design.name}: number ${number.dial} is open at ${at(unstaffed)} while none of the design's teams has an agent on duty: its callers wait for the next shift (or abandon); give a team agents in the opening hours, or close the number then`,
    );
  });
  const closed = closedSeconds(cuts, lines, horizon);
  for (const team of design.teams) {
    if (team.staffing.kind !== 'fixed' || closed === 0) continue;
    warnings.push(
      `design ${design.name}: team ${team.name} has ${team.staffing.agents} agents on duty all the time, also the ${formatDuration(closed)} of the run when every number of the design is closed: agentHours and staffedCost count them; give the team a schedule (agents: {every, counts}) with 0 in the closed hours to staff the opening hours only`,
    );
  }
  return warnings;
}

/** Times in [0, horizon) where the openness of a line or the staffing of a team may change, in order. */
function boundaries(design: Design, lines: readonly OpenHoursClock[], horizon: number): number[] {
  const cuts = new Set<number>([0]);
  for (const team of design.teams) {
    if (team.staffing.kind === 'schedule') for (let t = 0; t < horizon; t += team.staffing.every) cuts.add(t);
  }
  for (const line of lines) {
    if (line.alwaysOpen) continue;
    for (let t = line.nextOpening(0); t < horizon; t = line.nextOpening(t)) {
      cuts.add(t);
      t = line.nextClosing(t);
      if (t < horizon) cuts.add(t);
    }
  }
  return [...cuts].sort((a, b) => a - b);
}

/** Seconds of [0, horizon) when every line is closed. */
function closedSeconds(cuts: readonly number[], lines: readonly OpenHoursClock[], horizon: number): number {
  let closed = 0;
  cuts.forEach((t, i) => {
    if (lines.every((line) => !line.isOpen(t))) closed += (cuts[i + 1] ?? horizon) - t;
  });
  return closed;
}
