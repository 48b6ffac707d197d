// Individual agents of each team, for designs with continuity: advisor or teams of agent
// groups. The team's busy and free counts (RunState) still decide whether an agent is free;
// the pool says which agent answers, keeps each group's agents on duty and busy, and the
// callers waiting for one agent, their advisor.
import { agentsOfTeam, firstAgentOfTeams, groupsOf, type PoolGroup } from './agent-ids.ts';
import { agentsAt, type CompiledDesign } from './compile.ts';
import type { CallCentreObserver } from './observer.ts';
import { NO_AGENT, type Call } from './records.ts';
import { Ring } from './team-queue.ts';

const OFF_DUTY = 0;
const IDLE = 1;
const BUSY = 2;

/**
 * Every team's agents, each idle, busy or off duty, numbered across the design, team after
 * team and within a team group after group. Idle agents of a group form a list in the order
 * they became idle; off-duty ones a list too. An idle agent never has callers waiting for
 * them: they would have taken them.
 */
export class AgentPool {
  readonly teamOf: Int32Array;
  readonly groupOf: Int32Array;
  readonly firstOf: Int32Array;
  /** Per group (design-wide): how much slower (> 1) its agents talk, and how much likelier they resolve. */
  private readonly handleFactor: Float64Array;
  private readonly resolveFactor: Float64Array;
  private readonly groups: readonly PoolGroup[];
  /** Per team: its first group; one more entry, the end. */
  private readonly firstGroup: Int32Array;
  /** Per team: its groups in the order a free agent is sought (by speed for fastest-first). */
  private readonly searchOrder: readonly Int32Array[];
  /** Per team: 1 when any idle agent answers first by how long they have been idle. */
  private readonly longestIdle: Uint8Array;
  /** Per team: 1 when its agents come in named groups (their figures are reported). */
  private readonly grouped: Uint8Array;
  private readonly state: Uint8Array;
  private readonly idleSince: Float64Array;
  // Two intrusive doubly linked lists per group, idle (2g) and off duty (2g + 1).
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  private readonly idleCount: Int32Array;
  private readonly busyCount: Int32Array;
  private readonly onDutyCount: Int32Array;
  /** Per agent: the callers waiting for them, first come first served. */
  private readonly waiters: Ring[];

  constructor(
    design: CompiledDesign,
    private readonly observer: CallCentreObserver,
  ) {
    const groups = groupsOf(design);
    this.groups = groups;
    const teams = design.teams.length;
    this.firstGroup = new Int32Array(teams + 1);
    groups.forEach((g, i) => {
      if (i === 0 || groups[i - 1]!.team !== g.team) this.firstGroup[g.team] = i;
    });
    this.firstGroup[teams] = groups.length;
    this.handleFactor = Float64Array.from(groups, (g) => g.handleFactor);
    this.resolveFactor = Float64Array.from(groups, (g) => g.resolveFactor);
    this.grouped = Uint8Array.from(design.teams, (team) => (team.groups === undefined ? 0 : 1));
    this.longestIdle = Uint8Array.from(design.teams, (team) => (team.groups?.select === 'fastest-first' ? 0 : 1));
    this.searchOrder = design.teams.map((_, t) => {
      const own = Array.from({ length: this.firstGroup[t + 1]! - this.firstGroup[t]! }, (_, k) => this.firstGroup[t]! + k);
      // Stable sort: groups of equal speed keep their file order.
      return Int32Array.from(this.longestIdle[t] === 1 ? own : own.sort((a, b) => groups[a]!.handleFactor - groups[b]!.handleFactor));
    });
    const sizes = groups.map((g) => agentsOfTeam(g.staffing));
    const total = sizes.reduce((a, b) => a + b, 0);
    this.teamOf = new Int32Array(total);
    this.groupOf = new Int32Array(total);
    this.firstOf = firstAgentOfTeams(design);
    this.state = new Uint8Array(total);
    this.idleSince = new Float64Array(total);
    this.next = new Int32Array(total).fill(NO_AGENT);
    this.prev = new Int32Array(total).fill(NO_AGENT);
    this.heads = new Int32Array(2 * groups.length).fill(NO_AGENT);
    this.tails = new Int32Array(2 * groups.length).fill(NO_AGENT);
    this.idleCount = new Int32Array(groups.length);
    this.busyCount = new Int32Array(groups.length);
    this.onDutyCount = new Int32Array(groups.length);
    this.waiters = Array.from({ length: total }, () => new Ring());
    let agent = 0;
    groups.forEach((g, i) => {
      const initial = agentsAt(g.staffing, 0);
      this.onDutyCount[i] = initial;
      for (let k = 0; k < sizes[i]!; k++, agent++) {
        this.teamOf[agent] = g.team;
        this.groupOf[agent] = i;
        this.link(agent, 2 * i + (k < initial ? 0 : 1));
        if (k < initial) {
          this.state[agent] = IDLE;
          this.idleCount[i]!++;
        }
      }
    });
  }

  /** The agent's number within their team, from 1: "advisor 7". */
  numberInTeam(agent: number): number {
    return agent - this.firstOf[this.teamOf[agent]!]! + 1;
  }

  /** The agent's group within their team (0 for the first), or -1 when the team has no named groups. */
  groupInTeam(agent: number): number {
    const team = this.teamOf[agent]!;
    return this.grouped[team] === 1 ? this.groupOf[agent]! - this.firstGroup[team]! : -1;
  }

  handleFactorOf(agent: number): number {
    return this.handleFactor[this.groupOf[agent]!]!;
  }

  resolveFactorOf(agent: number): number {
    return this.resolveFactor[this.groupOf[agent]!]!;
  }

  isIdle(agent: number): boolean {
    return this.state[agent] === IDLE;
  }

