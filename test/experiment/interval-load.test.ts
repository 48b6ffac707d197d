// The capacity check interval by interval, through the loader and `spoc validate` / `spoc run`:
// the warnings' exact text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../src/callcenter/compile.ts';
import { runCli } from '../../src/cli/cli.ts';
import { checkedSpan, overloadedIntervals } from '../../src/experiment/interval-load.ts';
import { designLoads, intervalLabel } from '../../src/experiment/load-check.ts';
import { parseScenario } from '../../src/scenario/index.ts';

const yamlOf = (options: { run?: string; arrivals: string; team?: string; patience?: string; callback?: string; calendar?: string; numbers?: string }): string => `
name: peaks
run: { ${options.run ?? 'horizon: 10h'}, replications: 2 }
${options.calendar ?? ''}
demand:
  arrivals: ${options.arrivals}
  intents:
    any: { share: 1, handle: 3m, resolve: 0.8 }
  patience: ${options.patience ?? '{ dist: exponential, mean: 2m }'}
${options.callback ?? ''}
teams:
  desk: { ${options.team ?? 'agents: 32'}, skills: [any] }
designs:
  only:
    numbers: ${options.numbers ?? '[ { dial: "1", to: desk } ]'}
`;

/** The warnings of `spoc validate` and of `spoc run` on the file, which must be the same. */
async function warnings(yaml: string): Promise<string[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'spoc-load-')), 'peaks.yaml');
  writeFileSync(file, yaml);
  const stderrOf = async (args: string[]): Promise<string> => {
    let err = '';
    expect(await runCli(args, { stdout: () => undefined, stderr: (t) => (err += t) })).toBe(0);
    return err;
  };
  const validate = await stderrOf(['validate', file]);
  expect(await stderrOf(['run', file, '--format', 'json'])).toBe(validate);
  return validate.split('\n').filter((line) => line !== '');
}

/** A Tuesday from 08:00: 300 calls an hour of 3 minutes (15 Erlangs) but 700 an hour (35 Erlangs) from 09:00 to 09:30. */
const TUESDAY_PEAK = '{ profile: { every: 30m, byDay: { tue: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 300/h, 300/h, 700/h, 300/h, 300/h] } } }';

describe('the capacity check by interval', () => {
  it('flags a peak half-hour at 35 Erlangs on 32 agents that the day’s average hides, as a clock time from run.start', async () => {
    expect(await warnings(yamlOf({ run: 'start: "Tue 08:00", horizon: 10h', arrivals: TUESDAY_PEAK }))).toEqual([
      'spoc: warning: design only: team desk is offered more work than its agents can do in 1 interval: ' +
        'Tue 09:00–09:30 (35.0 Erlangs for 32 agents); there its queue grows and callers abandon until the load falls',
    ]);
  });

  it('counts repeat calls as the traffic equations give them: callbacks of unresolved calls push 30 Erlangs to 37.5', async () => {
    const callback = '  callback: { probability: 1, after: 1h }';
    expect(await warnings(yamlOf({ arrivals: '{ rate: 600/h }', callback }))).toEqual([
      'spoc: warning: design only: team desk is offered 37.5 Erlangs for 32 agents (utilisation 1.17): ' +
        'its queue can only grow, so waits and abandonment will be limited by patience, not by staffing',
    ]);
  });

  it('sets each interval’s load against the agents a schedule has on duty then', async () => {
    const team = 'agents: { every: 2h, counts: [32, 32, 20, 32, 32] }';
    expect(await warnings(yamlOf({ arrivals: '{ rate: 500/h }', team }))).toEqual([
      'spoc: warning: design only: team desk is offered more work than its agents can do in 1 interval: ' +
        'Mon 04:00–06:00 (25.0 Erlangs for 20 agents); there its queue grows and callers abandon until the load falls',
    ]);
  });

  it('lists four intervals and counts the rest, and says when a cycle shorter than the run repeats', async () => {
    const arrivals = '{ profile: { every: 1h, rates: [700/h, 100/h] } }';
    expect(await warnings(yamlOf({ run: 'start: "Sat 22:00", horizon: 3d', arrivals }))).toEqual([
      'spoc: warning: design only: team desk is offered more work than its agents can do in 1 interval (in the first 2h of the run, which then repeats): ' +
        'Sat 22:00–23:00 (35.0 Erlangs for 32 agents); there its queue grows and callers abandon until the load falls',
    ]);
    const week = '{ profile: { every: 1h, byDay: { mon-fri: [0, 0, 0, 0, 0, 0, 0, 0, 0, 700/h] } } }';
    expect(await warnings(yamlOf({ run: 'horizon: 5d', arrivals: week }))).toEqual([
      'spoc: warning: design only: team desk is offered more work than its agents can do in 5 intervals: ' +
        'Mon 09:00–10:00 (35.0 Erlangs for 32 agents), Tue 09:00–10:00 (35.0 Erlangs for 32 agents), ' +
        'Wed 09:00–10:00 (35.0 Erlangs for 32 agents), Thu 09:00–10:00 (35.0 Erlangs for 32 agents) and 1 more; ' +
        'there its queue grows and callers abandon until the load falls',
    ]);
  });

  it('says busy signals, not a growing queue, for a team with a queue capacity', async () => {
    expect(await warnings(yamlOf({ arrivals: '{ rate: 800/h }', team: 'agents: 32, queueCapacity: 10' }))).toEqual([
      'spoc: warning: design only: team desk is offered 40.0 Erlangs for 32 agents (utilisation 1.25): ' +
        'callers who find 10 callers already waiting get a busy signal, so busy signals, not waits, will take the excess',
    ]);
    expect(await warnings(yamlOf({ run: 'start: "Tue 08:00", horizon: 10h', arrivals: TUESDAY_PEAK, team: 'agents: 32, queueCapacity: 0' }))).toEqual([
      'spoc: warning: design only: team desk is offered more work than its agents can do in 1 interval: ' +
        'Tue 09:00–09:30 (35.0 Erlangs for 32 agents); there callers who find every agent busy get a busy signal',
    ]);
  });

  it('says waits grow without bound until the drain when nobody abandons', async () => {
    expect(await warnings(yamlOf({ arrivals: '{ rate: 800/h }', patience: 'none' }))).toEqual([
      'spoc: warning: design only: team desk is offered 40.0 Erlangs for 32 agents (utilisation 1.25): ' +
        'nobody abandons, so its queue and waits grow without bound until the horizon, and the drain then answers everyone still waiting',
    ]);
    expect(await warnings(yamlOf({ run: 'start: "Tue 08:00", horizon: 10h', arrivals: TUESDAY_PEAK, patience: 'none' }))).toEqual([
      'spoc: warning: design only: team desk is offered more work than its agents can do in 1 interval: ' +
        'Tue 09:00–09:30 (35.0 Erlangs for 32 agents); nobody abandons, so there its queue and waits grow until the load falls, and take time to come down after',
    ]);
  });

  it('says nothing when every interval is within capacity', async () => {
    expect(await warnings(yamlOf({ run: 'start: "Tue 08:00", horizon: 10h', arrivals: TUESDAY_PEAK, team: 'agents: 36' }))).toEqual([]);
  });
});

