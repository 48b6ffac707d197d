// Every metric spoc-sim reports: its name (fixed by the contract), unit and meaning.
// Output formats take their order, labels and number formats from here. The names are
// types too: a misspelt metric name does not compile.
import { OUTCOMES } from '../callcenter/outcomes.ts';

export type MetricUnit =
  /** A number of things (issues, calls). */
  | 'count'
  /** A duration in seconds. */
  | 'seconds'
  /** A share in [0, 1], shown as a percentage. */
  | 'share'
  /** A plain ratio such as calls per issue. */
  | 'ratio'
  /** A number of agent-hours. */
  | 'hours'
  /** An amount in the currency of the teams' costPerHour. */
  | 'money';

interface MetricBase<Name extends string> {
  readonly name: Name;
  /** Short label for tables. */
  readonly label: string;
  readonly description: string;
}

/**
 * A metric's name, unit, label and meaning; a share also says what it is a share of
 * (`queue entries`, `calls`, `issues`), since shares of different totals sit side by side.
 */
export type MetricInfo<Name extends string = string> = MetricBase<Name> &
  (
    | {
        readonly unit: 'share';
        /** What the share is a share of, plural: `queue entries`, `calls`, `issues`. */
        readonly of: string;
      }
    | { readonly unit: Exclude<MetricUnit, 'share'> }
  );

const m = <Name extends string>(name: Name, unit: Exclude<MetricUnit, 'share'>, label: string, description: string): MetricInfo<Name> => ({
  name,
  unit,
  label,
  description,
});

/** A share metric: `of` names its total. */
const share = <Name extends string>(name: Name, label: string, of: string, description: string): MetricInfo<Name> => ({
  name,
  unit: 'share',
  of,
  label,
  description,
});

