// Following callers through one replication of one design (`spoc trace`): an observer of
// the simulation that writes what happened to callers as it happens.
//
// - text: the story of sampled issues, one line per step with the simulated clock
//   (`09:14:03`, `1d 09:14:03` past a day; the clock starts at 00:00 with the run). By
//   default the first N issues arriving at or after the warm-up (the counted ones); with
//   `issues: 'all'` every issue, warm-up ones marked. A story is written once its issue has
//   ended, in the order issues arrived; only the sampled issues that are still open, and
//   the finished ones waiting for an earlier one, are held in memory.
// - csv: the full event log, every issue, one row per event (`time,issue,call,event,team,
//   detail`), written as events happen in chunks of about 64 KB.
//
// Issues are numbered 1, 2, 3… in order of arrival (warm-up ones included), so a number is
// the same in the text and the CSV of the same run. The simulation passes pooled records:
// they are read during each callback and never kept; state is kept by `issue.slot` only
// while the issue is open. Same scenario, seed and replication: same bytes.
import { TO_IVR, type CompiledDesign } from '../callcenter/compile.ts';
import type { CallCentreObserver } from '../callcenter/observer.ts';
import { CallOutcome, outcomeOf } from '../callcenter/outcomes.ts';
import type { Call, Issue } from '../callcenter/records.ts';
import type { Clock } from '../engine/event-queue.ts';
import type { RunSettings, Scenario } from '../scenario/model.ts';
import { csvField } from './csv.ts';
import { formatDuration, NOT_AVAILABLE } from './format-number.ts';

export type TraceFormat = 'text' | 'csv';

export const TRACE_FORMATS: readonly TraceFormat[] = ['text', 'csv'];

/** Columns of the CSV event log. */
export const TRACE_CSV_COLUMNS = ['time', 'issue', 'call', 'event', 'team', 'detail'] as const;

/** Events of the CSV log, in the order they can happen to a call. */
export const TRACE_EVENTS = [
  'arrive',
  'dial',
  'ivr-route',
  'queue',
  'answer',
  'abandon',
  'misrouted',
  'transfer',
  'end',
  'issue-end',
] as const;
export type TraceEvent = (typeof TRACE_EVENTS)[number];

/** Issues followed in the text format: the first N counted ones, or every issue. */
export type TraceSample = number | 'all';

export const DEFAULT_TRACED_ISSUES = 5;

export interface TraceOptions {
  readonly format: TraceFormat;
  /** text: which issues to follow (default the first 5 counted); csv lists every issue. */
  readonly issues?: TraceSample;
  /** Receives the output in order, in pieces; everything has been written when the run ends. */
  readonly write: (text: string) => void;
  /** text: the replication's number as shown to the user (1 for the first), for the heading. */
  readonly replicationLabel?: number;
}

/**
 * The observer that traces `design`, compiled from `scenario` (whose run settings give the
 * warm-up and the seed shown). Pass it to the simulation of that design.
 */
export function createTrace(scenario: Scenario, design: CompiledDesign, options: TraceOptions): CallCentreObserver {
  if (options.format === 'csv') return new CsvTrace(design, options.write);
  const heading = [
    `${scenario.name} · design ${design.name} · replication ${options.replicationLabel ?? 1} · seed ${scenario.run.seed}`,
  ];
  return new StoryTrace(design, scenario.run, options.issues ?? DEFAULT_TRACED_ISSUES, options.write, heading);
}

const DAY = 86_400;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Simulated time, seconds from the start of the run, as a clock starting at 00:00:
 * `09:14:03`, with whole days in front past 24 hours (`1d 09:14:03`). Seconds are truncated,
 * so steps in order never print out of order.
 */
export function formatClock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return NOT_AVAILABLE;
  const whole = Math.floor(seconds);
  const day = Math.floor(whole / DAY);
  const inDay = whole - day * DAY;
  const time = `${pad2(Math.floor(inDay / 3600))}:${pad2(Math.floor(inDay / 60) % 60)}:${pad2(inDay % 60)}`;
  return day > 0 ? `${day}d ${time}` : time;
}

/** Joins small writes into pieces of about `size` characters. */
class Chunks {
  private buffer = '';

  constructor(
    private readonly write: (text: string) => void,
    private readonly size = 1 << 16,
  ) {}

