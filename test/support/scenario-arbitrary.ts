// Random valid scenario files for property-based tests: fast-check arbitraries that build
// the raw data of a scenario (as an author would write it, with units as strings or plain
// seconds) and render it as YAML, so that every property goes through the real loader.
//
// Coverage: 1-4 intents (shares from integer percentages or exact floats), every kind of
// distribution, patience (none, shared, per intent), resolve and selfService, 1-4 teams
// per team set with skills covering every intent, fixed agents or schedules, queueCapacity,
// wrapUp and costPerHour; 1-3 designs with their own teams or the top-level ones,
// department numbers (some with `for` subsets), an IVR or a mix, dialing.right, misroute
// (identify, transfer or redial), transfer (delay, reexplain, drop, priority, accuracy,
// warm/cold, maxHops), overflow rules, continuity (team or advisor, advisorWait), agent groups
// (factors, select), callbackOffer, handleCap; retry and callback; constant
// rates or profiles; short horizons, warm-up, drain true or false.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { agentsAt } from '../../src/callcenter/compile.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';

export interface GeneratorOptions {
  /** Most intents (at least 1). Default 4. */
  readonly maxIntents?: number;
  /** Most teams in one team set. Default 4. */
  readonly maxTeams?: number;
  /** Most designs. Default 3. */
  readonly maxDesigns?: number;
  /** Allow retry, callback, `misroute.action: redial` and a calendar (closed lines call again). Default true. */
  readonly repeatCalls?: boolean;
  /** Fix `run.drain` (written or left to its default); random when undefined. */
  readonly drain?: boolean;
  /** Range of `run.horizon`, minutes. Default [30, 180]. */
  readonly horizonMinutes?: readonly [number, number];
  /** Most new issues expected per replication (caps the arrival rate). Default 1500. */
  readonly maxIssues?: number;
  /** Range of `run.replications`. Default [2, 3]. */
  readonly replications?: readonly [number, number];
  /** Agents per team as a multiple of the team's offered load. Default [0.5, 1.8]. */
  readonly staffing?: readonly [number, number];
  /** Every intent has a patience (nobody waits forever). Default false. */
  readonly patienceAlways?: boolean;
  /** Allow schedules of agents (some periods may have nobody on duty). Default true. */
  readonly schedules?: boolean;
  /** Allow queueCapacity. Default true. */
  readonly queueCapacity?: boolean;
  /** Agents of each period of a schedule, in percent of the team's fixed staffing. Default [0, 150]. */
  readonly scheduleShare?: readonly [number, number];
  /**
   * Also make files where callers may be left waiting for a shift while calls drain (see
   * `mayStrand`; such files once made runs loop for ever — test/property/found-problems.test.ts).
   * Default true.
   */
  readonly strandingSchedules?: boolean;
}

type Raw = Record<string, unknown>;

// ---------------------------------------------------------------------------------------
// Units as an author writes them.

