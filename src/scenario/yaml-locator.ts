// Where a field path is in a YAML document: the line and column the loader's messages point at.
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { PathSegments } from './errors.ts';
import type { Locator } from './validate.ts';

/**
 * Line and column of the entry at a path (the key of a mapping entry, the item of a list),
 * or of its nearest ancestor present in the file.
 */
export function yamlLocator(doc: Document, lines: LineCounter): Locator {
  return (path: PathSegments) => {
    for (let n = path.length; n >= 0; n--) {
      const offset = rangeOf(entryAt(doc, path.slice(0, n)));
      if (offset !== undefined) {
        const { line, col } = lines.linePos(offset);
        return { line, column: col };
      }
    }
    return undefined;
  };
}

/** Where a node starts in the text, when it has a place there. */
export function rangeOf(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
}

/** The key node of a mapping entry or the node of a list item at a path. */
function entryAt(doc: Document, path: PathSegments): unknown {
  let node: unknown = doc.contents;
  let entry: unknown = node;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment));
      if (pair === undefined) return undefined;
      entry = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      entry = node;
    } else {
      return undefined;
    }
  }
  return entry;
}
