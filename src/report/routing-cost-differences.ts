// The note that designs are compared under different misroute or transfer costs: a design
// whose misroutes are free beside one that pays for them is a comparison worth saying.
import type { Distribution } from '../engine/distributions.ts';
import type { Design, Scenario } from '../scenario/model.ts';
import { formatSettingDuration } from './setting-duration.ts';

/** One field of a design's misroute or transfer block: its name as in the file and its value. */
interface Cost {
  readonly field: string;
  /** What the note shows. */
  readonly text: string;
  /** Equal exactly when the values are (a text can round two values alike). */
  readonly key: string;
}

/**
 * "Designs differ in what a misroute costs: …", naming the fields whose values differ
 * between designs and each design's values (designs alike grouped), or undefined when
 * the designs that can misroute have the same misroute and transfer blocks (or there is
 * only one). A design whose every team has every intent's skill is left out: no call of
 * it is ever misrouted, so its costs are never paid.
 */
export function routingCostNote(scenario: Pick<Scenario, 'designs' | 'demand'>): string | undefined {
  const intents = scenario.demand.intents.map((intent) => intent.name);
  const designs = scenario.designs.filter((design) =>
    design.teams.some((team) => intents.some((intent) => !team.skills.includes(intent))),
  );
  if (designs.length < 2) return undefined;
  const costs = designs.map(designCosts);
  const first = costs[0]!;
  const differing = first.map((_, i) => i).filter((i) => costs.some((c) => c[i]!.key !== first[i]!.key));
  if (differing.length === 0) return undefined;
  const groups = new Map<string, string[]>();
  designs.forEach((design, d) => {
    const text = differing.map((i) => `${costs[d]![i]!.field} ${costs[d]![i]!.text}`).join(', ');
    groups.set(text, [...(groups.get(text) ?? []), design.name]);
  });
  const parts = [...groups].map(([text, names]) => `${andList(names)} ${text}`);
  return `Designs differ in what a misroute costs: ${parts.join('; ')}.`;
}

function designCosts(design: Design): Cost[] {
  const { misroute, transfer } = design;
  const plain = (field: string, value: string | number | boolean): Cost => ({ field, text: String(value), key: String(value) });
  return [
    distributionCost('identify', misroute.identify),
    plain('action', misroute.action),
    distributionCost('delay', transfer.delay),
    distributionCost('reexplain', transfer.reexplain),
    plain('drop', transfer.drop),
    plain('priority', transfer.priority),
    plain('accuracy', transfer.accuracy),
    plain('mode', transfer.mode),
    plain('maxHops', transfer.maxHops),
  ];
}

function distributionCost(field: string, dist: Distribution): Cost {
  const key = JSON.stringify(dist.kind === 'empirical' ? { kind: dist.kind, values: [...dist.values] } : dist);
  return { field, text: distributionText(dist), key };
}

/** A distribution in a few words: a fixed time as a duration, else its kind and mean. */
export function distributionText(dist: Distribution): string {
  const d = formatSettingDuration;
  switch (dist.kind) {
    case 'fixed':
      return d(dist.value);
    case 'exponential':
      return `exponential mean ${d(dist.mean)}`;
    case 'lognormal':
      return `lognormal mean ${d(dist.mean)} sd ${d(dist.sd)}`;
    case 'gamma':
      return `gamma mean ${d(dist.mean)} cv ${dist.cv}`;
    case 'erlang':
      return `erlang mean ${d(dist.mean)} k ${dist.k}`;
    case 'uniform':
      return `uniform ${d(dist.min)} to ${d(dist.max)}`;
    case 'triangular':
      return `triangular ${d(dist.min)}, ${d(dist.mode)}, ${d(dist.max)}`;
    case 'empirical': {
      const mean = dist.values.reduce((sum, v) => sum + v, 0) / dist.values.length;
      return `empirical mean ${d(mean)}`;
    }
  }
}

function andList(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}
