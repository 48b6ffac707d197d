// What each issue's first call showed of the caller's own draws, by order of arrival: the
// number dialled, the talk of its first skilled answer, the patience spent in its first
// queue, and whether that talk resolved the issue. Designs that share common random numbers
// agree on every fact both of them saw.
import { compileRun } from '../../src/callcenter/compile-run.ts';
import type { CallCentreObserver } from '../../src/callcenter/observer.ts';
import { CallOutcome } from '../../src/callcenter/outcomes.ts';
import type { Call, Issue } from '../../src/callcenter/records.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import type { Clock } from '../../src/engine/event-queue.ts';
import type { Scenario } from '../../src/scenario/index.ts';

/** One issue's first call; a field is undefined when the call never showed it. */
export interface FirstCallFacts {
  arrivalTime: number;
  dial?: number;
  /** Answer to end of talk of an agent with the skill, reached without a transfer. */
  talk?: number;
  /** Wait in the first queue before giving up. */
  patience?: number;
  /** That talk's outcome: Resolved or Unresolved. */
  resolved?: boolean;
}

/** The first-call facts of every issue of one replication of the named design. */
export function firstCallFacts(scenario: Scenario, design: string, replication: number): FirstCallFacts[] {
  const run = compileRun(scenario, scenario.designs.find((d) => d.name === design)!);
  const recorder = new FirstCallRecorder();
  simulate(run, replication, recorder);
  return recorder.facts;
}

class FirstCallRecorder implements CallCentreObserver {
  readonly facts: FirstCallFacts[] = [];
  private clock: Clock = { now: 0 };
  /** Index in `facts` of each open issue record. */
  private readonly index = new Map<Issue, number>();
  /** When the talk now in progress of a first call began. */
  private readonly talkStart = new Map<Call, number>();

  private of(call: Readonly<Call>): FirstCallFacts | undefined {
    return call.number === 1 ? this.facts[this.index.get(call.issue as Issue)!] : undefined;
  }

  runStarted(clock: Clock): void {
    this.clock = clock;
  }
  issueArrived(issue: Readonly<Issue>): void {
    this.index.set(issue as Issue, this.facts.length);
    this.facts.push({ arrivalTime: issue.arrivalTime });
  }
  callStarted(call: Readonly<Call>, dial: number): void {
    const facts = this.of(call);
    if (facts !== undefined) facts.dial = dial;
  }
  ivrRouted(): void {}
  queueJoined(): void {}
  answered(call: Readonly<Call>): void {
    if (this.of(call) !== undefined && call.transfers === 0) this.talkStart.set(call as Call, this.clock.now);
  }
  abandoned(call: Readonly<Call>): void {
    const facts = this.of(call);
    if (facts !== undefined && call.queueEntries === 1) facts.patience = this.clock.now - call.queueEntryTime;
  }
  agentWorked(call: Readonly<Call>, _team: number, misrouted: boolean): void {
    if (misrouted) this.talkStart.delete(call as Call);
  }
  transferred(): void {}
  callEnded(call: Readonly<Call>, outcome: CallOutcome): void {
    const start = this.talkStart.get(call as Call);
    this.talkStart.delete(call as Call);
    const facts = this.of(call);
    if (facts === undefined || start === undefined) return;
    if (outcome !== CallOutcome.Resolved && outcome !== CallOutcome.Unresolved) return;
    facts.talk = this.clock.now - start;
    facts.resolved = outcome === CallOutcome.Resolved;
  }
  issueEnded(issue: Readonly<Issue>): void {
    this.index.delete(issue as Issue);
  }
  teamLoadChanged(): void {}
  runEnded(): void {}
}
