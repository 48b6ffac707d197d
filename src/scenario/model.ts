// The fully resolved scenario: plain, read-only data in SI units (seconds, probabilities).
// Produced by the loader after validation; the simulator reads nothing else.
import type { Distribution } from '../engine/distributions.ts';
import type { OpenHours } from './open-hours.ts';
import type { Team } from './model-teams.ts';

export type { AgentGroup, AgentGroups, Staffing, Team, Triage } from './model-teams.ts';

export interface Scenario {
  readonly name: string;
  readonly description: string | undefined;
  /** The file it was loaded from, for messages and reports (undefined when built in code). */
  readonly file: string | undefined;
  /** SHA-256 of the file's bytes, hexadecimal: what its results' provenance names (undefined when built in code). */
  readonly sha256: string | undefined;
  readonly run: RunSettings;
  readonly demand: Demand;
  /** What callers do when a line is closed; the hours themselves are on each number. */
  readonly calendar: Calendar;
  /** In file order; the first is the baseline of every comparison. At least one. */
  readonly designs: readonly Design[];
  /**
   * The file's `sweep` block: the fields to vary and their values, in file order; empty
   * when the file has none (and in the scenario of one sweep point).
   */
  readonly sweep: readonly SweepParameter[];
  /** The file's `staffing` block (spoc staff); undefined when the file has none. */
  readonly staffing?: StaffingPlan;
}

/** What `spoc staff` must achieve and how it counts agents. */
export interface StaffingPlan {
  /** In file order; at least one. */
  readonly targets: readonly StaffingTargetInput[];
  /** team: every team meets the targets its metrics have; design: the design's figures do. */
  readonly scope: 'team' | 'design';
  /** day: one count per team; interval: one per team and interval of `every`. */
  readonly per: 'day' | 'interval';
  /** Interval of per-interval staffing, seconds; undefined: the schedules' or the profile's. */
  readonly every: number | undefined;
  /** Whole shifts covering the per-interval counts; only with per: interval. */
  readonly shifts: ShiftRules | undefined;
}

/** A target as written: `serviceLevel`, `teams.billing.asa` or `intents.outage.abandonRate`, and its bound. */
export interface StaffingTargetInput {
  readonly key: string;
  readonly comparator: '>=' | '<=';
  /** Shares as fractions (80% is 0.8), durations in seconds. */
  readonly value: number;
  readonly written: 'number' | 'percent' | 'duration';
}

export interface ShiftRules {
  /** Shift lengths allowed, seconds. */
  readonly lengths: readonly number[];
  /** Shifts start on this grid from the start of the run, seconds. */
  readonly startEvery: number;
  /** Cost of a shift's agent-hour; undefined: the team's costPerHour. */
  readonly costPerHour: number | undefined;
}

/** One field varied by a sweep: its dotted path in the file as written, and its values. */
export interface SweepParameter {
  /** E.g. `teams.billing.agents`, `designs.one-number.ivr.accuracy`. */
  readonly path: string;
  /**
   * Values as written in the file (numbers, strings, booleans), or the numbers of a range;
   * at least one, no two equal.
   */
  readonly values: readonly unknown[];
}

/** One value given to one field, e.g. in one point of a sweep. */
export interface SweepAssignment {
  readonly path: string;
  readonly value: unknown;
}

export interface RunSettings {
  /** When the run starts in the week: seconds after Monday 00:00, in [0, 1 week). */
  readonly start: number;
  /**
   * How tables and traces show times: `week`, days and clock times from `start` ("Tue
   * 09:30"), when the file gives run.start or a calendar; `run`, a clock from 00:00 at the
   * start of the run ("09:30", "1d 09:30"), as files without either always did.
   */
  readonly clock: 'week' | 'run';
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
  /**
   * Target 95% half-widths by metric name, in file order (empty when `run.precision` is
   * absent). The loader checks only that names look like metric names; whether they are
   * metrics is for the layer that knows the metrics to say.
   */
  readonly precision: readonly PrecisionTarget[];
  /**
   * Most replications a run aiming at `precision` may make: at least `replications`;
   * 10 x replications when the file does not say.
   */
  readonly maxReplications: number;
}

