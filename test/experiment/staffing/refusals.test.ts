// Targets no staffing can meet, or that say nothing a staffing could change, are refused
// before any simulation: exit code 2, one line each naming where the target was written
// (the file and the field path, or the option) and why.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/index.ts';
import { refusal } from '../../support/refusal.ts';
import { spoc } from '../../support/spoc-cli.ts';

const yaml = (staffing = ''): string => `name: one team
run: { horizon: 2h, replications: 3 }
demand:
  arrivals: { rate: 120/h }
  patience: { dist: exponential, mean: 3m }
  intents: { any: { share: 1, handle: 3m } }
teams: { desk: { agents: 8, skills: [any] } }
designs: { only: { numbers: [ { dial: "1", to: desk } ] } }
${staffing}`;

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'spoc-staff-')), 'scenario.yaml');
  writeFileSync(path, text);
  return path;
}

describe('spoc staff refuses before searching', () => {
  it('abandonRate <= 0 with patience: some callers always hang up first', async () => {
    const { code, out, err } = await spoc('staff', file(yaml()), '--target', 'abandonRate<=0');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      'spoc staff: --target abandonRate: found abandonRate <= 0: with patience some callers always hang up before an agent is free; expected a bound above 0\n',
    );
  });

  it('a service level of 1, from the file, with its field path', async () => {
    const path = file(yaml('staffing: { targets: { serviceLevel: ">= 100%" } }\n'));
    const { code, err } = await spoc('staff', path);
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: staffing\\.targets\\.serviceLevel: found serviceLevel at least 1: no finite staffing reaches 1`));
  });

  it('a bound the wrong way round, a metric staffing does not move, an unknown team', async () => {
    const { code, err } = await spoc('staff', file(yaml()), '-t', 'serviceLevel<=0.8', '-t', 'misroutedShare<=0.1', '-t', 'teams.nope.asa<=30s');
    expect(code).toBe(2);
    const lines = err.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^spoc staff: --target serviceLevel: found serviceLevel <= 0\.8, expected serviceLevel >= X: serviceLevel rises as agents are added/);
    expect(lines[1]).toMatch(/^spoc staff: --target misroutedShare: found misroutedShare, which more agents do not improve/);
    expect(lines[2]).toMatch(/^spoc staff: --target teams\.nope\.asa: found the team "nope", expected a team of a design staffed \(desk\)/);
  });

  it('a target out of reach of any staffing, found by an ample staffing before the search', async () => {
    // Every call is answered, but resolves only 60% of the time: no staffing gets 90% first-call resolution.
    const { code, err } = await spoc('staff', file(yaml().replace('handle: 3m', 'handle: 3m, resolve: 0.6')), '-t', 'fcr>=0.9');
    expect(code).toBe(2);
    expect(err).toMatch(/^spoc: design only: no staffing meets the targets: even with 8 times the analytic estimate plus 40 agents per team and interval, fcr >= 0\.9: found 0\.6\d*\n$/);
  });

  it('no targets at all', async () => {
    const { code, err } = await spoc('staff', file(yaml()));
    expect(code).toBe(2);
    expect(err).toMatch(/no staffing targets: give --target METRIC>=X/);
  });
});

describe('the staffing block of a file', () => {
  const problems = (staffing: string): readonly string[] => refusal(() => parseScenario(yaml(staffing), 'f.yaml')).lines;

  it('shifts need per: interval', () => {
    expect(problems('staffing: { targets: { serviceLevel: ">= 0.8" }, shifts: { lengths: [4h, 8h], startEvery: 30m } }\n')).toEqual([
      'f.yaml: staffing.shifts: found shifts with per: day, expected per: interval: shifts cover the counts of each interval',
    ]);
  });

  it('accepts shifts with per: interval, in seconds', () => {
    const scenario = parseScenario(yaml('staffing: { targets: { serviceLevel: ">= 80%" }, per: interval, shifts: { lengths: [4h, 8h], startEvery: 30m } }\n'), 'f.yaml');
    expect(scenario.staffing).toEqual({
      targets: [{ key: 'serviceLevel', comparator: '>=', value: 0.8, written: 'percent' }],
      scope: 'team',
      per: 'interval',
      every: undefined,
      shifts: { lengths: [14400, 28800], startEvery: 1800, costPerHour: undefined },
    });
  });

  it('a bound that is not one, a key that names no metric, a shift length of 0, an unknown key', () => {
    const lines = problems(
      'staffing: { targets: { serviceLevel: "0.8", "teams.x": ">= 1" }, per: interval, shifts: { lengths: [0], startEvery: 30m }, scop: team }\n',
    );
    expect(lines).toContain('f.yaml: staffing: found unknown key "scop"; did you mean "scope"?');
    expect(lines.some((l) => l.startsWith('f.yaml: staffing.targets.serviceLevel: found "0.8", expected a bound such as ">= 0.8"'))).toBe(true);
    expect(lines.some((l) => l.startsWith('f.yaml: staffing.targets["teams.x"]: found the key "teams.x", expected a metric name'))).toBe(true);
    expect(lines.some((l) => l.startsWith('f.yaml: staffing.shifts.lengths[0]: found 0, expected a duration greater than 0'))).toBe(true);
  });
});

describe('spoc staff per day on a design with hours', () => {
  it('warns that one count per team pays the closed hours too, and names the designs', async () => {
    const scheduled = yaml().replace('agents: 8,', 'agents: { every: 1h, counts: [8, 6] },');
    const { code, err } = await spoc('staff', file(scheduled), '-t', 'serviceLevel>=0.8', '--no-progress');
    expect(code).toBe(0);
    expect(err).toBe(
      'spoc: warning: per day gives each team one count for the whole run, closed and quiet hours included, but only has schedules or opening hours: --per interval --scope design staffs each interval\n',
    );
    expect((await spoc('staff', file(yaml()), '-t', 'serviceLevel>=0.8', '--no-progress')).err).toBe('');
  });
});
