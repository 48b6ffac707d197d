// One design prepared for its replications: the recontact rules, the arrival process, and a
// sampler for each distribution the run draws from.
import { describe, expect, it } from 'vitest';
import { compileRun, type CompiledRun } from '../../src/callcenter/compile-run.ts';
import type { RandomStream } from '../../src/engine/random.ts';
import { parseScenario } from '../../src/scenario/index.ts';

/** Two intents, two teams; `demand` and `design` add to the demand block and the one design. */
function run(options: { demand?: string; design?: string; arrivals?: string } = {}): CompiledRun {
  const scenario = parseScenario(
    `
name: compile-run
run: { horizon: 2h, warmup: 0s, replications: 1, seed: 1 }
demand:
  arrivals: ${options.arrivals ?? '{ rate: 60/h }'}
  patience: 40s
  intents:
    billing: { share: 0.5, handle: 60s, wrapUp: 15s, resolve: 1 }
    outage:  { share: 0.5, handle: 90s, resolve: 1, patience: none }
${options.demand ?? ''}
teams:
  billing: { agents: 1, skills: [billing] }
  field:   { agents: 1, skills: [outage], wrapUp: 25s }
designs:
  only:
    numbers: [ { dial: "1", to: billing } ]
${options.design ?? ''}
`,
    'compile-run.yaml',
  );
  return compileRun(scenario, scenario.designs[0]!);
}

/** A stream that always gives `u`. */
const always = (u: number): RandomStream => ({ next: () => u });
const fixed = always(0.5);

describe('a compiled run', () => {
  it('has no retry or callback rule when the demand gives none: nobody calls again', () => {
    const compiled = run();
    expect([compiled.retry, compiled.callback]).toEqual([null, null]);
  });

  it('keeps the retry and callback probabilities and samples their delays', () => {
    const compiled = run({
      demand: '  retry: { probability: 0.4, after: 5m }\n  callback: { probability: 0.8, after: { dist: exponential, mean: 1h } }',
    });
    expect(compiled.retry!.probability).toBe(0.4);
    expect(compiled.retry!.after.draw(fixed)).toBe(300);
    expect(compiled.callback!.probability).toBe(0.8);
    // An exponential of mean 3600 s at u = 1 - e⁻¹ is its mean.
    expect(compiled.callback!.after.draw(always(1 - Math.exp(-1)))).toBeCloseTo(3600, 9);
  });

  it('samples each intent’s handle, wrap-up and patience, with no patience sampler for callers who never abandon', () => {
    const [billing, outage] = run().samplers.callers;
    expect([billing!.handle.draw(fixed), billing!.wrapUp.draw(fixed), billing!.patience!.draw(fixed)]).toEqual([60, 15, 40]);
    expect([outage!.handle.draw(fixed), outage!.wrapUp.draw(fixed), outage!.patience]).toEqual([90, 0, null]);
  });

  it('samples a team’s own wrap-up only where the team overrides the intent’s', () => {
    const [billing, field] = run().samplers.teamWrapUp;
    expect(billing).toBeUndefined();
    expect(field!.draw(fixed)).toBe(25);
  });

  it('samples the IVR menu only when the design has an IVR', () => {
    expect(run().samplers.ivrMenu).toBeUndefined();
    expect(run({ design: '    ivr: { menu: 35s, accuracy: 1 }' }).samplers.ivrMenu!.draw(fixed)).toBe(35);
  });

  it('samples the misroute and transfer times, 0 by default', () => {
    const samplers = (design?: string): number[] => {
      const s = run({ design }).samplers;
      return [s.identify.draw(fixed), s.reexplain.draw(fixed), s.transferDelay.draw(fixed)];
    };
    expect(samplers()).toEqual([0, 0, 0]);
    expect(samplers('    misroute: { identify: 45s }\n    transfer: { delay: 20s, reexplain: 1m }')).toEqual([45, 60, 20]);
  });

  it('draws arrivals from the demand’s rate profile', () => {
    // Rate 0 in the first hour, then 60/h: u = 1/2 gives a gap of 60 s × ln 2 once the rate is on.
    const arrivals = run({ arrivals: '{ profile: { every: 1h, rates: [0/h, 60/h] } }' }).arrivals;
    expect(arrivals.next(0, fixed)).toBeCloseTo(3600 + 60 * Math.LN2, 9);
    // At 60/h from time 0, an exponential gap of mean 60 s: u = 1 - e⁻¹ gives 60 s.
    expect(run().arrivals.next(0, always(1 - Math.exp(-1)))).toBeCloseTo(60, 9);
  });

  it('carries the run settings unchanged', () => {
    expect(run().settings).toMatchObject({ horizon: 7200, warmup: 0, replications: 1, seed: 1 });
  });
});
