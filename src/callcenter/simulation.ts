// One replication of one design: the event loop, dispatching each event to its handler.
import { EXTERNAL, NONE } from '../engine/event-queue.ts';
import type { CompiledRun } from './compile-run.ts';
import { EventKind } from './event-kinds.ts';
import {
  onAdvisorWaitOver,
  onCallbackMissed,
  onCallbackOffer,
  onIdentifyEnded,
  onIvrDone,
  onLineClosed,
  onNewIssue,
  onOverflowReady,
  onPatienceExpired,
  onRecall,
  onShiftChange,
  onTalkEnded,
  onTransferArrived,
  onWrapUpEnded,
} from './handlers.ts';
import type { CallCentreObserver } from './observer.ts';
import { RunState } from './state.ts';
import { scheduleNextArrival } from './verbs/start-call.ts';
import { scheduleLineClosing } from './verbs/opening-hours.ts';
import { scheduleShiftChange } from './verbs/shift.ts';

/** What the run did, for throughput figures. */
export interface SimulationStats {
  readonly events: number;
  readonly issues: number;
  readonly calls: number;
  /** Issues still open when the run stopped (0 when calls drain). */
  readonly issuesInSystem: number;
  /** Calls still in progress when the run stopped (0 when calls drain). */
  readonly callsInSystem: number;
  readonly endTime: number;
}

/** Simulates replication `replication` (0-based) of a compiled run, telling `observer` what happens. */
export function simulate(run: CompiledRun, replication: number, observer: CallCentreObserver): SimulationStats {
  const s = new RunState(run, replication, observer);
  const { horizon, drain } = run.settings;
  const events = s.events;
  events.limit = drain ? Infinity : horizon;
  scheduleNextArrival(s);
  observer.runStarted(events);
  s.agents?.reportAll();
  run.design.teams.forEach((team, t) => {
    s.notifyLoad(t);
    if (team.staffing.kind === 'schedule') scheduleShiftChange(s, t, team.staffing.every);
  });
  if (run.calendar?.disconnect === true) run.calendar.lines.forEach((_, line) => scheduleLineClosing(s, line, 0));
  const count = fireEvents(s);
  const endTime = drain ? Math.max(events.now, horizon) : horizon;
  if (endTime > events.now) events.advanceTo(endTime);
  observer.runEnded();
  return {
    events: count,
    issues: s.issueCount,
    calls: s.callCount,
    issuesInSystem: s.issues.inUse,
    callsInSystem: s.calls.inUse,
    endTime,
  };
}

/**
 * Fires events until none is left; returns how many. The loop has a function of its own so
 * that V8's optimized code for it never meets the end-of-run code, whose first use would
 * discard that code before the next replication.
 */
function fireEvents(s: RunState): number {
  const events = s.events;
  let count = 0;
  for (let next = events.next(); next !== NONE; next = events.next()) {
    count++;
    const kind = next as EventKind | typeof EXTERNAL;
    const arg = events.arg;
    switch (kind) {
      case EXTERNAL:
        onNewIssue(s);
        break;
      case EventKind.IvrDone:
        onIvrDone(s, s.call(arg));
        break;
      case EventKind.TransferArrived:
        onTransferArrived(s, s.call(arg));
        break;
      case EventKind.PatienceExpired:
        onPatienceExpired(s, s.call(arg));
        break;
      case EventKind.TalkEnded:
        onTalkEnded(s, s.call(arg));
        break;
      case EventKind.IdentifyEnded:
        onIdentifyEnded(s, s.call(arg));
        break;
      case EventKind.WrapUpEnded:
        onWrapUpEnded(s, arg);
        break;
      case EventKind.Recall:
        onRecall(s, s.issue(arg));
        break;
      case EventKind.ShiftChange:
        onShiftChange(s, arg);
        break;
      case EventKind.OverflowReady:
        onOverflowReady(s, s.call(arg));
        break;
      case EventKind.LineClosed:
        onLineClosed(s, arg);
        break;
      case EventKind.AdvisorWaitOver:
        onAdvisorWaitOver(s, s.call(arg));
        break;
      case EventKind.CallbackOffer:
        onCallbackOffer(s, s.call(arg));
        break;
      case EventKind.CallbackMissed:
        onCallbackMissed(s, s.call(arg));
        break;
      default:
        return unhandled(kind);
    }
  }
  return count;
}

/** Fails to type-check when an event kind has no case above. */
function unhandled(kind: never): never {
  throw new Error(`no handler for event kind ${String(kind)}`);
}