  add(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= this.size) this.flush();
  }

  flush(): void {
    if (this.buffer === '') return;
    const text = this.buffer;
    this.buffer = '';
    this.write(text);
  }
}

/**
 * What both formats need to follow calls: the clock, stable issue numbers by slot, and
 * which misrouted calls are being transferred (so the identification is told once: at the
 * transfer, or, when the agent tells the caller to redial or `maxHops` is reached, when the
 * agent's work on the call ends).
 */
abstract class Follower implements CallCentreObserver {
  protected clock: Clock = { now: 0 };
  private arrivals = 0;
  /** Issue number by slot, while the issue is open. */
  private readonly numbers: number[] = [];
  /** 1 while the call of the issue in this slot is being transferred. */
  private readonly transferring: number[] = [];

  constructor(protected readonly design: CompiledDesign) {}

  runStarted(clock: Clock): void {
    this.clock = clock;
  }

  issueArrived(issue: Readonly<Issue>): void {
    this.numbers[issue.slot] = ++this.arrivals;
    this.transferring[issue.slot] = 0;
    this.arrived(issue, this.arrivals);
  }

  protected number(issue: Readonly<Issue>): number {
    return this.numbers[issue.slot]!;
  }

  agentWorked(call: Readonly<Call>, team: number, misrouted: boolean): void {
    if (!misrouted) return;
    const slot = call.issue.slot;
    if (this.transferring[slot] === 1) this.transferring[slot] = 0;
    else this.misrouted(call, team);
  }

  transferred(call: Readonly<Call>, team: number): void {
    this.transferring[call.issue.slot] = 1;
    this.misrouted(call, team);
    this.transferStarted(call, team);
  }

  callEnded(call: Readonly<Call>, outcome: CallOutcome): void {
    this.transferring[call.issue.slot] = 0;
    this.ended(call, outcome);
  }

  teamLoadChanged(): void {}

  protected abstract arrived(issue: Readonly<Issue>, number: number): void;
  abstract callStarted(call: Readonly<Call>, dial: number): void;
  abstract ivrRouted(call: Readonly<Call>, team: number): void;
  abstract queueJoined(call: Readonly<Call>, team: number): void;
  abstract answered(call: Readonly<Call>, queueTeam: number, agentTeam: number): void;
  abstract abandoned(call: Readonly<Call>, team: number): void;
  /** An agent of `team` has found the call is not for the team (after `call.serviceTime`). */
  protected abstract misrouted(call: Readonly<Call>, team: number): void;
  protected abstract transferStarted(call: Readonly<Call>, team: number): void;
  protected abstract ended(call: Readonly<Call>, outcome: CallOutcome): void;
  abstract issueEnded(issue: Readonly<Issue>): void;
  abstract runEnded(): void;
}

/** The full event log as CSV rows, written as events happen. */
class CsvTrace extends Follower {
  private readonly out: Chunks;
  private readonly teamFields: readonly string[];
  private readonly dialFields: readonly string[];
  private readonly intentFields: readonly string[];

  constructor(design: CompiledDesign, write: (text: string) => void) {
    super(design);
    this.out = new Chunks(write);
    this.teamFields = design.teams.map((t) => csvField(t.name));
    this.dialFields = design.numberDials.map((d) => csvField(d));
    this.intentFields = design.intents.map((i) => csvField(i.name));
  }

  override runStarted(clock: Clock): void {
    super.runStarted(clock);
    this.out.add(`${TRACE_CSV_COLUMNS.join(',')}\n`);
  }

  private row(issue: number, call: number, event: TraceEvent, team: number, detail: string): void {
    const teamField = team >= 0 ? this.teamFields[team]! : '';
    const callField = call > 0 ? String(call) : '';
    this.out.add(`${seconds(this.clock.now)},${issue},${callField},${event},${teamField},${detail}\n`);
  }

  protected arrived(issue: Readonly<Issue>, number: number): void {
    this.row(number, 0, 'arrive', -1, this.intentFields[issue.intent]!);
  }

  callStarted(call: Readonly<Call>, dial: number): void {
    const number = this.number(call.issue);
    if (dial === -1) this.row(number, call.number, 'dial', call.issue.lastTeam, 'continuity');
    else this.row(number, call.number, 'dial', this.design.numberTargets[dial]!, this.dialFields[dial]!);
  }

