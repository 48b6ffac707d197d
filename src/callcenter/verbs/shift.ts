// Verb of agents' schedules: the next shift boundary of a team.
import { EventKind } from '../event-kinds.ts';
import type { RunState } from '../state.ts';

/** Schedules `team`'s next shift boundary (none after the horizon unless calls drain). */
export function scheduleShiftChange(s: RunState, team: number, at: number): void {
  const { horizon, drain } = s.run.settings;
  if (at < horizon || drain) s.schedule(at, EventKind.ShiftChange, team);
}
