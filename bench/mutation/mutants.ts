// A list of mutants (planted bugs) as the mutation harness reads it, and how one is applied:
// an exact text substitution that must match exactly once in its file.

export interface Mutant {
  readonly id: string;
  /** Path from the project's root. */
  readonly file: string;
  readonly find: string;
  readonly replace: string;
  /** The behaviour the mutant breaks. */
  readonly why: string;
}

const FIELDS = ['id', 'file', 'find', 'replace', 'why'] as const;

/** The mutants of a JSON list; throws naming the entry and the field at the first bad one. */
export function readMutants(text: string, source: string): Mutant[] {
  const list: unknown = JSON.parse(text);
  if (!Array.isArray(list)) throw new Error(`${source}: expected a list of mutants`);
  const ids = new Set<string>();
  return list.map((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null) throw new Error(`${source}: mutant ${i} is not an object`);
    const record = entry as Record<string, unknown>;
    for (const field of FIELDS) {
      // An empty replacement deletes the text found: the other fields must say something.
      const empty = record[field] === '' && field !== 'replace';
      if (typeof record[field] !== 'string' || empty) throw new Error(`${source}: mutant ${i}: "${field}" must be a${field === 'replace' ? '' : ' non-empty'} string`);
    }
    const mutant = record as unknown as Mutant;
    if (ids.has(mutant.id)) throw new Error(`${source}: mutant ${i}: id "${mutant.id}" is used twice`);
    ids.add(mutant.id);
    return mutant;
  });
}

/** The file's text with the mutant applied; throws unless `find` occurs exactly once. */
export function substitute(text: string, mutant: Mutant): string {
  const at = text.indexOf(mutant.find);
  const matches = at < 0 ? 0 : text.indexOf(mutant.find, at + 1) < 0 ? 1 : 2;
  if (matches !== 1) {
    throw new Error(`mutant ${mutant.id}: its text occurs ${matches === 0 ? 'nowhere' : 'more than once'} in ${mutant.file}`);
  }
  return text.slice(0, at) + mutant.replace + text.slice(at + mutant.find.length);
}
