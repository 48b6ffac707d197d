// Same file and seed: the same bytes, whether the file is loaded once or twice, whether a
// design runs with the others or alone, and whether the command line uses one worker
// thread or two. Random valid scenarios, fixed fast-check seeds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { runExperiment } from '../../src/experiment/run-experiment.ts';
import { formatJson } from '../../src/report/json.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { scenarioArbitrary } from '../support/scenario-arbitrary.ts';

const json = (yaml: string, options: Parameters<typeof runExperiment>[1] = {}): string =>
  JSON.stringify(runExperiment(parseScenario(yaml, 'prop.yaml'), options));

describe('same seed, same bytes', () => {
  it('runExperiment gives the same JSON for two loads of the same file', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxIssues: 800 }), fc.option(fc.constantFrom(900, 3600)), (generated, interval) => {
        const options = interval === null ? {} : { interval };
        expect(json(generated.yaml, options)).toBe(json(generated.yaml, options));
      }),
      { seed: 5, numRuns: 25 },
    );
  });

  it('a design run alone gives the same results as with the other designs (common random numbers)', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxIssues: 800 }), (generated) => {
        const scenario = parseScenario(generated.yaml, 'prop.yaml');
        const all = runExperiment(scenario);
        const last = scenario.designs.at(-1)!.name;
        const alone = runExperiment(scenario, { designs: [last] });
        expect(JSON.stringify(alone.designs[last])).toBe(JSON.stringify(all.designs[last]));
      }),
      { seed: 6, numRuns: 20 },
    );
  });

  describe('on the command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spoc-property-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    async function cliJson(file: string, workers: number): Promise<string> {
      let out = '';
      let err = '';
      const code = await runCli(['run', file, '-f', 'json', '--workers', String(workers), '--no-progress'], {
        stdout: (t) => (out += t),
        stderr: (t) => (err += t),
      });
      if (code !== 0) throw new Error(`spoc run exited ${code}: ${err}`);
      return out;
    }

    it('prints the same JSON with one worker thread and with two', { timeout: 120_000 }, async () => {
      let k = 0;
      await fc.assert(
        fc.asyncProperty(scenarioArbitrary({ maxIssues: 600, replications: [3, 4] }), async (generated) => {
          const file = join(dir, `scenario-${k++}.yaml`);
          writeFileSync(file, generated.yaml);
          const one = await cliJson(file, 1);
          expect(await cliJson(file, 2)).toBe(one);
          // The command line prints what the library computes, byte for byte.
          expect(one).toBe(formatJson(runExperiment(parseScenario(generated.yaml, file))));
        }),
        { seed: 9, numRuns: 3 },
      );
    });
  });
});
