// The run state's helpers: agents free and busy against agents on duty, skills, queue
// serials, and the load figures it reports to the observer.
import { describe, expect, it } from 'vitest';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import { RunState } from '../../src/callcenter/state.ts';
import { tee } from '../support/counting-observer.ts';
import { BILLING, callOf, FIELD, handMadeScenario, issueOf } from '../support/hand-made-calls.ts';

const [BILLING_INTENT, OUTAGE_INTENT] = [0, 1];

/** A fresh state; `loads` receives every notifyLoad as [team, busy, waiting, on duty]. */
function state(loads: number[][] = []): RunState {
  const scenario = handMadeScenario();
  const observer = { ...tee(), teamLoadChanged: (...load: number[]) => void loads.push(load) };
  return new RunState(compileRun(scenario, scenario.designs[0]!), 0, observer);
}

describe('the run state', () => {
  it('starts each team with its agents on duty at time 0 and nobody waiting', () => {
    const s = state();
    expect([s.onDutyIn(BILLING), s.onDutyIn(FIELD)]).toEqual([2, 1]);
    expect([s.waitingIn(BILLING), s.waitingIn(FIELD)]).toEqual([0, 0]);
  });

  it('has a free agent while fewer agents are busy than on duty', () => {
    const s = state();
    s.occupyAgent(BILLING);
    expect(s.hasFreeAgent(BILLING)).toBe(true);
    s.occupyAgent(BILLING);
    expect(s.hasFreeAgent(BILLING)).toBe(false);
    expect(s.hasFreeAgent(FIELD)).toBe(true);
    s.vacateAgent(BILLING);
    expect(s.hasFreeAgent(BILLING)).toBe(true);
  });

  it('has no free agent while agents whose shift ended finish their calls', () => {
    const s = state();
    s.occupyAgent(BILLING);
    s.occupyAgent(BILLING);
    s.setOnDuty(BILLING, 1);
    expect(s.onDutyIn(BILLING)).toBe(1);
    s.vacateAgent(BILLING); // busy 1, on duty 1
    expect(s.hasFreeAgent(BILLING)).toBe(false);
    s.vacateAgent(BILLING);
    expect(s.hasFreeAgent(BILLING)).toBe(true);
  });

  it('answers a newcomer at once only with a free agent and nobody waiting ahead', () => {
    const s = state();
    expect(s.answersAtOnce(BILLING)).toBe(true);
    s.queues[BILLING]!.add(callOf(issueOf(BILLING_INTENT, 0), 0), s.nextQueueSerial());
    expect(s.hasFreeAgent(BILLING)).toBe(true);
    expect(s.answersAtOnce(BILLING)).toBe(false);
    expect(s.waitingIn(BILLING)).toBe(1);
    s.setOnDuty(FIELD, 0);
    expect(s.answersAtOnce(FIELD)).toBe(false);
  });

  it('tells which team has which skill', () => {
    const s = state();
    expect([s.canHandle(BILLING, BILLING_INTENT), s.canHandle(BILLING, OUTAGE_INTENT)]).toEqual([true, false]);
    expect([s.canHandle(FIELD, BILLING_INTENT), s.canHandle(FIELD, OUTAGE_INTENT)]).toEqual([false, true]);
  });

  it('gives a new queue serial each time', () => {
    const s = state();
    const serials = Array.from({ length: 5 }, () => s.nextQueueSerial());
    expect(new Set(serials).size).toBe(5);
  });

  it('tells the observer a team’s busy agents, waiting callers and agents on duty', () => {
    const loads: number[][] = [];
    const s = state(loads);
    s.occupyAgent(FIELD);
    s.setOnDuty(FIELD, 1);
    s.queues[FIELD]!.add(callOf(issueOf(OUTAGE_INTENT, 0), 0), s.nextQueueSerial());
    s.notifyLoad(FIELD);
    s.notifyLoad(BILLING);
    expect(loads).toEqual([
      [FIELD, 1, 1, 1],
      [BILLING, 0, 0, 2],
    ]);
  });

  it('finds pooled calls and issues by slot', () => {
    const s = state();
    const [a, b] = [s.calls.acquire(), s.calls.acquire()];
    const issue = s.issues.acquire();
    expect(s.call(0)).toBe(a);
    expect(s.call(1)).toBe(b);
    expect(s.issue(0)).toBe(issue);
  });
});
