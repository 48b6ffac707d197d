// Numerical helpers for the analytic formulas: log-space sums, quadrature and quantile search.

/** ln(e^a + e^b) without overflow; either side may be -Infinity. */
export function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const hi = Math.max(a, b);
  return hi + Math.log1p(Math.exp(-Math.abs(a - b)));
}

// Gauss–Kronrod 7/15 abscissae and weights on [-1, 1] (QUADPACK qk15), non-negative half.
const XGK = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
  0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
  0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0,
];
const WGK = [
  0.02293532201052922496373200805897, 0.063092092629978553290700663189204,
  0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
  0.16900472663926790282658342659855, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
];
/** 7-point Gauss weights for XGK[1], XGK[3], XGK[5], XGK[7]. */
const WG = [
  0.129484966168869693270611432679082, 0.27970539148927666790146777142378,
  0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
];

function kronrod(f: (x: number) => number, a: number, b: number): { value: number; error: number } {
  const centre = (a + b) / 2;
  const half = (b - a) / 2;
  const fc = f(centre);
  let k = fc * WGK[7]!;
  let g = fc * WG[3]!;
  for (let i = 0; i < 7; i++) {
    const dx = half * XGK[i]!;
    const sum = f(centre - dx) + f(centre + dx);
    k += WGK[i]! * sum;
    if (i % 2 === 1) g += WG[(i - 1) / 2]! * sum;
  }
  return { value: k * half, error: Math.abs((k - g) * half) };
}

/**
 * ∫ f over [a, b] by adaptive Gauss–Kronrod 7/15, refining sub-intervals until each one's error
 * estimate is below its share of `absTol` (or below `relTol` of its own value). `breakpoints`
 * inside (a, b) start the subdivision: a feature much narrower than its panel can fall between
 * the nodes unseen, so callers place breakpoints around narrow peaks at the peak's own scale.
 */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: { absTol?: number; relTol?: number; breakpoints?: readonly number[] } = {},
): number {
  if (!(b > a)) return 0;
  const absTol = options.absTol ?? 1e-14;
  const relTol = options.relTol ?? 1e-12;
  const points = [a, ...(options.breakpoints ?? []).filter((x) => x > a && x < b), b].sort((x, y) => x - y);
  const width = b - a;
  let total = 0;
  const stack: { lo: number; hi: number; depth: number }[] = [];
  for (let i = points.length - 2; i >= 0; i--) stack.push({ lo: points[i]!, hi: points[i + 1]!, depth: 0 });
  while (stack.length > 0) {
    const { lo, hi, depth } = stack.pop()!;
    if (!(hi > lo)) continue;
    const { value, error } = kronrod(f, lo, hi);
    const allowed = Math.max((absTol * (hi - lo)) / width, relTol * Math.abs(value));
    if (error <= allowed || depth >= 60) {
      total += value;
    } else {
      const mid = (lo + hi) / 2;
      stack.push({ lo: mid, hi, depth: depth + 1 }, { lo, hi: mid, depth: depth + 1 });
    }
  }
  return total;
}

/**
 * The p-quantile of a non-negative waiting time W from its exceedance function P(W > t), which
 * must be non-increasing and continuous for t > 0: the smallest t with P(W > t) <= 1 - p.
 * `scale` (seconds) is a first guess of the size of waits. Accurate to about 1e-9 relative.
 */
export function quantileFromExceedance(exceedance: (t: number) => number, p: number, scale: number): number {
  const tail = 1 - p;
  if (exceedance(0) <= tail) return 0;
  let lo = 0;
  let hi = scale > 0 && Number.isFinite(scale) ? scale : 1;
  let guard = 0;
  while (exceedance(hi) > tail) {
    lo = hi;
    hi *= 2;
    if (++guard > 2000 || !Number.isFinite(hi)) return Infinity;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-10 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (exceedance(mid) > tail) lo = mid;
    else hi = mid;
  }
  return hi;
}
