// Verbs of opening hours: the line a call obeys, a repeat call moved out of closed hours,
// and the closings at which waiting callers hear the closing message.
import type { CalendarRules } from '../compile-run.ts';
import { EventKind } from '../event-kinds.ts';
import type { OpenHoursClock } from '../open-hours-clock.ts';
import { NO_NUMBER, NOT_QUEUED, OfferState, type Call, type Issue } from '../records.ts';
import type { RunState } from '../state.ts';

/**
 * The number whose hours a call obeys: the one it dialled, or, for a repeat call sent
 * straight to a team (continuity), the one its issue last dialled.
 */
export function lineOf(call: Readonly<Call>): number {
  return call.dial !== NO_NUMBER ? call.dial : call.issue.lastDial;
}

/**
 * The caller calls again (`issue.recall` says why) at the line's next opening plus the
 * reopen delay; when that falls after the opening has closed again, at the opening after
 * it. So the call always lands in the line's open hours, however long the delay and short
 * the openings, and is never moved twice for the same line.
 */
export function recallAtOpening(s: RunState, calendar: CalendarRules, issue: Issue, line: OpenHoursClock): void {
  const at = line.nextOpening(line.nextOpening(s.now) + calendar.reopenDelay.draw(s.streams.reopenDelay));
  s.schedule(at, EventKind.Recall, issue.slot);
}

/** A repeat call due while its line is closed: moved to the next opening plus the reopen delay. */
export function deferRepeatCall(s: RunState, calendar: CalendarRules, issue: Issue, line: OpenHoursClock): void {
  issue.deferred = true;
  recallAtOpening(s, calendar, issue, line);
}

/**
 * Schedules the next closing of number `line` at or after `from` (none after the horizon
 * unless calls drain, and none for a line that never closes).
 */
export function scheduleLineClosing(s: RunState, line: number, from: number): void {
  const at = s.run.calendar!.lines[line]!.nextClosing(from);
  const { horizon, drain } = s.run.settings;
  if (at !== Number.POSITIVE_INFINITY && (at < horizon || drain)) s.schedule(at, EventKind.LineClosed, line);
}

/**
 * Callers waiting in a queue who came through number `line`, in the order they joined their
 * queues. Callers who accepted a callback are not on the line: they keep their place and are
 * called back as agents take them, after closing too.
 */
export function waitingThrough(s: RunState, line: number): Call[] {
  const waiting = s.calls.items.filter(
    (call) => call.queueSerial !== NOT_QUEUED && call.offerState !== OfferState.Accepted && lineOf(call) === line,
  );
  return waiting.sort((a, b) => a.queueSerial - b.queueSerial);
}
