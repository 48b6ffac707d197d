// Defaults the contract leaves to the implementation, and the limits of every field.

/** Replications when `run.replications` is absent. */
export const DEFAULT_REPLICATIONS = 10;
/** Seed when `run.seed` is absent. */
export const DEFAULT_SEED = 1;
/** Most transfers of one call when `transfer.maxHops` is absent (the contract's default). */
export const DEFAULT_MAX_HOPS = 3;
/** `run.maxReplications` is this many times `run.replications` when absent (at most MAX_REPLICATIONS). */
export const DEFAULT_MAX_REPLICATIONS_FACTOR = 10;

// Limits. Far beyond any real contact centre, they refuse at load a value that would make
// a run last for ever or its arithmetic overflow (durations and rates: see units.ts).

/** Most agents of one team (or of one period of its schedule). */
export const MAX_AGENTS = 1_000_000;
/** Most replications of a run (`replications`, `maxReplications`). */
export const MAX_REPLICATIONS = 100_000;
/** Largest seed: the largest integer a double holds exactly (2^53 - 1). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;
/** Most waiting places of a team's queue. */
export const MAX_QUEUE_CAPACITY = 10_000_000;
/** Most transfers of one call (`maxHops`). */
export const MAX_HOPS = 100;
/** Most phases of an Erlang distribution (each draw costs one exponential per phase). */
export const MAX_ERLANG_K = 1_000;
/** Largest coefficient of variation of a lognormal or gamma distribution. */
export const MAX_CV = 100;
/** Largest cost of one agent-hour. */
export const MAX_COST_PER_HOUR = 1_000_000;
