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

function kronrod(f: (x: number) => number, a: number, b: number): Panel {
  const centre = (a + b) / 2;
  const half = (b - a) / 2;
  const fc = f(centre);
  let k = fc * WGK[7]!;
  let g = fc * WG[3]!;
  let abs = Math.abs(fc) * WGK[7]!;
  for (let i = 0; i < 7; i++) {
    const dx = half * XGK[i]!;
    const left = f(centre - dx);
    const right = f(centre + dx);
    k += WGK[i]! * (left + right);
    abs += WGK[i]! * (Math.abs(left) + Math.abs(right));
    if (i % 2 === 1) g += WG[(i - 1) / 2]! * (left + right);
  }
  // The Gauss/Kronrod difference, floored at what rounding alone can explain.
  const error = Math.max(Math.abs((k - g) * half), 50 * Number.EPSILON * abs * half);
  return { lo: a, hi: b, value: k * half, error };
}

interface Panel {
  lo: number;
  hi: number;
  value: number;
  error: number;
}

/**
 * ∫ f over [a, b] by globally adaptive Gauss–Kronrod 7/15 (as QUADPACK's qag): the panel with the
 * largest error estimate is halved until the summed estimate is below max(absTol, relTol·|result|)
 * or `maxPanels` panels are in use (then the best estimate so far is returned). `breakpoints`
 * inside (a, b) start the subdivision: a feature much narrower than its panel can fall between
 * the nodes unseen, so callers place breakpoints around narrow peaks at the peak's own scale.
 */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: { absTol?: number; relTol?: number; breakpoints?: readonly number[]; maxPanels?: number } = {},
): number {
  if (!(b > a)) return 0;
  const absTol = options.absTol ?? 1e-14;
  const relTol = options.relTol ?? 1e-12;
  const maxPanels = options.maxPanels ?? 4000;
  const points = [a, ...(options.breakpoints ?? []).filter((x) => x > a && x < b), b].sort((x, y) => x - y);
  const panels: Panel[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    if (points[i + 1]! > points[i]!) panels.push(kronrod(f, points[i]!, points[i + 1]!));
  }
  for (;;) {
    let value = 0;
    let error = 0;
    let worst = 0;
    for (let i = 0; i < panels.length; i++) {
      const panel = panels[i]!;
      value += panel.value;
      error += panel.error;
      if (panel.error > panels[worst]!.error) worst = i;
    }
    if (error <= Math.max(absTol, relTol * Math.abs(value)) || panels.length >= maxPanels) return value;
    const { lo, hi } = panels[worst]!;
    const mid = (lo + hi) / 2;
    if (!(mid > lo && mid < hi)) return value; // cannot split further in floating point
    panels[worst] = kronrod(f, lo, mid);
    panels.push(kronrod(f, mid, hi));
  }
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
