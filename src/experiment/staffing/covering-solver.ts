// The least-cost whole numbers of columns covering every row's demand, and among those the
// fewest columns in all, solved by HiGHS (compiled to WebAssembly, loaded once per thread):
// minimise Σ cost·x, then Σ x, subject to, for every row, Σ x over the columns covering it
// ≥ demand, each x a whole number ≥ 0.
import highsPackage, { type Highs } from 'highs';

// The package's types are declared CommonJS (its default export under `.default`), while
// Node's import loads its ES module build, whose default export is the loader itself.
type LoadHighs = typeof highsPackage.default;
const loadHighs: LoadHighs = typeof highsPackage === 'function' ? highsPackage : highsPackage.default;

/** A column covers the consecutive rows [first, end). */
export interface CoveringColumn {
  readonly first: number;
  readonly end: number;
  readonly cost: number;
}

export interface CoveringProgram {
  /** Whole demand of each row. */
  readonly demand: readonly number[];
  readonly columns: readonly CoveringColumn[];
}

let highs: Promise<Highs> | undefined;

/**
 * The optimal whole counts of each column, proven optimal (no gap left) for the cost and
 * then for the number of columns, lexicographically (HiGHS's prioritised objectives: the
 * second is minimised with the first held at its optimum). Deterministic: the WebAssembly
 * build runs on one thread, with no time limit and a fixed random seed, so the same
 * program always gives the same counts. Throws (an internal error) when the
 * solver does not prove an optimum or returns a count that is not whole; the caller checks
 * that the counts cover the demand.
 */
export async function solveCovering(program: CoveringProgram): Promise<number[]> {
  const solver = await (highs ??= loadHighs());
  const { demand, columns } = program;
  const starts = [0];
  const rows: number[] = [];
  for (const { first, end } of columns) {
    for (let row = first; row < end; row++) rows.push(row);
    starts.push(rows.length);
  }
  const values = new Float64Array(rows.length).fill(1);
  const model = {
    numCols: columns.length,
    numRows: demand.length,
    sense: solver.constants.objectiveSense.minimize,
    colCost: columns.map((c) => c.cost),
    colLower: new Float64Array(columns.length),
    colUpper: new Float64Array(columns.length).fill(solver.infinity),
    rowLower: demand,
    rowUpper: new Float64Array(demand.length).fill(solver.infinity),
    matrix: { format: 'csc' as const, numRows: demand.length, numCols: columns.length, starts, indices: rows, values },
    integrality: new Int32Array(columns.length).fill(solver.constants.variableType.integer),
  };
  const { status, primal } = solver.withModel(model, (m) => {
    m.options.set({ output_flag: false, mip_rel_gap: 0, random_seed: 0, blend_multi_objectives: false });
    // Cost first, exactly (no tolerance on it), then the count.
    m.passLinearObjectives([
      { weight: 1, offset: 0, coefficients: columns.map((c) => c.cost), absoluteTolerance: 0, relativeTolerance: 0, priority: 2 },
      { weight: 1, offset: 0, coefficients: columns.map(() => 1), absoluteTolerance: 0, relativeTolerance: 0, priority: 1 },
    ]);
    m.run();
    return { status: m.getModelStatus(), primal: Array.from(m.getSolution().colValue) };
  });
  if (status !== solver.constants.modelStatus.optimal) {
    throw new Error(`the covering program was not solved to optimality (HiGHS model status ${status})`);
  }
  // Integrality is met within HiGHS's tolerance: round, and refuse anything further off.
  return primal.map((x, k) => {
    const count = Math.round(x);
    if (count < 0 || Math.abs(x - count) > 1e-6) throw new Error(`the covering program's answer ${x} for column ${k} is not a whole count`);
    return count;
  });
}
