// Runs a scenario with new issues arriving at given times and writes down what happened, in
// order, one line per fact: the timeline that tests of the call-centre stories compare.
import { compileRun } from '../../src/callcenter/compile-run.ts';
import type { CallCentreObserver } from '../../src/callcenter/observer.ts';
import { CallOutcome } from '../../src/callcenter/outcomes.ts';
import type { Call, Issue } from '../../src/callcenter/records.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import type { Clock } from '../../src/engine/event-queue.ts';
import type { ArrivalProcess } from '../../src/engine/poisson-process.ts';
import { parseScenario } from '../../src/scenario/index.ts';

/** Parts of a scenario a timeline test changes; each replaces or adds to the one-intent, one-team base. */
export interface ScenarioParts {
  readonly patience?: string;
  /** Added to the billing intent's fields: `, wrapUp: 10s`. */
  readonly intent?: string;
  /** Lines added to the demand block (more intents, retry, callback). */
  readonly demand?: string;
  readonly teams?: string;
  readonly design?: string;
  readonly seed?: number;
  /** A calendar block's fields, one line each: `  open: { mon: "00:00-00:02" }`. */
  readonly calendar?: string;
}

/** One intent, billing (60 s, always resolved), one agent of team `billing`, one number to it. */
export function billingScenario(parts: ScenarioParts): string {
  return `
name: timeline
run: { horizon: 1h, warmup: 0s, replications: 1, seed: ${parts.seed ?? 1} }
${parts.calendar === undefined ? '' : `calendar:\n${parts.calendar}`}
demand:
  arrivals: { rate: 1/h }
  patience: ${parts.patience ?? 'none'}
  intents:
    billing: { share: 1, handle: 60s, resolve: 1${parts.intent ?? ''} }
${parts.demand ?? ''}
teams:
${parts.teams ?? '  billing: { agents: 1, skills: [billing] }'}
designs:
  only:
${parts.design ?? '    numbers: [ { dial: "1", to: billing } ]'}
`;
}

/** The facts of one instant. */
export const at = (lines: readonly string[], time: number): string[] => lines.filter((line) => line.startsWith(`${time} `));

const OUTCOME_NAMES = Object.fromEntries(Object.entries(CallOutcome).map(([name, id]) => [id, name]));

/** New issues at exactly these times, whatever the random stream. */
export function arrivalsAt(times: readonly number[]): ArrivalProcess {
  let next = 0;
  return { next: () => (next < times.length ? times[next++]! : Infinity) };
}

/**
 * The facts of replication 0 of the scenario's first design, issues arriving at `times`
 * (named A, B, C… in order of arrival): "60 A answered by billing", "120 B ends Resolved"…
 */
export function timeline(yaml: string, times: readonly number[]): string[] {
  const scenario = parseScenario(yaml, 'timeline.yaml');
  const run = { ...compileRun(scenario, scenario.designs[0]!), arrivals: arrivalsAt(times) };
  const recorder = new TimelineRecorder(run.design.teams.map((t) => t.name));
  simulate(run, 0, recorder);
  return recorder.lines;
}

class TimelineRecorder implements CallCentreObserver {
  readonly lines: string[] = [];
  private clock: Clock = { now: 0 };
  /** Names by record: a recycled record is renamed, as the next letter. */
  private readonly names = new Map<Issue, string>();
  private arrivals = 0;
  private readonly onDuty: number[];

  constructor(private readonly teams: readonly string[]) {
    this.onDuty = teams.map(() => -1);
  }

  private say(issue: Readonly<Issue> | undefined, text: string): void {
    this.lines.push(`${this.clock.now} ${issue === undefined ? '' : `${this.names.get(issue as Issue)} `}${text}`);
  }

  runStarted(clock: Clock): void {
    this.clock = clock;
  }
  issueArrived(issue: Readonly<Issue>): void {
    this.names.set(issue as Issue, String.fromCharCode(65 + this.arrivals++));
  }
  callStarted(call: Readonly<Call>): void {
    this.say(call.issue, call.number === 1 ? 'calls' : `calls again (call ${call.number})`);
  }
  ivrRouted(call: Readonly<Call>, team: number): void {
    this.say(call.issue, `routed by the IVR to ${this.teams[team]}`);
  }
  queueJoined(call: Readonly<Call>, team: number): void {
    this.say(call.issue, `reaches ${this.teams[team]}`);
  }
  answered(call: Readonly<Call>, queueTeam: number, agentTeam: number): void {
    const from = queueTeam === agentTeam ? '' : ` from the ${this.teams[queueTeam]} queue`;
    // With individual agents, who: agents are numbered across the design from 0.
    const agent = call.agent === -1 ? '' : ` agent ${call.agent}`;
    this.say(call.issue, `answered by ${this.teams[agentTeam]}${agent}${from}`);
  }
  abandoned(call: Readonly<Call>): void {
    this.say(call.issue, call.cutAtClosing ? 'hears the closing message' : 'gives up');
  }
  agentWorked(): void {}
  transferred(call: Readonly<Call>, team: number): void {
    this.say(call.issue, `transferred by ${this.teams[team]}`);
  }
  callEnded(call: Readonly<Call>, outcome: CallOutcome): void {
    this.say(call.issue, `ends ${OUTCOME_NAMES[outcome]}`);
  }
  issueEnded(): void {}
  teamLoadChanged(team: number, _busy: number, _waiting: number, onDuty: number): void {
    if (onDuty === this.onDuty[team]) return;
    if (this.onDuty[team] !== -1) this.say(undefined, `${this.teams[team]} has ${onDuty} on duty`);
    this.onDuty[team] = onDuty;
  }
  runEnded(): void {}
}
