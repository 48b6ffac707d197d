// Independent reference computations for the analytic tests: plain sums over small state spaces.

/** Stationary distribution of a birth-death chain on 0..n, from plain products (small cases only). */
export function birthDeath(n: number, birth: (i: number) => number, death: (i: number) => number): number[] {
  const w = [1];
  for (let i = 1; i <= n; i++) w.push(w[i - 1]! * (birth(i - 1) / death(i)));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

/** n! as a double (n <= 170). */
export function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

/** The textbook Erlang C formula with factorials and powers (small c only). */
export function erlangCDirect(c: number, a: number): number {
  let sum = 0;
  for (let k = 0; k < c; k++) sum += a ** k / factorial(k);
  const top = (a ** c / factorial(c)) * (c / (c - a));
  return top / (sum + top);
}

/** Composite Simpson rule on a uniform grid (`steps` even), for smooth checks. */
export function simpson(f: (x: number) => number, a: number, b: number, steps: number): number {
  const h = (b - a) / steps;
  let s = f(a) + f(b);
  for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}
