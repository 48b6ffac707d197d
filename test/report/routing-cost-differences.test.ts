import { describe, expect, it } from 'vitest';
import { scenarioAssumptions } from '../../src/report/assumptions.ts';
import { renderRunReport } from '../../src/report/html/run-report.ts';
import { formatMarkdown } from '../../src/report/markdown.ts';
import { distributionText, routingCostNote } from '../../src/report/routing-cost-differences.ts';
import { formatTable } from '../../src/report/table.ts';
import { displayWidth } from '../../src/report/text-width.ts';
import { exponential, fixed, lognormal, uniform } from '../../src/engine/distributions.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { ONE_NUMBER_IVR, TWO_NUMBERS, twoTeamsHead } from '../support/two-teams.ts';
import { makeResult } from './fixture.ts';

const HEAD = twoTeamsHead('horizon: 1h');
const NUMBERS = TWO_NUMBERS;
const IVR = ONE_NUMBER_IVR;

const note = (text: string) => routingCostNote(parseScenario(text, 'costs.yaml'));

describe('routingCostNote', () => {
  it('names the fields that differ and each design’s values, designs alike grouped', () => {
    expect(
      note(`${HEAD}
designs:
  four-numbers:${NUMBERS}
    misroute: { identify: 1m }
    transfer: { delay: 20s, drop: 0.05 }
  five-numbers:${NUMBERS}
    misroute: { identify: 1m }
    transfer: { delay: 20s, drop: 0.05 }
  one-number-ivr:${IVR}
    misroute: { identify: 30s }
    transfer: { delay: 20s, drop: 0.05, mode: warm }
`),
    ).toBe(
      'Designs differ in what a misroute costs: four-numbers and five-numbers identify 1m, mode cold; one-number-ivr identify 30s, mode warm.',
    );
  });

  it("says that a design's misroutes are free beside one that pays for them", () => {
    expect(
      note(`${HEAD}
designs:
  two-numbers:${NUMBERS}
    misroute: { identify: 45s }
    transfer: { delay: 20s, reexplain: 1m, drop: 0.05 }
  one-number:${IVR}
`),
    ).toBe(
      'Designs differ in what a misroute costs: two-numbers identify 45s, delay 20s, reexplain 1m, drop 0.05; one-number identify 0s, delay 0s, reexplain 0s, drop 0.',
    );
  });

  it('is silent when the costs are shared, written at the top level or in every design', () => {
    expect(
      note(`${HEAD}
misroute: { identify: 45s }
transfer: { delay: 20s, drop: 0.05 }
designs:
  two-numbers:${NUMBERS}
  one-number:${IVR}
    transfer: { drop: 0.05 }
`),
    ).toBeUndefined();
    expect(note(`${HEAD}\ndesigns:\n  alone:${NUMBERS}\n    misroute: { identify: 45s }\n`)).toBeUndefined();
  });

  it('leaves out a design whose every team has every skill: it never pays for a misroute', () => {
    expect(
      note(`${HEAD}
designs:
  two-numbers:${NUMBERS}
    misroute: { identify: 45s }
  pooled:
    numbers: [ { dial: "3631", to: pool } ]
    teams: { pool: { agents: 22, skills: [billing, outage] } }
`),
    ).toBeUndefined();
  });
});

describe('distributionText', () => {
  it('writes a fixed time as a duration and any other distribution by its kind and parameters', () => {
    expect(distributionText(fixed(90))).toBe('1m30s');
    expect(distributionText(exponential(60))).toBe('exponential mean 1m');
    expect(distributionText(lognormal(60, 30))).toBe('lognormal mean 1m sd 30s');
    expect(distributionText(uniform(10, 50))).toBe('uniform 10s to 50s');
  });
});

describe('the note in reports', () => {
  const scenario = parseScenario(
    `${HEAD}
designs:
  two-numbers:${NUMBERS}
    misroute: { identify: 45s }
    transfer: { delay: 20s, reexplain: 1m, drop: 0.05 }
  one-number:${IVR}
`,
    'costs.yaml',
  );
  const expected = routingCostNote(scenario)!;

  it('is the last of the assumptions, so the Markdown lists it', () => {
    expect(scenarioAssumptions(scenario).at(-1)).toBe(expected);
    expect(formatMarkdown(makeResult(['two-numbers', 'one-number']), { scenario })).toContain(`\n- ${expected}\n`);
  });

  it('is among the key assumptions of the HTML report', async () => {
    expect(await renderRunReport(makeResult(['two-numbers', 'one-number']), { scenario })).toContain(`<li>${expected}</li>`);
  });

  it('is wrapped in the terminal table, whole, within its width', () => {
    const table = formatTable(makeResult(['two-numbers', 'one-number']), { scenario, width: 80 });
    const head = table.split('\n\n')[0]!.split('\n');
    const start = head.findIndex((line) => line.startsWith('Designs differ'));
    expect(start).toBeGreaterThan(0);
    expect(head.slice(start).join(' ')).toBe(expected);
    for (const line of head) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });
});

describe('the note of a run of some designs', () => {
  it('looks only at the designs the run covers', () => {
    const scenario = parseScenario(
      `${HEAD}
designs:
  a:${NUMBERS}
    misroute: { identify: 45s }
  b:${NUMBERS}
    misroute: { identify: 45s }
  c:${IVR}
`,
      'costs.yaml',
    );
    const shared = makeResult(['a', 'b']);
    expect(formatTable(shared, { scenario })).not.toContain('Designs differ');
    expect(formatMarkdown(shared, { scenario })).not.toContain('Designs differ');
    expect(formatTable(makeResult(['a', 'c']), { scenario })).toContain('Designs differ in what a misroute costs: a identify 45s; c identify 0s.');
  });
});