  ivrRouted(call: Readonly<Call>, team: number): void {
    this.row(this.number(call.issue), call.number, 'ivr-route', team, '');
  }

  queueJoined(call: Readonly<Call>, team: number): void {
    this.row(this.number(call.issue), call.number, 'queue', team, '');
  }

  answered(call: Readonly<Call>, _queueTeam: number, agentTeam: number): void {
    const wait = this.clock.now - call.queueEntryTime;
    this.row(this.number(call.issue), call.number, 'answer', agentTeam, seconds(wait));
  }

  abandoned(call: Readonly<Call>, team: number): void {
    const wait = this.clock.now - call.queueEntryTime;
    this.row(this.number(call.issue), call.number, 'abandon', team, seconds(wait));
  }

  protected misrouted(call: Readonly<Call>, team: number): void {
    this.row(this.number(call.issue), call.number, 'misrouted', team, seconds(call.serviceTime));
  }

  protected transferStarted(call: Readonly<Call>, team: number): void {
    this.row(this.number(call.issue), call.number, 'transfer', team, '');
  }

  protected ended(call: Readonly<Call>, outcome: CallOutcome): void {
    this.row(this.number(call.issue), call.number, 'end', call.team, outcomeOf(outcome).traceName);
  }

  issueEnded(issue: Readonly<Issue>): void {
    this.row(this.number(issue), 0, 'issue-end', -1, issue.resolved ? 'resolved' : 'given-up');
  }

  runEnded(): void {
    this.out.flush();
  }
}

/** Seconds with three decimals (milliseconds): times and durations of the CSV log. */
function seconds(value: number): string {
  return value.toFixed(3);
}

/** A story being written: its place among the sampled issues and its text so far. */
interface Story {
  readonly index: number;
  text: string;
}

/** The stories of sampled issues, written in order of arrival as their issues end. */
class StoryTrace extends Follower {
  private readonly teams: readonly string[];
  /** Open story by issue slot; undefined for an issue not followed. */
  private readonly open: (Story | undefined)[] = [];
  /** When the agent now talking to the caller of the issue in this slot answered. */
  private readonly answeredAt: number[] = [];
  /** Finished stories waiting for an earlier one, by index. */
  private readonly finished = new Map<number, string>();
  private sampled = 0;
  private written = 0;

  constructor(
    design: CompiledDesign,
    private readonly settings: RunSettings,
    private readonly sample: TraceSample,
    private readonly write: (text: string) => void,
    heading: readonly string[],
  ) {
    super(design);
    this.teams = design.teams.map((t) => t.name);
    const which =
      sample === 'all'
        ? 'Every issue (those arriving in the warm-up are marked and not counted in the metrics).'
        : `The first ${sample === 1 ? 'issue' : `${sample} issues`} arriving from ${formatClock(settings.warmup)} (the end of the warm-up) on.`;
    this.write(`${[...heading, `${which} The clock starts at 00:00 with the run.`].join('\n')}\n`);
  }

  private team(t: number): string {
    return this.teams[t] ?? '?';
  }

  private line(issue: Readonly<Issue>, text: string): void {
    const story = this.open[issue.slot];
    if (story !== undefined) story.text += `  ${formatClock(this.clock.now)}  ${text}\n`;
  }

  protected arrived(issue: Readonly<Issue>): void {
    const follow = this.sample === 'all' || (issue.counted && this.sampled < this.sample);
    if (!follow) {
      this.open[issue.slot] = undefined;
      return;
    }
    const intent = this.design.intents[issue.intent]!.name;
    const warmUp = issue.counted ? '' : ', warm-up';
    this.open[issue.slot] = { index: this.sampled++, text: `issue ${this.number(issue)} (${intent}${warmUp})\n` };
  }

  callStarted(call: Readonly<Call>, dial: number): void {
    const issue = call.issue;
    if (this.open[issue.slot] === undefined) return;
    if (dial === -1) {
      this.line(issue, `call ${call.number} · goes straight back to ${this.team(issue.lastTeam)} (continuity)`);
      return;
    }
    const design = this.design;
    const target = design.numberTargets[dial]!;
    const right = design.rightNumbers[issue.intent]!;
    const wrong = right.length > 0 && !right.includes(dial) ? ', a wrong number' : '';
    const to = target === TO_IVR ? 'the IVR' : this.team(target);
    this.line(issue, `call ${call.number} · dials ${design.numberDials[dial]} (to ${to}${wrong})`);
  }

