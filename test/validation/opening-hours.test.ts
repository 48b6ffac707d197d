// Opening hours through the real loader and simulator: the calls that meet a closed line are
// the arrivals of the closed hours (Poisson), every repeat call starts in open hours, no
// issue is lost overnight, and atClosing: disconnect cuts off exactly the callers waiting.
import { describe, expect, it } from 'vitest';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import type { CallCentreObserver } from '../../src/callcenter/observer.ts';
import { OpenHoursClock } from '../../src/callcenter/open-hours-clock.ts';
import { CallOutcome } from '../../src/callcenter/outcomes.ts';
import type { Call, Issue } from '../../src/callcenter/records.ts';
import { simulate, type SimulationStats } from '../../src/callcenter/simulation.ts';
import type { Clock } from '../../src/engine/event-queue.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';
import { expectPairedAbove, expectWithinInterval } from '../support/statistics.ts';
import { series, simulateYaml } from '../support/run.ts';

const HOUR = 3_600;

/** A week from Monday 00:00: open 50 h on weekdays and 3 h on Saturday, so closed 115 h. */
function week(opts: { atClosing?: string; drain?: boolean; horizon?: string; closedRetry?: number }): string {
  return `
name: a week
run: { start: "Mon 00:00", horizon: ${opts.horizon ?? '7d'}, replications: 8, seed: 14, drain: ${opts.drain ?? true} }
calendar:
  open: { mon-fri: "08:00-18:00", sat: "09:00-12:00" }
  reopenDelay: { dist: exponential, mean: 30m }
  atClosing: ${opts.atClosing ?? 'serve'}
  closedRetry: ${opts.closedRetry ?? 0.8}
demand:
  arrivals: { rate: 30/h }
  patience: { dist: exponential, mean: 4m }
  retry: { probability: 0.6, after: { dist: exponential, mean: 2h } }
  callback: { probability: 0.7, after: { dist: exponential, mean: 6h } }
  intents:
    any: { share: 1, handle: { dist: exponential, mean: 6m }, resolve: 0.7 }
teams:
  team: { agents: 3, skills: [any] }
designs:
  one:
    numbers: [ { dial: "1", to: team } ]
`;
}
const CLOSED_HOURS_PER_WEEK = 168 - 50 - 3;

/** Records, for one replication, what the properties below look at. */
class CalendarWatch implements CallCentreObserver {
  private clock: Clock = { now: 0 };
  readonly repeatCallTimes: number[] = [];
  arrivalsWhileClosed = 0;
  firstCallsClosed = 0;
  cutAtClosing = 0;
  /** Waiting callers answered after the closing that followed their queue entry. */
  answeredAfterClosing = 0;
  issuesArrived = 0;
  issuesEnded = 0;

  constructor(private readonly line: OpenHoursClock) {}

  runStarted(clock: Clock): void {
    this.clock = clock;
  }
  issueArrived(issue: Readonly<Issue>): void {
    this.issuesArrived++;
    if (!this.line.isOpen(issue.arrivalTime)) this.arrivalsWhileClosed++;
  }
  callStarted(call: Readonly<Call>): void {
    if (call.number > 1) this.repeatCallTimes.push(call.dialTime);
  }
  ivrRouted(): void {}
  queueJoined(): void {}
  answered(call: Readonly<Call>): void {
    if (this.clock.now > this.line.nextClosing(call.queueEntryTime)) this.answeredAfterClosing++;
  }
  abandoned(): void {}
  agentWorked(): void {}
  transferred(): void {}
  callEnded(call: Readonly<Call>, outcome: CallOutcome): void {
    if (outcome !== CallOutcome.Closed) return;
    if (call.cutAtClosing) this.cutAtClosing++;
    else if (call.number === 1) this.firstCallsClosed++;
  }
  issueEnded(): void {
    this.issuesEnded++;
  }
  teamLoadChanged(): void {}
  runEnded(): void {}
}

function watch(scenario: Scenario, replication: number): { watch: CalendarWatch; stats: SimulationStats } {
  const design = scenario.designs[0]!;
  const observer = new CalendarWatch(new OpenHoursClock(design.numbers[0]!.open, scenario.run.start));
  const stats = simulate(compileRun(scenario, design), replication, observer);
  return { watch: observer, stats };
}

const replications = (scenario: Scenario): number[] => Array.from({ length: scenario.run.replications }, (_, r) => r);

