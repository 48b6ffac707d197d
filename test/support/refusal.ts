// The refusal that `run` throws: a ScenarioError (refusal) or any InputError (inputRefusal);
// any other error is rethrown, and running without one fails the test.
import { InputError, ScenarioError } from '../../src/scenario/index.ts';

export function refusal(run: () => unknown, accepted = 'accepted'): ScenarioError {
  return refusalOf(ScenarioError, run, accepted);
}

export function inputRefusal(run: () => unknown, accepted = 'accepted'): InputError {
  return refusalOf(InputError, run, accepted);
}

function refusalOf<E extends Error>(kind: abstract new (...args: never[]) => E, run: () => unknown, accepted: string): E {
  try {
    run();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(accepted);
}
