// Verbs of a call's end and what the caller does next: nothing (resolved), call again, or give up.
import type { Sampler } from '../../engine/distributions.ts';
import type { RecontactRule } from '../compile-run.ts';
import { EventKind } from '../event-kinds.ts';
import { CallOutcome } from '../outcomes.ts';
import { Recall, type Call, type Issue } from '../records.ts';
import type { RunState } from '../state.ts';
import { lineOf, recallAtOpening } from './opening-hours.ts';

/** A caller who has called this many times gives up: a guard against endless repeat calls. */
export const MAX_CALLS_PER_ISSUE = 100;

export function endCall(s: RunState, call: Call, outcome: CallOutcome): void {
  const issue = call.issue;
  issue.phoneTime += s.now - call.dialTime;
  if (outcome === CallOutcome.Resolved || outcome === CallOutcome.SelfServed) issue.resolved = true;
  s.observer.callEnded(call, outcome);
  const line = lineOf(call);
  s.calls.release(call);
  if (issue.resolved) endIssue(s, issue);
  else afterUnresolvedCall(s, issue, outcome, line);
}

/** `line`: the number whose hours the ended call obeyed. */
function afterUnresolvedCall(s: RunState, issue: Issue, outcome: CallOutcome, line: number): void {
  const { retry, callback } = s.run;
  switch (outcome) {
    case CallOutcome.Closed:
      callAgainAtOpening(s, issue, line);
      return;
    case CallOutcome.Redirected:
      callAgain(s, issue, Recall.Redial, 1, retry!.after);
      return;
    case CallOutcome.Abandoned:
    case CallOutcome.Blocked:
      maybeCallAgain(s, issue, Recall.Retry, retry);
      return;
    case CallOutcome.Unresolved:
    case CallOutcome.Dropped:
    case CallOutcome.Capped:
    case CallOutcome.PingPong:
    case CallOutcome.NotReached:
      maybeCallAgain(s, issue, Recall.Callback, callback);
      return;
  }
}

function maybeCallAgain(s: RunState, issue: Issue, recall: Recall, rule: RecontactRule | null): void {
  if (rule === null) endIssue(s, issue);
  else callAgain(s, issue, recall, rule.probability, rule.after);
}

function callAgain(s: RunState, issue: Issue, recall: Recall, probability: number, after: Sampler): void {
  const rng = s.streams.recontact;
  if (issue.calls >= MAX_CALLS_PER_ISSUE || (probability < 1 && rng.next() >= probability)) {
    endIssue(s, issue);
    return;
  }
  issue.recall = recall;
  s.schedule(s.now + after.draw(rng), EventKind.Recall, issue.slot);
}

/** A caller who found the line closed calls again at its next opening, with probability closedRetry. */
function callAgainAtOpening(s: RunState, issue: Issue, line: number): void {
  const calendar = s.run.calendar!;
  const p = calendar.closedRetry;
  if (issue.calls >= MAX_CALLS_PER_ISSUE || (p < 1 && s.streams.closedRetry.next() >= p)) {
    endIssue(s, issue);
    return;
  }
  issue.recall = Recall.Reopen;
  recallAtOpening(s, calendar, issue, calendar.lines[line]!);
}

function endIssue(s: RunState, issue: Issue): void {
  s.observer.issueEnded(issue);
  s.issues.release(issue);
}
