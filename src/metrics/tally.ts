// Running sums for one scope (an intent, or a whole design): fixed size, however long the run.
import { CallOutcome } from '../callcenter/records.ts';
import { WaitHistogram } from './histogram.ts';

const OUTCOMES = Object.keys(CallOutcome).length;

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

  calls = 0;
  callDurationSum = 0;
  transfers = 0;
  transferredCalls = 0;
  misroutedCalls = 0;
  /** Calls ended, by outcome (indexed by CallOutcome). */
  readonly outcomes = new Float64Array(OUTCOMES);

  queueEntries = 0;
  waitedPositive = 0;
  waitSum = 0;
  answered = 0;
  answeredWaitSum = 0;
  answeredInTime = 0;
  abandoned = 0;
  readonly waits = new WaitHistogram();

  agentWork = 0;
  agentWorkMisrouted = 0;

  /** Calls that ended, whatever the outcome. */
  callsEnded(): number {
    let n = 0;
    for (const count of this.outcomes) n += count;
    return n;
  }

  /** Queue entries that ended (answered or abandoned): the denominator of entry shares. */
  entriesEnded(): number {
    return this.answered + this.abandoned;
  }

  /** Adds another tally into this one (used to total intents into a design). */
  add(other: Tally): void {
    for (const key of SUMMED_FIELDS) this[key] += other[key];
    for (let k = 0; k < OUTCOMES; k++) this.outcomes[k]! += other.outcomes[k]!;
    this.waits.merge(other.waits);
  }
}

type NumericField = { [K in keyof Tally]: Tally[K] extends number ? K : never }[keyof Tally];
const SUMMED_FIELDS = Object.keys(new Tally()).filter(
  (key): key is NumericField => typeof new Tally()[key as keyof Tally] === 'number',
);

/** The design- and intent-level metrics of the contract, from one replication's tally. */
export function tallyMetrics(t: Tally): Record<string, number> {
  const callsEnded = t.callsEnded();
  const entriesEnded = t.entriesEnded();
  const share = (outcome: CallOutcome): number => ratio(t.outcomes[outcome]!, callsEnded);
  return {
    issues: t.issues,
    calls: t.calls,
    queueEntries: t.queueEntries,
    pWait: ratio(t.waitedPositive, entriesEnded),
    waitMean: ratio(t.waitSum, entriesEnded),
    asa: ratio(t.answeredWaitSum, t.answered),
    waitP50: t.waits.quantile(0.5),
    waitP90: t.waits.quantile(0.9),
    waitP95: t.waits.quantile(0.95),
    serviceLevel: ratio(t.answeredInTime, entriesEnded),
    abandonRate: ratio(t.abandoned, entriesEnded),
    transfersPerCall: ratio(t.transfers, callsEnded),
    transferredShare: ratio(t.transferredCalls, callsEnded),
    misroutedShare: ratio(t.misroutedCalls, callsEnded),
    selfServedShare: share(CallOutcome.SelfServed),
    droppedShare: share(CallOutcome.Dropped),
    blockedShare: share(CallOutcome.Blocked),
    pingPongShare: share(CallOutcome.PingPong),
    cappedShare: share(CallOutcome.Capped),
    redialShare: share(CallOutcome.Redirected),
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
    agentTimeOnMisroutes: ratio(t.agentWorkMisrouted, t.agentWork),
  };
}

/** a / b, or NaN ("no value this replication") when nothing was counted. */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}
