// Erlang B (M/M/c/c loss system) blocking probability, by stable recurrences.
import { requireInteger, requireNonNegative } from './validate.ts';

/**
 * Erlang B: the probability that an arrival finds all `servers` busy in a loss system with
 * `offeredLoad` A = arrival rate × mean service time (Erlangs, dimensionless). Uses the
 * recurrence B(0) = 1, B(k) = A·B(k-1) / (k + A·B(k-1)), stable for any number of servers
 * (values too small for a double come out as 0).
 */
export function erlangB(servers: number, offeredLoad: number): number {
  requireInteger('servers', servers, 0);
  requireNonNegative('offeredLoad', offeredLoad);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/**
 * ln(1 / B(servers, offeredLoad)) = ln Σ_{n=0..c} (A^n/n!) / (A^c/c!): the log of the total mass
 * of states 0..c of the Erlang loss distribution relative to state c. Computed in log space,
 * so it stays finite where B itself underflows (e.g. 1000 servers at 1 Erlang). Dimensionless.
 */
export function logInverseErlangB(servers: number, offeredLoad: number): number {
  requireInteger('servers', servers, 0);
  requireNonNegative('offeredLoad', offeredLoad);
  if (servers === 0) return 0;
  if (offeredLoad === 0) return Infinity;
  // 1/B(k) = 1 + (k/A)·(1/B(k-1)), carried as its logarithm.
  let logInv = 0;
  const logA = Math.log(offeredLoad);
  for (let k = 1; k <= servers; k++) {
    const y = Math.log(k) - logA + logInv;
    logInv = y > 0 ? y + Math.log1p(Math.exp(-y)) : Math.log1p(Math.exp(y));
  }
  return logInv;
}
