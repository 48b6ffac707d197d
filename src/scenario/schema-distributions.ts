// Distributions in the scenario schema: a duration (fixed) or `{dist: …}` with its parameters.
import { z } from 'zod';
import { MAX_CV, MAX_ERLANG_K } from './schema-limits.ts';
import { duration, integer, name, number, obj, says } from './schema-leaves.ts';


export const DISTRIBUTION_KINDS = [
  'exponential',
  'lognormal',
  'gamma',
  'erlang',
  'uniform',
  'triangular',
  'fixed',
  'empirical',
] as const;

/** A distribution as validated data, all durations in seconds. */
export type DistributionSpec =
  | { readonly dist: 'fixed'; readonly value: number }
  | { readonly dist: 'exponential'; readonly mean: number }
  | { readonly dist: 'lognormal'; readonly mean: number; readonly cv?: number | undefined; readonly sd?: number | undefined }
  | { readonly dist: 'gamma'; readonly mean: number; readonly cv: number }
  | { readonly dist: 'erlang'; readonly mean: number; readonly k: number }
  | { readonly dist: 'uniform'; readonly min: number; readonly max: number }
  | { readonly dist: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | {
      readonly dist: 'empirical';
      readonly values?: readonly number[] | undefined;
      readonly file?: string | undefined;
    };

export const ZERO: DistributionSpec = { dist: 'fixed', value: 0 };

const kind = <K extends (typeof DISTRIBUTION_KINDS)[number]>(k: K, text: string) =>
  z.literal(k, says(`expected "${k}"`)).describe(text);
const mean = () => duration({ positive: true }).describe('Mean (a duration greater than 0).');

const distributionObject = z.discriminatedUnion(
  'dist',
  [
    obj(
      {
        dist: kind('fixed', 'Always the same value.'),
        value: duration().describe('The value (a duration).'),
      },
      'a fixed distribution {dist: fixed, value}',
    ),
    obj(
      {
        dist: kind('exponential', 'Exponential: memoryless, coefficient of variation 1.'),
        mean: mean(),
      },
      'an exponential distribution {dist: exponential, mean}',
    ),
    obj(
      {
        dist: kind('lognormal', 'Lognormal, given its mean and either its cv or its sd.'),
        mean: mean(),
        cv: number(`expected a coefficient of variation (sd / mean) from 0 to ${MAX_CV}`, { min: 0, max: MAX_CV })
          .optional()
          .describe(`Coefficient of variation (sd / mean), a number from 0 to ${MAX_CV}; give cv or sd, not both.`),
        sd: duration().optional().describe('Standard deviation (a duration); give cv or sd, not both.'),
      },
      'a lognormal distribution {dist: lognormal, mean, cv} or {dist: lognormal, mean, sd}',
    ).superRefine((d, ctx) => {
      if (d.cv !== undefined && d.sd !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['sd'], message: 'expected either cv or sd, not both' });
      } else if (d.cv === undefined && d.sd === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: 'expected a cv or an sd as well as the mean' });
      }
    }),
    obj(
      {
        dist: kind('gamma', 'Gamma, given its mean and coefficient of variation.'),
        mean: mean(),
        cv: number(`expected a coefficient of variation (sd / mean) greater than 0 and at most ${MAX_CV}`, {
          gt: 0,
          max: MAX_CV,
        }).describe(`Coefficient of variation (sd / mean), a number greater than 0 and at most ${MAX_CV}.`),
      },
      'a gamma distribution {dist: gamma, mean, cv}',
    ),
    obj(
      {
        dist: kind('erlang', 'Erlang-k: the sum of k exponential phases.'),
        mean: mean(),
        k: integer(' of phases', 1, MAX_ERLANG_K).describe(`Number of phases, a whole number from 1 to ${MAX_ERLANG_K}.`),
      },
      'an Erlang distribution {dist: erlang, mean, k}',
    ),
    obj(
      {
        dist: kind('uniform', 'Uniform between min and max.'),
        min: duration().describe('Smallest value (a duration).'),
        max: duration().describe('Largest value (a duration), at least min.'),
      },
      'a uniform distribution {dist: uniform, min, max}',
    ).superRefine((d, ctx) => {
      if (d.min > d.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'expected a max at least as large as min' });
    }),
    obj(
      {
        dist: kind('triangular', 'Triangular between min and max, most likely at mode.'),
        min: duration().describe('Smallest value (a duration).'),
        mode: duration().describe('Most likely value (a duration), between min and max.'),
        max: duration().describe('Largest value (a duration), more than min.'),
      },
      'a triangular distribution {dist: triangular, min, mode, max}',
    ).superRefine((d, ctx) => {
      if (d.min >= d.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'expected a max larger than min' });
      else if (d.mode < d.min) ctx.addIssue({ code: 'custom', path: ['mode'], message: 'expected a mode at least min' });
      else if (d.mode > d.max) ctx.addIssue({ code: 'custom', path: ['mode'], message: 'expected a mode at most max' });
    }),
    obj(
      {
        dist: kind('empirical', 'Resamples observed values uniformly: give values, or a CSV file.'),
        values: z
          .array(duration(), says('expected a list of durations'))
          .min(1, says('expected a list of at least one duration'))
          .optional()
          .describe('The observed values (durations).'),
        file: name('the path of a CSV file of observed values')
          .optional()
          .describe(
            "A one-column CSV file of observed values in seconds (an optional header line, blank lines ignored), relative to the scenario file's directory.",
          ),
      },
      'an empirical distribution {dist: empirical, values: [...]} or {dist: empirical, file: path.csv}',
    )
      .meta({ oneOf: [{ required: ['values'] }, { required: ['file'] }] })
      .superRefine((d, ctx) => {
      if (d.values !== undefined && d.file !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['file'], message: 'found both values and file, expected either values or file, not both' });
      } else if (d.values === undefined && d.file === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: 'expected values: [...] (or file: path.csv)' });
      }
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `expected "dist" to be one of: ${DISTRIBUTION_KINDS.join(', ')}`
        : 'expected a distribution such as {dist: exponential, mean: 3m}',
  },
).meta({ id: 'distribution', title: 'Distribution', description: `A distribution of durations: {dist: ${DISTRIBUTION_KINDS.join(' | ')}, ...}.` });

const DISTRIBUTION_EXPECTED = `expected a duration (e.g. 3m) or a distribution such as {dist: exponential, mean: 3m} (dist: ${DISTRIBUTION_KINDS.join(', ')})`;

/** A duration (a fixed value) or a distribution object. */
export const distribution = (options: { orNone?: boolean } = {}) =>
  z
    .union([duration(options), distributionObject], says(DISTRIBUTION_EXPECTED))
    .transform((d): DistributionSpec => (typeof d === 'number' ? { dist: 'fixed', value: d } : d));

/** `none` (nobody abandons) or a distribution of how long a caller waits before abandoning. */
export const patience = () =>
  z.union([z.literal('none'), distribution({ orNone: true })], says(`expected "none" or ${DISTRIBUTION_EXPECTED.slice('expected '.length)}`));
