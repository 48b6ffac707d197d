// Parts of the scenario format that the schema accepts (so that editors and the JSON Schema
// know the whole format) but that the simulator does not model yet. Each is refused here
// and only here: when a feature lands, delete its entry.
import { isRecord, type PathSegments } from './errors.ts';

export interface Unsupported {
  readonly path: PathSegments;
  readonly message: string;
}

interface Entry {
  /** Field path; `*` stands for every key of a mapping (every team, every design). */
  readonly at: string;
  /** Whether the value found there uses the feature (it is never undefined here). */
  readonly uses: (value: unknown) => boolean;
  readonly message: string;
}

const given = (): boolean => true;

const NOT_YET_SUPPORTED: readonly Entry[] = [
  {
    at: 'demand.retry',
    uses: given,
    message: 'found a retry block, which is not supported yet (callers calling again after abandoning); remove it',
  },
  {
    at: 'demand.callback',
    uses: given,
    message: 'found a callback block, which is not supported yet (unresolved issues calling back); remove it',
  },
  {
    at: 'demand.arrivals.profile',
    uses: given,
    message: 'found an arrival profile, which is not supported yet; give a constant rate such as 600/h',
  },
  ...teamEntries('teams.*'),
  ...teamEntries('designs.*.teams.*'),
  {
    at: 'designs.*.misroute.action',
    uses: (v) => v === 'redial',
    message: 'found "redial", which is not supported yet as a misroute action; use "transfer"',
  },
  {
    at: 'designs.*.transfer.mode',
    uses: (v) => v === 'warm',
    message: 'found "warm", which is not supported yet as a transfer mode; use "cold"',
  },
  {
    at: 'designs.*.transfer.maxHops',
    uses: given,
    message: 'found maxHops, which is not supported yet; remove it',
  },
  {
    at: 'designs.*.overflow',
    uses: given,
    message: 'found overflow rules, which are not supported yet; remove them',
  },
  {
    at: 'designs.*.continuity',
    uses: (v) => v === true,
    message: 'found true, which is not supported yet for continuity (repeat calls reaching the team that last handled them); remove it or set it to false',
  },
  {
    at: 'designs.*.handleCap',
    uses: given,
    message: 'found a handle cap, which is not supported yet; remove it',
  },
];

function teamEntries(team: string): Entry[] {
  return [
    {
      at: `${team}.agents`,
      uses: isRecord,
      message: 'found an agent schedule {every, counts}, which is not supported yet; give a fixed number of agents',
    },
    {
      at: `${team}.queueCapacity`,
      uses: given,
      message: 'found a queue capacity, which is not supported yet (busy signals); remove it',
    },
    {
      at: `${team}.costPerHour`,
      uses: given,
      message: 'found a cost per hour, which is not supported yet; remove it',
    },
  ];
}

/**
 * Every use of a not-yet-supported feature in the raw file, whatever the rest of the file
 * looks like (the raw data may be malformed; what cannot be followed is skipped).
 */
export function findUnsupported(raw: unknown): Unsupported[] {
  const found: Unsupported[] = [];
  for (const entry of NOT_YET_SUPPORTED) {
    for (const { path, value } of valuesAt(raw, entry.at.split('.'), [])) {
      if (value !== undefined && entry.uses(value)) found.push({ path, message: entry.message });
    }
  }
  findEmpiricalFiles(raw, [], found);
  return found;
}

function valuesAt(
  value: unknown,
  pattern: readonly string[],
  path: readonly (string | number)[],
): { path: PathSegments; value: unknown }[] {
  const [head, ...rest] = pattern;
  if (head === undefined) return [{ path, value }];
  if (!isRecord(value)) return [];
  const keys = head === '*' ? Object.keys(value) : Object.hasOwn(value, head) ? [head] : [];
  return keys.flatMap((key) => valuesAt(value[key], rest, [...path, key]));
}

/** `{dist: empirical, file: ...}` anywhere in the file (distributions are never deep). */
function findEmpiricalFiles(value: unknown, path: readonly (string | number)[], found: Unsupported[]): void {
  if (path.length > 32) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => findEmpiricalFiles(item, [...path, i], found));
  } else if (isRecord(value)) {
    if (value.dist === 'empirical' && value.file !== undefined) {
      found.push({
        path: [...path, 'file'],
        message: 'found an empirical distribution read from a file, which is not supported yet; list the values: {dist: empirical, values: [...]}',
      });
    }
    for (const [key, item] of Object.entries(value)) findEmpiricalFiles(item, [...path, key], found);
  }
}
