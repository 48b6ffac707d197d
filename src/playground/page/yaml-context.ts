// Where the cursor is in a YAML scenario being typed, for completion: the path of the
// mapping around it (block indentation and flow `{ … }` alike) and whether a key or a value
// is being typed. A text half written does not parse, so this reads the lines themselves.

/** A path of keys; `[]` stands for an item of a list. */
export type YamlPath = readonly string[];

export interface YamlContext {
  /** The mapping a key is typed into, or the key whose value is typed. */
  readonly path: YamlPath;
  /** A key (`path` is its mapping) or a value (`path` ends with its key). */
  readonly position: 'key' | 'value';
  /** The word typed so far, and where it starts in the text. */
  readonly word: string;
  readonly from: number;
}

const KEY = /([A-Za-z0-9_$][\w$.-]*)\s*:(?=\s|$)/y;

interface LineShape {
  /** The column of the first character, a list item's dash included. */
  readonly dash: number;
  /** The column of the content: after the `- ` of an item. */
  readonly content: number;
  readonly item: boolean;
  readonly rest: string;
}

function shape(line: string): LineShape {
  const match = /^( *)((?:-[ \t]+)*)/.exec(line)!;
  return { dash: match[1]!.length, content: match[0].length, item: match[2]!.length > 0, rest: line.slice(match[0].length) };
}

/** The key a line opens or sets (`key:`, then nothing, a comment or a value). */
function lineKey(rest: string): string | undefined {
  KEY.lastIndex = 0;
  return KEY.exec(rest)?.[1];
}

/** The path of the block mapping whose keys start at column `column`, from the lines above. */
function blockPath(lines: readonly string[], column: number): string[] {
  const path: string[] = [];
  let limit = column;
  for (let i = lines.length - 1; i >= 0 && limit > 0; i--) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const { dash, content, item, rest } = shape(line);
    if (item) {
      if (dash >= limit) continue;
      // Content further in than the cursor's is an item's key holding it; at the same
      // column, a sibling key of the item's mapping.
      const key = content < limit ? lineKey(rest) : undefined;
      path.unshift(...['[]', ...(key === undefined ? [] : [key])]);
      limit = dash;
    } else {
      if (content >= limit) continue;
      const key = lineKey(rest);
      if (key !== undefined) path.unshift(key);
      limit = content;
    }
  }
  return path;
}

/** The flow collections open before the cursor on its line: the keys leading into each. */
function flowPath(text: string): { path: string[]; position: 'key' | 'value' } | undefined {
  const stack: { kind: 'map' | 'seq'; key: string | undefined; position: 'key' | 'value' }[] = [];
  let key: string | undefined;
  let position: 'key' | 'value' = 'key';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) break;
    else if (c === '{' || c === '[') {
      stack.push({ kind: c === '{' ? 'map' : 'seq', key: position === 'value' ? key : undefined, position });
      key = undefined;
      position = c === '{' ? 'key' : 'value';
    } else if (c === '}' || c === ']') {
      stack.pop();
      position = 'value';
    } else if (c === ',') {
      position = stack.at(-1)?.kind === 'seq' ? 'value' : 'key';
      key = undefined;
    } else if (c === ':' && (i + 1 === text.length || /\s/.test(text[i + 1]!)) && position === 'key') {
      key = /([\w$.-]+)\s*$/.exec(text.slice(0, i))?.[1];
      position = 'value';
    }
  }
  if (stack.length === 0) return undefined;
  const path: string[] = [];
  for (const level of stack) {
    if (level.key !== undefined) path.push(level.key);
    if (level.kind === 'seq') path.push('[]');
  }
  return { path: position === 'value' && key !== undefined ? [...path, key] : path, position };
}

/** The context of the cursor at `offset` in `text`. */
export function yamlContextAt(text: string, offset: number): YamlContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const word = /[\w$.-]*$/.exec(before)![0];
  const from = offset - word.length;
  const { dash, content, item, rest } = shape(before);
  const above = text.slice(0, lineStart).split('\n');
  const outer = item ? [...blockPath(above, dash), '[]'] : blockPath(above, content);
  const own = lineKey(rest);
  if (own === undefined) return { path: outer, position: 'key', word, from };
  const afterKey = rest.slice(rest.indexOf(':') + 1);
  const flow = flowPath(afterKey);
  if (flow !== undefined) return { path: [...outer, own, ...flow.path], position: flow.position, word, from };
  return { path: [...outer, own], position: 'value', word, from };
}
