// Running sums of one agent group of a team: its calls answered and resolved (counted
// issues) and its agents' time, integrated like a team's over [warmup, horizon).
import type { GroupMetric } from './metric-catalogue.ts';
import { ratio } from './queue-tally.ts';
import { TeamTally } from './team-tally.ts';

export class GroupTally {
  /** The group's busy and on-duty agents over time (it has no queue of its own). */
  readonly load: TeamTally;
  answered = 0;
  /** Calls the group's agents ended with the skill (resolved or not), and those resolved. */
  skilledAnswers = 0;
  resolved = 0;

  constructor(from: number, to: number) {
    this.load = new TeamTally(from, to);
  }

  metrics(window: number): Record<GroupMetric, number> {
    const team = this.load.metrics(window, undefined);
    return {
      occupancy: team.occupancy,
      answered: this.answered,
      resolveRate: ratio(this.resolved, this.skilledAnswers),
      agents: ratio(team.agentHours * 3600, window),
      agentHours: team.agentHours,
    };
  }
}
