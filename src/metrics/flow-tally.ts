// Where calls go in a design: counts of calls along each step, from the number dialled
// through the IVR and the teams (transfers and overflow included) to how the call ended.
// The report draws them as a flow diagram. Nodes are small integers and counts live in one
// typed array, so counting costs no allocation in the hot loop; names appear only in values().
import { TO_IVR, type CompiledDesign } from '../callcenter/compile.ts';
import { CallOutcome, type Call } from '../callcenter/records.ts';

/** How each call outcome is named in flows and traces. */
export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  [CallOutcome.Resolved]: 'Resolved',
  [CallOutcome.Unresolved]: 'Unresolved',
  [CallOutcome.SelfServed]: 'Self-served',
  [CallOutcome.Abandoned]: 'Abandoned',
  [CallOutcome.Dropped]: 'Lost in transfer',
  [CallOutcome.Capped]: 'Cut at the cap',
  [CallOutcome.PingPong]: 'Too many transfers',
  [CallOutcome.Redirected]: 'Told to redial',
  [CallOutcome.Blocked]: 'Busy signal',
};

/** An edge key: `from` and `to` joined by a tab (names never contain one). */
export const edgeKey = (from: string, to: string): string => `${from}\t${to}`;

export class FlowTally {
  /** Node names: the numbers, the IVR, repeat calls sent straight to a team, the teams, the outcomes. */
  private readonly names: readonly string[];
  private readonly ivr: number;
  private readonly repeat: number;
  private readonly firstTeam: number;
  private readonly firstOutcome: number;
  private readonly nodes: number;
  /** Per number: the node a caller who dialled it reaches a team from (the IVR or the number). */
  private readonly dialSource: Int32Array;
  /** counts[from * nodes + to]. */
  private readonly counts: Float64Array;

  constructor(design: CompiledDesign) {
    const numbers = design.numberDials.map((dial) => `Number ${dial}`);
    this.ivr = numbers.length;
    this.repeat = numbers.length + 1;
    this.firstTeam = numbers.length + 2;
    this.firstOutcome = this.firstTeam + design.teams.length;
    this.names = [
      ...numbers,
      'IVR',
      'Repeat call (continuity)',
      ...design.teams.map((team) => team.name),
      ...Object.values(OUTCOME_LABELS),
    ];
    this.nodes = this.names.length;
    this.dialSource = Int32Array.from(design.numberTargets, (target, dial) => (target === TO_IVR ? this.ivr : dial));
    this.counts = new Float64Array(this.nodes * this.nodes);
  }

  /** The caller dialled a number that leads to the IVR. */
  callStarted(call: Readonly<Call>): void {
    if (call.dial >= 0 && this.dialSource[call.dial] === this.ivr) this.add(call.dial, this.ivr);
  }

  /** The caller reaches `team`'s queue (or is turned away by its busy signal): from the IVR, a number, a transfer. */
  reachedTeam(call: Readonly<Call>, team: number): void {
    this.add(this.sourceOf(call), this.firstTeam + team);
  }

  /** An agent of another team took the caller from `queueTeam`'s queue (overflow). */
  overflowed(queueTeam: number, agentTeam: number): void {
    this.add(this.firstTeam + queueTeam, this.firstTeam + agentTeam);
  }

  callEnded(call: Readonly<Call>, outcome: CallOutcome): void {
    const to = this.firstOutcome + outcome;
    switch (outcome) {
      case CallOutcome.SelfServed:
        this.add(this.ivr, to);
        return;
      case CallOutcome.Dropped:
        this.add(this.firstTeam + call.previousTeam, to);
        return;
      case CallOutcome.Blocked:
        this.reachedTeam(call, call.team);
        this.add(this.firstTeam + call.team, to);
        return;
      default:
        this.add(this.firstTeam + call.team, to);
    }
  }

  /** Counts by edge key, for the edges taken at least once. */
  values(): Record<string, number> {
    const out: Record<string, number> = {};
    const n = this.names.length;
    for (let from = 0; from < n; from++) {
      for (let to = 0; to < n; to++) {
        const count = this.counts[from * n + to]!;
        if (count > 0) out[edgeKey(this.names[from]!, this.names[to]!)] = count;
      }
    }
    return out;
  }

  private sourceOf(call: Readonly<Call>): number {
    if (call.transfers > 0) return this.firstTeam + call.previousTeam;
    return call.dial < 0 ? this.repeat : this.dialSource[call.dial]!;
  }

  private add(from: number, to: number): void {
    this.counts[from * this.nodes + to]!++;
  }
}

