// The loader's verdict on the editor's text: the problems `spoc validate` prints, one line
// each (file, field path, what was found, what is allowed), placed where the loader found them.
import { formatProblem, parseScenario, ScenarioError, type Scenario } from '../../scenario/index.ts';
import { SCENARIO_FILE } from '../protocol.ts';

export interface PlacedProblem {
  /** The line `spoc validate` prints for it. */
  readonly text: string;
  /** Offsets in the text: the problem's line from its column, or the first line. */
  readonly from: number;
  readonly to: number;
}

export type Verdict = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly problems: readonly PlacedProblem[] };

export function checkScenario(text: string): Verdict {
  try {
    return { ok: true, scenario: parseScenario(text, SCENARIO_FILE, { format: 'yaml' }) };
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    const lineEnd = (line: number): number => (line + 1 < starts.length ? starts[line + 1]! - 1 : text.length);
    const problems = error.problems.map((problem) => {
      const line = Math.min(Math.max((problem.line ?? 1) - 1, 0), starts.length - 1);
      const from = Math.min(starts[line]! + Math.max((problem.column ?? 1) - 1, 0), lineEnd(line));
      return { text: formatProblem(problem), from, to: Math.max(lineEnd(line), from) };
    });
    return { ok: false, problems };
  }
}
