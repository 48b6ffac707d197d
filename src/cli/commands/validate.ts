// `spoc validate FILE`: check a scenario and say what it describes, without running it.
import { loadScenario } from '../../scenario/index.ts';
import type { CliIo } from '../io.ts';

export function validateCommand(file: string, io: CliIo): void {
  const scenario = loadScenario(file);
  const designs = scenario.designs
    .map((d) => `${d.name} (${d.teams.reduce((sum, t) => sum + (t.staffing.kind === 'fixed' ? t.staffing.agents : Math.max(...t.staffing.counts)), 0)} agents)`)
    .join(', ');
  io.stdout(
    `${file}: valid. "${scenario.name}": ${scenario.demand.intents.length} intents, ` +
      `${scenario.designs.length} designs: ${designs}.\n`,
  );
}