const DESIGN_LIST = [
  m('issues', 'count', 'Issues', 'new issues counted (first arriving in [warmup, horizon))'),
  m('calls', 'count', 'Calls', 'calls those issues made'),
  m('queueEntries', 'count', 'Queue entries', 'times a caller joined a team queue'),
  share('pWait', 'Waited at all', 'queue entries', 'share of queue entries that waited more than 0'),
  m('waitMean', 'seconds', 'Mean wait', 'mean time in queue per queue entry, abandoned ones included'),
  m('asa', 'seconds', 'ASA', 'mean time in queue of answered queue entries'),
  m('waitP50', 'seconds', 'Wait p50', 'median time in queue per queue entry'),
  m('waitP90', 'seconds', 'Wait p90', '90th percentile of time in queue per queue entry'),
  m('waitP95', 'seconds', 'Wait p95', '95th percentile of time in queue per queue entry'),
  share('serviceLevel', 'Service level', 'queue entries', 'share of queue entries answered within run.serviceLevel'),
  share('abandonRate', 'Abandoned', 'queue entries', 'share of queue entries abandoned'),
  share('callbackOfferedShare', 'Callback offered', 'queue entries', 'share of queue entries offered a callback (callbackOffer: still waiting after `after`)'),
  share('callbackAcceptedShare', 'Callback accepted', 'queue entries', 'share of queue entries that accepted a callback, keeping their place'),
  m('waitStayed', 'seconds', 'Wait, stayed', 'mean time in queue per queue entry that did not accept a callback, abandoned ones included (designs with callbackOffer)'),
  m('waitCalledBack', 'seconds', 'Wait, called back', 'mean time from queue entry to the callback, per queue entry that accepted one'),
  m('transfersPerCall', 'ratio', 'Transfers/call', 'mean transfers per call'),
  share('transferredShare', 'Transferred', 'calls', 'share of calls transferred at least once'),
  share('misroutedShare', 'Misrouted', 'calls', 'share of calls that reached at least one team lacking the skill (triage teams aside)'),
  share('handoverShare', 'Handed over', 'calls', 'share of calls a triage team handed over at least once'),
  share(OUTCOMES.selfServed.shareMetric, 'Self-served', 'calls', 'share of calls resolved by the IVR'),
  share(OUTCOMES.dropped.shareMetric, 'Dropped', 'calls', 'share of calls lost in a transfer'),
  share(OUTCOMES.blocked.shareMetric, 'Busy signal', 'calls', 'share of calls that got a busy signal (queue full)'),
  share(OUTCOMES.pingPong.shareMetric, 'Ping-pong', 'calls', 'share of calls that reached maxHops transfers'),
  share(OUTCOMES.capped.shareMetric, 'Cut by cap', 'calls', 'share of calls cut by the handle cap'),
  share(OUTCOMES.redirected.shareMetric, 'Told to redial', 'calls', 'share of calls ended by an agent giving the right number to redial'),
  share(OUTCOMES.closed.shareMetric, 'Line closed', 'calls', 'share of calls that reached a closed number (on dialling, or waiting at closing with atClosing: disconnect)'),
  share('deferredShare', 'Moved to opening', 'repeat calls', 'share of repeat calls moved out of closed hours to the next opening'),
  m('callDuration', 'seconds', 'Call duration', 'mean time from dialling to hanging up, per call'),
  share('fcr', 'FCR', 'issues', 'share of issues resolved by their first call (transfers allowed)'),
  share('onceAndDone', 'Once and done', 'issues', 'share of issues resolved by the first agent of a team with skills reached on the first call'),
  share('resolvedShare', 'Resolved', 'issues', 'share of issues resolved by the end of the run'),
  share('givenUpShare', 'Given up', 'issues', 'share of issues that stopped calling unresolved'),
  m('contactsPerIssue', 'ratio', 'Contacts/issue', 'mean calls per issue'),
  m('timeToResolution', 'seconds', 'Time to resolve', 'mean time from first call to resolution, resolved issues'),
  m('waitPerIssue', 'seconds', 'Wait per issue', 'mean total time in queues over all calls of an issue'),
  m('transfersPerIssue', 'ratio', 'Transfers/issue', 'mean total transfers over all calls of an issue'),
  m('phoneTimePerIssue', 'seconds', 'Phone time/issue', 'mean total time on the phone over all calls of an issue'),
  m('reexplainPerIssue', 'seconds', 'Re-explain/issue', 'mean handle time added over all calls of an issue by explaining it again on repeat calls (demand.reexplainOnRepeat)'),
  share('sameAgentShare', 'Same agent', 'repeat calls answered', 'share of repeat calls answered by a skilled agent that reached the agent who last handled the issue (continuity: advisor; elsewhere agents are not told apart: no figure)'),
  share('agentTimeOnMisroutes', 'Agent time misrouted', "agents' busy time", "share of agents' busy time spent on calls they could not handle (triage aside)"),
  m('costPerResolved', 'money', 'Cost/resolved', 'staffed agent cost / resolved issues, where teams have costPerHour'),
  m('staffedCost', 'money', 'Staffed cost', 'staffed agent-hours x costPerHour, over the teams that have one'),
  m('agentHours', 'hours', 'Agent-hours', 'staffed agent-hours in [warmup, horizon)'),
  m('overtimeHours', 'hours', 'Overtime hours', 'agent-hours spent finishing calls after a shift ended'),
] as const;

/** The name of a design-level metric. */
export type DesignMetric = (typeof DESIGN_LIST)[number]['name'];
export const DESIGN_METRICS: readonly MetricInfo<DesignMetric>[] = DESIGN_LIST;

/** Design metrics of the agents' time and cost: they say nothing about one intent. */
const STAFFING_METRICS = ['agentTimeOnMisroutes', 'costPerResolved', 'staffedCost', 'agentHours', 'overtimeHours'] as const satisfies readonly DesignMetric[];

/** The name of a metric per intent: a design metric other than the staffing ones. */
export type IntentMetric = Exclude<DesignMetric, (typeof STAFFING_METRICS)[number]>;

const isIntentMetric = (name: DesignMetric): name is IntentMetric => !(STAFFING_METRICS as readonly string[]).includes(name);

/** Design metrics that also make sense for one intent. */
export const INTENT_METRICS: readonly MetricInfo<IntentMetric>[] = DESIGN_METRICS.filter(
  (info): info is MetricInfo<IntentMetric> => isIntentMetric(info.name),
);

