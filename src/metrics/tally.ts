// Running sums for one scope (an intent, or a whole design): fixed size, however long the run.
import { OUTCOME_LIST, type OutcomeShareMetric } from '../callcenter/outcomes.ts';
import { WaitHistogram } from './histogram.ts';
import type { DesignMetric } from './metric-catalogue.ts';
import { QueueTally, abandonRate, asa, entriesEnded, pWait, ratio, serviceLevel, waitMean } from './queue-tally.ts';

const OUTCOMES = OUTCOME_LIST.length;

/** Design metrics the teams' staffing gives (the replication accumulator adds them). */
type StaffedMetric = 'agentHours' | 'overtimeHours' | 'staffedCost' | 'costPerResolved';

/** The design metrics one tally gives: all but those of the teams' staffing. */
export type TallyMetric = Exclude<DesignMetric, StaffedMetric>;

/** Counts and sums over counted issues and their calls, queue entries and agent work. */
export class Tally {
  issues = 0;
  issuesEnded = 0;
  resolvedIssues = 0;
  firstCallResolved = 0;
  onceAndDone = 0;
  timeToResolutionSum = 0;
  givenUpIssues = 0;
  // Journey totals of ended issues, over all their calls.
  issueWaitSum = 0;
  issueTransfersSum = 0;
  issuePhoneTimeSum = 0;
  issueReexplainSum = 0;
  /** Repeat calls answered by a skilled agent after one had handled the issue (individual agents only). */
  issueRepeatAnswers = 0;
  /** Of those, answered by the agent who last handled the issue. */
  issueSameAgentAnswers = 0;

  calls = 0;
  callDurationSum = 0;
  transfers = 0;
  transferredCalls = 0;
  misroutedCalls = 0;
  handedOverCalls = 0;
  /** Calls after an issue's first. */
  repeatCalls = 0;
  /** Repeat calls moved out of closed hours to an opening. */
  deferredCalls = 0;
  /** Calls ended, by outcome (indexed by outcome id). */
  readonly outcomes = new Float64Array(OUTCOMES);

  readonly queue = new QueueTally();
  /** Time in queue per ended queue entry. */
  readonly waits = new WaitHistogram();

  agentWork = 0;
  agentWorkMisrouted = 0;

  // Queue entries that ended after a callback offer (designs with callbackOffer).
  callbackOffered = 0;
  callbackAccepted = 0;
  /** Time from queue entry to the callback, of the entries that accepted. */
  calledBackWaitSum = 0;

  /** `offersCallbacks`: the design makes callback offers, so the waits of callers who stayed have a figure. */
  constructor(readonly offersCallbacks = false) {}

  /** Calls that ended, whatever the outcome. */
  callsEnded(): number {
    let n = 0;
    for (const count of this.outcomes) n += count;
    return n;
  }

  /** Adds another tally into this one (used to total intents into a design). */
  add(other: Tally): void {
    for (const key of SUMMED_FIELDS) this[key] += other[key];
    for (let k = 0; k < OUTCOMES; k++) this.outcomes[k]! += other.outcomes[k]!;
    this.queue.add(other.queue);
    this.waits.merge(other.waits);
  }
}

type NumericField = { [K in keyof Tally]: Tally[K] extends number ? K : never }[keyof Tally];
const SUMMED_FIELDS = Object.keys(new Tally()).filter(
  (key): key is NumericField => typeof new Tally()[key as keyof Tally] === 'number',
);

/** The design- and intent-level metrics of the contract, from one replication's tally. */
export function tallyMetrics(t: Tally): Record<TallyMetric, number> {
  const callsEnded = t.callsEnded();
  const q = t.queue;
  return {
    issues: t.issues,
    calls: t.calls,
    queueEntries: q.queueEntries,
    pWait: pWait(q),
    waitMean: waitMean(q),
    asa: asa(q),
    waitP50: t.waits.quantile(0.5),
    waitP90: t.waits.quantile(0.9),
    waitP95: t.waits.quantile(0.95),
    serviceLevel: serviceLevel(q),
    abandonRate: abandonRate(q),
    callbackOfferedShare: ratio(t.callbackOffered, entriesEnded(q)),
    callbackAcceptedShare: ratio(t.callbackAccepted, entriesEnded(q)),
    waitStayed: t.offersCallbacks ? ratio(q.waitSum - t.calledBackWaitSum, entriesEnded(q) - t.callbackAccepted) : NaN,
    waitCalledBack: ratio(t.calledBackWaitSum, t.callbackAccepted),
    transfersPerCall: ratio(t.transfers, callsEnded),
    transferredShare: ratio(t.transferredCalls, callsEnded),
    misroutedShare: ratio(t.misroutedCalls, callsEnded),
    handoverShare: ratio(t.handedOverCalls, callsEnded),
    ...outcomeShares(t, callsEnded),
    deferredShare: ratio(t.deferredCalls, t.repeatCalls),
    callDuration: ratio(t.callDurationSum, callsEnded),
    fcr: ratio(t.firstCallResolved, t.issues),
    onceAndDone: ratio(t.onceAndDone, t.issues),
    resolvedShare: ratio(t.resolvedIssues, t.issues),
    givenUpShare: ratio(t.givenUpIssues, t.issues),
    contactsPerIssue: ratio(t.calls, t.issues),
    timeToResolution: ratio(t.timeToResolutionSum, t.resolvedIssues),
    waitPerIssue: ratio(t.issueWaitSum, t.issuesEnded),
    transfersPerIssue: ratio(t.issueTransfersSum, t.issuesEnded),
    phoneTimePerIssue: ratio(t.issuePhoneTimeSum, t.issuesEnded),
    reexplainPerIssue: ratio(t.issueReexplainSum, t.issuesEnded),
    sameAgentShare: ratio(t.issueSameAgentAnswers, t.issueRepeatAnswers),
    agentTimeOnMisroutes: ratio(t.agentWorkMisrouted, t.agentWork),
  };
}

/** The share of ended calls of each outcome that has a share metric, named by the outcome table. */
function outcomeShares(t: Tally, callsEnded: number): Record<OutcomeShareMetric, number> {
  const shares = {} as Record<OutcomeShareMetric, number>;
  for (const outcome of OUTCOME_LIST) {
    if (outcome.shareMetric !== undefined) shares[outcome.shareMetric] = ratio(t.outcomes[outcome.id]!, callsEnded);
  }
  return shares;
}