/** What the interval warning adds when callers who find the line closed call again. */
const LEFT_OUT = 'the loads leave out the callers who find the line closed and call again after the next opening, so the hours after an opening may be busier still';

/** A week from Monday of 600 calls an hour of 3 minutes (30 Erlangs) for 28 agents, with the given calendar. */
const weekOf28 = (calendar?: string): string => yamlOf({ run: 'start: "Mon 00:00", horizon: 7d', arrivals: '{ rate: 600/h }', team: 'agents: 28', ...(calendar === undefined ? {} : { calendar }) });

/** The warnings of weekOf28 closed on Sunday: Monday to Saturday over capacity (with `tail` appended), and the agents idle on Sunday. */
const closedSunday = (tail: string): string[] => [
  'spoc: warning: design only: team desk is offered more work than its agents can do in 1 interval: ' +
    `Mon 00:00–Sun 00:00 (30.0 Erlangs for 28 agents); there its queue grows and callers abandon until the load falls${tail}`,
  'spoc: warning: design only: team desk has 28 agents on duty all the time, also the 1d of the run when every number of the design is closed: ' +
    'agentHours and staffedCost count them; give the team a schedule (agents: {every, counts}) with 0 in the closed hours to staff the opening hours only',
];

describe('the capacity check with opening hours', () => {
  it('gives a closed Sunday no new load: 30 Erlangs Monday to Saturday average 25.7 over the week, within 28 agents, yet each open day is flagged', async () => {
    expect(await warnings(weekOf28('calendar: { open: { mon-sat: "00:00-24:00" } }'))).toEqual(closedSunday(`; ${LEFT_OUT}`));
  });

  it('without the closed Sunday, warns of the same 30 Erlangs for 28 agents over the whole run', async () => {
    expect(await warnings(weekOf28())).toEqual([
      'spoc: warning: design only: team desk is offered 30.0 Erlangs for 28 agents (utilisation 1.07): ' +
        'its queue can only grow, so waits and abandonment will be limited by patience, not by staffing',
    ]);
  });

  it('says nothing of callers coming back when none of those who find the line closed call again', async () => {
    expect(await warnings(weekOf28('calendar: { open: { mon-sat: "00:00-24:00" }, closedRetry: 0 }'))).toEqual(closedSunday(''));
  });

  it('takes out only the calls of a number that is closed: half of 60 Erlangs at night, 45 on average for 50 agents, the open hours flagged', async () => {
    const numbers = '[ { dial: "1", to: desk }, { dial: "2", to: desk, open: { mon: "08:00-20:00" } } ]';
    expect(await warnings(yamlOf({ run: 'start: "Mon 00:00", horizon: 1d', arrivals: '{ rate: 1200/h }', team: 'agents: 50', numbers }))).toEqual([
      'spoc: warning: design only: team desk is offered more work than its agents can do in 1 interval: ' +
        `Mon 08:00–20:00 (60.0 Erlangs for 50 agents); there its queue grows and callers abandon until the load falls; ${LEFT_OUT}`,
    ]);
    const [only] = designLoads(parseScenario(yamlOf({ run: 'start: "Mon 00:00", horizon: 1d', arrivals: '{ rate: 1200/h }', team: 'agents: 50', numbers }), 'x.yaml'));
    expect(only!.teams[0]!.offeredLoad).toBeCloseTo(45, 9);
    expect(only!.teams[0]!.agents).toBe(50);
  });

  it('no longer warns La Poste 3631’s scheduled design over the whole week, closed and unstaffed on Sunday, and still flags the flat staffing’s peaks', async () => {
    let out = '';
    let err = '';
    expect(await runCli(['validate', 'scenarios/la-poste-3631.yaml'], { stdout: (t) => (out += t), stderr: (t) => (err += t) })).toBe(0);
    expect(out).toContain('3631: 57.3 agents, 54.0 Erlangs offered\n');
    expect(out).toContain(
      'Opening hours: each load is averaged over time, closed hours bringing no new calls; callers who find the line closed and call again after the next opening are not counted.\n',
    );
    expect(err.split('\n').filter((line) => line !== '')).toEqual([
      'spoc: warning: design flat-staffing: team advisors is offered more work than its agents can do in 36 intervals (in the first 7d of the run, which then repeats): ' +
        'Mon 09:00–10:00 (166.3 Erlangs for 134 agents), Mon 10:00–11:00 (181.4 Erlangs for 134 agents), Mon 11:00–12:00 (151.2 Erlangs for 134 agents), ' +
        `Mon 14:00–15:00 (166.3 Erlangs for 134 agents) and 32 more; there its queue grows and callers abandon until the load falls; ${LEFT_OUT}`,
    ]);
  });

  it('are said by run only for the designs it runs', async () => {
    const warnings = async (...designs: string[]): Promise<string[]> => {
      let err = '';
      const args = ['run', 'scenarios/la-poste-3631.yaml', '-r', '2', '-f', 'json', ...designs.flatMap((d) => ['--design', d])];
      expect(await runCli(args, { stdout: () => {}, stderr: (t) => (err += t) })).toBe(0);
      return err.split('\n').filter((line) => line !== '');
    };
    expect(await warnings('3631')).toEqual([]);
    expect((await warnings('flat-staffing')).map((line) => line.slice(0, 44))).toEqual(['spoc: warning: design flat-staffing: team ad']);
  }, 60_000);
});

