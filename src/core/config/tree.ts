/**
 * One syntax tree for JSON (with comments) and YAML, with exact offsets for every key and value,
 * so the evaluation-file and foreign-config readers validate both formats with the same code.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { LocalizedText } from '../l10n';
import type { TextRange } from '../parse/position';
import type { Tensor } from '../tensor';
import { configMessages } from './messages';
import { packLargeArrays, type PackedArray } from './packing';

/** A key and its value in an object. */
export interface ConfigProperty {
  readonly key: string;
  readonly keyRange: TextRange;
  readonly value: ConfigNode;
}

/** A parsed value with the range of its source text (quotes included for strings). */
export type ConfigNode =
  | { readonly type: 'object'; readonly range: TextRange; readonly properties: readonly ConfigProperty[] }
  | { readonly type: 'array'; readonly range: TextRange; readonly items: readonly ConfigNode[]; readonly packed?: Tensor }
  | { readonly type: 'string'; readonly range: TextRange; readonly value: string }
  | { readonly type: 'number'; readonly range: TextRange; readonly value: number }
  | { readonly type: 'boolean'; readonly range: TextRange; readonly value: boolean }
  | { readonly type: 'null'; readonly range: TextRange };

/** A syntax problem found while building the tree. */
export interface SyntaxProblem {
  readonly range: TextRange;
  readonly severity: 'error' | 'warning';
  readonly text: LocalizedText;
  readonly args: Readonly<Record<string, string | number>>;
}

/** The tree of a file (undefined when it is empty or unreadable) and its syntax problems. */
export interface ParsedTree {
  readonly root: ConfigNode | undefined;
  readonly problems: readonly SyntaxProblem[];
}

/** Files nested deeper than this are refused instead of exhausting the stack. */
const MAX_DEPTH = 200;

/** The property with this key, if any (the last one when a key repeats, as JSON.parse keeps). */
export function propertyOf(node: ConfigNode | undefined, key: string): ConfigProperty | undefined {
  if (!node || node.type !== 'object') return undefined;
  for (let i = node.properties.length - 1; i >= 0; i--) if (node.properties[i]!.key === key) return node.properties[i];
  return undefined;
}

class TooDeep extends Error {}

/** Large arrays read ahead (see packing.ts), the ones the tree has claimed, and the offset map back. */
interface PackContext {
  readonly arrays: ReadonlyMap<number, PackedArray>;
  readonly claimed: Set<number>;
  readonly map: (offset: number) => number;
  /** Length of the parsed text: the parsers may reach one past its end at an unfinished file. */
  readonly limit: number;
}

function unpacked(text: string): PackContext {
  return { arrays: new Map(), claimed: new Set(), map: (offset) => offset, limit: text.length };
}

/** A range of the parsed copy as a range of the original text, kept inside the text. */
function mapped(pack: PackContext, start: number, end: number): TextRange {
  const clampedStart = Math.min(Math.max(0, start), pack.limit);
  const clampedEnd = Math.min(Math.max(clampedStart, end), pack.limit);
  return { start: pack.map(clampedStart), end: pack.map(clampedEnd) };
}

/** An array node: a packed tensor when one was read ahead for exactly this range, else its items. */
function arrayNode(range: TextRange, items: () => ConfigNode[], pack: PackContext): ConfigNode {
  const packed = pack.arrays.get(range.start);
  if (packed && packed.end === range.end) {
    pack.claimed.add(range.start);
    return { type: 'array', range, items: [], packed: packed.tensor };
  }
  return { type: 'array', range, items: items() };
}

function jsonNodeToConfig(node: JsonNode, depth: number, pack: PackContext): ConfigNode {
  if (depth > MAX_DEPTH) throw new TooDeep();
  const range = mapped(pack, node.offset, node.offset + node.length);
  switch (node.type) {
    case 'object': {
      const properties: ConfigProperty[] = [];
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        const keyRange = mapped(pack, keyNode.offset, keyNode.offset + keyNode.length);
        // An incomplete property (`"x":` with nothing after it) gets a null value right after the key.
        const value: ConfigNode = valueNode ? jsonNodeToConfig(valueNode, depth + 1, pack) : { type: 'null', range: { start: keyRange.end, end: keyRange.end } };
        properties.push({ key: String(keyNode.value), keyRange, value });
      }
      return { type: 'object', range, properties };
    }
    case 'array':
      return arrayNode(range, () => (node.children ?? []).map((child) => jsonNodeToConfig(child, depth + 1, pack)), pack);
    case 'string':
      return { type: 'string', range, value: String(node.value) };
    case 'number':
      return { type: 'number', range, value: Number(node.value) };
    case 'boolean':
      return { type: 'boolean', range, value: Boolean(node.value) };
    default:
      return { type: 'null', range };
  }
}

