// The staffing search of one design, on a sample of replications fixed once (common random
// numbers: a sample-average problem, as Cezik & L'Ecuyer and Atlason, Epelman & Henderson
// pose it). From the analytic start it adds agents where a target is missed by most per
// agent-cost until every target holds, then removes agents while every target still holds:
// first many slots at once (per day one agent each, per interval a step of agents per slot,
// halved where a miss is blamed), then, round after round, the single removals that hold,
// kept one by one while they hold together, until no single agent can be removed. The
// answer is checked to be locally optimal: each of its removal neighbours was simulated and
// misses a target.
import { InputError } from '../../scenario/input-error.ts';
import type { Counts } from './analytic-start.ts';
import type { Evaluation } from './candidates.ts';
import { targetText, type TargetCheck } from './targets.ts';

/** One place a count can change: a team and a slot (the interval, or 0 for one count per team). */
interface Slot {
  readonly team: number;
  readonly slot: number;
}

export interface SearchSpace {
  /** The design's team names, in the order of the counts. */
  readonly teams: readonly string[];
  /** Where the search starts (the analytic estimate). */
  readonly start: Counts;
  /** The slots the search may change (the warm-up's keep the start). */
  readonly searchable: readonly Slot[];
  /** Cost of one agent in each team and slot (costPerHour × hours, or hours when teams have no cost). */
  readonly agentCost: (slot: Slot) => number;
  /** Per slot, the offered load of each team: which team of an interval an agent goes to. */
  readonly load: (slot: Slot) => number;
  /** Per-interval staffing: checks of interval k name slot k. */
  readonly perInterval: boolean;
}

/** What the search asks of candidates: their evaluations on the fixed sample (DesignCandidates simulates them). */
export interface StaffingEvaluator {
  readonly space: { readonly design: { readonly name: string } };
  /** Candidates simulated so far. */
  readonly count: number;
  evaluate(counts: Counts): Promise<Evaluation>;
  evaluateAll(staffings: readonly Counts[]): Promise<Evaluation[]>;
}

export interface SearchOutcome {
  readonly counts: Counts;
  readonly evaluation: Evaluation;
  /** Candidates of this design simulated. */
  readonly candidates: number;
  /** Each removal neighbour of the answer was simulated and misses a target. */
  readonly locallyOptimal: boolean;
}

/** A target that even an ample staffing misses: nothing to search for. */
export class UnreachableTargetError extends InputError {}

/**
 * Ample staffings, tried in turn until one meets every target: the start times FACTOR plus
 * EXTRA agents per team and slot. A target even the last misses is out of reach. Backlog
 * the formulas do not see (callers deferred from closed hours, a queue still full at
 * closing time) can need several times the estimate, so one try is not enough.
 */
const AMPLE = [
  { factor: 2, extra: 10 },
  { factor: 4, extra: 20 },
  { factor: 8, extra: 40 },
] as const;
/** Adding steps before the search gives up (each adds at least one agent where a target is missed). */
const MAX_ADD_STEPS = 200;

export async function searchStaffing(candidates: StaffingEvaluator, space: SearchSpace): Promise<SearchOutcome> {
  const design = candidates.space.design.name;
  const ampleOf = ({ factor, extra }: (typeof AMPLE)[number]): Counts => carryOver(space, mapSlots(space.start, space.searchable, (n) => Math.max(factor * n, n + extra)));
  const [atStart, first] = await candidates.evaluateAll([space.start, ampleOf(AMPLE[0])]);
  let ample = first!;
  for (const rung of AMPLE.slice(1)) if (!ample.met) ample = await candidates.evaluate(ampleOf(rung));
  if (!ample.met) {
    const { factor, extra } = AMPLE[AMPLE.length - 1]!;
    const missed = ample.checks.filter((check) => !check.met).slice(0, 3).map(checkText);
    throw new UnreachableTargetError(
      `design ${design}: no staffing meets the targets: even with ${factor} times the analytic estimate plus ${extra} agents per team and interval, ${missed.join('; ')}`,
    );
  }
  let current = await addUntilMet(candidates, space, atStart!);
  current = await removeWhileMet(candidates, space, current);
  return { counts: current.counts, evaluation: current, candidates: candidates.count, locallyOptimal: true };
}

