// The trace of a replication tells the same story as its metrics: counts read off the CSV
// event log equal those of the metrics accumulator on the same replication.
import { describe, expect, it } from 'vitest';
import { compileRun } from '../../src/callcenter/compile-run.ts';
import { simulate } from '../../src/callcenter/simulation.ts';
import { compileNamedRun, runReplication } from '../../src/experiment/run-experiment.ts';
import { TRACE_CSV_COLUMNS } from '../../src/report/trace-csv.ts';
import { formatClock, formatWeekClock } from '../../src/report/trace-story.ts';
import { createTrace, type TraceOptions } from '../../src/report/trace.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';

const YAML = `
name: Trace check
run: { horizon: 2h, warmup: 20m, replications: 2, seed: 11, serviceLevel: 20s }
demand:
  arrivals: { rate: 240/h }
  patience: { dist: exponential, mean: 2m }
  retry: { probability: 0.6, after: { dist: exponential, mean: 5m } }
  callback: { probability: 0.7, after: { dist: exponential, mean: 20m } }
  intents:
    billing: { share: 0.6, handle: { dist: exponential, mean: 4m }, resolve: 0.8 }
    outage:  { share: 0.4, handle: 3m, resolve: 0.9, selfService: 0.3 }
teams:
  billing: { agents: 10, skills: [billing], queueCapacity: 6 }
  field:   { agents: 6, skills: [outage] }
designs:
  two-numbers:
    numbers:
      - { dial: "01 23", to: billing, for: [billing] }
      - { dial: "04 56", to: field, for: [outage] }
    dialing: { right: 0.6 }
    misroute: { identify: 45s, action: transfer }
    transfer: { delay: 20s, reexplain: 1m, drop: 0.1 }
  one-number:
    numbers: [ { dial: "3631", to: ivr } ]
    ivr: { menu: 40s, accuracy: 0.8, selfService: true }
    continuity: true
  front-desk:
    numbers: [ { dial: "3631", to: desk } ]
    misroute: { identify: 45s }
    teams:
      desk: { agents: 4, role: triage, triage: 20s, accuracy: 0.7 }
      billing: { agents: 10, skills: [billing] }
      field: { agents: 6, skills: [outage] }
`;

const scenario: Scenario = parseScenario(YAML, 'trace.yaml');

/** Everything written by a trace of one replication, and the pieces it came in. */
function trace(designName: string, replication: number, options: Omit<TraceOptions, 'write'>): { text: string; pieces: number } {
  let text = '';
  let pieces = 0;
  const run = compileNamedRun(scenario, designName);
  const observer = createTrace(scenario, run.design, {
    ...options,
    write: (t) => {
      text += t;
      pieces++;
    },
  });
  simulate(run, replication, observer);
  return { text, pieces };
}

interface Row {
  readonly time: number;
  readonly issue: number;
  readonly call: string;
  readonly event: string;
  readonly team: string;
  readonly detail: string;
}

function parseCsv(text: string): { header: string; rows: Row[] } {
  const [header, ...lines] = text.trimEnd().split('\n');
  const rows = lines.map((line) => {
    const [time, issue, call, event, team, detail] = line.split(',') as [string, string, string, string, string, string];
    return { time: Number(time), issue: Number(issue), call, event, team, detail };
  });
  return { header: header!, rows };
}

function metricsOf(design: string, replication: number): Record<string, number> {
  const run = compileRun(scenario, scenario.designs.find((d) => d.name === design)!);
  return runReplication(run, replication).metrics.metrics;
}

/** Issue numbers of the issues counted in the metrics: first arrived at or after the warm-up. */
function countedIssues(rows: readonly Row[]): Set<number> {
  return new Set(rows.filter((r) => r.event === 'arrive' && r.time >= scenario.run.warmup).map((r) => r.issue));
}