export interface PrecisionTarget {
  readonly metric: string;
  /** Target half-width of the 95% interval: seconds when written as a duration string. */
  readonly halfWidth: number;
  /**
   * How the target was written: `duration` (a string with units such as "5s", converted to
   * seconds) or `number` (a plain number: a share, a ratio, or seconds for a time metric).
   * Lets the metrics-aware layer refuse e.g. `abandonRate: 5s`. Always set by the loader;
   * absent for targets built in code.
   */
  readonly written?: 'duration' | 'number';
}

export interface Demand {
  readonly arrivals: Arrivals;
  /** Why people call; shares sum to 1. In file order. */
  readonly intents: readonly Intent[];
  /** Calling again after abandoning a queue or getting a busy signal; null: nobody does. */
  readonly retry: Recontact | null;
  /** Calling again after a call that left the issue unresolved; null: nobody does. */
  readonly callback: Recontact | null;
  /**
   * Added to the handle time of a repeat call answered by an agent other than the one who
   * last handled the issue; null: nobody re-explains on a repeat call.
   */
  readonly reexplainOnRepeat: Distribution | null;
}

/** What a caller does on a closed line, and what happens to callers waiting at closing. */
export interface Calendar {
  /** Added to the next opening for a caller who found the line closed or a repeat call moved out of closed hours. */
  readonly reopenDelay: Distribution;
  /** serve: callers waiting at closing are answered; disconnect: they hear the closing message. */
  readonly atClosing: 'serve' | 'disconnect';
  /** Probability that a caller who found the line closed calls again at the next opening. */
  readonly closedRetry: number;
}

/** A caller tries again with `probability`, `after` a delay. */
export interface Recontact {
  readonly probability: number;
  readonly after: Distribution;
}

/** Poisson arrivals of new issues: their rates, and the day-to-day uncertainty of the volume. */
export type Arrivals = ArrivalRates & {
  /** Each day's rates times a gamma factor of mean 1 and this cv; null: the rates as given. */
  readonly dailyVolume: DailyVolume | null;
};

/** The rates of new issues: constant, piecewise constant from the start, or by day of the week. */
export type ArrivalRates =
  | { readonly kind: 'poisson'; readonly ratePerSecond: number }
  | {
      readonly kind: 'profile';
      /** Length of each interval, seconds. */
      readonly every: number;
      /** Rate of each interval; the profile repeats when shorter than the horizon. */
      readonly ratesPerSecond: readonly number[];
    }
  | {
      readonly kind: 'weekly';
      /** Length of each interval, seconds; it divides a day. */
      readonly every: number;
      /**
       * Seven lists, Monday first: the rates of a day's intervals from its 00:00, at most a
       * day of them; after the last one (and on a day with an empty list) the rate is 0.
       * The day of time t is the day of run.start + t.
       */
      readonly byDay: readonly (readonly number[])[];
    };

export interface DailyVolume {
  /** Coefficient of variation of the day factor (mean 1), in [0, 1]. */
  readonly cv: number;
}

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
  /**
   * With `continuity: advisor`: agents are individuals, the first to handle an issue is its
   * advisor, and a repeat call waits up to `wait` seconds (Infinity: forever) for them.
   * Undefined: agents of a team are not told apart.
   */
  readonly advisor: AdvisorRule | undefined;
  /** Calls longer than this end unresolved, seconds; undefined: no cap. */
  readonly handleCap: number | undefined;
  /** Virtual hold on every queue of the design; undefined: no offer. */
  readonly callbackOffer: CallbackOffer | undefined;
}

/** Queued callers still waiting after `after` seconds are offered a callback that keeps their place. */
export interface CallbackOffer {
  readonly after: number;
  /** Probability that an offered caller accepts. */
  readonly accept: number;
  /** Probability that the agent calling back at the caller's turn reaches them. */
  readonly reach: number;
}

export interface AdvisorRule {
  /** Seconds a repeat caller waits for their advisor before any agent of the team may answer. */
  readonly wait: number;
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
  /** When it answers: its own `open`, else the calendar's, else always. */
  readonly open: OpenHours;
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
