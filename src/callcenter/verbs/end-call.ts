// Verbs of a call's end and what the caller does next: nothing (resolved), call again, or give up.
import type { Sampler } from '../../engine/distributions.ts';
import type { RecontactRule } from '../compile-run.ts';
import { EventKind } from '../event-kinds.ts';
import { CallOutcome } from '../outcomes.ts';
import { Recall, type Call, type Issue } from '../records.ts';
import type { RunState } from '../state.ts';

/** A caller who has called this many times gives up: a guard against endless repeat calls. */
export const MAX_CALLS_PER_ISSUE = 100;

export function endCall(s: RunState, call: Call, outcome: CallOutcome): void {
  const issue = call.issue;
  issue.phoneTime += s.now - call.dialTime;
  if (outcome === CallOutcome.Resolved || outcome === CallOutcome.SelfServed) issue.resolved = true;
  s.observer.callEnded(call, outcome);
  s.calls.release(call);
  if (issue.resolved) endIssue(s, issue);
  else afterUnresolvedCall(s, issue, outcome);
}

function afterUnresolvedCall(s: RunState, issue: Issue, outcome: CallOutcome): void {
  const { retry, callback } = s.run;
  switch (outcome) {
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

function endIssue(s: RunState, issue: Issue): void {
  s.observer.issueEnded(issue);
  s.issues.release(issue);
}