describe('trace event log (CSV)', () => {
  for (const design of ['two-numbers', 'one-number']) {
    for (const replication of [0, 1]) {
      it(`${design}, replication ${replication + 1}: counts and waits agree with the metrics of the same run`, () => {
        const { header, rows } = parseCsv(trace(design, replication, { format: 'csv' }).text);
        expect(header).toBe(TRACE_CSV_COLUMNS.join(','));
        const counted = countedIssues(rows);
        const mine = rows.filter((r) => counted.has(r.issue));
        const count = (event: string, detail?: string): number =>
          mine.filter((r) => r.event === event && (detail === undefined || r.detail === detail)).length;
        const m = metricsOf(design, replication);

        const answered = count('answer');
        const abandoned = count('abandon');
        const entriesEnded = answered + abandoned;
        const callsEnded = count('end');
        expect(counted.size).toBe(m.issues);
        expect(count('dial')).toBe(m.calls);
        expect(count('queue')).toBe(m.queueEntries);
        expect(abandoned / entriesEnded).toBeCloseTo(m.abandonRate!, 12);
        expect(count('transfer') / callsEnded).toBeCloseTo(m.transfersPerCall!, 12);
        expect(count('issue-end', 'resolved') / counted.size).toBeCloseTo(m.resolvedShare!, 12);
        expect(count('issue-end', 'given-up') / counted.size).toBeCloseTo(m.givenUpShare!, 12);
        expect(count('end', 'blocked') / callsEnded).toBeCloseTo(m.blockedShare!, 12);
        expect(count('end', 'dropped') / callsEnded).toBeCloseTo(m.droppedShare!, 12);
        expect(count('end', 'self-served') / callsEnded).toBeCloseTo(m.selfServedShare!, 12);
        // Waits are written to the millisecond.
        const waits = mine.filter((r) => r.event === 'answer' || r.event === 'abandon').map((r) => Number(r.detail));
        expect(waits.reduce((a, b) => a + b, 0) / waits.length).toBeCloseTo(m.waitMean!, 2);

        // The run exercises what is checked.
        expect(abandoned).toBeGreaterThan(0);
        if (design === 'two-numbers') {
          expect(count('transfer')).toBeGreaterThan(0);
          expect(count('end', 'blocked')).toBeGreaterThan(0);
        } else {
          expect(count('end', 'self-served')).toBeGreaterThan(0);
          expect(mine.some((r) => r.event === 'dial' && r.detail === 'continuity')).toBe(true);
        }
      });
    }
  }

  it('lists events in time order, issues numbered in order of arrival', () => {
    const { rows } = parseCsv(trace('two-numbers', 0, { format: 'csv' }).text);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.time).toBeGreaterThanOrEqual(rows[i - 1]!.time);
    const arrivals = rows.filter((r) => r.event === 'arrive').map((r) => r.issue);
    expect(arrivals).toEqual(arrivals.map((_, i) => i + 1));
    // Every issue arrives, then ends (the calls drain).
    expect(rows.filter((r) => r.event === 'issue-end').length).toBe(arrivals.length);
  });

  it('is written in pieces as the run goes, not at once', () => {
    const { text, pieces } = trace('two-numbers', 0, { format: 'csv' });
    expect(text.length).toBeGreaterThan(1 << 16);
    expect(pieces).toBeGreaterThan(1);
  });

  it('gives the same bytes for the same replication', () => {
    expect(trace('two-numbers', 1, { format: 'csv' }).text).toBe(trace('two-numbers', 1, { format: 'csv' }).text);
  });

  it('puts a single quote before intent, team and number names that would start a formula', () => {
    const formulas = parseScenario(
      `
name: formulas
run: { horizon: 10m, warmup: 0s, replications: 1, seed: 1 }
demand:
  arrivals: { rate: 60/h }
  patience: none
  intents: { "-x": { share: 1, handle: 1m, resolve: 1 } }
teams: { "@desk": { agents: 1, skills: ["-x"] } }
designs: { only: { numbers: [ { dial: "+33 1 23", to: "@desk" } ] } }
`,
      'formulas.yaml',
    );
    const run = compileNamedRun(formulas, 'only');
    let text = '';
    simulate(run, 0, createTrace(formulas, run.design, { format: 'csv', write: (t) => (text += t) }));
    expect(text).toContain(`,1,,arrive,,"'-x"\n`);
    expect(text).toContain(`,1,1,dial,"'@desk","'+33 1 23"\n`);
    expect(text).not.toMatch(/,[-+@]/);
  });
});

