// `spoc validate FILE`: check a scenario as `spoc run` would (the same checks, the same
// refusals, the same warnings) and, as a doctor, show the offered load of each team against
// its agents in each design (traffic equations), so an impossible design is visible before
// running it.
import type { Argv } from 'yargs';
import { designLoads, formatAgents, openingHoursLoadNote, scenarioWarnings } from '../../experiment/load-check.ts';
import { setUpRun } from '../../experiment/run-setup.ts';
import { routingCostNotes } from '../../report/assumptions.ts';
import { readScenarioData, type EmpiricalFileOptions } from '../../scenario/index.ts';
import { nodeFileSource } from '../file-source.ts';
import type { CliIo } from '../io.ts';
import { allowOutsideFilesOption } from '../run-options.ts';

export function validateOptions(yargs: Argv) {
  return allowOutsideFilesOption(yargs.positional('file', { type: 'string', demandOption: true, describe: 'scenario file' }));
}

export function validateCommand(file: string, io: CliIo, options: EmpiricalFileOptions = {}): void {
  const { scenario } = setUpRun(readScenarioData(file, nodeFileSource, options));
  const loads = designLoads(scenario);
  const lines = [
    `${file}: valid. "${scenario.name}": ${scenario.demand.intents.length} intents, ${scenario.designs.length} designs.`,
    '',
    'Offered load (traffic equations: first calls, misroutes, transfers and callbacks; no abandonment):',
  ];
  for (const { design, teams } of loads) {
    const agents = teams.reduce((sum, t) => sum + t.agents, 0);
    const load = teams.reduce((sum, t) => sum + t.offeredLoad, 0);
    lines.push('', `${design}: ${formatAgents(agents)} agents, ${load.toFixed(1)} Erlangs offered`);
    lines.push(`  ${'team'.padEnd(22)}${'agents'.padStart(8)}${'calls/h'.padStart(10)}${'Erlangs'.padStart(10)}${'utilisation'.padStart(13)}`);
    for (const t of teams) {
      const flag = t.utilisation >= 1 ? '  overloaded' : t.utilisation >= 0.95 ? '  near capacity' : '';
      lines.push(
        `  ${t.team.padEnd(22)}${formatAgents(t.agents).padStart(8)}${(t.arrivalRate * 3600).toFixed(0).padStart(10)}` +
          `${t.offeredLoad.toFixed(1).padStart(10)}${(Number.isFinite(t.utilisation) ? t.utilisation.toFixed(2) : '∞').padStart(13)}${flag}`,
      );
    }
  }
  const hours = openingHoursLoadNote(scenario);
  if (hours !== undefined) lines.push('', hours);
  for (const note of routingCostNotes(scenario)) lines.push('', note);
  io.stdout(`${lines.join('\n')}\n`);
  for (const warning of scenarioWarnings(scenario, loads)) io.stderr(`spoc: warning: ${warning}\n`);
}
