// Opening hours in the scenario schema: the top-level `calendar` block and the `open` block
// a number may carry. The hours themselves are parsed by open-hours.ts, each problem under
// its key (`calendar.open.mon-fri`).
import { z } from 'zod';
import { parseOpenHours, type OpenHours } from './open-hours.ts';
import { ZERO, distribution } from './schema-distributions.ts';
import { obj, probability, says } from './schema-leaves.ts';

const OPEN_EXPECTED = 'expected opening hours by day, e.g. {mon-fri: "08:00-18:00", sat: "09:00-12:00"} (days not listed are closed)';

/** An `open` block, `{mon-fri: "08:00-18:00", sat: "09:00-12:00"}`, to the week's opening hours. */
export const openHours = () =>
  z
    .record(z.string(), z.unknown(), says(OPEN_EXPECTED))
    .transform((block, ctx): OpenHours => {
      const parsed = parseOpenHours(block);
      if (parsed.ok) return parsed.value;
      for (const problem of parsed.problems) {
        ctx.issues.push({
          code: 'custom',
          message: problem.message,
          path: problem.key === '' ? [] : [problem.key],
          input: problem.key === '' ? block : block[problem.key],
        });
      }
      return z.NEVER;
    })
    .meta({ type: 'object', additionalProperties: { type: 'string' } });

export const calendar = obj(
  {
    open: openHours()
      .optional()
      .describe('When the numbers answer, by day: {mon-fri: "08:00-18:00", sat: "09:00-12:00"}; days not listed are closed; "22:00-06:00" runs across midnight (default: always open). A number may carry its own open.'),
    reopenDelay: distribution()
      .default(ZERO)
      .describe('How long after the next opening a caller who found the line closed (or whose repeat call fell in closed hours) calls (a distribution, default 0).'),
    atClosing: z
      .enum(['serve', 'disconnect'], says('expected serve or disconnect'))
      .default('serve')
      .describe('At closing: serve (default) answers the callers already waiting; disconnect plays them the closing message (outcome closed), and they call again as a caller who found the line closed.'),
    closedRetry: probability()
      .default(1)
      .describe('Probability that a caller who found the line closed calls again at the next opening plus reopenDelay (default 1).'),
  },
  'a calendar block {open, reopenDelay, atClosing, closedRetry}',
);
