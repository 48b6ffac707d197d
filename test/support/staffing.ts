// Staffing a scenario's text as spoc staff does, through the real loader: the file's
// staffing block (or targets given here) on the file's designs, in this thread by default.
import { setUpResolved } from '../../src/experiment/run-setup.ts';
import { staffDesigns, type StaffRequest, type StaffingResult } from '../../src/experiment/staffing/staff-designs.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';

export async function staffScenario(scenario: Scenario, request: Partial<StaffRequest> = {}): Promise<StaffingResult> {
  const plan = scenario.staffing;
  const { scenario: run, designs } = setUpResolved(scenario);
  return staffDesigns(run, designs, {
    targets: plan?.targets ?? [],
    scope: plan?.scope ?? 'team',
    per: plan?.per ?? 'day',
    from: 'file',
    workers: 1,
    ...(plan?.every === undefined ? {} : { every: plan.every }),
    ...request,
  });
}

export const staffYaml = (yaml: string, request: Partial<StaffRequest> = {}): Promise<StaffingResult> =>
  staffScenario(parseScenario(yaml, 'staffing.yaml'), request);

/** A design's agents per team, by team name (one count per team). */
export function agentsByTeam(result: StaffingResult, design: string): Record<string, number> {
  const d = result.designs.find((s) => s.design === design)!;
  return Object.fromEntries(d.teams.map((team, t) => [team, d.counts[t]![0]!]));
}