/** The stories of a text trace, by issue number. */
function stories(text: string): Map<number, string[]> {
  const result = new Map<number, string[]>();
  for (const block of text.split('\n\n').slice(1)) {
    const lines = block.trimEnd().split('\n');
    const match = /^issue (\d+) \(/.exec(lines[0]!);
    if (match !== null) result.set(Number(match[1]), lines);
  }
  return result;
}

describe('trace stories (text)', () => {
  const log = parseCsv(trace('two-numbers', 0, { format: 'csv' }).text).rows;
  const counted = [...countedIssues(log)].sort((a, b) => a - b);

  it('tells a misrouted caller being identified and transferred', () => {
    // A misrouted caller who was then transferred (not told to redial, not at maxHops).
    const at = log.findIndex((r, i) => r.event === 'misrouted' && counted.includes(r.issue) && log[i + 1]?.event === 'transfer');
    expect(at).toBeGreaterThan(0);
    const misrouted = log[at]!;
    const story = stories(trace('two-numbers', 0, { format: 'text', issues: 'all' }).text).get(misrouted.issue)!;
    expect(story).toBeDefined();
    const found = story.findIndex((line) => line.includes(`agent finds it is not for ${misrouted.team} (misrouted)`));
    expect(found).toBeGreaterThan(0);
    expect(story[found + 1]).toMatch(/^ {2}\d\d:\d\d:\d\d {2}transferred$/);
    expect(story[found]!.slice(0, 10)).toBe(`  ${formatClock(misrouted.time)}`);
  });

  it('follows the first N issues arriving after the warm-up (--issues 2)', () => {
    const { text } = trace('two-numbers', 0, { format: 'text', issues: 2 });
    const told = stories(text);
    expect([...told.keys()]).toEqual(counted.slice(0, 2));
    for (const [issue, lines] of told) {
      expect(lines[1]).toMatch(/^ {2}\d\d:\d\d:\d\d {2}call 1 · dials /);
      expect(lines.at(-1)).toMatch(/^ {2}(resolved after \d+ calls?, |gives up after \d+ calls?$)/);
      // One line per call started, as in the log.
      const calls = log.filter((r) => r.issue === issue && r.event === 'dial').length;
      expect(lines.filter((l) => / call \d+ · /.test(l)).length).toBe(calls);
    }
  });

  it('with --issues all, tells every issue, warm-up ones marked, in order of arrival', () => {
    const told = stories(trace('two-numbers', 0, { format: 'text', issues: 'all' }).text);
    const arrivals = log.filter((r) => r.event === 'arrive');
    expect([...told.keys()]).toEqual(arrivals.map((r) => r.issue));
    const warm = arrivals.find((r) => r.time < scenario.run.warmup)!;
    expect(told.get(warm.issue)![0]).toMatch(/, warm-up\)$/);
  });

  it('tells the continuity of a repeat call and the IVR steps', () => {
    const text = trace('one-number', 0, { format: 'text', issues: 'all' }).text;
    expect(text).toMatch(/call \d+ · goes straight back to (billing|field) \(continuity\)/);
    expect(text).toContain('dials 3631 (to the IVR)');
    expect(text).toMatch(/IVR routes to (billing|field)/);
    expect(text).toContain('self-served by the IVR');
  });
});