describe('the intervals checked', () => {
  it('are one common cycle of the profile and the schedules when it is shorter than the run', () => {
    const scenario = parseScenario(yamlOf({ run: 'horizon: 7d', arrivals: '{ profile: { every: 1h, rates: [100/h, 200/h, 300/h] } }', team: 'agents: { every: 2h, counts: [12, 20] }' }), 'x.yaml');
    const design = compileDesign(scenario, scenario.designs[0]!);
    expect(checkedSpan(scenario, design)).toEqual({ span: 12 * 3600, cycle: 12 * 3600 });
    // 300/h of 3 minutes (hours 2, 5, 8, 11) is 15 Erlangs: over the 12 agents of hours 4-6 and 8-10, not the 20 of 2-4 and 10-12.
    expect(overloadedIntervals(scenario, design, 12 * 3600)[0]!.map((v) => [v.from / 3600, v.to / 3600, v.offeredLoad, v.agents])).toEqual([
      [5, 6, 15, 12],
      [8, 9, 15, 12],
    ]);
  });

  it('are labelled by the clock from run.start, across midnight and the end of the week', () => {
    const monday8 = 8 * 3600;
    expect(intervalLabel(monday8, 3600, 5400)).toBe('Mon 09:00–09:30');
    expect(intervalLabel(monday8, 15.5 * 3600, 16 * 3600)).toBe('Mon 23:30–24:00');
    expect(intervalLabel(monday8, 14 * 3600, 22 * 3600)).toBe('Mon 22:00–Tue 06:00');
    expect(intervalLabel(6 * 86_400 + 23 * 3600, 0, 3600)).toBe('Sun 23:00–24:00');
  });
});
