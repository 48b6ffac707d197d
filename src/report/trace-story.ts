// The text format of a trace: the story of each sampled issue, told with the simulated clock.
import { TO_IVR, type CompiledDesign } from '../callcenter/compile.ts';
import { CallOutcome } from '../callcenter/outcomes.ts';
import { OfferState, type Call, type Issue } from '../callcenter/records.ts';
import { formatWeekTime, SECONDS_PER_WEEK, type RunSettings } from '../scenario/index.ts';
import { formatDuration, NOT_AVAILABLE } from './format-number.ts';
import { Follower } from './trace-follower.ts';
import type { TraceSample } from './trace.ts';

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

/**
 * Simulated time of a run placed in the week (run.start or a calendar): the day and the
 * clock time, `Tue 09:14:03`, counted from the run's start; from the second week on, the
 * week in front (`W2 Tue 09:14:03`). Seconds truncated, as in formatClock.
 */
export function formatWeekClock(seconds: number, start: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return NOT_AVAILABLE;
  const at = start + Math.floor(seconds);
  const week = Math.floor(at / SECONDS_PER_WEEK);
  const text = formatWeekTime(at);
  const withSeconds = at % 60 === 0 ? `${text}:00` : text;
  return week > 0 ? `W${week + 1} ${withSeconds}` : withSeconds;
}

/** The trace's clock for a run's settings. */
function clockOf(settings: RunSettings): (seconds: number) => string {
  return settings.clock === 'week' ? (seconds) => formatWeekClock(seconds, settings.start) : formatClock;
}

/** A story being written: its place among the sampled issues and its text so far. */
interface Story {
  readonly index: number;
  text: string;
}

/** The stories of sampled issues, written in order of arrival as their issues end. */
export class StoryTrace extends Follower {
  private readonly teams: readonly string[];
  /** Open story by issue slot; undefined for an issue not followed. */
  private readonly open: (Story | undefined)[] = [];
  /** When the agent now talking to the caller of the issue in this slot answered. */
  private readonly answeredAt: number[] = [];
  /** Finished stories waiting for an earlier one, by index. */
  private readonly finished = new Map<number, string>();
  private sampled = 0;
  private written = 0;
  private readonly clockText: (seconds: number) => string;

  constructor(
    design: CompiledDesign,
    private readonly settings: RunSettings,
    private readonly sample: TraceSample,
    private readonly write: (text: string) => void,
    heading: readonly string[],
  ) {
    super(design);
    this.teams = design.teams.map((t) => t.name);
    this.clockText = clockOf(settings);
    const which =
      sample === 'all'
        ? 'Every issue (those arriving in the warm-up are marked and not counted in the metrics).'
        : `The first ${sample === 1 ? 'issue' : `${sample} issues`} arriving from ${this.clockText(settings.warmup)} (the end of the warm-up) on.`;
    const clock = settings.clock === 'week' ? `The clock shows the day and time of the week; the run starts ${formatWeekTime(settings.start)}.` : 'The clock starts at 00:00 with the run.';
    this.write(`${[...heading, `${which} ${clock}`].join('\n')}\n`);
  }

  private team(t: number): string {
    return this.teams[t] ?? '?';
  }

  /** `billing advisor 7`: an agent by their team and number within it. */
  private agentName(agent: number, role: 'agent' | 'advisor'): string {
    const { team, number } = this.agent(agent);
    return `${this.team(team)} ${role} ${number}`;
  }

  private line(issue: Readonly<Issue>, text: string): void {
    const story = this.open[issue.slot];
    if (story !== undefined) story.text += `  ${this.clockText(this.clock.now)}  ${text}\n`;
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
      const to = issue.advisor === -1 ? this.team(issue.lastTeam) : this.agentName(issue.advisor, 'advisor');
      this.line(issue, `call ${call.number} · goes straight back to ${to} (continuity)`);
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
    if (call.waitingFor !== -1) this.line(call.issue, `waits for their advisor (${this.agentName(call.waitingFor, 'advisor')})`);
    else this.line(call.issue, `joins the ${this.team(team)} queue`);
  }

  answered(call: Readonly<Call>, queueTeam: number, agentTeam: number): void {
    const issue = call.issue;
    if (this.open[issue.slot] === undefined) return;
    this.answeredAt[issue.slot] = this.clock.now;
    const wait = this.clock.now - call.queueEntryTime;
    const overflow = agentTeam === queueTeam ? '' : ` (overflow from the ${this.team(queueTeam)} queue)`;
    const after = wait > 0 ? `after ${formatDuration(wait)}` : 'at once';
    const answered = call.offerState === OfferState.Accepted ? 'called back' : 'answered';
    if (call.agent === -1) {
      this.line(issue, `${answered} by ${this.team(agentTeam)}${overflow} ${after}`);
      return;
    }
    const awaited = call.awaitedAdvisor;
    const who = this.agentName(call.agent, call.agent === issue.advisor ? 'advisor' : 'agent');
    if (awaited === call.agent) this.line(issue, `${answered} by their advisor, ${who}, ${after}`);
    else if (awaited !== -1) this.line(issue, `${answered} by ${who}${overflow} ${after} (their advisor, ${this.agentName(awaited, 'advisor')}, was busy)`);
    else this.line(issue, `${answered} by ${who}${overflow} ${after}`);
  }

  abandoned(call: Readonly<Call>): void {
    // A caller cut off at closing is told with the call's end.
    if (this.open[call.issue.slot] === undefined || call.cutAtClosing) return;
    const awaited = call.awaitedAdvisor === -1 ? '' : `, having waited for ${this.agentName(call.awaitedAdvisor, 'advisor')}`;
    this.line(call.issue, `abandons after ${formatDuration(this.clock.now - call.queueEntryTime)}${awaited}`);
  }

  protected misrouted(call: Readonly<Call>, team: number): void {
    if (this.open[call.issue.slot] === undefined) return;
    this.line(call.issue, `agent finds it is not for ${this.team(team)} (misrouted)`);
  }

  protected transferStarted(call: Readonly<Call>): void {
    this.line(call.issue, 'transferred');
  }

  protected handedOver(call: Readonly<Call>, team: number): void {
    if (this.open[call.issue.slot] === undefined) return;
    this.line(call.issue, `${this.team(team)} hands the caller over after ${formatDuration(call.serviceTime)} of triage`);
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
      case CallOutcome.Closed:
        this.line(
          issue,
          call.cutAtClosing
            ? `hears the closing message after ${formatDuration(this.clock.now - call.queueEntryTime)} in the ${this.team(call.team)} queue`
            : 'the line is closed',
        );
        break;
      case CallOutcome.NotReached:
        this.line(issue, 'not reached: the callback goes unanswered');
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
      story.text += `  ${this.clockText(this.clock.now)}  still open when the run stops\n`;
      this.finish(slot, story);
    });
    if (this.sampled === 0) {
      const from = this.sample === 'all' ? '' : ` from ${this.clockText(this.settings.warmup)} on`;
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
