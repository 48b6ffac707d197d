// The misroute and transfer blocks of the scenario schema, written at the top level (every
// design's defaults) or in a design (overriding them field by field), and their defaults.
import { z } from 'zod';
import { DEFAULT_MAX_HOPS, MAX_HOPS } from './schema-limits.ts';
import { boolean, integer, obj, probability, says } from './schema-leaves.ts';
import { ZERO, distribution } from './schema-distributions.ts';

// No field has a zod default: a field left out takes the top-level block's value, and only
// then the defaults below, so parsing must keep "not written" visible. The JSON Schema
// still shows editors the defaults of plain values (`meta`).
const misrouteBlock = () =>
  obj(
    {
      identify: distribution()
        .optional()
        .describe('Time an agent spends finding out the call is not for the team (a distribution, default 0).'),
      action: z
        .enum(['transfer', 'redial'], says('expected "transfer" or "redial"'))
        .optional()
        .meta({ default: 'transfer' })
        .describe(
          'transfer: the agent transfers the call; redial: the caller hangs up and dials the right number after demand.retry.after, which a retry block must give (default transfer).',
        ),
    },
    'a misroute block {identify, action}',
  );

const transferBlock = () =>
  obj(
    {
      delay: distribution().optional().describe('Time in transit (a distribution, default 0).'),
      reexplain: distribution().optional().describe("Added to a transferred caller's handle time (a distribution, default 0)."),
      drop: probability().optional().meta({ default: 0 }).describe('Probability that a transferred caller is lost (default 0).'),
      priority: boolean()
        .optional()
        .meta({ default: false })
        .describe('Transferred callers go ahead of first-time callers in the next queue (default false).'),
      accuracy: probability()
        .optional()
        .meta({ default: 1 })
        .describe('Probability a transfer reaches a team with the right skill; else a uniformly chosen other team (default 1).'),
      mode: z
        .enum(['cold', 'warm'], says('expected "cold" or "warm"'))
        .optional()
        .meta({ default: 'cold' })
        .describe('cold, or warm: the transferring agent stays on the line during delay (default cold).'),
      maxHops: integer(' of transfers', 1, MAX_HOPS)
        .optional()
        .meta({ default: DEFAULT_MAX_HOPS })
        .describe(`A call that would need more transfers than this ends unresolved (1 to ${MAX_HOPS}, default ${DEFAULT_MAX_HOPS}).`),
    },
    'a transfer block {delay, reexplain, drop, priority, accuracy, mode, maxHops}',
  );

const DESIGN_LAYER = 'fields not given come from the top-level block of the same name';
const SHARED_LAYER = "a design's own block overrides them field by field";

/** A design's misroute block: its fields override the top-level block's. */
export const designMisroute = () =>
  misrouteBlock().optional().describe(`What happens when an agent receives a call outside the team's skills; ${DESIGN_LAYER}.`);

/** A design's transfer block: its fields override the top-level block's. */
export const designTransfer = () => transferBlock().optional().describe(`How misrouted callers are transferred; ${DESIGN_LAYER}.`);

/** The top-level misroute block: every design's defaults. */
export const sharedMisroute = () => misrouteBlock().optional().describe(`Every design's misroute defaults; ${SHARED_LAYER}.`);

/** The top-level transfer block: every design's defaults. */
export const sharedTransfer = () => transferBlock().optional().describe(`Every design's transfer defaults; ${SHARED_LAYER}.`);

export type MisrouteInput = z.output<ReturnType<typeof misrouteBlock>>;
export type TransferInput = z.output<ReturnType<typeof transferBlock>>;

/** What a misroute costs when neither the design nor the top level says. */
export const MISROUTE_DEFAULTS: Readonly<Required<MisrouteInput>> = {
  identify: ZERO,
  action: 'transfer',
};

/** How a transfer goes when neither the design nor the top level says. */
export const TRANSFER_DEFAULTS: Readonly<Required<TransferInput>> = {
  delay: ZERO,
  reexplain: ZERO,
  drop: 0,
  priority: false,
  accuracy: 1,
  mode: 'cold',
  maxHops: DEFAULT_MAX_HOPS,
};

/**
 * One block from its layers, field by field: the last layer giving a field wins, the
 * defaults fill the rest.
 */
export function layered<T extends object>(defaults: Readonly<Required<T>>, ...layers: readonly (T | undefined)[]): Required<T> {
  const out: Record<string, unknown> = { ...defaults };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) if (value !== undefined) out[key] = value;
  }
  return out as Required<T>;
}
