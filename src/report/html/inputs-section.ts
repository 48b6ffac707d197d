// The scenario's inputs as the run report shows them before any result: the demand, the
// intents, the teams of each design and the designs' numbers, IVR and routing costs.
import type { Scenario } from '../../scenario/model.ts';
import { scenarioInputs, type TextTable } from '../scenario-inputs.ts';
import { escapeHtml } from './escape.ts';

/** A text table; a cell's line breaks become <br>, the first column names the row. */
export function textTable(table: TextTable, className = 'figures inputs'): string {
  const cell = (text: string): string => escapeHtml(text).replace(/\n/g, '<br>');
  const head = `<tr>${table.header.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('')}</tr>`;
  const rows = table.rows.map(([first, ...rest]) => `<tr><th scope="row">${cell(first ?? '')}</th>${rest.map((text) => `<td>${cell(text)}</td>`).join('')}</tr>`);
  return `<table class="${className}"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The section "What was simulated", for the designs the run covers, in its order. */
export function inputsSection(scenario: Scenario, designs: readonly string[]): string {
  const inputs = scenarioInputs(scenario, designs);
  const demand = inputs.demand.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('');
  return [
    '<section id="inputs"><h2>What was simulated</h2>',
    '<h3>Demand</h3>',
    `<table class="figures inputs facts"><tbody>${demand}</tbody></table>`,
    '<h3>Why people call</h3>',
    '<p class="note">Each new issue has one intent, drawn by its share. Durations are distributions: a fixed time, or a law and its mean.</p>',
    `<div class="scroll">${textTable(inputs.intents)}</div>`,
    '<h3>Teams and agents</h3>',
    '<p class="note">Agents on duty per team in each design (– where the design has no such team).</p>',
    `<div class="scroll">${textTable(inputs.teams)}</div>`,
    '<h3>The designs</h3>',
    `<div class="scroll">${textTable(inputs.designs)}</div>`,
    '</section>',
  ].join('\n');
}