describe('the trace of a triage front desk', () => {
  const { rows } = parseCsv(trace('front-desk', 0, { format: 'csv' }).text);
  const counted = countedIssues(rows);
  const mine = rows.filter((r) => counted.has(r.issue));
  const count = (event: string, team?: string): number => mine.filter((r) => r.event === event && (team === undefined || r.team === team)).length;

  it('logs each handover as a handover of the desk, never as a misroute, with the triage time', () => {
    const m = metricsOf('front-desk', 0);
    const callsEnded = count('end');
    expect(count('handover', 'desk')).toBeGreaterThan(0);
    expect(count('handover')).toBe(count('handover', 'desk'));
    expect(count('handover') / callsEnded).toBeCloseTo(m.handoverShare!, 12);
    expect(count('misrouted', 'desk')).toBe(0);
    expect(count('misrouted')).toBeGreaterThan(0);
    expect(count('misrouted') / callsEnded).toBeCloseTo(m.misroutedShare!, 12);
    expect(count('transfer', 'desk')).toBe(0);
    expect((count('handover') + count('transfer')) / callsEnded).toBeCloseTo(m.transfersPerCall!, 12);
    for (const row of mine.filter((r) => r.event === 'handover')) expect(row.detail).toBe('20.000');
  });

  it('tells the handover in the story, then the queue the caller joins', () => {
    const text = trace('front-desk', 0, { format: 'text', issues: 5 }).text;
    expect(text).not.toContain('not for desk');
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.endsWith('desk hands the caller over after 20s of triage'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/joins the (billing|field) queue$/);
  });
});

describe('formatClock', () => {
  it('writes the simulated time as HH:MM:SS, with days past 24 hours', () => {
    expect(formatClock(0)).toBe('00:00:00');
    expect(formatClock(33_243)).toBe('09:14:03');
    expect(formatClock(59.999)).toBe('00:00:59');
    expect(formatClock(86_399.5)).toBe('23:59:59');
    expect(formatClock(86_400 + 33_243)).toBe('1d 09:14:03');
    expect(formatClock(3 * 86_400)).toBe('3d 00:00:00');
    expect(formatClock(Number.NaN)).toBe('–');
  });
});

describe('formatWeekClock', () => {
  it('writes the simulated time as the day and time of the week from run.start, with the week past the first', () => {
    const monday8 = 8 * 3600;
    expect(formatWeekClock(0, monday8)).toBe('Mon 08:00:00');
    expect(formatWeekClock(25 * 3600 + 14 * 60 + 3.7, monday8)).toBe('Tue 09:14:03');
    expect(formatWeekClock(6 * 86_400 + 16 * 3600, monday8)).toBe('W2 Mon 00:00:00');
    expect(formatWeekClock(Number.NaN, monday8)).toBe('–');
  });
});

describe('the story of a week with opening hours', () => {
  const week = parseScenario(
    YAML.replace('run: { horizon: 2h, warmup: 20m,', 'run: { start: "Fri 17:00", horizon: 2h, warmup: 0s,').replace(
      'demand:',
      'calendar:\n  open: { mon-fri: "08:00-18:00" }\n  atClosing: disconnect\ndemand:',
    ).replace('agents: 10, skills: [billing]', 'agents: 2, skills: [billing]'),
    'week.yaml',
  );
  let text = '';
  const run = compileNamedRun(week, 'two-numbers');
  simulate(run, 0, createTrace(week, run.design, { format: 'text', issues: 'all', write: (t) => (text += t) }));

  it('tells days and clock times, callers meeting the closed line and callers cut off at closing', () => {
    expect(text).toContain('The clock shows the day and time of the week; the run starts Fri 17:00.');
    expect(text).toMatch(/\n  Fri 17:0\d:\d\d  call 1 · dials/);
    expect(text).toMatch(/\n  Fri 18:00:00  hears the closing message after (\d+m)?\d+s in the billing queue\n/);
    expect(text).toMatch(/\n  Fri 18:\d\d:\d\d  the line is closed\n/);
    // The callers call again at Monday's opening, in the next week.
    expect(text).toMatch(/\n  W2 Mon 08:\d\d:\d\d  call 2 · dials/);
    expect(text).not.toMatch(/\n {2}(Sat|Sun) /);
  });
});