async function addUntilMet(candidates: StaffingEvaluator, space: SearchSpace, from: Evaluation): Promise<Evaluation> {
  let current = from;
  for (let step = 0; !current.met; step++) {
    if (step === MAX_ADD_STEPS) {
      throw new UnreachableTargetError(`design ${candidates.space.design.name}: targets still missed after ${MAX_ADD_STEPS} steps adding agents: ${current.checks.filter((c) => !c.met).slice(0, 3).map(checkText).join('; ')}`);
    }
    const direct = directAdditions(space, current);
    if (direct !== undefined) {
      current = await candidates.evaluate(direct);
      continue;
    }
    // Missed by the design as a whole: try one more agent in each team (a finite-difference
    // step) and keep the one that closes most of the gap per unit of cost.
    const teams = [...new Set(space.searchable.map((s) => s.team))];
    const trials = teams.map((team) => mapSlots(current.counts, space.searchable.filter((s) => s.team === team && space.load(s) > 0), (n) => n + 1));
    const evaluated = await candidates.evaluateAll(trials);
    let best = -1;
    let bestGain = -Infinity;
    evaluated.forEach((e, k) => {
      const cost = space.searchable.filter((s) => s.team === teams[k]).reduce((sum, s) => sum + space.agentCost(s), 0);
      const gain = (current.shortfall - e.shortfall) / Math.max(cost, 1e-9);
      if (gain > bestGain) [best, bestGain] = [k, gain];
    });
    current = evaluated[best]!;
  }
  return current;
}

/**
 * The additions a missed check points at directly: a team's own figure (that team), an
 * interval's (its most loaded team, counting the backlog of the interval before); undefined
 * when only design-wide or intent checks are missed.
 */
function directAdditions(space: SearchSpace, current: Evaluation): Counts | undefined {
  const add = new Map<string, { slot: Slot; agents: number }>();
  for (const check of current.checks) {
    if (check.met) continue;
    let slots: Slot[];
    if (check.of.kind === 'interval') {
      const k = check.of.index;
      const here = space.searchable.filter((s) => s.slot === k);
      if (here.length === 0) continue;
      const counts = current.counts;
      slots = [here.reduce((a, b) => (reachingLoad(space, b) / (counts[b.team]![k]! + 1) > reachingLoad(space, a) / (counts[a.team]![k]! + 1) ? b : a))];
    } else if (check.of.kind === 'team') {
      const team = space.teams.indexOf(check.of.team);
      slots = space.searchable.filter((s) => s.team === team);
    } else continue;
    for (const slot of slots) {
      const agents = Math.max(1, Math.round(check.shortfall * Math.sqrt(Math.max(reachingLoad(space, slot), 1))));
      const k = `${slot.team}:${slot.slot}`;
      add.set(k, { slot, agents: Math.max(agents, add.get(k)?.agents ?? 0) });
    }
  }
  if (add.size === 0) return undefined;
  return current.counts.map((slots, t) => slots.map((n, k) => n + (add.get(`${t}:${k}`)?.agents ?? 0)));
}

async function removeWhileMet(candidates: StaffingEvaluator, space: SearchSpace, from: Evaluation): Promise<Evaluation> {
  // Per day there are a handful of slots and tighten's single agents suffice; per interval
  // a slot can hold several agents too many (an addition sized on the shortfall), and each
  // round of neighbours below removes at most one per slot.
  let current = space.perInterval ? await tightenBySteps(candidates, space, from) : await tighten(candidates, space, from);
  // Per interval, after a round that removed agents, the next tries only the slots that gave
  // one up (a removal that missed, alone or with those kept, seldom holds once there are
  // fewer agents elsewhere); the answer is returned only after a round of every slot finds none.
  let within: readonly Slot[] | undefined;
  for (;;) {
    const removable = (within ?? space.searchable).filter((s) => current.counts[s.team]![s.slot]! > 0);
    const neighbours = removable.map((s) => mapSlots(current.counts, [s], (n) => n - 1));
    const evaluated = await candidates.evaluateAll(neighbours);
    const feasible = removable
      .map((slot, k) => ({ slot, evaluation: evaluated[k]! }))
      .filter((n) => n.evaluation.met)
      .sort((a, b) => space.agentCost(b.slot) - space.agentCost(a.slot));
    if (feasible.length === 0) {
      if (within === undefined) return current;
      within = undefined;
      continue;
    }
    // Each removal alone holds; add them one by one to the costliest, keeping each that
    // still holds with those kept: a round of neighbours then removes many agents, where
    // one agent per round would cost slots² simulations on a week of intervals.
    let kept = feasible[0]!.evaluation;
    const gaveUp = [feasible[0]!.slot];
    for (const { slot } of feasible.slice(1)) {
      const trial = await candidates.evaluate(mapSlots(kept.counts, [slot], (n) => n - 1));
      if (!trial.met) continue;
      kept = trial;
      gaveUp.push(slot);
    }
    current = kept;
    if (!space.perInterval) continue;
    // A slot that gave one up may hold several more, kept from the bulk steps by the blame
    // of its neighbours' misses: steps again on those slots alone.
    current = await tightenBySteps(candidates, space, current, gaveUp);
    within = gaveUp;
  }
}

/**
 * One agent fewer in every slot at once; the slots whose figures then miss a target (and,
 * per interval, the slot before, whose backlog reaches them) get their agent back, until
 * what is left meets every target; repeated while it removes something.
 */
