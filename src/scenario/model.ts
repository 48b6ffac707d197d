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
  /** Calling again after abandoning a queue or getting a busy signal; null: nobody does. */
  readonly retry: Recontact | null;
  /** Calling again after a call that left the issue unresolved; null: nobody does. */
  readonly callback: Recontact | null;
}

/** A caller tries again with `probability`, `after` a delay. */
export interface Recontact {
  readonly probability: number;
  readonly after: Distribution;
}

/** Poisson arrivals of new issues: at a constant rate, or piecewise constant. */
export type Arrivals =
  | { readonly kind: 'poisson'; readonly ratePerSecond: number }
  | {
      readonly kind: 'profile';
      /** Length of each interval, seconds. */
      readonly every: number;
      /** Rate of each interval; the profile repeats when shorter than the horizon. */
      readonly ratesPerSecond: readonly number[];
    };

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
  /** Callers beyond this many waiting get a busy signal; undefined: no limit. */
  readonly queueCapacity: number | undefined;
  /** Cost of one staffed agent-hour; undefined when not given. */
  readonly costPerHour: number | undefined;
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

export interface Design {
  readonly name: string;
  /** The design's own teams, or the top-level ones. In file order. */
  readonly teams: readonly Team[];
  readonly numbers: readonly PhoneNumber[];
  readonly dialing: { readonly right: number };
  readonly ivr: Ivr | undefined;
  readonly misroute: Misroute;
  readonly transfer: Transfer;
  /** Agents of `to` may take callers of `from` who waited at least `after`. */
  readonly overflow: readonly Overflow[];
  /** Repeat calls of an issue go straight to the team that last handled it. */
  readonly continuity: boolean;
  /** Calls longer than this end unresolved, seconds; undefined: no cap. */
  readonly handleCap: number | undefined;
}

export interface Overflow {
  readonly from: string;
  readonly to: string;
  /** Seconds a caller of `from` must have waited before `to` may take them. */
  readonly after: number;
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
  /** Transfer the caller, or tell them to hang up and redial the right number. */
  readonly action: 'transfer' | 'redial';
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
  /** Warm: the transferring agent stays on the line during `delay`. */
  readonly mode: 'cold' | 'warm';
  /** A call that would need more transfers than this ends unresolved. */
  readonly maxHops: number;
}
