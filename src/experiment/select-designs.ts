// The designs a run covers: all of the scenario's, or those named with --design, in that order.
import { InputError } from '../scenario/input-error.ts';
import type { Scenario } from '../scenario/model.ts';

export function selectDesigns(scenario: Scenario, names: readonly string[] | undefined): Scenario['designs'] {
  if (names === undefined || names.length === 0) return scenario.designs;
  return names.map((name) => {
    const design = scenario.designs.find((d) => d.name === name);
    if (design === undefined) throw new UnknownDesignError(name, scenario.designs.map((d) => d.name));
    return design;
  });
}

/** A `--design` name that the scenario does not define: bad input, not a crash. */
export class UnknownDesignError extends InputError {
  constructor(
    readonly design: string,
    readonly known: readonly string[],
  ) {
    super(`unknown design "${design}"; the scenario defines: ${known.join(', ')}`);
  }
}
