// Completion from the scenario format's JSON Schema (the one `spoc schema` prints): the keys
// a mapping may hold, with their descriptions, and the values a field names (distribution
// kinds, `none`, true/false), found by following the path the cursor is at.
import type { YamlPath } from './yaml-context.ts';

/** The part of a JSON Schema that completion reads. */
interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly allOf?: readonly SchemaNode[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
}

export interface SchemaOption {
  readonly label: string;
  readonly kind: 'key' | 'value';
  readonly detail?: string;
}

/** Every alternative a node stands for: references followed, unions spread. */
function alternatives(root: SchemaNode, node: SchemaNode, depth = 0): SchemaNode[] {
  if (depth > 16) return [];
  if (node.$ref !== undefined) {
    const name = /^#\/definitions\/(.+)$/.exec(node.$ref)?.[1];
    const target = name === undefined ? undefined : root.definitions?.[name];
    return target === undefined ? [] : alternatives(root, target, depth + 1);
  }
  const unions = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
  return [node, ...unions.flatMap((alternative) => alternatives(root, alternative, depth + 1))];
}

/** The nodes a path leads to: a key by its property or as a free name (teams, designs). */
function nodesAt(root: SchemaNode, path: YamlPath): SchemaNode[] {
  let nodes = alternatives(root, root);
  for (const segment of path) {
    nodes = nodes.flatMap((node) => {
      if (segment === '[]') return node.items === undefined ? [] : alternatives(root, node.items);
      const property = node.properties?.[segment];
      if (property !== undefined) return alternatives(root, property);
      return typeof node.additionalProperties === 'object' ? alternatives(root, node.additionalProperties) : [];
    });
  }
  return nodes;
}

const firstSentence = (text: string | undefined): string | undefined => text?.split(/(?<=\.)\s+(?=[A-Z])/)[0];

/** The keys a mapping at `path` may hold, in the schema's order, without repeats. */
export function keyOptions(schema: object, path: YamlPath): SchemaOption[] {
  const root = schema as SchemaNode;
  const seen = new Map<string, SchemaOption>();
  for (const node of nodesAt(root, path)) {
    for (const [label, property] of Object.entries(node.properties ?? {})) {
      if (seen.has(label)) continue;
      const described = alternatives(root, property).find((p) => p.description !== undefined);
      seen.set(label, { label, kind: 'key', detail: firstSentence(described?.description) });
    }
  }
  return [...seen.values()];
}

/** The values named by the schema at `path` (the field's enums and constants, booleans). */
export function valueOptions(schema: object, path: YamlPath): SchemaOption[] {
  const values = new Set<string>();
  for (const node of nodesAt(schema as SchemaNode, path)) {
    for (const value of [...(node.enum ?? []), ...(node.const === undefined ? [] : [node.const])]) {
      if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') values.add(String(value));
    }
    const types = typeof node.type === 'string' ? [node.type] : (node.type ?? []);
    if (types.includes('boolean')) for (const b of ['true', 'false']) values.add(b);
  }
  return [...values].map((label) => ({ label, kind: 'value' }));
}
