import { describe, expect, it } from 'vitest';
import { openingHoursWarnings } from '../../src/experiment/opening-hours-check.ts';
import { scenarioWarnings } from '../../src/experiment/load-check.ts';
import { loadScenario, parseScenario } from '../../src/scenario/index.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';

/** A day from Monday 00:00, one team staffed as given, one number open 08:00-18:00 (or always). */
function day(agents: string, open = 'calendar: { open: { mon-fri: "08:00-18:00" } }'): string {
  return `
name: hours
run: { start: "Mon 00:00", horizon: 1d }
${open}
demand:
  arrivals: { rate: 10/h }
  intents: { any: { share: 1, handle: 3m } }
teams:
  team: { agents: ${agents}, skills: [any] }
designs:
  one:
    numbers: [ { dial: "3631", to: team } ]
`;
}

describe('opening hours against staffing', () => {
  it('warns when a number is open while nobody of its design is on duty, naming the day and time', () => {
    // Agents from 09:00 to 18:00: the line opens at 08:00.
    const counts = '{ every: 1h, counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0, 0] }';
    const warnings = openingHoursWarnings(parseScenario(day(counts), 'hours.yaml'));
    expect(warnings).toEqual([expect.stringContaining('design one: number 3631 is open at Mon 08:00 while none of the design\'s teams has an agent on duty')]);
  });

  it('says nothing when the schedule covers the opening hours', () => {
    const counts = '{ every: 1h, counts: [0, 0, 0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0, 0] }';
    expect(openingHoursWarnings(parseScenario(day(counts), 'hours.yaml'))).toEqual([]);
  });

  it('tells that a fixed team is on duty and paid through the closed hours, and what to write instead', () => {
    const warnings = openingHoursWarnings(parseScenario(day('5'), 'hours.yaml'));
    expect(warnings).toEqual([
      expect.stringMatching(/^design one: team team has 5 agents on duty all the time, also the 14h of the run when every number of the design is closed: .*schedule/),
    ]);
  });

  it('says nothing without opening hours, and is among the warnings of validate and run', () => {
    expect(openingHoursWarnings(parseScenario(day('5', ''), 'hours.yaml'))).toEqual([]);
    expect(scenarioWarnings(parseScenario(day('5'), 'hours.yaml'))).toEqual(openingHoursWarnings(parseScenario(day('5'), 'hours.yaml')));
  });

  it('finds the bundled La Poste week staffed in all its opening hours', () => {
    expect(openingHoursWarnings(loadScenario('scenarios/la-poste-3631.yaml', nodeFileSource))).toEqual([]);
  });
});
