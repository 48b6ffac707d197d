// Where calls go in a design: counts of calls along each step, from the number dialled
// through the IVR and the teams (transfers and overflow included) to how the call ended.
// The report draws them as a flow diagram. Nodes are small integers and counts live in one
// typed array, so counting costs no allocation in the hot loop; nodes appear only in values().
import { TO_IVR, type CompiledDesign } from '../callcenter/compile.ts';
import { CallOutcome, OUTCOME_LIST } from '../callcenter/outcomes.ts';
import { NO_TEAM, type Call } from '../callcenter/records.ts';
import type { FlowNode } from './flow-node.ts';

/** Calls along one edge in one replication. */
export interface FlowCount {
  readonly from: FlowNode;
  readonly to: FlowNode;
  readonly calls: number;
}

export class FlowTally {
  /** The nodes: the numbers, the IVR, repeat calls sent straight to a team, the teams, the outcomes. */
  private readonly nodeList: readonly FlowNode[];
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
    const numbers = design.numberDials.map((dial): FlowNode => ({ kind: 'number', dial }));
    this.ivr = numbers.length;
    this.repeat = numbers.length + 1;
    this.firstTeam = numbers.length + 2;
    this.firstOutcome = this.firstTeam + design.teams.length;
    this.nodeList = [
      ...numbers,
      { kind: 'ivr' },
      { kind: 'repeatCall' },
      ...design.teams.map((team): FlowNode => ({ kind: 'team', team: team.name })),
      ...OUTCOME_LIST.map((outcome): FlowNode => ({ kind: 'outcome', outcome: outcome.key })),
    ];
    this.nodes = this.nodeList.length;
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
      case CallOutcome.Closed:
        // On dialling: from the number (or the IVR that plays the message); at closing: from the queue.
        this.add(call.team === NO_TEAM ? this.dialSource[call.dial]! : this.firstTeam + call.team, to);
        return;
      default:
        this.add(this.firstTeam + call.team, to);
    }
  }

  /** The edges taken at least once, with their counts, in node order. */
  values(): FlowCount[] {
    const out: FlowCount[] = [];
    const n = this.nodes;
    for (let from = 0; from < n; from++) {
      for (let to = 0; to < n; to++) {
        const calls = this.counts[from * n + to]!;
        if (calls > 0) out.push({ from: this.nodeList[from]!, to: this.nodeList[to]!, calls });
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