async function tighten(candidates: StaffingEvaluator, space: SearchSpace, from: Evaluation): Promise<Evaluation> {
  let current = from;
  for (;;) {
    let cut = space.searchable.filter((s) => current.counts[s.team]![s.slot]! > 0);
    let trial: Evaluation | undefined;
    for (let attempt = 0; attempt < 4 && cut.length > 1; attempt++) {
      trial = await candidates.evaluate(mapSlots(current.counts, cut, (n) => n - 1));
      if (trial.met) break;
      const blamed = blame(space, trial.checks);
      if (blamed === 'all') {
        cut = [];
        break;
      }
      cut = cut.filter((s) => !blamed.has(`${s.team}:${s.slot}`));
    }
    if (trial === undefined || !trial.met || cut.length <= 1) return current;
    current = trial;
  }
}

/** Agents a slot gives up at once in the first bulk trial per interval: halved for a slot each time a failure is blamed on it. */
const FIRST_STEP = 8;

/**
 * Per interval: every slot with agents gives up its step of them at once; a trial that
 * holds is kept, and when one misses, the slots its missed checks blame (an interval's,
 * and the one before, whose backlog reaches it) halve their step, or every slot when the
 * blame names none of those cut. Until every step is 0: each trial either removes agents
 * or halves a step, so there are at most about log2(FIRST_STEP) failures per slot.
 */
async function tightenBySteps(candidates: StaffingEvaluator, space: SearchSpace, from: Evaluation, slots: readonly Slot[] = space.searchable): Promise<Evaluation> {
  let current = from;
  const steps = new Map(slots.map((s) => [slotKey(s), FIRST_STEP]));
  for (;;) {
    const cut = slots.filter((s) => steps.get(slotKey(s))! > 0 && current.counts[s.team]![s.slot]! > 0);
    if (cut.length === 0) return current;
    const trial = await candidates.evaluate(mapSlotsBy(current.counts, cut, (s, n) => n - Math.min(n, steps.get(slotKey(s))!)));
    if (trial.met) {
      current = trial;
      continue;
    }
    const blamed = blame(space, trial.checks);
    const hit = blamed === 'all' ? [] : cut.filter((s) => blamed.has(slotKey(s)));
    for (const s of hit.length > 0 ? hit : cut) steps.set(slotKey(s), steps.get(slotKey(s))! >> 1);
  }
}

const slotKey = (s: Slot): string => `${s.team}:${s.slot}`;

/** The slots a missed check blames: its team's, its interval's and the one before; all for a design-wide check. */
function blame(space: SearchSpace, checks: readonly TargetCheck[]): Set<string> | 'all' {
  const blamed = new Set<string>();
  for (const check of checks) {
    if (check.met) continue;
    if (check.of.kind === 'interval') {
      const k = check.of.index;
      for (const s of space.searchable) if (s.slot === k || s.slot === k - 1) blamed.add(`${s.team}:${s.slot}`);
    } else if (check.of.kind === 'team' && !space.perInterval) {
      const team = space.teams.indexOf(check.of.team);
      for (const s of space.searchable) if (s.team === team) blamed.add(`${s.team}:${s.slot}`);
    } else return 'all';
  }
  return blamed;
}

/**
 * Per interval, each slot with at least the agents of the slot before. Agents are a level:
 * when it falls, those still on a call stay until it ends, so callers arriving just after
 * a busy slot (after the IVR, as the line closes) wait behind them whatever the new level,
 * unless it is as high as the old one.
 */
function carryOver(space: SearchSpace, counts: Counts): Counts {
  if (!space.perInterval) return counts;
  const out = counts.map((row) => [...row]);
  for (const { team, slot } of space.searchable) if (slot > 0) out[team]![slot] = Math.max(counts[team]![slot]!, counts[team]![slot - 1]!);
  return out;
}

/** The load whose callers a slot's figures answer for: its own, or per interval the slot before's, whose backlog reaches it. */
function reachingLoad(space: SearchSpace, slot: Slot): number {
  const own = space.load(slot);
  return space.perInterval && slot.slot > 0 ? Math.max(own, space.load({ team: slot.team, slot: slot.slot - 1 })) : own;
}

/** The counts with `change` applied to the given slots. */
function mapSlots(counts: Counts, slots: readonly Slot[], change: (n: number) => number): Counts {
  return mapSlotsBy(counts, slots, (_, n) => change(n));
}

/** The counts with `change`, which may depend on the slot, applied to the given slots. */
function mapSlotsBy(counts: Counts, slots: readonly Slot[], change: (slot: Slot, n: number) => number): Counts {
  const out = counts.map((row) => [...row]);
  for (const s of slots) out[s.team]![s.slot] = change(s, out[s.team]![s.slot]!);
  return out;
}

function checkText(check: TargetCheck): string {
  const where = check.of.kind === 'design' ? '' : check.of.kind === 'interval' ? ` in interval ${check.of.index + 1}` : ` for ${check.of.kind} ${check.of.kind === 'team' ? check.of.team : check.of.intent}`;
  return `${targetText(check.target)}${where}: found ${Number(check.value.mean.toPrecision(4))}`;
}