  ivrRouted(call: Readonly<Call>, team: number): void {
    if (this.open[call.issue.slot] === undefined) return;
    this.line(call.issue, `IVR routes to ${this.team(team)}`);
  }

  queueJoined(call: Readonly<Call>, team: number): void {
    if (this.open[call.issue.slot] === undefined) return;
    this.line(call.issue, `joins the ${this.team(team)} queue`);
  }

  answered(call: Readonly<Call>, queueTeam: number, agentTeam: number): void {
    const issue = call.issue;
    if (this.open[issue.slot] === undefined) return;
    this.answeredAt[issue.slot] = this.clock.now;
    const wait = this.clock.now - call.queueEntryTime;
    const overflow = agentTeam === queueTeam ? '' : ` (overflow from the ${this.team(queueTeam)} queue)`;
    const after = wait > 0 ? `after ${formatDuration(wait)}` : 'at once';
    this.line(issue, `answered by ${this.team(agentTeam)}${overflow} ${after}`);
  }

  abandoned(call: Readonly<Call>): void {
    if (this.open[call.issue.slot] === undefined) return;
    this.line(call.issue, `abandons after ${formatDuration(this.clock.now - call.queueEntryTime)}`);
  }

  protected misrouted(call: Readonly<Call>, team: number): void {
    if (this.open[call.issue.slot] === undefined) return;
    this.line(call.issue, `agent finds it is not for ${this.team(team)} (misrouted)`);
  }

  protected transferStarted(call: Readonly<Call>): void {
    this.line(call.issue, 'transferred');
  }

  protected ended(call: Readonly<Call>, outcome: CallOutcome): void {
    const issue = call.issue;
    if (this.open[issue.slot] === undefined) return;
    const talk = (): string => `(${formatDuration(this.clock.now - (this.answeredAt[issue.slot] ?? this.clock.now))} of talk)`;
    switch (outcome) {
      case CallOutcome.Resolved:
        this.line(issue, `resolved ${talk()}`);
        break;
      case CallOutcome.Unresolved:
        this.line(issue, `unresolved ${talk()}`);
        break;
      case CallOutcome.SelfServed:
        this.line(issue, 'self-served by the IVR');
        break;
      case CallOutcome.Abandoned:
        break; // told when the caller left the queue
      case CallOutcome.Dropped:
        this.line(issue, 'lost during the transfer');
        break;
      case CallOutcome.Capped:
        this.line(issue, `cut at the handle cap ${talk()}`);
        break;
      case CallOutcome.PingPong:
        this.line(issue, `ends after ${call.transfers} transfer${call.transfers === 1 ? '' : 's'} (maxHops)`);
        break;
      case CallOutcome.Redirected:
        this.line(issue, 'told to redial the right number');
        break;
      case CallOutcome.Blocked:
        this.line(issue, `busy signal: the ${this.team(call.team)} queue is full`);
        break;
      default:
        // Every outcome of the table has its wording: a new one does not compile without.
        outcome satisfies never;
    }
  }

  issueEnded(issue: Readonly<Issue>): void {
    const story = this.open[issue.slot];
    if (story === undefined) return;
    const calls = `${issue.calls} call${issue.calls === 1 ? '' : 's'}`;
    story.text += issue.resolved
      ? `  resolved after ${calls}, ${formatDuration(this.clock.now - issue.arrivalTime)}\n`
      : `  gives up after ${calls}\n`;
    this.finish(issue.slot, story);
  }

  runEnded(): void {
    // Without drain, issues may still be open at the horizon.
    this.open.forEach((story, slot) => {
      if (story === undefined) return;
      story.text += `  ${formatClock(this.clock.now)}  still open when the run stops\n`;
      this.finish(slot, story);
    });
    if (this.sampled === 0) {
      const from = this.sample === 'all' ? '' : ` from ${formatClock(this.settings.warmup)} on`;
      this.write(`\nNo issue arrived${from}.\n`);
    }
  }

  private finish(slot: number, story: Story): void {
    this.open[slot] = undefined;
    this.finished.set(story.index, story.text);
    for (let text = this.finished.get(this.written); text !== undefined; text = this.finished.get(this.written)) {
      this.finished.delete(this.written++);
      this.write(`\n${text}`);
    }
  }
}