/** Seconds written as a number, "Ns", "Nm", "NmMs", "Nmin" or "Nh" (whichever fits). */
export function writeDuration(seconds: number, style: number): number | string {
  const whole = Number.isInteger(seconds);
  switch (style % 5) {
    case 0:
      return seconds;
    case 1:
      return `${seconds}s`;
    case 2:
      return whole && seconds > 0 && seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
    case 3:
      if (whole && seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600}h`;
      if (whole && seconds >= 60) return seconds % 60 === 0 ? `${seconds / 60}min` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
      return seconds;
    default:
      return whole && seconds >= 3600 ? `${Math.floor(seconds / 3600)}h${Math.floor((seconds % 3600) / 60)}m${seconds % 60}s` : `${seconds}s`;
  }
}

/** Calls per hour written as a bare number, "N/h", "N/min", "N/d" or "N/s". */
function writeRate(perHour: number, style: number): number | string {
  switch (style % 5) {
    case 0:
      return perHour;
    case 1:
      return `${perHour}/h`;
    case 2:
      return perHour % 60 === 0 ? `${perHour / 60}/min` : `${perHour}/h`;
    case 3:
      return `${perHour * 24}/d`;
    default:
      return perHour % 3600 === 0 ? `${perHour / 3600}/s` : perHour;
  }
}

const style = fc.nat(9);
const durationArb = (min: number, max: number): fc.Arbitrary<number | string> =>
  fc.tuple(fc.integer({ min, max }), style).map(([s, k]) => writeDuration(s, k));
const probability = fc.integer({ min: 0, max: 100 }).map((p) => p / 100);
const round1 = (x: number): number => Math.round(x * 10) / 10;

// ---------------------------------------------------------------------------------------
// Distributions.

/**
 * A distribution with mean close to `mean` seconds (exactly `mean` for most kinds), of
 * any kind the format has, written as a plain duration or an object.
 */
export function distributionAround(mean: number): fc.Arbitrary<unknown> {
  const m = Math.max(1, Math.round(mean));
  return fc.oneof(
    // Values on a coarse grid, 0 included, make events coincide: ties test the order of
    // simultaneous events (an agent freeing up as a patience runs out, say).
    fc.tuple(fc.constantFrom(0, 30, 60, 120), style).map(([v, k]) => writeDuration(v, k)),
    style.map((k) => writeDuration(m, k)),
    style.map((k) => ({ dist: 'fixed', value: writeDuration(m, k) })),
    style.map((k) => ({ dist: 'exponential', mean: writeDuration(m, k) })),
    fc
      .tuple(fc.constantFrom(0, 0.2, 0.6, 1, 1.5, 3), fc.boolean(), style)
      .map(([cv, asSd, k]) =>
        asSd ? { dist: 'lognormal', mean: writeDuration(m, k), sd: writeDuration(round1(m * cv), k) } : { dist: 'lognormal', mean: writeDuration(m, k), cv },
      ),
    fc.tuple(fc.constantFrom(0.05, 0.3, 0.7, 1, 2, 4), style).map(([cv, k]) => ({ dist: 'gamma', mean: writeDuration(m, k), cv })),
    fc.tuple(fc.integer({ min: 1, max: 8 }), style).map(([n, k]) => ({ dist: 'erlang', mean: writeDuration(m, k), k: n })),
    fc.tuple(fc.integer({ min: 0, max: 100 }), style).map(([a, k]) => {
      const min = round1((m * a) / 100);
      return { dist: 'uniform', min: writeDuration(min, k), max: writeDuration(round1(2 * m - min), k) };
    }),
    fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100 }), style).map(([d, skew, k]) => {
      const min = round1(m * (1 - d / 100));
      const max = Math.max(round1(m * (1 + d / 100)), round1(min + 0.1));
      const mode = round1(min + ((max - min) * skew) / 100);
      return { dist: 'triangular', min: writeDuration(min, k), mode: writeDuration(mode, k), max: writeDuration(max, k) };
    }),
    fc
      .array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 6 })
      .map((factors) => ({ dist: 'empirical', values: factors.map((f) => round1((m * f) / 100)) })),
  );
}

/** A distribution that may be always 0 (identify, delay, reexplain, wrap-up, menu). */
function distributionUpTo(maxMean: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom<unknown>(0, '0s', { dist: 'fixed', value: 0 }) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: maxMean }).chain(distributionAround) },
  );
}

// ---------------------------------------------------------------------------------------
// Demand.

const INTENT_NAMES = ['billing', 'outage', 'moving', 'tracking'] as const;

interface DemandDraft {
  readonly names: readonly string[];
  readonly shares: readonly number[];
  /** Mean handle time of each intent, seconds. */
  readonly handleMeans: readonly number[];
  readonly ratePerHour: number;
  readonly horizonMinutes: number;
}

/** Shares summing to 1: integer percentages, or exact floats with the last one 1 - the others. */
function sharesArb(n: number): fc.Arbitrary<number[]> {
  const percentages = fc
    .array(fc.integer({ min: 0, max: 100 }), { minLength: n - 1, maxLength: n - 1 })
    .map((cuts) => {
      const sorted = [0, ...cuts.sort((a, b) => a - b), 100];
      return sorted.slice(1).map((c, i) => (c - sorted[i]!) / 100);
    });
  const exact = fc
    .array(fc.integer({ min: 1, max: 9 }), { minLength: n, maxLength: n })
    .map((weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      const shares = weights.slice(0, -1).map((w) => w / total);
      return [...shares, 1 - shares.reduce((a, b) => a + b, 0)];
    });
  return fc.oneof(percentages, exact);
}

function demandDraftArb(options: GeneratorOptions): fc.Arbitrary<DemandDraft> {
  const [hMin, hMax] = options.horizonMinutes ?? [30, 180];
  return fc
    .record({
      n: fc.integer({ min: 1, max: options.maxIntents ?? 4 }),
      horizonMinutes: fc.integer({ min: hMin, max: hMax }).map((x) => x - (x % 5)),
      load: fc.integer({ min: 5, max: 100 }),
    })
    .chain(({ n, horizonMinutes, load }) => {
      const horizon = Math.max(hMin, horizonMinutes);
      const maxRate = Math.max(12, Math.floor((options.maxIssues ?? 1500) / (horizon / 60)));
      // Integer rates per hour, multiples of 12 so that /min and /s forms appear sometimes.
      const ratePerHour = Math.max(12, Math.round((maxRate * load) / 100 / 12) * 12);
      return fc.record({
        names: fc.constant(INTENT_NAMES.slice(0, n)),
        shares: sharesArb(n),
        handleMeans: fc.array(fc.integer({ min: 20, max: 420 }), { minLength: n, maxLength: n }),
        ratePerHour: fc.constant(ratePerHour),
        horizonMinutes: fc.constant(horizon),
      });
    });
}

/** Offered load of each intent, in agents (Erlangs). */
function intentLoads(d: DemandDraft): number[] {
  return d.names.map((_, i) => ((d.ratePerHour / 3600) * d.shares[i]! * d.handleMeans[i]!));
}

function patienceArb(): fc.Arbitrary<unknown> {
  return fc.integer({ min: 10, max: 400 }).chain(distributionAround);
}

function demandArb(d: DemandDraft, options: GeneratorOptions): fc.Arbitrary<Raw> {
  const always = options.patienceAlways === true;
  const intents = fc.tuple(
    ...d.names.map((_, i) =>
      fc.record(
        {
          share: fc.constant(d.shares[i]!),
          handle: distributionAround(d.handleMeans[i]!),
          resolve: probability,
          wrapUp: distributionUpTo(40),
          selfService: probability,
          patience: always ? patienceArb() : fc.oneof(fc.constant('none'), patienceArb()),
        },
        { requiredKeys: ['share', 'handle'] },
      ),
    ),
  );
  const arrivals = fc.oneof(
    style.map((k) => ({ rate: writeRate(d.ratePerHour, k) })),
    fc
      .record({
        every: fc.integer({ min: 1, max: 8 }).map((x) => x * 15 * 60),
        rates: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 6 }),
        k: style,
      })
      .map(({ every, rates, k }) => {
        const positive = rates.some((r) => r > 0) ? rates : [...rates.slice(1), 100];
        // Profile rates average about the constant rate.
        const mean = positive.reduce((a, b) => a + b, 0) / positive.length;
        return {
          profile: {
            every: writeDuration(every, k),
            rates: positive.map((r, j) => writeRate(Math.round((d.ratePerHour * r) / mean), k + j)),
          },
        };
      }),
  );
  const recontact = fc.record({
    probability: fc.oneof(probability.map((p) => Math.min(p, 0.9)), fc.constant(1)),
    after: fc.integer({ min: 30, max: 1800 }).chain(distributionAround),
  });
  return fc
    .record(
      {
        arrivals,
        intents,
        patience: always ? patienceArb() : fc.oneof(fc.constant('none'), patienceArb()),
        retry: recontact,
        callback: recontact,
      },
      { requiredKeys: always ? ['arrivals', 'intents', 'patience'] : ['arrivals', 'intents'] },
    )
    .map(({ intents: list, retry, callback, ...rest }) => {
      const raw: Raw = { ...rest, intents: Object.fromEntries(d.names.map((name, i) => [name, list[i]!])) };
      if (options.repeatCalls !== false && retry !== undefined) raw.retry = retry;
      if (options.repeatCalls !== false && callback !== undefined) raw.callback = callback;
      return raw;
    });
}

// ---------------------------------------------------------------------------------------
// Teams.

const TEAM_NAME_SETS = [
  ['alpha', 'beta', 'gamma', 'delta'],
  ['desk', 'pool', 'east', 'west'],
] as const;

interface TeamDraft {
  readonly name: string;
  readonly skills: readonly string[];
}

interface TeamSet {
  readonly raw: Record<string, Raw>;
  readonly teams: readonly TeamDraft[];
}

/** 1-maxTeams teams whose skills cover every intent, staffed around their offered load. */
function teamSetArb(d: DemandDraft, options: GeneratorOptions, names: readonly string[]): fc.Arbitrary<TeamSet> {
  const loads = intentLoads(d);
  const [lo, hi] = options.staffing ?? [0.5, 1.8];
  const nIntents = d.names.length;
  return fc.integer({ min: 1, max: Math.min(options.maxTeams ?? 4, names.length) }).chain((n) =>
    fc
      .record({
        owners: fc.array(fc.nat(n - 1), { minLength: nIntents, maxLength: nIntents }),
        extras: fc.array(fc.subarray([...d.names]), { minLength: n, maxLength: n }),
        teams: fc.array(
          fc.record(
            {
              factor: fc.integer({ min: Math.round(lo * 100), max: Math.round(hi * 100) }),
              schedule:
                options.schedules === false
                  ? fc.constant(undefined)
                  : fc.option(
                      fc.record({
                        every: fc.integer({ min: 1, max: 6 }).map((x) => x * 15 * 60),
                        counts: fc.array(fc.integer({ min: options.scheduleShare?.[0] ?? 0, max: options.scheduleShare?.[1] ?? 150 }), {
                          minLength: 1,
                          maxLength: 5,
                        }),
                        k: style,
                      }),
                      { freq: 4 },
                    ),
              queueCapacity: options.queueCapacity === false ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: 12 }), { freq: 4 }),
              wrapUp: fc.option(distributionUpTo(30), { freq: 4 }),
              costPerHour: fc.option(fc.integer({ min: 0, max: 60 }), { freq: 2 }),
              groups: fc.option(
                fc.record({
                  first: fc.integer({ min: 1, max: 99 }),
                  handleFactor: fc.integer({ min: 50, max: 200 }).map((f) => f / 100),
                  resolveFactor: fc.integer({ min: 50, max: 150 }).map((f) => f / 100),
                  select: fc.constantFrom('longest-idle', 'fastest-first'),
                }),
                { freq: 4 },
              ),
            },
            { requiredKeys: ['factor', 'schedule', 'queueCapacity', 'wrapUp', 'costPerHour', 'groups'] },
          ),
          { minLength: n, maxLength: n },
        ),
      })
      .map(({ owners, extras, teams }) => {
        const drafts: TeamDraft[] = [];
        const raw: Record<string, Raw> = {};
        teams.forEach((t, k) => {
          const owned = d.names.filter((_, i) => owners[i] === k);
          const skills = d.names.filter((name) => owned.includes(name) || extras[k]!.includes(name));
          if (skills.length === 0) skills.push(d.names[k % nIntents]!);
          // Offered load of the intents this team owns, split with other owners of extras.
          const load = d.names.reduce((sum, name, i) => sum + (owned.includes(name) ? loads[i]! : 0), 0);
          const base = Math.max(1, Math.ceil((load * t.factor) / 100));
          const team: Raw = {
            agents:
              t.schedule === null || t.schedule === undefined
                ? base
                : {
                    every: writeDuration(t.schedule.every, t.schedule.k),
                    counts: withOnePositive(t.schedule.counts.map((c) => Math.round((base * c) / 100))),
                  },
            skills,
          };
          // Agent groups on a fixed count of two or more: a first group of `first`% (at least one
          // agent), slower or faster, and the rest, more or less likely to resolve.
          if (t.groups !== null && typeof team.agents === 'number' && team.agents >= 2) {
            const first = Math.min(team.agents - 1, Math.max(1, Math.round((team.agents * t.groups.first) / 100)));
            team.agents = [
              { count: first, name: 'first', handleFactor: t.groups.handleFactor },
              { count: team.agents - first, name: 'rest', resolveFactor: t.groups.resolveFactor },
            ];
            team.select = t.groups.select;
          }
          if (t.queueCapacity !== null && t.queueCapacity !== undefined) team.queueCapacity = t.queueCapacity;
          if (t.wrapUp !== null) team.wrapUp = t.wrapUp;
          if (t.costPerHour !== null) team.costPerHour = t.costPerHour;
          raw[names[k]!] = team;
          drafts.push({ name: names[k]!, skills });
        });
        return { raw, teams: drafts };
      }),
  );
}

function withOnePositive(counts: number[]): number[] {
  return counts.some((c) => c > 0) ? counts : [...counts.slice(1), 1];
}

// ---------------------------------------------------------------------------------------
// Designs.

interface NumberDraft {
  to: string;
  for: string[] | undefined;
}

/** Numbers reaching every intent: to teams (with `for` subsets or none) and/or to the IVR. */
function numbersArb(intents: readonly string[], teams: readonly TeamDraft[]): fc.Arbitrary<NumberDraft[]> {
  const departments = fc
    .record({ subsetOf: fc.array(fc.boolean(), { minLength: teams.length, maxLength: teams.length }), dropFor: fc.nat(9) })
    .map(({ subsetOf, dropFor }) =>
      teams.map((t, k) => ({
        to: t.name,
        // Advertised for the team's skills, or a part of them (coverage is restored below).
        for: dropFor === 0 && k === 0 ? undefined : subsetOf[k] && t.skills.length > 1 ? t.skills.slice(1) : [...t.skills],
      })),
    );
  const ivr = fc.constant(null).map((): NumberDraft[] => [{ to: 'ivr', for: undefined }]);
  const mixed = fc.array(
    fc.record({
      to: fc.constantFrom('ivr', ...teams.map((t) => t.name)),
      for: fc.option(fc.subarray([...intents], { minLength: 1 }), { freq: 3 }).map((x) => x ?? undefined),
    }),
    { minLength: 1, maxLength: 4 },
  );
  return fc.oneof(departments, ivr, mixed).map((drafts) => {
    // Copies: fast-check may hand the same values to another case while shrinking.
    const numbers = drafts.map((n): NumberDraft => ({ to: n.to, for: n.for === undefined ? undefined : [...n.for] }));
    for (const intent of intents) {
      if (numbers.some((n) => n.for === undefined || n.for.includes(intent))) continue;
      const target = numbers.find((n) => teams.find((t) => t.name === n.to)?.skills.includes(intent)) ?? numbers[0]!;
      target.for!.push(intent);
    }
    return numbers;
  });
}

function designArb(
  d: DemandDraft,
  options: GeneratorOptions,
  topLevel: TeamSet,
  hasRetry: boolean,
): fc.Arbitrary<Raw> {
  return fc
    .oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: teamSetArb(d, options, TEAM_NAME_SETS[1]) })
    .chain((own) => {
      const set = own ?? topLevel;
      const pairs = set.teams.flatMap((a) =>
        set.teams.filter((b) => b !== a && b.skills.some((s) => a.skills.includes(s))).map((b) => [a.name, b.name] as const),
      );
      return fc
        .record(
          {
            numbers: numbersArb(d.names, set.teams),
            dialing: fc.record({ right: probability }, { requiredKeys: [] }),
            ivr: fc.record(
              { menu: distributionUpTo(60), accuracy: probability, selfService: fc.boolean() },
              { requiredKeys: ['menu', 'accuracy'] },
            ),
            misroute: fc.record(
              { identify: distributionUpTo(90), action: hasRetry ? fc.constantFrom('transfer', 'redial') : fc.constant('transfer') },
              { requiredKeys: [] },
            ),
            transfer: fc.record(
              {
                delay: distributionUpTo(40),
                reexplain: distributionUpTo(60),
                drop: probability.map((p) => Math.min(p, 0.3)),
                priority: fc.boolean(),
                accuracy: probability,
                mode: fc.constantFrom('cold', 'warm'),
                maxHops: fc.integer({ min: 1, max: 4 }),
              },
              { requiredKeys: [] },
            ),
            overflow: fc
              .subarray(pairs)
              .chain((chosen) =>
                fc.tuple(...chosen.map(([from, to]) => durationArb(0, 120).map((after) => ({ from, to, after })))),
              ),
            continuity: fc.constantFrom(false, true, 'advisor'),
            advisorWait: durationArb(0, 180),
            callbackOffer: fc.record({ after: durationArb(0, 120), accept: probability, reach: probability }),
            handleCap: durationArb(60, 900),
          },
          { requiredKeys: ['numbers'] },
        )
        .map(({ numbers, ivr, overflow, advisorWait, ...rest }) => {
          const design: Raw = { ...rest };
          if (rest.continuity === 'advisor' && advisorWait !== undefined) design.advisorWait = advisorWait;
          design.numbers = numbers.map((n, i) => ({
            dial: i % 2 === 0 ? `0${800 + i} 11 22` : String(3600 + i),
            to: n.to,
            ...(n.for === undefined ? {} : { for: n.for }),
          }));
          const needsIvr = numbers.some((n) => n.to === 'ivr');
          if (needsIvr) design.ivr = ivr ?? { menu: '30s', accuracy: 0.9 };
          else if (ivr !== undefined) design.ivr = ivr;
          if (overflow !== undefined && overflow.length > 0) design.overflow = overflow;
          if (own !== undefined) design.teams = own.raw;
          return design;
        });
    });
}

// ---------------------------------------------------------------------------------------
// The scenario.

export interface GeneratedScenario {
  /** The file's data as written. */
  readonly raw: Raw;
  /** The same, as YAML text. */
  readonly yaml: string;
}

const clockText = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A calendar with two openings on Monday within the first four hours (the run starts
 * Monday 00:00), so short runs meet closed hours, closings and reopenings.
 */
const calendarArb: fc.Arbitrary<Raw> = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 47 }), { minLength: 4, maxLength: 4 }),
    atClosing: fc.constantFrom('serve', 'disconnect', undefined),
    closedRetry: fc.option(probability, { freq: 2 }),
    reopenDelay: fc.option(durationArb(0, 600), { freq: 2 }),
  })
  .map(({ cuts, atClosing, closedRetry, reopenDelay }) => {
    const [a, b, c, d] = [...cuts].sort((x, y) => x - y).map((k) => k * 5);
    const raw: Raw = { open: { mon: `${clockText(a!)}-${clockText(b!)}, ${clockText(c!)}-${clockText(d!)}` } };
    if (atClosing !== undefined) raw.atClosing = atClosing;
    if (closedRetry !== null) raw.closedRetry = closedRetry;
    if (reopenDelay !== null) raw.reopenDelay = reopenDelay;
    return raw;
  });

export function scenarioArbitrary(options: GeneratorOptions = {}): fc.Arbitrary<GeneratedScenario> {
  const [rMin, rMax] = options.replications ?? [2, 3];
  return demandDraftArb(options).chain((d) =>
    fc
      .record({
        demand: demandArb(d, options),
        teams: teamSetArb(d, options, TEAM_NAME_SETS[0]),
        // A closed line makes callers call again: no calendar where repeat calls are off.
        calendar: options.repeatCalls === false ? fc.constant(null) : fc.option(calendarArb, { freq: 3 }),
        run: fc.record(
          {
            warmupShare: fc.integer({ min: 0, max: 40 }),
            drain: options.drain === undefined ? fc.option(fc.boolean(), { freq: 3 }) : fc.constant(options.drain),
            replications: fc.integer({ min: rMin, max: rMax }),
            seed: fc.integer({ min: 0, max: 1_000_000 }),
            serviceLevel: fc.option(durationArb(0, 60), { freq: 2 }),
            k: style,
          },
          { requiredKeys: ['warmupShare', 'drain', 'replications', 'seed', 'serviceLevel', 'k'] },
        ),
      })
      .chain(({ demand, teams, calendar, run }) => {
        const hasRetry = demand.retry !== undefined;
        return fc
          .array(designArb(d, options, teams, hasRetry), { minLength: 1, maxLength: options.maxDesigns ?? 3 })
          .map((designs) => {
            const horizon = d.horizonMinutes * 60;
            const runRaw: Raw = {
              horizon: writeDuration(horizon, run.k),
              warmup: writeDuration(Math.round((horizon * run.warmupShare) / 100 / 60) * 60, run.k + 1),
              replications: run.replications,
              seed: run.seed,
            };
            // drain true is also the default: leave it out sometimes when it is true.
            if (run.drain === false || (run.drain === true && run.k % 2 === 0)) runRaw.drain = run.drain;
            if (run.serviceLevel !== null) runRaw.serviceLevel = run.serviceLevel;
            const raw: Raw = {
              name: 'property scenario',
              run: runRaw,
              ...(calendar === null ? {} : { calendar }),
              demand,
              // Top-level teams may be left out when every design brings its own.
              ...(designs.every((x) => x.teams !== undefined) && run.k % 3 === 0 ? {} : { teams: teams.raw }),
              designs: Object.fromEntries(designs.map((x, i) => [`design-${i + 1}`, x])),
            };
            return { raw, yaml: stringify(raw) };
          });
      }),
  ).filter((generated) => options.strandingSchedules !== false || !mayStrand(parseScenario(generated.yaml, 'prop.yaml')));
}

/**
 * Whether callers may be stranded while calls drain: a caller without patience, in the
 * queue of a team whose schedule has nobody on duty in the last period before the horizon.
 * The simulator runs shift changes after the horizon only when it decided to, at the
 * previous change, while someone was in the system; callers who arrive after an empty
 * moment (or all callers, when the first change falls after the horizon) wait for ever.
 */
export function mayStrand(scenario: Scenario): boolean {
  const { horizon, drain } = scenario.run;
  if (!drain || scenario.demand.intents.every((intent) => intent.patience !== null)) return false;
  return scenario.designs.some((design) =>
    design.teams.some(
      (team) =>
        team.staffing.kind === 'schedule' &&
        agentsAt(team.staffing, (Math.ceil(horizon / team.staffing.every) - 1) * team.staffing.every) === 0,
    ),
  );
}

