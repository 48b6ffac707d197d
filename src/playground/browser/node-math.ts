// Math.log, Math.exp and Math.pow as the command line computes them, for the playground's
// bundles (build/playground.ts puts these in their place). Browsers' engines may round the
// last bit of these functions differently from Node's (Chromium 156 differs from Node 20 on
// about one input in 5,000): a sampled time a bit off changes a tie or a comparison, and
// the run's JSON would no longer be the CLI's byte for byte. stdlib's JavaScript ports of
// fdlibm, the algorithms Node 20's V8 runs, give its very results in any engine.
import exp from '@stdlib/math-base-special-exp';
import ln from '@stdlib/math-base-special-ln';
import pow from '@stdlib/math-base-special-pow';

export const nodeMathLog: (x: number) => number = ln;
export const nodeMathExp: (x: number) => number = exp;
export const nodeMathPow: (base: number, exponent: number) => number = pow;
