// Individual agents of each team, for designs with continuity: advisor only. The team's
// busy and on-duty counts (RunState) still decide whether an agent is free; the pool only
// says which agent answers, and keeps the callers waiting for one agent, their advisor.
import type { CompiledDesign } from './compile.ts';
import type { Staffing } from '../scenario/model.ts';
import { NO_AGENT, type Call } from './records.ts';
import { Ring } from './team-queue.ts';

const OFF_DUTY = 0;
const IDLE = 1;
const BUSY = 2;

/** Agents a team ever has on duty: its agents, or the largest count of its schedule. */
export function agentsOfTeam(staffing: Staffing): number {
  return staffing.kind === 'fixed' ? staffing.agents : Math.max(...staffing.counts);
}

/** Per team, the first agent id: agents are numbered across the design, team after team. */
export function firstAgentOfTeams(design: CompiledDesign): Int32Array {
  const first = new Int32Array(design.teams.length);
  let next = 0;
  design.teams.forEach((team, t) => {
    first[t] = next;
    next += agentsOfTeam(team.staffing);
  });
  return first;
}

/**
 * Every team's agents, each idle, busy or off duty. Idle agents of a team form a list in the
 * order they became idle (the longest idle answers next); off-duty ones a list too. An idle
 * agent never has callers waiting for them: they would have taken them.
 */
export class AgentPool {
  readonly teamOf: Int32Array;
  readonly firstOf: Int32Array;
  private readonly state: Uint8Array;
  // Two intrusive doubly linked lists per team, idle (2t) and off duty (2t + 1).
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  private readonly idleCount: Int32Array;
  /** Per agent: the callers waiting for them, first come first served. */
  private readonly waiters: Ring[];

  constructor(design: CompiledDesign) {
    this.firstOf = firstAgentOfTeams(design);
    const sizes = design.teams.map((team) => agentsOfTeam(team.staffing));
    const total = sizes.reduce((a, b) => a + b, 0);
    this.teamOf = new Int32Array(total);
    this.state = new Uint8Array(total);
    this.next = new Int32Array(total).fill(NO_AGENT);
    this.prev = new Int32Array(total).fill(NO_AGENT);
    this.heads = new Int32Array(2 * sizes.length).fill(NO_AGENT);
    this.tails = new Int32Array(2 * sizes.length).fill(NO_AGENT);
    this.idleCount = new Int32Array(sizes.length);
    this.waiters = Array.from({ length: total }, () => new Ring());
    design.teams.forEach((team, t) => {
      for (let i = 0; i < sizes[t]!; i++) {
        const agent = this.firstOf[t]! + i;
        this.teamOf[agent] = t;
        if (i < team.initialAgents) this.becomeIdle(agent);
        else this.goOffDuty(agent);
      }
    });
  }

  /** The agent's number within their team, from 1: "advisor 7". */
  numberInTeam(agent: number): number {
    return agent - this.firstOf[this.teamOf[agent]!]! + 1;
  }

  isIdle(agent: number): boolean {
    return this.state[agent] === IDLE;
  }

  isOnDuty(agent: number): boolean {
    return this.state[agent] !== OFF_DUTY;
  }

  /** The longest-idle agent of `team` starts a call (the team's counts say one is free). */
  takeIdle(team: number): number {
    const agent = this.heads[2 * team]!;
    this.claim(agent);
    return agent;
  }

  /** Idle `agent` starts a call. */
  claim(agent: number): void {
    this.unlink(agent);
    this.idleCount[this.teamOf[agent]!]!--;
    this.state[agent] = BUSY;
  }

  becomeIdle(agent: number): void {
    if (this.state[agent] === IDLE) return;
    if (this.state[agent] === OFF_DUTY) this.unlink(agent);
    this.state[agent] = IDLE;
    this.link(agent, 2 * this.teamOf[agent]!);
    this.idleCount[this.teamOf[agent]!]!++;
  }

  goOffDuty(agent: number): void {
    if (this.state[agent] === IDLE) {
      this.unlink(agent);
      this.idleCount[this.teamOf[agent]!]!--;
    }
    this.state[agent] = OFF_DUTY;
    this.link(agent, 2 * this.teamOf[agent]! + 1);
  }

  /**
   * A shift boundary: `team` has `idle` free agents now. Idle agents go off duty first
   * (the last to become idle first); agents coming on are the first to have gone off.
   */
  matchIdle(team: number, idle: number): void {
    while (this.idleCount[team]! > idle) this.goOffDuty(this.tails[2 * team]!);
    while (this.idleCount[team]! < idle) this.becomeIdle(this.heads[2 * team + 1]!);
  }

  /** The caller waits for `agent`; `call.queueSerial` marks the entry. */
  addWaiter(agent: number, call: Call): void {
    this.waiters[agent]!.push(call.slot, call.queueSerial);
  }

  /** The first caller still waiting for `agent`, left in place. */
  firstWaiter(agent: number, calls: readonly Call[]): Call | undefined {
    return this.waiters[agent]!.peek(calls);
  }

  private link(agent: number, list: number): void {
    const tail = this.tails[list]!;
    this.prev[agent] = tail;
    this.next[agent] = NO_AGENT;
    if (tail === NO_AGENT) this.heads[list] = agent;
    else this.next[tail] = agent;
    this.tails[list] = agent;
  }

  private unlink(agent: number): void {
    const list = 2 * this.teamOf[agent]! + (this.state[agent] === OFF_DUTY ? 1 : 0);
    const before = this.prev[agent]!;
    const after = this.next[agent]!;
    if (before === NO_AGENT) this.heads[list] = after;
    else this.next[before] = after;
    if (after === NO_AGENT) this.tails[list] = before;
    else this.prev[after] = before;
  }
}
