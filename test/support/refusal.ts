// The ScenarioError that `run` throws; any other error is rethrown, and running without
// one fails the test.
import { ScenarioError } from '../../src/scenario/index.ts';

export function refusal(run: () => unknown, accepted = 'accepted'): ScenarioError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error(accepted);
}