const TEAM_LIST = [
  share('occupancy', 'Occupancy', 'staffed time', 'busy time / staffed time in [warmup, horizon)'),
  m('queueEntries', 'count', 'Queue entries', 'times a caller joined this queue'),
  m('waitMean', 'seconds', 'Mean wait', 'mean time in this queue per entry'),
  m('asa', 'seconds', 'ASA', 'mean time in this queue of answered entries'),
  share('abandonRate', 'Abandoned', 'queue entries', 'share of entries that abandoned this queue'),
  share('serviceLevel', 'Service level', 'queue entries', 'share of entries answered within run.serviceLevel'),
  m('transfersOut', 'count', 'Transfers out', 'calls this team transferred to another team'),
  m('overflowIn', 'count', 'Overflow taken', "callers of other teams' queues this team's agents took"),
  m('agentHours', 'hours', 'Agent-hours', 'staffed agent-hours in [warmup, horizon)'),
  m('overtimeHours', 'hours', 'Overtime hours', 'agent-hours spent finishing calls after a shift ended'),
  m('staffedCost', 'money', 'Staffed cost', 'staffed agent-hours x costPerHour'),
  m('queueLength', 'ratio', 'Mean queue length', 'time-average number of callers waiting in [warmup, horizon)'),
] as const;

/** The name of a metric per team. */
export type TeamMetric = (typeof TEAM_LIST)[number]['name'];
export const TEAM_METRICS: readonly MetricInfo<TeamMetric>[] = TEAM_LIST;

/** Per agent group of a team (`agents: [{count, name, handleFactor, resolveFactor}, ...]`). */
const GROUP_LIST = [
  share('occupancy', 'Occupancy', 'staffed time', "busy time / staffed time of the group's agents in [warmup, horizon)"),
  m('answered', 'count', 'Answered', "calls the group's agents answered"),
  share('resolveRate', 'Resolved', 'answered calls', "share of the calls the group's agents answered with the skill that they resolved"),
  m('agents', 'ratio', 'Agents', 'mean agents of the group on duty in [warmup, horizon)'),
  m('agentHours', 'hours', 'Agent-hours', "the group's staffed agent-hours in [warmup, horizon)"),
] as const;

/** The name of a metric per agent group. */
export type GroupMetric = (typeof GROUP_LIST)[number]['name'];
export const GROUP_METRICS: readonly MetricInfo<GroupMetric>[] = GROUP_LIST;

/**
 * Figures per interval of the day (`--interval`) over the design's population (counted
 * issues and all their calls), keyed by queue entry (see interval-tally.ts): summed over
 * the rows, `calls` and `queueEntries` equal the design's. Occupancy and agents by clock time.
 */
const INTERVAL_LIST = [
  m('calls', 'count', 'Calls', 'calls that first joined a queue in the interval (calls that joined none: by the time they were dialled)'),
  m('queueEntries', 'count', 'Queue entries', 'times a caller joined a team queue in the interval'),
  share('serviceLevel', 'Service level', 'queue entries', 'share of queue entries of the interval answered within run.serviceLevel'),
  share('abandonRate', 'Abandoned', 'queue entries', 'share of queue entries of the interval abandoned'),
  m('waitMean', 'seconds', 'Mean wait', 'mean time in queue of the queue entries of the interval'),
  share('occupancy', 'Occupancy', 'staffed time', 'busy agent time / staffed agent time in the interval'),
  m('agents', 'ratio', 'Agents', 'mean agents on duty in the interval'),
] as const;

/** The name of a metric per interval of the day. */
export type IntervalMetric = (typeof INTERVAL_LIST)[number]['name'];
export const INTERVAL_METRICS: readonly MetricInfo<IntervalMetric>[] = INTERVAL_LIST;

/** Whether `name` (read from a scenario, say) is the name of a design metric. */
export function isDesignMetric(name: string): name is DesignMetric {
  return DESIGN_METRICS.some((info) => info.name === name);
}

/** Metrics compared between designs, in the order of the comparison list. */
export const COMPARED_METRICS: readonly DesignMetric[] = DESIGN_METRICS.map((info) => info.name);
