/**
 * JSON (via jsonc-parser) and YAML (via yaml) parsed into one small tree with source offsets,
 * so a single walker finds mentions in both. String ranges exclude the quotes.
 */
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';

/** A scalar value with the offsets of its text (inside quotes for quoted strings). */
export interface ConfigScalar {
  readonly type: 'scalar';
  readonly value: string | number | boolean | null;
  readonly start: number;
  readonly end: number;
}

/** A key and its value. */
export interface ConfigProp {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: ConfigNode;
}

/** A mapping. */
export interface ConfigObject {
  readonly type: 'object';
  readonly props: readonly ConfigProp[];
  readonly start: number;
  readonly end: number;
}

/** A sequence. */
export interface ConfigArray {
  readonly type: 'array';
  readonly items: readonly ConfigNode[];
  readonly start: number;
  readonly end: number;
}

/** Any node of a parsed config. */
export type ConfigNode = ConfigScalar | ConfigObject | ConfigArray;

function fromJson(node: JsonNode | undefined): ConfigNode | undefined {
  if (!node) return undefined;
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case 'object': {
      const props: ConfigProp[] = [];
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        const value = fromJson(valueNode);
        if (!keyNode || typeof keyNode.value !== 'string' || !value) continue;
        props.push({ key: keyNode.value, keyStart: keyNode.offset + 1, keyEnd: keyNode.offset + keyNode.length - 1, value });
      }
      return { type: 'object', props, start, end };
    }
    case 'array':
      return { type: 'array', items: (node.children ?? []).map(fromJson).filter((n): n is ConfigNode => n !== undefined), start, end };
    case 'string':
      return { type: 'scalar', value: node.value as string, start: start + 1, end: Math.max(start + 1, end - 1) };
    case 'number':
    case 'boolean':
    case 'null':
      return { type: 'scalar', value: node.value as number | boolean | null, start, end };
    default:
      return undefined;
  }
}

/** Parses JSON (comments and trailing commas allowed); undefined when there is no value. */
export function parseJsonTree(text: string): ConfigNode | undefined {
  return fromJson(parseTree(text, [], { allowTrailingComma: true, disallowComments: false }));
}

function fromYaml(node: unknown): ConfigNode | undefined {
  if (isScalar(node)) {
    const range = node.range;
    if (!range) return undefined;
    const value = node.value;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return undefined;
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    return { type: 'scalar', value, start: quoted ? range[0] + 1 : range[0], end: quoted ? Math.max(range[0] + 1, range[1] - 1) : range[1] };
  }
  if (isMap(node)) {
    const props: ConfigProp[] = [];
    for (const pair of node.items) {
      const key = pair.key;
      const value = fromYaml(pair.value);
      if (!isScalar(key) || !key.range || !value) continue;
      const quoted = key.type === 'QUOTE_DOUBLE' || key.type === 'QUOTE_SINGLE';
      props.push({ key: String(key.value), keyStart: key.range[0] + (quoted ? 1 : 0), keyEnd: key.range[1] - (quoted ? 1 : 0), value });
    }
    const range = node.range ?? [0, 0];
    return { type: 'object', props, start: range[0], end: range[1] };
  }
  if (isSeq(node)) {
    const range = node.range ?? [0, 0];
    return { type: 'array', items: node.items.map(fromYaml).filter((n): n is ConfigNode => n !== undefined), start: range[0], end: range[1] };
  }
  return undefined;
}

/** Parses every document of a YAML stream (broken parts are skipped, not fatal). */
export function parseYamlTrees(text: string): ConfigNode[] {
  const documents = parseAllDocuments(text);
  const list = Array.isArray(documents) ? documents : [];
  return list.map((document) => fromYaml(document.contents)).filter((n): n is ConfigNode => n !== undefined);
}
