// Little's law per team on random scenarios, in two parts.
//
// 1. The law itself, statistically, on long runs: the time-average queue length equals the
//    rate of queue entries times the mean wait, within the 99.9% interval of the
//    per-replication gap. Without repeat calls: callbacks of counted and uncounted issues
//    would cross the window's edges (see test/validation/little-and-conservation.test.ts).
//    Every caller has a patience and every period of a schedule keeps at least the
//    team's usual agents, so queues are short when the window opens and closes and the
//    edge effects (callers already waiting at the warm-up, waits running on past the
//    horizon) stay small; the tolerance adds an estimate of them to the interval.
// 2. The bookkeeping behind it, exactly, on any scenario: queueLength × window is the time
//    callers spent in the team's queue within [warmup, horizon), and waitMean × ended
//    entries is the total wait of the counted entries that ended, both as an observer of
//    the same run adds them up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import type { CallCentreObserver } from '../../src/callcenter/observer.ts';
import type { Call } from '../../src/callcenter/records.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import type { Clock } from '../../src/engine/event-queue.ts';
import { simulateDesigns } from '../../src/experiment/run-experiment.ts';
import { ReplicationAccumulator } from '../../src/metrics/replication-accumulator.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { tee } from '../support/counting-observer.ts';
import { series } from '../support/run.ts';
import { interval } from '../support/statistics.ts';
import { scenarioArbitrary } from '../support/scenario-arbitrary.ts';

const LONG_RUNS = scenarioArbitrary({
  repeatCalls: false,
  drain: true,
  horizonMinutes: [1200, 2400],
  maxIssues: 6000,
  replications: [5, 6],
  staffing: [1.1, 2],
  scheduleShare: [100, 150],
  patienceAlways: true,
  maxDesigns: 2,
});

describe("Little's law per team on random scenarios", () => {
  it('holds for every team of every design: queueLength ≈ queueEntries / window × waitMean', () => {
    let checked = 0;
    let queued = 0;
    fc.assert(
      fc.property(LONG_RUNS, (generated) => {
        const scenario = parseScenario(generated.yaml, 'prop.yaml');
        const window = scenario.run.horizon - scenario.run.warmup;
        const runs = simulateDesigns(scenario);
        for (const design of scenario.designs) {
          for (const team of design.teams) {
            const scope = { team: team.name };
            const length = series(runs, design.name, 'queueLength', scope);
            const entries = series(runs, design.name, 'queueEntries', scope);
            const wait = series(runs, design.name, 'waitMean', scope);
            // A team nobody reaches in some replication has no mean wait there.
            if (wait.some(Number.isNaN)) continue;
            const gap = length.map((l, r) => l - (entries[r]! / window) * wait[r]!);
            const { mean, halfWidth } = interval(gap);
            // Edge effects: at each edge of the window about L callers are waiting, for
            // about W more (before the warm-up, or past the horizon): a bias of the order
            // of L·W / window at each edge, added to the sampling interval.
            const L = interval(length).mean;
            const edges = (2 * L * interval(wait).mean) / window;
            if (!(Math.abs(mean) <= halfWidth + edges)) {
              throw new Error(
                `${design.name}/${team.name}: L - λW = ${mean.toPrecision(4)} ± ${halfWidth.toPrecision(3)} ` +
                  `(L = ${L.toPrecision(4)}, edge allowance ${edges.toPrecision(3)})`,
              );
            }
            checked++;
            if (L > 0.05) queued++;
          }
        }
      }),
      { seed: 2024, numRuns: 30 },
    );
    // Not vacuous: many teams checked, and queues that were not always empty.
    expect(checked).toBeGreaterThanOrEqual(30);
    expect(queued).toBeGreaterThanOrEqual(10);
  });
});

/** Adds up, per team, the time callers spend in its queue within a window, and the waits of counted entries. */
class QueueTimeObserver implements CallCentreObserver {
  /** Caller-seconds in each team's queue within [from, to). */
  readonly inWindow: number[] = [];
  /** Total wait and number of the counted entries that ended, per team. */
  readonly countedWait: number[] = [];
  readonly countedEnded: number[] = [];
  private clock: Clock = { now: 0 };
  private readonly waiting = new Map<number, { team: number; since: number }>();

  constructor(
    private readonly from: number,
    private readonly to: number,
  ) {}

  runStarted(clock: Clock): void {
    this.clock = clock;
  }
  queueJoined(call: Readonly<Call>, team: number): void {
    this.waiting.set(call.slot, { team, since: this.clock.now });
  }
  answered(call: Readonly<Call>, queueTeam: number): void {
    this.left(call, queueTeam);
  }
  abandoned(call: Readonly<Call>, team: number): void {
    this.left(call, team);
  }
  private left(call: Readonly<Call>, team: number): void {
    const now = this.clock.now;
    const entry = this.waiting.get(call.slot)!;
    this.waiting.delete(call.slot);
    this.addWindow(team, entry.since, now);
    if (call.issue.counted) {
      this.countedWait[team] = (this.countedWait[team] ?? 0) + (now - entry.since);
      this.countedEnded[team] = (this.countedEnded[team] ?? 0) + 1;
    }
  }
  private addWindow(team: number, start: number, end: number): void {
    const overlap = Math.min(end, this.to) - Math.max(start, this.from);
    if (overlap > 0) this.inWindow[team] = (this.inWindow[team] ?? 0) + overlap;
  }
  runEnded(): void {
    // Callers still waiting when the run stops (without drain) count until then.
    for (const { team, since } of this.waiting.values()) this.addWindow(team, since, this.clock.now);
  }
  issueArrived(): void {}
  callStarted(): void {}
  ivrRouted(): void {}
  agentWorked(): void {}
  transferred(): void {}
  callEnded(): void {}
  issueEnded(): void {}
  teamLoadChanged(): void {}
}

describe('the figures behind Little\'s law', () => {
  it('queueLength and waitMean are exactly the time callers spent waiting, on any scenario', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxIssues: 1000 }), (generated) => {
        const scenario = parseScenario(generated.yaml, 'prop.yaml');
        const { warmup, horizon } = scenario.run;
        for (const designModel of scenario.designs) {
          const run = compileRun(scenario, designModel);
          const design = run.design;
          for (let r = 0; r < scenario.run.replications; r++) {
            const accumulator = new ReplicationAccumulator(design, scenario.run);
            const times = new QueueTimeObserver(warmup, horizon);
            simulate(run, r, tee(accumulator, times));
            const byTeam = accumulator.result().byTeam;
            design.teams.forEach((team, k) => {
              const where = `${designModel.name}/r${r}/${team.name}`;
              const m = byTeam[team.name]!;
              const area = m.queueLength! * (horizon - warmup);
              const expectedArea = times.inWindow[k] ?? 0;
              if (!(Math.abs(area - expectedArea) <= 1e-9 * Math.max(1, expectedArea))) {
                throw new Error(`${where}: queueLength × window = ${area}, callers waited ${expectedArea} s in the window`);
              }
              const ended = times.countedEnded[k] ?? 0;
              const waited = times.countedWait[k] ?? 0;
              const total = ended === 0 ? 0 : m.waitMean! * ended;
              if (!(ended === 0 ? Number.isNaN(m.waitMean) : Math.abs(total - waited) <= 1e-9 * Math.max(1, waited))) {
                throw new Error(`${where}: waitMean ${m.waitMean} over ${ended} ended entries, observed total wait ${waited}`);
              }
            });
          }
        }
      }),
      { seed: 99, numRuns: 40 },
    );
  });
});
