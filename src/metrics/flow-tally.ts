// Where calls go in a design: counts of calls along each step, from the number dialled
// through the IVR and the teams (transfers included) to how the call ended. The report
// draws them as a flow diagram. Fixed memory: one counter per edge of the design.
import { TO_IVR, type CompiledDesign } from '../callcenter/compile.ts';
import { CallOutcome, type Call } from '../callcenter/records.ts';

const IVR = 'IVR';
const REPEAT = 'Repeat call (continuity)';

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
  private readonly counts = new Map<string, number>();
  private readonly numberNames: readonly string[];
  private readonly teamNames: readonly string[];

  constructor(private readonly design: CompiledDesign) {
    this.numberNames = design.numberDials.map((dial) => `Number ${dial}`);
    this.teamNames = design.teams.map((team) => team.name);
  }

  /** The caller dialled a number that leads to the IVR. */
  callStarted(call: Readonly<Call>): void {
    if (call.dial >= 0 && this.design.numberTargets[call.dial] === TO_IVR) this.add(this.numberNames[call.dial]!, IVR);
  }

  /** The caller reaches `team`'s queue (or is turned away by its busy signal): from the IVR, a number, a transfer. */
  reachedTeam(call: Readonly<Call>, team: number): void {
    this.add(this.sourceOf(call), this.teamNames[team]!);
  }

  /** An agent of another team took the caller from `queueTeam`'s queue (overflow). */
  overflowed(queueTeam: number, agentTeam: number): void {
    this.add(this.teamNames[queueTeam]!, this.teamNames[agentTeam]!);
  }

  callEnded(call: Readonly<Call>, outcome: CallOutcome): void {
    const label = OUTCOME_LABELS[outcome];
    switch (outcome) {
      case CallOutcome.SelfServed:
        this.add(IVR, label);
        return;
      case CallOutcome.Dropped:
        this.add(this.teamNames[call.previousTeam]!, label);
        return;
      case CallOutcome.Blocked:
        this.reachedTeam(call, call.team);
        this.add(this.teamNames[call.team]!, label);
        return;
      default:
        this.add(this.teamNames[call.team]!, label);
    }
  }

  /** Counts by edge key, in first-seen order. */
  values(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  private sourceOf(call: Readonly<Call>): string {
    if (call.transfers > 0) return this.teamNames[call.previousTeam]!;
    if (call.dial < 0) return REPEAT;
    return this.design.numberTargets[call.dial] === TO_IVR ? IVR : this.numberNames[call.dial]!;
  }

  private add(from: string, to: string): void {
    const key = edgeKey(from, to);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}
