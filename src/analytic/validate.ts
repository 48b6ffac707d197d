// Argument checks shared by the analytic formulas: each throws a RangeError naming the argument.

/** Requires a finite number > 0. */
export function requirePositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
  }
}

/** Requires a finite number >= 0. */
export function requireNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

/** Requires an integer >= min. */
export function requireInteger(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

/** Requires a number > 0; Infinity is allowed (for patience: never abandons). */
export function requirePositiveOrInfinite(name: string, value: number): void {
  if (!(value > 0)) {
    throw new RangeError(`${name} must be > 0 (Infinity allowed), got ${value}`);
  }
}

/** Requires a probability in [0, 1] (or [0, 1) when `open` is set). */
export function requireProbability(name: string, value: number, open = false): void {
  const ok = Number.isFinite(value) && value >= 0 && (open ? value < 1 : value <= 1);
  if (!ok) throw new RangeError(`${name} must be in [0, ${open ? '1)' : '1]'}, got ${value}`);
}
