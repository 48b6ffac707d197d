// Math.log and Math.exp as the command line computes them, for the playground's bundles
// (build/playground.ts puts these in their place). Browsers' engines may round the last bit
// of these functions differently from Node's (Chromium 156 differs from Node 20 on about
// one input in 5,000): a sampled time a bit off changes a tie or a comparison, and the
// run's JSON would no longer be the CLI's byte for byte. stdlib's JavaScript ports of
// fdlibm, the algorithms Node 20's V8 runs for these two, give its very results in any
// engine. Math.pow is left to the engine: stdlib's pow is not V8's (it differs on about one
// draw in twenty where the simulator raises one, a gamma of shape below 1, where Chromium's
// own differs on about one in 3,000).
import exp from '@stdlib/math-base-special-exp';
import ln from '@stdlib/math-base-special-ln';

export const nodeMathLog: (x: number) => number = ln;
export const nodeMathExp: (x: number) => number = exp;
