// The resolved model's teams: their staffing, agent groups and triage.
import type { Distribution } from '../engine/distributions.ts';

export interface Team {
  readonly name: string;
  /** All the team's agents (with groups: their sum). */
  readonly staffing: Staffing;
  /** Groups of agents who differ in speed or resolution; undefined: the agents are alike. */
  readonly groups: AgentGroups | undefined;
  /** Intents the team's agents handle; none on a triage team. */
  readonly skills: readonly string[];
  /** How a triage team hands callers over; undefined for a team of skilled agents. */
  readonly triage: Triage | undefined;
  /** Replaces the intents' wrap-up time for calls this team handles. */
  readonly wrapUp: Distribution | undefined;
  /** Callers beyond this many waiting get a busy signal; undefined: no limit. */
  readonly queueCapacity: number | undefined;
  /** Cost of one staffed agent-hour; undefined when not given. */
  readonly costPerHour: number | undefined;
}

/** A front desk that never resolves: its agent spends `time`, then hands the caller over. */
export interface Triage {
  readonly time: Distribution;
  /** Probability the handover reaches a team with the intent's skill. */
  readonly accuracy: number;
}

/** A team's agents as groups, and which free agent answers a caller. */
export interface AgentGroups {
  readonly select: 'longest-idle' | 'fastest-first';
  /** In file order; their staffings add up to the team's. */
  readonly groups: readonly AgentGroup[];
}

export interface AgentGroup {
  readonly name: string;
  readonly staffing: Staffing;
  /** Multiplies the intent's handle time of the calls its agents answer. */
  readonly handleFactor: number;
  /** Multiplies the intent's resolve probability (the product capped at 1). */
  readonly resolveFactor: number;
}

/** How many agents a team has: always the same, or by interval (repeating). */
export type Staffing =
  | { readonly kind: 'fixed'; readonly agents: number }
  | {
      readonly kind: 'schedule';
      /** Length of each interval, seconds. */
      readonly every: number;
      readonly counts: readonly number[];
    };
