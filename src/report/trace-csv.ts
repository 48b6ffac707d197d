// The CSV event log of a trace: every issue, one row per event, written in chunks.
import type { CompiledDesign } from '../callcenter/compile.ts';
import { outcomeOf, type CallOutcome } from '../callcenter/outcomes.ts';
import { OfferState, type Call, type Issue } from '../callcenter/records.ts';
import type { Clock } from '../engine/event-queue.ts';
import { csvField } from './csv-field.ts';
import { Follower } from './trace-follower.ts';

/** Columns of the CSV event log. */
export const TRACE_CSV_COLUMNS = ['time', 'issue', 'call', 'event', 'team', 'detail'] as const;

/** Events of the CSV log, in the order they can happen to a call. */
export const TRACE_EVENTS = [
  'arrive',
  'dial',
  'ivr-route',
  'queue',
  'answer',
  'agent',
  'callback',
  'abandon',
  'misrouted',
  'transfer',
  'handover',
  'end',
  'issue-end',
] as const;
export type TraceEvent = (typeof TRACE_EVENTS)[number];

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

/** The full event log as CSV rows, written as events happen. */
export class CsvTrace extends Follower {
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
    const waitsFor = call.waitingFor === -1 ? '' : `advisor ${this.agent(call.waitingFor).number}`;
    this.row(this.number(call.issue), call.number, 'queue', team, waitsFor);
  }

  answered(call: Readonly<Call>, _queueTeam: number, agentTeam: number): void {
    const wait = this.clock.now - call.queueEntryTime;
    // A caller who accepted the callback offer is called back, not answered.
    const event = call.offerState === OfferState.Accepted ? 'callback' : 'answer';
    this.row(this.number(call.issue), call.number, event, agentTeam, seconds(wait));
    // With individual agents, who answered: `advisor 7` for the issue's advisor, else `agent 3`.
    if (call.agent !== -1) {
      const role = call.agent === call.issue.advisor ? 'advisor' : 'agent';
      this.row(this.number(call.issue), call.number, 'agent', agentTeam, `${role} ${this.agent(call.agent).number}`);
    }
  }

  abandoned(call: Readonly<Call>, team: number): void {
    // A caller cut off at closing has only the call's end row: `closed`.
    if (call.cutAtClosing) return;
    const wait = this.clock.now - call.queueEntryTime;
    this.row(this.number(call.issue), call.number, 'abandon', team, seconds(wait));
  }

  protected misrouted(call: Readonly<Call>, team: number): void {
    this.row(this.number(call.issue), call.number, 'misrouted', team, seconds(call.serviceTime));
  }

  protected transferStarted(call: Readonly<Call>, team: number): void {
    this.row(this.number(call.issue), call.number, 'transfer', team, '');
  }

  protected handedOver(call: Readonly<Call>, team: number): void {
    this.row(this.number(call.issue), call.number, 'handover', team, seconds(call.serviceTime));
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
