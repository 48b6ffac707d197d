// How a call ends: the one table of call outcomes and every name they go by. The simulation
// passes an outcome's id; metrics, the trace, call flows and the report read the rest here.

interface OutcomeRow {
  /** The number the simulation passes, and the index of per-outcome counts. */
  readonly id: number;
  /** How call flows, the flow diagram and its colours name it. */
  readonly label: string;
  /** How the trace's CSV log names it (the detail of an `end` row). */
  readonly traceName: string;
  /** The design metric giving the share of calls that end so, for the outcomes that have one. */
  readonly shareMetric?: string;
}

/** Every call outcome by key, from the caller's point of view. */
export const OUTCOMES = {
  /** An agent with the skill resolved the issue. */
  resolved: { id: 0, label: 'Resolved', traceName: 'resolved' },
  /** An agent with the skill answered but the issue stays open. */
  unresolved: { id: 1, label: 'Unresolved', traceName: 'unresolved' },
  /** The IVR's self-service resolved the issue. */
  selfServed: { id: 2, label: 'Self-served', traceName: 'self-served', shareMetric: 'selfServedShare' },
  /** The caller gave up waiting in a queue. */
  abandoned: { id: 3, label: 'Abandoned', traceName: 'abandoned' },
  /** The caller was lost while being transferred. */
  dropped: { id: 4, label: 'Lost in transfer', traceName: 'dropped', shareMetric: 'droppedShare' },
  /** The talk reached the design's handle cap: the call ends there, unresolved. */
  capped: { id: 5, label: 'Cut at the cap', traceName: 'capped', shareMetric: 'cappedShare' },
  /** The call would have needed more transfers than `maxHops`: it ends unresolved. */
  pingPong: { id: 6, label: 'Too many transfers', traceName: 'max-hops', shareMetric: 'pingPongShare' },
  /** The agent told the caller to hang up and dial the right number (`misroute.action: redial`). */
  redirected: { id: 7, label: 'Told to redial', traceName: 'redial', shareMetric: 'redialShare' },
  /** The queue was full: busy signal. */
  blocked: { id: 8, label: 'Busy signal', traceName: 'blocked', shareMetric: 'blockedShare' },
  /** The number was closed: the caller heard the closing message, on dialling or while waiting at closing. */
  closed: { id: 9, label: 'Line closed', traceName: 'closed', shareMetric: 'closedShare' },
  /** The caller had accepted a callback, and the agent calling back at their turn did not reach them: unresolved. */
  notReached: { id: 10, label: 'Not reached on callback', traceName: 'not-reached' },
} as const satisfies Readonly<Record<string, OutcomeRow>>;

export type OutcomeKey = keyof typeof OUTCOMES;

type CallOutcomeIds = { readonly [K in OutcomeKey as Capitalize<K>]: (typeof OUTCOMES)[K]['id'] };

const capitalize = (key: string): string => key.charAt(0).toUpperCase() + key.slice(1);

/** Outcome ids by capitalised key (`CallOutcome.PingPong` is `OUTCOMES.pingPong.id`). */
export const CallOutcome = Object.fromEntries(
  Object.entries(OUTCOMES).map(([key, row]) => [capitalize(key), row.id]),
) as CallOutcomeIds;
export type CallOutcome = (typeof OUTCOMES)[OutcomeKey]['id'];

/** The design metrics that give outcome shares (`pingPongShare`…). */
export type OutcomeShareMetric = { [K in OutcomeKey]: (typeof OUTCOMES)[K] extends { shareMetric: infer M } ? M : never }[OutcomeKey];

/** One outcome with its key. */
export interface OutcomeInfo {
  readonly id: CallOutcome;
  readonly key: OutcomeKey;
  readonly label: string;
  readonly traceName: string;
  readonly shareMetric?: OutcomeShareMetric;
}

/** Every outcome, indexed by id. */
export const OUTCOME_LIST: readonly OutcomeInfo[] = (Object.keys(OUTCOMES) as OutcomeKey[])
  .map((key): OutcomeInfo => ({ key, ...OUTCOMES[key] }))
  .sort((a, b) => a.id - b.id);

/** The outcome of an id the simulation passed. */
export function outcomeOf(id: CallOutcome): OutcomeInfo {
  return OUTCOME_LIST[id]!;
}
