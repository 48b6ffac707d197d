// A one-team, one-design scenario with the run settings (and arrival rate) a test needs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const oneTeamYaml = (run: string, rate = '120/h'): string => `name: one team
run: { ${run} }
demand:
  arrivals: { rate: ${rate} }
  intents: { any: { share: 1, handle: 3m, resolve: 1 } }
teams: { desk: { agents: 8, skills: [any] } }
designs: { only: { numbers: [ { dial: "1", to: desk } ] } }
`;

/** The scenario in a file of its own, in a new temporary folder. */
export function oneTeamFile(run: string, rate?: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'spoc-one-team-')), 'scenario.yaml');
  writeFileSync(file, oneTeamYaml(run, rate));
  return file;
}