/** Parses JSON with comments and trailing commas. */
function parseJsonTree(text: string, pack: PackContext): ParsedTree {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true });
  const problems: SyntaxProblem[] = errors.map((error) => {
    const name = printParseErrorCode(error.error);
    const message = (configMessages as Record<string, LocalizedText>)[name] ?? configMessages.jsonSyntaxOther;
    return { range: mapped(pack, error.offset, error.offset + error.length), severity: 'error', text: message, args: {} };
  });
  if (!tree) return { root: undefined, problems };
  try {
    return { root: jsonNodeToConfig(tree, 0, pack), problems };
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    return { root: undefined, problems: [...problems, { range: { start: 0, end: 0 }, severity: 'error', text: configMessages.tooDeep, args: {} }] };
  }
}

function yamlRange(node: { range?: readonly [number, number, number] | null } | null | undefined, fallback: TextRange, pack: PackContext): TextRange {
  const range = node?.range;
  return range ? mapped(pack, range[0], range[1]) : fallback;
}

function yamlNodeToConfig(node: unknown, doc: Document, fallback: TextRange, depth: number, pack: PackContext): ConfigNode {
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (isAlias(node)) {
    // An alias reads as the node it names, but errors point at the alias itself.
    const target = node.resolve(doc);
    const converted = yamlNodeToConfig(target ?? null, doc, fallback, depth + 1, pack);
    return { ...converted, range: yamlRange(node, fallback, pack) } as ConfigNode;
  }
  if (isMap(node)) {
    const range = yamlRange(node, fallback, pack);
    const properties: ConfigProperty[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyRange = yamlRange(keyNode as { range?: [number, number, number] } | null, range, pack);
      const key = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
      const value = yamlNodeToConfig(pair.value, doc, { start: keyRange.end, end: keyRange.end }, depth + 1, pack);
      properties.push({ key, keyRange, value });
    }
    return { type: 'object', range, properties };
  }
  if (isSeq(node)) {
    const range = yamlRange(node, fallback, pack);
    return arrayNode(range, () => node.items.map((item) => yamlNodeToConfig(item, doc, range, depth + 1, pack)), pack);
  }
  if (isScalar(node)) {
    const range = yamlRange(node, fallback, pack);
    const value: unknown = node.value;
    if (typeof value === 'number') return { type: 'number', range, value };
    if (typeof value === 'boolean') return { type: 'boolean', range, value };
    if (value === null || value === undefined) return { type: 'null', range };
    if (typeof value === 'bigint') return { type: 'number', range, value: Number(value) };
    return { type: 'string', range, value: String(value) };
  }
  return { type: 'null', range: fallback };
}

/** Parses one YAML document (YAML 1.2 core schema: `.nan`, `.inf` and `-.inf` are numbers). */
function parseYamlTree(text: string, pack: PackContext): ParsedTree {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const problems: SyntaxProblem[] = [];
  const firstLine = (message: string): string => message.split('\n')[0] ?? message;
  const rangeOf = (pos: readonly [number, number]): TextRange => mapped(pack, pos[0], pos[1]);
  for (const error of doc.errors) {
    problems.push({ range: rangeOf(error.pos), severity: 'error', text: configMessages.yamlSyntax, args: { code: error.code, detail: firstLine(error.message) } });
  }
  for (const warning of doc.warnings) {
    problems.push({ range: rangeOf(warning.pos), severity: 'warning', text: configMessages.yamlWarning, args: { code: warning.code, detail: firstLine(warning.message) } });
  }
  if (doc.contents === null) return { root: undefined, problems };
  try {
    return { root: yamlNodeToConfig(doc.contents, doc, { start: 0, end: 0 }, 0, pack), problems };
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    return { root: undefined, problems: [...problems, { range: { start: 0, end: 0 }, severity: 'error', text: configMessages.tooDeep, args: {} }] };
  }
}

/** `yaml` for `.yaml`/`.yml` names, `json` for `.json`/`.jsonc`; otherwise guessed from the first character. */
export function configFormatOf(fileName: string | undefined, text: string): 'json' | 'yaml' {
  const lower = (fileName ?? '').toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.json') || lower.endsWith('.jsonc')) return 'json';
  const first = text.trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

/**
 * Parses a file as JSON or YAML. Large numeric arrays are read ahead; if any of them does not
 * turn out to be an array node of the file (it sat in a string or a comment), the file is parsed
 * again as written.
 */
export function parseConfigTree(text: string, format: 'json' | 'yaml'): ParsedTree {
  const parse = format === 'json' ? parseJsonTree : parseYamlTree;
  const { masked, arrays, toOriginal } = packLargeArrays(text);
  if (arrays.size === 0) return parse(text, unpacked(text));
  const pack: PackContext = { arrays, claimed: new Set(), map: toOriginal, limit: masked.length };
  const tree = parse(masked, pack);
  if (pack.claimed.size === arrays.size) return tree;
  return parse(text, unpacked(text));
}
