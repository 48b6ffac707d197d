// The fully resolved scenario: plain, read-only data in SI units (seconds, probabilities).
// Produced by the loader after validation; the simulator reads nothing else.
import type { Distribution } from '../engine/distributions.ts';

export interface Scenario {
  readonly name: string;
  readonly description: string | undefined;
  /** The file it was loaded from, for messages and reports (undefined when built in code). */
  readonly file: string | undefined;
  readonly run: RunSettings;
  readonly demand: Demand;
  /** In file order; the first is the baseline of every comparison. At least one. */
  readonly designs: readonly Design[];
}

export interface RunSettings {
  /** New issues arrive in [0, horizon), seconds. */
  readonly horizon: number;
  /** Issues first arriving before warmup are simulated but not counted, seconds. */
  readonly warmup: number;
  /** After the horizon, calls in progress finish (true) or the run stops at the horizon. */
  readonly drain: boolean;
  readonly replications: number;
  readonly seed: number;
  /** Threshold of the service-level metric, seconds. */
  readonly serviceLevel: number;
}

export interface Demand {
  readonly arrivals: Arrivals;
  /** Why people call; shares sum to 1. In file order. */
  readonly intents: readonly Intent[];
}

/** Poisson arrivals of new issues. Issue 4 adds piecewise-constant profiles. */
export type Arrivals = { readonly kind: 'poisson'; readonly ratePerSecond: number };

export interface Intent {
  readonly name: string;
  readonly share: number;
  /** Talk time with an agent who has the skill. */
  readonly handle: Distribution;
  /** After-call work; a team may override it. */
  readonly wrapUp: Distribution;
  /** Probability that a call answered by a skilled agent resolves the issue. */
  readonly resolve: number;
  /** Share of calls an IVR with self-service resolves without an agent. */
  readonly selfService: number;
  /** Time a caller is willing to wait in a queue; null means never abandons. */
  readonly patience: Distribution | null;
}

export interface Team {
  readonly name: string;
  readonly staffing: Staffing;
  readonly skills: readonly string[];
  /** Replaces the intents' wrap-up time for calls this team handles. */
  readonly wrapUp: Distribution | undefined;
}

/** How many agents a team has. Issue 4 adds schedules. */
export type Staffing = { readonly kind: 'fixed'; readonly agents: number };

export interface Design {
  readonly name: string;
  /** The design's own teams, or the top-level ones. In file order. */
  readonly teams: readonly Team[];
  readonly numbers: readonly PhoneNumber[];
  readonly dialing: { readonly right: number };
  readonly ivr: Ivr | undefined;
  readonly misroute: Misroute;
  readonly transfer: Transfer;
}

export interface PhoneNumber {
  readonly dial: string;
  readonly to: Destination;
  /** Intents this number is advertised for (all intents when the file gives no `for`). */
  readonly for: readonly string[];
}

export type Destination = { readonly kind: 'team'; readonly team: string } | { readonly kind: 'ivr' };

export interface Ivr {
  readonly menu: Distribution;
  /** Probability the IVR routes a caller to a team with the intent's skill. */
  readonly accuracy: number;
  readonly selfService: boolean;
}

export interface Misroute {
  /** Time an agent spends finding out the call is not for the team. */
  readonly identify: Distribution;
  /** Issue 3 adds 'redial'. */
  readonly action: 'transfer';
}

export interface Transfer {
  readonly delay: Distribution;
  /** Added to the handle time of the call once it reaches an agent after a transfer. */
  readonly reexplain: Distribution;
  readonly drop: number;
  /** Transferred callers go ahead of first-time callers in the next queue. */
  readonly priority: boolean;
  /** Probability a transfer reaches a team with the intent's skill. */
  readonly accuracy: number;
  /** Issue 3 adds 'warm'. */
  readonly mode: 'cold';
}
