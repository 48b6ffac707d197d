// Where the report's figures come from, so that a reader can check them or make them again:
// the version of spoc-sim, the date of the report, the scenario file and its SHA-256, the
// seed and the replications.
import type { RunResult } from '../../metrics/results.ts';
import type { Scenario } from '../../scenario/model.ts';
import { escapeHtml } from './escape.ts';

/** A file's name without its folders (the report is read away from the machine that ran it). */
const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/**
 * The section. `date` is the day of the report, written in UTC as `2026-12-02` (the command
 * passes SOURCE_DATE_EPOCH's when set, so a rerun can give the same bytes); none when absent.
 */
export function provenanceSection(result: RunResult, scenario: Scenario | undefined, date: Date | undefined): string {
  const { provenance } = result;
  const facts: [string, string][] = [
    ['Made by', `spoc-sim ${provenance.spoc}`],
    ...(date === undefined ? [] : [['Date', date.toISOString().slice(0, 10)] as [string, string]]),
    ...(scenario?.file === undefined ? [] : [['Scenario file', fileName(scenario.file)] as [string, string]]),
    ['SHA-256 of the file', provenance.scenarioSha256 ?? 'none (a scenario built in code)'],
    ['Seed', String(provenance.seed)],
    ['Replications', `${provenance.replications} of every design, on the same callers`],
    ['Designs', Object.keys(result.designs).join(', ')],
  ];
  const rows = facts.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('');
  return [
    '<section id="provenance"><h2>Provenance</h2>',
    '<p class="note">The same file, seed and replications give the same figures with this version: <code>spoc run FILE --seed S --replications N</code>.</p>',
    `<table class="figures inputs facts provenance"><tbody>${rows}</tbody></table>`,
    '</section>',
  ].join('\n');
}