describe('a week with opening hours', () => {
  const scenario = parseScenario(week({}), 'week.yaml');
  const runs = replications(scenario).map((r) => watch(scenario, r));
  const line = new OpenHoursClock(scenario.designs[0]!.numbers[0]!.open, 0);

  it('ends with outcome closed the first call of exactly the issues arriving in closed hours', () => {
    for (const { watch: w } of runs) expect(w.firstCallsClosed).toBe(w.arrivalsWhileClosed);
  });

  it('has as many calls meet a closed line as the Poisson arrivals of the closed hours: rate x 115 h', () => {
    const counts = runs.map(({ watch: w }) => w.firstCallsClosed);
    expectWithinInterval('closed calls per week', counts, (30 / HOUR) * CLOSED_HOURS_PER_WEEK * HOUR);
    // And the metric says so: closedShare x calls.
    const results = simulateYaml(week({}));
    const closed = series(results, 'one', 'closedShare').map((share, i) => share * series(results, 'one', 'calls')[i]!);
    expect(closed).toEqual(counts.map((n) => expect.closeTo(n, 6)));
  });

  it('starts every repeat call (retry, callback, after a closed line) in open hours', () => {
    for (const { watch: w } of runs) {
      expect(w.repeatCallTimes.length).toBeGreaterThan(1000);
      for (const t of w.repeatCallTimes) expect(line.isOpen(t), `repeat call at ${t}`).toBe(true);
    }
    const deferred = series(simulateYaml(week({})), 'one', 'deferredShare');
    for (const share of deferred) expect(share).toBeGreaterThan(0.05);
  });

  it('serves the callers waiting at closing (atClosing: serve): none is cut off, some are answered after closing', () => {
    for (const { watch: w } of runs) {
      expect(w.cutAtClosing).toBe(0);
      expect(w.answeredAfterClosing).toBeGreaterThan(0);
    }
  });
});

describe('a night line, open 22:00-06:00 every day', () => {
  const yaml = week({ horizon: '14d' }).replace('{ mon-fri: "08:00-18:00", sat: "09:00-12:00" }', '{ mon-sun: "22:00-06:00" }');
  const scenario = parseScenario(yaml, 'night.yaml');
  const runs = replications(scenario).map((r) => watch(scenario, r));
  const line = new OpenHoursClock(scenario.designs[0]!.numbers[0]!.open, 0);

  it('meets a closed line at the Poisson rate of its 16 closed hours a day', () => {
    const counts = runs.map(({ watch: w }) => w.firstCallsClosed);
    expectWithinInterval('closed calls in two weeks', counts, (30 / HOUR) * 14 * 16 * HOUR);
  });

  it('moves repeat calls into the nights, across midnight', () => {
    const times = runs.flatMap(({ watch: w }) => w.repeatCallTimes);
    for (const t of times) expect(line.isOpen(t), `repeat call at ${t}`).toBe(true);
    const afterMidnight = times.filter((t) => t % 86_400 < 6 * HOUR).length;
    expect(afterMidnight).toBeGreaterThan(times.length / 10);
  });
});

describe('atClosing: disconnect', () => {
  const serve = simulateYaml(week({ atClosing: 'serve' }));
  const disconnect = simulateYaml(week({ atClosing: 'disconnect' }));
  const scenario = parseScenario(week({ atClosing: 'disconnect' }), 'week.yaml');
  const runs = replications(scenario).map((r) => watch(scenario, r));

  it('answers nobody after the closing that followed their queue entry, and cuts off callers at closing', () => {
    for (const { watch: w } of runs) {
      expect(w.answeredAfterClosing).toBe(0);
      expect(w.cutAtClosing).toBeGreaterThan(0);
    }
  });

  it('adds the callers cut off to the calls that met a closed line', () => {
    const closedCalls = (results: typeof serve): number[] =>
      series(results, 'one', 'closedShare').map((share, i) => share * series(results, 'one', 'calls')[i]!);
    expect(closedCalls(disconnect)).toEqual(runs.map(({ watch: w }) => expect.closeTo(w.firstCallsClosed + w.cutAtClosing, 6)));
    expectPairedAbove('closedShare, disconnect against serve', series(disconnect, 'one', 'closedShare'), series(serve, 'one', 'closedShare'));
  });

  it('keeps the same new issues as serve (common random numbers)', () => {
    expect(series(disconnect, 'one', 'issues')).toEqual(series(serve, 'one', 'issues'));
  });
});

describe('issues across nights', () => {
  it('all end, resolved or given up, when calls drain', () => {
    for (const atClosing of ['serve', 'disconnect']) {
      const yaml = week({ atClosing, horizon: '2d12h' });
      const scenario = parseScenario(yaml, 'nights.yaml');
      for (const r of replications(scenario)) {
        const { watch: w, stats } = watch(scenario, r);
        expect(stats.issuesInSystem).toBe(0);
        expect(w.issuesEnded).toBe(w.issuesArrived);
      }
      for (const [resolved, givenUp] of zip(series(simulateYaml(yaml), 'one', 'resolvedShare'), series(simulateYaml(yaml), 'one', 'givenUpShare'))) {
        expect(resolved + givenUp).toBeCloseTo(1, 12);
      }
    }
  });

  it('are ended or still open at a horizon in the night when calls do not drain: none is lost at closing', () => {
    for (const atClosing of ['serve', 'disconnect']) {
      const scenario = parseScenario(week({ atClosing, horizon: '2d22h', drain: false, closedRetry: 1 }), 'nights.yaml');
      for (const r of replications(scenario)) {
        const { watch: w, stats } = watch(scenario, r);
        expect(stats.issuesInSystem).toBeGreaterThan(0);
        expect(w.issuesEnded + stats.issuesInSystem).toBe(w.issuesArrived);
      }
    }
  });
});

function zip<A, B>(a: readonly A[], b: readonly B[]): [A, B][] {
  return a.map((x, i) => [x, b[i]!]);
}
