// Properties of every run of every valid scenario: random files go through the real loader
// and the simulator, and each replication is checked against a counting observer and the
// metrics' own definitions. Fixed fast-check seeds: the same cases every time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRun, type CompiledRun } from '../../src/callcenter/compile-run.ts';
import { CallOutcome } from '../../src/callcenter/outcomes.ts';
import { simulate, type SimulationStats } from '../../src/callcenter/simulation.ts';
import {
  DESIGN_METRICS,
  INTENT_METRICS,
  INTERVAL_METRICS,
  TEAM_METRICS,
  type MetricInfo,
} from '../../src/metrics/metric-catalogue.ts';
import { ReplicationAccumulator, type ReplicationMetrics } from '../../src/metrics/replication-accumulator.ts';
import type { Estimate, MetricTable } from '../../src/metrics/results.ts';
import { summariseRun } from '../../src/metrics/summarise.ts';
import { runIdentity } from '../../src/experiment/provenance.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';
import { CountingObserver, tee } from '../support/counting-observer.ts';
import { intervalTotalProblems } from '../support/interval-totals.ts';
import { scenarioArbitrary, type GeneratedScenario } from '../support/scenario-arbitrary.ts';

/** Throws with `label` when `condition` fails (fast-check reports the message and shrinks). */
function check(condition: boolean, label: string): void {
  if (!condition) throw new Error(label);
}

/** Every metric of `catalogue` present, finite or NaN, non-negative; shares in [0, 1]; counts whole. */
function checkTable(where: string, values: Record<string, number> | undefined, catalogue: readonly MetricInfo[]): void {
  check(values !== undefined, `${where}: no metrics`);
  for (const info of catalogue) {
    const v = values![info.name];
    check(typeof v === 'number', `${where}: ${info.name} missing`);
    if (Number.isNaN(v)) continue;
    check(Number.isFinite(v), `${where}: ${info.name} = ${v}`);
    check(v! >= 0, `${where}: ${info.name} = ${v} < 0`);
    if (info.unit === 'share') check(v! <= 1, `${where}: ${info.name} = ${v} > 1`);
    if (info.unit === 'count') check(Number.isInteger(v), `${where}: ${info.name} = ${v} is not a whole number`);
  }
}

function checkEstimate(where: string, e: Estimate): void {
  check(Number.isNaN(e.mean) || Number.isFinite(e.mean), `${where}: mean ${e.mean}`);
  if (e.ci95 === null) return;
  const [lo, hi] = e.ci95;
  check(Number.isFinite(lo) && Number.isFinite(hi), `${where}: interval [${lo}, ${hi}]`);
  // The interval is mean ± half-width; allow rounding of the subtraction.
  const slack = 1e-9 * Math.max(1, Math.abs(e.mean));
  check(lo <= e.mean + slack && e.mean <= hi + slack, `${where}: mean ${e.mean} outside [${lo}, ${hi}]`);
}

function checkSummaryTable(where: string, table: MetricTable | undefined, catalogue: readonly MetricInfo[]): void {
  check(table !== undefined, `${where}: no table`);
  for (const info of catalogue) {
    const e = table![info.name];
    check(e !== undefined, `${where}: ${info.name} missing`);
    checkEstimate(`${where}.${info.name}`, e!);
    if (Number.isFinite(e!.mean)) {
      check(e!.mean >= 0, `${where}.${info.name}: mean ${e!.mean} < 0`);
      if (info.unit === 'share') check(e!.mean <= 1 + 1e-12, `${where}.${info.name}: mean ${e!.mean} > 1`);
    }
  }
}

const defined = (...values: (number | undefined)[]): boolean => values.every((v) => v !== undefined && !Number.isNaN(v));