  isOnDuty(agent: number): boolean {
    return this.state[agent] !== OFF_DUTY;
  }

  /** `team`'s free agents: the idle ones of its groups. */
  idleIn(team: number): number {
    let idle = 0;
    for (let g = this.firstGroup[team]!; g < this.firstGroup[team + 1]!; g++) idle += this.idleCount[g]!;
    return idle;
  }

  /**
   * `team`'s agents that may be at work now: per group, those on duty, or more while some
   * finish a call past their shift. The team has a free agent while its busy ones are fewer.
   */
  capacityOf(team: number): number {
    let capacity = 0;
    for (let g = this.firstGroup[team]!; g < this.firstGroup[team + 1]!; g++) capacity += Math.max(this.onDutyCount[g]!, this.busyCount[g]!);
    return capacity;
  }

  /**
   * An idle agent of `team` starts a call (the team's counts say one is free): under
   * longest-idle the one idle the longest, whatever their group; under fastest-first the
   * longest idle of the fastest group with one.
   */
  takeIdle(team: number): number {
    const order = this.searchOrder[team]!;
    let agent = NO_AGENT;
    for (let k = 0; k < order.length; k++) {
      const head = this.heads[2 * order[k]!]!;
      if (head === NO_AGENT) continue;
      if (agent === NO_AGENT || this.idleSince[head]! < this.idleSince[agent]!) agent = head;
      if (this.longestIdle[team] === 0) break;
    }
    this.claim(agent);
    return agent;
  }

  /** Idle `agent` starts a call. */
  claim(agent: number): void {
    const g = this.groupOf[agent]!;
    this.unlink(agent);
    this.idleCount[g]!--;
    this.busyCount[g]!++;
    this.state[agent] = BUSY;
    this.report(g);
  }

  /** Whether busy `agent`, done with a call, is over their group's level (their shift ended). */
  mustLeave(agent: number): boolean {
    const g = this.groupOf[agent]!;
    // The others still busy fill the group's places.
    return this.busyCount[g]! - 1 >= this.onDutyCount[g]!;
  }

  /** Busy `agent` is done with a call and goes off duty. */
  leave(agent: number): void {
    const g = this.groupOf[agent]!;
    this.busyCount[g]!--;
    this.goOffDuty(agent);
    this.report(g);
  }

  /** Busy `agent` is done with a call and waits for the next one (idle since `now`). */
  free(agent: number, now: number): void {
    const g = this.groupOf[agent]!;
    this.busyCount[g]!--;
    this.makeIdle(agent, now);
    this.report(g);
  }

  /**
   * A shift boundary of `team` at `now`: each group's agents on duty follow its own count.
   * Idle agents go off duty first (the last to become idle first); agents coming on are the
   * first to have gone off; busy agents over the level leave after their call.
   */
  shiftTo(team: number, now: number): void {
    for (let g = this.firstGroup[team]!; g < this.firstGroup[team + 1]!; g++) {
      const onDuty = agentsAt(this.groups[g]!.staffing, now);
      this.onDutyCount[g] = onDuty;
      const idle = Math.max(0, onDuty - this.busyCount[g]!);
      while (this.idleCount[g]! > idle) this.goOffDuty(this.tails[2 * g]!);
      while (this.idleCount[g]! < idle) {
        const agent = this.heads[2 * g + 1]!;
        this.unlink(agent);
        this.makeIdle(agent, now);
      }
      this.report(g);
    }
  }

  /** Tells the observer every named group's agents (at the start of the run). */
  reportAll(): void {
    for (let g = 0; g < this.groups.length; g++) this.report(g);
  }

  /** The caller waits for `agent`; `call.queueSerial` marks the entry. */
  addWaiter(agent: number, call: Call): void {
    this.waiters[agent]!.push(call.slot, call.queueSerial);
  }

  /** The first caller still waiting for `agent`, left in place. */
  firstWaiter(agent: number, calls: readonly Call[]): Call | undefined {
    return this.waiters[agent]!.peek(calls);
  }

  /** `agent`, in no list (busy, or just unlinked from the off-duty list), becomes idle. */
  private makeIdle(agent: number, now: number): void {
    const g = this.groupOf[agent]!;
    this.state[agent] = IDLE;
    this.idleSince[agent] = now;
    this.link(agent, 2 * g);
    this.idleCount[g]!++;
  }

  private goOffDuty(agent: number): void {
    if (this.state[agent] === IDLE) {
      this.unlink(agent);
      this.idleCount[this.groupOf[agent]!]!--;
    }
    this.state[agent] = OFF_DUTY;
    this.link(agent, 2 * this.groupOf[agent]! + 1);
  }

  /** The busy and on-duty agents of group `g`, to the observer, for a team of named groups. */
  private report(g: number): void {
    const team = this.groups[g]!.team;
    if (this.grouped[team] === 1) this.observer.groupLoadChanged?.(team, g - this.firstGroup[team]!, this.busyCount[g]!, this.onDutyCount[g]!);
  }

  private link(agent: number, list: number): void {
    const tail = this.tails[list]!;
    this.prev[agent] = tail;
    this.next[agent] = NO_AGENT;
    if (tail === NO_AGENT) this.heads[list] = agent;
    else this.next[tail] = agent;
    this.tails[list] = agent;
  }

  /** Takes the agent out of the list their state puts them in (call before changing the state). */
  private unlink(agent: number): void {
    const list = 2 * this.groupOf[agent]! + (this.state[agent] === OFF_DUTY ? 1 : 0);
    const before = this.prev[agent]!;
    const after = this.next[agent]!;
    if (before === NO_AGENT) this.heads[list] = after;
    else this.next[before] = after;
    if (after === NO_AGENT) this.tails[list] = before;
    else this.prev[after] = before;
  }
}
