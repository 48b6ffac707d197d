// The kinds of event a run schedules, and the order in which events due at the same instant fire.

/** What a scheduled event is; its argument is a call's slot, an issue's slot, a team or a number. */
export const EventKind = {
  /** Argument: a call. The IVR menu is over. */
  IvrDone: 0,
  /** Argument: a call. A transferred caller reaches the next team's line. */
  TransferArrived: 1,
  /** Argument: a call. A waiting caller gives up. */
  PatienceExpired: 2,
  /** Argument: a call. A skilled agent finishes talking. */
  TalkEnded: 3,
  /** Argument: a call. An agent lacking the skill has found out, or a triage agent is ready to hand over. */
  IdentifyEnded: 4,
  /** Argument: a team, or with individual agents (continuity: advisor) an agent. They finish the wrap-up of a call. */
  WrapUpEnded: 5,
  /** Argument: an issue. The caller calls again (retry, callback or redial). */
  Recall: 6,
  /** Argument: a team. A boundary of its agents' schedule. */
  ShiftChange: 7,
  /** Argument: a call. A waiting caller has waited long enough for the next overflow rule. */
  OverflowReady: 8,
  /** Argument: a number. The line closes: callers waiting through it hear the closing message (atClosing: disconnect). */
  LineClosed: 9,
  /** Argument: a call. A repeat caller has waited advisorWait for their advisor: any agent of the team may answer. */
  AdvisorWaitOver: 10,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];
export type EventKindName = keyof typeof EventKind;

/** New issues are not scheduled: their times come from the arrival process (the event queue's outside stream). */
export type SameTimeParticipant = EventKindName | 'NewIssue';

export interface SameTimeRule {
  /** Lower fires first; equal ranks fire in scheduling order. */
  readonly rank: number;
  /** What happens, in a few words. */
  readonly event: string;
  readonly why: string;
}

/**
 * Simultaneous events fire by rank, then in the order they were scheduled; ties never use
 * randomness, so a run replays exactly. New issues come after every scheduled event of their
 * instant (the event queue gives its outside stream the last word on ties).
 */
export const SAME_TIME_ORDER: { readonly [K in SameTimeParticipant]: SameTimeRule } = {
  ShiftChange: {
    rank: 0,
    event: "a boundary of a team's schedule",
    why: 'the staffing of the instant comes first: an agent whose shift ends as a call ends goes off duty instead of taking the next caller, and agents starting take the callers waiting',
  },
  TalkEnded: {
    rank: 1,
    event: 'an agent finishes talking',
    why: 'agents finishing free up first, so a caller whose patience ends at that instant is answered',
  },
  IdentifyEnded: {
    rank: 1,
    event: 'an agent has identified a misroute, or a triage agent has qualified a call',
    why: 'the agent transfers the call or tells the caller to redial (a triage agent hands it over), and frees up like one finishing a call',
  },
  WrapUpEnded: {
    rank: 1,
    event: 'an agent ends a wrap-up',
    why: 'the agent is free for the callers of the instant, like one finishing a call',
  },

  OverflowReady: {
    rank: 2,
    event: 'a waiting caller reaches an overflow threshold',
    why: 'after agents free up, so a caller their own team can answer stays with it; before patience, so a caller whose patience ends at the threshold is offered to the other team (an answer wins over giving up)',
  },
  AdvisorWaitOver: {
    rank: 2,
    event: 'a repeat caller has waited advisorWait for their advisor',
    why: 'after agents free up, so an advisor freeing up at that instant still takes their own caller; before patience, so a caller whose patience ends then is offered to the team first (an answer wins over giving up)',
  },
  LineClosed: {
    rank: 3,
    event: 'a line closes (atClosing: disconnect)',
    why: 'after every answer of the instant, so an agent freeing up at closing still takes a waiting caller; before patience, so a caller waiting at closing hears the closing message rather than giving up at that instant; a caller calling at the closing instant finds the line closed (an opening holds from its start up to, not including, its end)',
  },
  PatienceExpired: {
    rank: 4,
    event: 'a waiting caller gives up',
    why: 'after every chance of an answer at that instant; before callers join queues, so one leaving a full queue frees the place for one arriving (departures before arrivals)',
  },
  IvrDone: {
    rank: 5,
    event: 'the IVR menu ends',
    why: 'a routed caller joins a queue as the instant’s departures left it',
  },
  TransferArrived: {
    rank: 5,
    event: 'a transferred caller reaches the next line',
    why: 'as for the IVR: the caller joins a queue as the instant’s departures left it',
  },
  Recall: {
    rank: 6,
    event: 'a caller calls again',
    why: 'a repeat call is an arrival: it finds the instant settled by the callers already in the system; one moved to an opening calls at that instant, when the line is open',
  },
  NewIssue: {
    rank: 7,
    event: 'a new caller calls',
    why: 'last, so a new caller arriving as an agent frees up finds the agent free',
  },
};

/** Rank of each scheduled kind, indexed by kind, for the event queue. */
export const RANK_OF_KIND: readonly number[] = (Object.keys(EventKind) as EventKindName[])
  .sort((a, b) => EventKind[a] - EventKind[b])
  .map((name) => SAME_TIME_ORDER[name].rank);