/** Relations between one replication's metrics that hold by their definitions. */
function checkRelations(where: string, m: Record<string, number>, drain: boolean): void {
  const { waitP50, waitP90, waitP95, fcr, onceAndDone, resolvedShare, givenUpShare, contactsPerIssue } = m;
  if (defined(waitP50, waitP90, waitP95)) {
    check(waitP50! <= waitP90! && waitP90! <= waitP95!, `${where}: waitP50 ${waitP50} ≤ waitP90 ${waitP90} ≤ waitP95 ${waitP95} fails`);
  }
  if (defined(fcr, resolvedShare)) check(fcr! <= resolvedShare!, `${where}: fcr ${fcr} > resolvedShare ${resolvedShare}`);
  if (defined(onceAndDone, fcr)) check(onceAndDone! <= fcr!, `${where}: onceAndDone ${onceAndDone} > fcr ${fcr}`);
  if (defined(resolvedShare, givenUpShare)) {
    const ended = resolvedShare! + givenUpShare!;
    check(ended <= 1 + 1e-12, `${where}: resolved + given up = ${ended} > 1`);
    if (drain) check(Math.abs(ended - 1) < 1e-12, `${where}: with drain every issue ends, resolved + given up = ${ended}`);
  }
  if (defined(contactsPerIssue)) check(contactsPerIssue! >= 1, `${where}: contactsPerIssue ${contactsPerIssue} < 1`);
  if (defined(m.transfersPerCall, m.transferredShare)) {
    check(m.transfersPerCall! >= m.transferredShare!, `${where}: transfersPerCall ${m.transfersPerCall} < transferredShare ${m.transferredShare}`);
  }
  if (defined(m.asa, m.waitMean) && m.abandonRate === 0) {
    check(Math.abs(m.asa! - m.waitMean!) <= 1e-9 * Math.max(1, m.waitMean!), `${where}: no abandonment, yet asa ${m.asa} ≠ waitMean ${m.waitMean}`);
  }
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * When every call has ended, intents and teams add up to the design: issues, calls and
 * queue entries; entry-weighted waits, abandonment and service level over teams; transfers.
 */
function checkTotals(where: string, metrics: ReplicationMetrics): void {
  const m = metrics.metrics;
  const intents = Object.values(metrics.byIntent);
  const teams = Object.values(metrics.byTeam);
  const sum = <T,>(tables: readonly T[], f: (t: T) => number): number => tables.reduce((s, t) => s + f(t), 0);
  for (const name of ['issues', 'calls', 'queueEntries'] as const) {
    check(sum(intents, (t) => t[name]!) === m[name], `${where}: intents' ${name} do not add up to ${m[name]}`);
  }
  check(sum(teams, (t) => t.queueEntries!) === m.queueEntries, `${where}: teams' queue entries do not add up`);
  for (const name of ['waitMean', 'abandonRate', 'serviceLevel'] as const) {
    const byTeams = sum(teams, (t) => (t.queueEntries! > 0 ? t.queueEntries! * t[name]! : 0));
    const design = m.queueEntries! > 0 ? m.queueEntries! * m[name]! : 0;
    check(close(byTeams, design), `${where}: Σ teams entries × ${name} = ${byTeams}, design ${design}`);
  }
  for (const name of ['fcr', 'resolvedShare', 'givenUpShare', 'onceAndDone'] as const) {
    const byIntents = sum(intents, (t) => (t.issues! > 0 ? t.issues! * t[name]! : 0));
    const design = m.issues! > 0 ? m.issues! * m[name]! : 0;
    check(close(byIntents, design), `${where}: Σ intents issues × ${name} = ${byIntents}, design ${design}`);
  }
  if (m.calls! > 0) {
    const transfers = sum(teams, (t) => t.transfersOut!);
    check(close(transfers, m.transfersPerCall! * m.calls!), `${where}: teams' transfersOut ${transfers} ≠ transfersPerCall × calls ${m.transfersPerCall! * m.calls!}`);
    const overflow = sum(teams, (t) => t.overflowIn!);
    check(overflow <= m.queueEntries!, `${where}: more overflow (${overflow}) than queue entries`);
  }
}

interface Run {
  readonly stats: SimulationStats;
  readonly counter: CountingObserver;
  readonly metrics: ReplicationMetrics;
}

function runOne(scenario: Scenario, run: CompiledRun, r: number, interval: number | undefined): Run {
  const accumulator = new ReplicationAccumulator(run.design, scenario.run, interval === undefined ? {} : { interval });
  const counter = new CountingObserver();
  const stats = simulate(run, r, tee(accumulator, counter));
  return { stats, counter, metrics: accumulator.result() };
}

/** How the calls of every run checked so far ended, to show that every mechanism was exercised. */
const seenOutcomes = new Map<CallOutcome, number>();

function checkScenario(generated: GeneratedScenario, interval: number | undefined): void {
  const scenario = parseScenario(generated.yaml, 'prop.yaml');
  const { horizon, drain, warmup } = scenario.run;
  const window = horizon - warmup;
  // A calendar makes callers who found a line closed call again (closedRetry).
  const repeatCalls = scenario.demand.retry !== null || scenario.demand.callback !== null || scenario.run.clock === 'week';
  const replicationsByDesign = scenario.designs.map((designModel) => {
    const run = compileRun(scenario, designModel);
    const design = run.design;
    const replications: ReplicationMetrics[] = [];
    for (let r = 0; r < scenario.run.replications; r++) {
      const where = `${designModel.name}/r${r}`;
      const { stats, counter, metrics } = runOne(scenario, run, r, interval);
      replications.push(metrics);
      for (const [outcome, n] of counter.outcomes) seenOutcomes.set(outcome, (seenOutcomes.get(outcome) ?? 0) + n);

      // 1. The run completed, at or after the horizon.
      check(Number.isFinite(stats.endTime) && stats.endTime >= horizon, `${where}: ended at ${stats.endTime}`);
      if (!drain) check(stats.endTime === horizon, `${where}: without drain the run ends at the horizon, not ${stats.endTime}`);

      // 2. Conservation of issues and calls.
      check(counter.issues === stats.issues, `${where}: observer saw ${counter.issues} issues, stats ${stats.issues}`);
      check(counter.calls === stats.calls, `${where}: observer saw ${counter.calls} calls, stats ${stats.calls}`);
      check(
        counter.issuesEnded + stats.issuesInSystem === counter.issues,
        `${where}: issues ${counter.issues} ≠ ended ${counter.issuesEnded} + in system ${stats.issuesInSystem}`,
      );
      check(
        counter.callsEnded + stats.callsInSystem === counter.calls,
        `${where}: calls ${counter.calls} ≠ ended ${counter.callsEnded} + in progress ${stats.callsInSystem}`,
      );
      const open = counter.openCounts;
      check(open.issues === stats.issuesInSystem && open.calls === stats.callsInSystem, `${where}: open ${JSON.stringify(open)} vs stats`);
      const empty = stats.issuesInSystem === 0 && stats.callsInSystem === 0;
      if (drain) check(empty, `${where}: with drain, ${stats.issuesInSystem} issues and ${stats.callsInSystem} calls left in the system`);
      check(counter.calls >= counter.issues, `${where}: fewer calls than issues`);
      if (!repeatCalls) check(counter.calls === counter.issues, `${where}: without repeat calls, ${counter.calls} calls for ${counter.issues} issues`);

      // The metrics count what the observer counted.
      const m = metrics.metrics;
      check(m.issues === counter.countedIssues, `${where}: issues ${m.issues} vs counted ${counter.countedIssues}`);
      check(m.calls === counter.countedCalls, `${where}: calls ${m.calls} vs counted ${counter.countedCalls}`);
      check(m.queueEntries === counter.countedQueueEntries, `${where}: queueEntries ${m.queueEntries} vs ${counter.countedQueueEntries}`);
      const intentIssues = Object.values(metrics.byIntent).reduce((s, t) => s + t.issues!, 0);
      check(intentIssues === m.issues, `${where}: intents' issues ${intentIssues} ≠ ${m.issues}`);
      design.teams.forEach((team, k) => {
        const entries = metrics.byTeam[team.name]?.queueEntries;
        check(entries === (counter.countedEntriesByTeam[k] ?? 0), `${where}: team ${team.name} queueEntries ${entries}`);
      });

      // 1 and 3. Finite values, no negative times, shares and occupancy in [0, 1].
      checkTable(`${where} design`, m, DESIGN_METRICS);
      for (const [intent, table] of Object.entries(metrics.byIntent)) checkTable(`${where} intent ${intent}`, table, INTENT_METRICS);
      for (const [team, table] of Object.entries(metrics.byTeam)) checkTable(`${where} team ${team}`, table, TEAM_METRICS);
      for (const [k, { start: _start, end: _end, ...table }] of (metrics.byInterval ?? []).entries()) {
        checkTable(`${where} interval ${k}`, table, INTERVAL_METRICS);
      }
      // The rows add up to the design: same population, every call and entry in one row.
      if (interval !== undefined) {
        const problems = intervalTotalProblems(metrics, horizon, drain);
        check(problems.length === 0, `${where}: intervals of ${interval}s: ${problems.join('; ')}`);
      }
      checkRelations(`${where} design`, m, drain);
      for (const [intent, table] of Object.entries(metrics.byIntent)) checkRelations(`${where} intent ${intent}`, table, drain);
      const q = metrics.waitQuantiles;
      for (let k = 1; k < q.length; k++) {
        if (defined(q[k - 1], q[k])) check(q[k - 1]! <= q[k]!, `${where}: wait quantiles not increasing: ${q.join(', ')}`);
      }

      // Sums over teams and intents agree with the design's figures.
      if (drain) checkTotals(where, metrics);
      if (defined(m.waitPerIssue, m.phoneTimePerIssue)) {
        // Waits happen during calls.
        check(m.waitPerIssue! <= m.phoneTimePerIssue! * (1 + 1e-12), `${where}: waitPerIssue ${m.waitPerIssue} > phoneTimePerIssue ${m.phoneTimePerIssue}`);
      }

      // Mechanisms a design does not have leave their shares at 0.
      if (designModel.ivr === undefined || !designModel.ivr.selfService) check(!(m.selfServedShare! > 0), `${where}: self-served without self-service`);
      if (designModel.handleCap === undefined) check(!(m.cappedShare! > 0), `${where}: capped without handleCap`);
      if (designModel.teams.every((t) => t.queueCapacity === undefined)) check(!(m.blockedShare! > 0), `${where}: busy signals without queueCapacity`);
      if (designModel.misroute.action === 'transfer') check(!(m.redialShare! > 0), `${where}: redials with action transfer`);
      if (designModel.transfer.drop === 0) check(!(m.droppedShare! > 0), `${where}: drops with drop 0`);
      // Callers cut off at closing (atClosing: disconnect) leave their queue unanswered too.
      const disconnects = run.calendar?.disconnect === true;
      if (scenario.demand.intents.every((i) => i.patience === null) && !disconnects) check(!(m.abandonRate! > 0), `${where}: abandonment without patience`);
      if (run.calendar === null) check(!(m.closedShare! > 0) && !(m.deferredShare! > 0), `${where}: closed lines without a calendar`);
      if (designModel.teams.every((t) => scenario.demand.intents.every((i) => t.skills.includes(i.name)))) {
        // Every team has every skill: nobody is misrouted or transferred.
        for (const name of ['misroutedShare', 'transfersPerCall', 'agentTimeOnMisroutes', 'pingPongShare', 'redialShare'] as const) {
          check(!(m[name]! > 0), `${where}: ${name} = ${m[name]} though every team has every skill`);
        }
      }
      if (defined(m.serviceLevel, m.abandonRate)) {
        check(m.serviceLevel! + m.abandonRate! <= 1 + 1e-12, `${where}: serviceLevel ${m.serviceLevel} + abandonRate ${m.abandonRate} > 1`);
      }
      if (m.pWait === 0) check(m.waitP95 === 0 && m.waitMean === 0, `${where}: nobody waited, yet waitP95 ${m.waitP95}, waitMean ${m.waitMean}`);

      // Staffing: agent-hours of fixed teams, and the design's total.
      let agentHours = 0;
      for (const team of designModel.teams) {
        const hours = metrics.byTeam[team.name]!.agentHours!;
        agentHours += hours;
        if (team.staffing.kind === 'fixed') {
          const expected = (team.staffing.agents * window) / 3600;
          check(Math.abs(hours - expected) <= 1e-9 * expected, `${where}: team ${team.name} agentHours ${hours}, expected ${expected}`);
        }
      }
      check(Math.abs(m.agentHours! - agentHours) <= 1e-9 * Math.max(1, agentHours), `${where}: agentHours ${m.agentHours} ≠ Σ teams ${agentHours}`);

      // With drain every call reaching a team leaves it: flows balance at every team.
      if (drain) {
        const inflow = new Map<string, number>();
        const outflow = new Map<string, number>();
        for (const { from, to, calls } of metrics.flows) {
          if (from.kind === 'team') outflow.set(from.team, (outflow.get(from.team) ?? 0) + calls);
          if (to.kind === 'team') inflow.set(to.team, (inflow.get(to.team) ?? 0) + calls);
        }
        for (const team of designModel.teams) {
          check((inflow.get(team.name) ?? 0) === (outflow.get(team.name) ?? 0), `${where}: flows do not balance at team ${team.name}`);
        }
      }
    }
    return { design: designModel.name, replications };
  });

  // Common random numbers: every design of a replication sees the same issues.
  const [first, ...others] = replicationsByDesign;
  for (const other of others) {
    other.replications.forEach((rep, r) => {
      const base = first!.replications[r]!;
      check(rep.metrics.issues === base.metrics.issues, `${other.design}/r${r}: ${rep.metrics.issues} issues, ${first!.design} ${base.metrics.issues}`);
      for (const intent of Object.keys(base.byIntent)) {
        check(rep.byIntent[intent]!.issues === base.byIntent[intent]!.issues, `${other.design}/r${r}: issues of ${intent} differ from ${first!.design}`);
      }
    });
  }

  // The summary over replications: finite means and intervals around them.
  const result = summariseRun(runIdentity(scenario), replicationsByDesign);
  for (const [name, design] of Object.entries(result.designs)) {
    checkSummaryTable(`${name} design`, design.metrics, DESIGN_METRICS);
    for (const [intent, table] of Object.entries(design.byIntent)) checkSummaryTable(`${name} intent ${intent}`, table, INTENT_METRICS);
    for (const [team, table] of Object.entries(design.byTeam)) checkSummaryTable(`${name} team ${team}`, table, TEAM_METRICS);
  }
  for (const c of result.comparisons) checkEstimate(`${c.design} - ${c.baseline} ${c.metric}`, c.diff);
}

const INTERVALS = fc.option(fc.constantFrom(600, 1800, 3600), { freq: 2 });

describe('every valid scenario', () => {
  it('runs to the end with finite metrics, conserves issues and calls, and keeps shares and occupancy in [0, 1]', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), INTERVALS, (generated, interval) => checkScenario(generated, interval ?? undefined)),
      { seed: 42, numRuns: 60 },
    );
    // Not vacuous: calls ended in every way a call can end.
    for (const [name, outcome] of Object.entries(CallOutcome)) expect(seenOutcomes.get(outcome) ?? 0, name).toBeGreaterThan(0);
  });

  it('does so with drain forced off, and forced on', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ drain: false, maxDesigns: 2 }), INTERVALS, (generated, interval) =>
        checkScenario(generated, interval ?? undefined),
      ),
      { seed: 7, numRuns: 30 },
    );
    fc.assert(
      fc.property(scenarioArbitrary({ drain: true, maxDesigns: 2 }), (generated) => checkScenario(generated, undefined)),
      { seed: 8, numRuns: 30 },
    );
  });

  it('loads every generated file (the generator makes valid scenarios only)', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (generated) => {
        const scenario = parseScenario(generated.yaml, 'prop.yaml');
        expect(scenario.designs.length).toBeGreaterThan(0);
        const shares = scenario.demand.intents.reduce((s, i) => s + i.share, 0);
        expect(Math.abs(shares - 1)).toBeLessThan(1e-9);
      }),
      { seed: 1, numRuns: 300 },
    );
  });
});
