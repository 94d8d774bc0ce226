/**
 * Reads a tensor from a config value: a number, a list, a list of lists (NaN and infinities as
 * "NaN"/"Infinity" strings in JSON, `.nan`/`.inf` in YAML), or a string holding a literal in the
 * parser's syntax (`"np.array([1, 2])"`). Errors are FormulaLensErrors positioned in the file.
 */
import { FormulaLensError, type LocalizedText } from '../l10n';
import { parseLiteral } from '../parse/literal';
import { parseMessages } from '../parse/messages';
import { positionAt, type TextRange } from '../parse/position';
import { nonFiniteFromText } from '../parse/reader';
import type { ParamValue } from '../catalog/types';
import { toNested, type Tensor } from '../tensor';
import { configMessages } from './messages';
import type { ConfigNode } from './tree';

function fail(text: string, message: LocalizedText, args: Readonly<Record<string, string | number>>, range: TextRange): never {
  throw new FormulaLensError(message, args, positionAt(text, range.start), positionAt(text, range.end));
}

function excerpt(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}

/** One element of a list: a number, a boolean (1/0), or a NaN/Infinity spelling. */
function elementValue(node: ConfigNode, text: string): number {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'boolean':
      return node.value ? 1 : 0;
    case 'string': {
      const special = nonFiniteFromText(node.value);
      if (special === undefined) fail(text, parseMessages.stringNotNumber, { value: JSON.stringify(excerpt(node.value)) }, node.range);
      return special;
    }
    case 'null':
      return fail(text, parseMessages.identifierNotNumber, { name: 'null' }, node.range);
    case 'object':
      return fail(text, configMessages.objectNotNumber, {}, node.range);
    case 'array':
      return fail(text, parseMessages.tooManyDimensions, {}, node.range);
  }
}

/**
 * Maps an offset inside a string's value to an offset in the file. Exact when the value appears
 * as written (no escapes, or a YAML block whose lines appear in order); undefined otherwise.
 */
export function stringOffsetMapper(node: { readonly range: TextRange; readonly value: string }, text: string): (offset: number) => number | undefined {
  const { range, value } = node;
  for (const start of [range.start + 1, range.start]) {
    if (start + value.length <= range.end && text.startsWith(value, start)) return (offset) => start + offset;
  }
  // Block scalars (`x: |`) drop indentation: find each line of the value in order.
  const lines = value.split('\n');
  const lineStarts: number[] = [];
  const lineOffsets: number[] = [];
  let cursor = range.start;
  let offset = 0;
  for (const line of lines) {
    const at = line === '' ? cursor : text.indexOf(line, cursor);
    if (at < 0 || at + line.length > range.end) return () => undefined;
    lineStarts.push(at);
    lineOffsets.push(offset);
    cursor = at + line.length;
    offset += line.length + 1;
  }
  return (inner) => {
    let index = lineOffsets.length - 1;
    while (index > 0 && lineOffsets[index]! > inner) index--;
    return lineStarts[index]! + (inner - lineOffsets[index]!);
  };
}

/** Parses a literal held in a string value, moving error positions into the file. */
function tensorFromString(node: { readonly range: TextRange; readonly value: string }, text: string): Tensor {
  try {
    return parseLiteral(node.value).tensor;
  } catch (error) {
    if (!(error instanceof FormulaLensError)) throw error;
    const map = stringOffsetMapper(node, text);
    const start = error.position ? map(error.position.offset) : undefined;
    const end = error.endPosition ? map(error.endPosition.offset) : undefined;
    const range = start === undefined ? node.range : { start, end: end ?? start };
    throw new FormulaLensError(error.text, error.args, positionAt(text, range.start), positionAt(text, range.end));
  }
}

/**
 * The tensor a config value holds. Throws a positioned FormulaLensError for ragged rows,
 * 3-D lists, non-numbers and malformed literals; `field` names the value in messages.
 */
export function tensorFromNode(node: ConfigNode, text: string, field: string): Tensor {
  switch (node.type) {
    case 'number':
    case 'boolean':
      return { shape: [], data: Float64Array.of(elementValue(node, text)) };
    case 'string': {
      const special = nonFiniteFromText(node.value);
      if (special !== undefined) return { shape: [], data: Float64Array.of(special) };
      return tensorFromString(node, text);
    }
    case 'null':
    case 'object':
      return fail(text, configMessages.notATensor, { field }, node.range);
    case 'array':
      if (node.packed) return node.packed;
      break;
  }
  const items = node.items;
  if (items.length === 0) return { shape: [0], data: new Float64Array(0) };
  const first = items[0]!;
  if (first.type !== 'array') {
    const data = new Float64Array(items.length);
    items.forEach((item, i) => {
      if (item.type === 'array') fail(text, parseMessages.listAfterNumber, { index: i + 1 }, item.range);
      data[i] = elementValue(item, text);
    });
    return { shape: [items.length], data };
  }
  const cols = first.items.length;
  const data = new Float64Array(items.length * cols);
  items.forEach((row, r) => {
    if (row.type !== 'array') return fail(text, parseMessages.numberAfterList, { index: r + 1 }, row.range);
    if (row.items.length !== cols) fail(text, parseMessages.raggedRows, { row: r + 1, count: row.items.length, expected: cols }, row.range);
    row.items.forEach((item, c) => {
      data[r * cols + c] = elementValue(item, text);
    });
    return undefined;
  });
  return { shape: [items.length, cols], data };
}

/**
 * A parameter value as written: scalars as they are, lists of numbers as nested arrays; undefined for an object.
 * Throws a positioned FormulaLensError for a list that is not a numeric array.
 */
export function paramValueFromNode(node: ConfigNode, text: string): ParamValue | undefined {
  switch (node.type) {
    case 'number':
    case 'boolean':
    case 'string':
      return node.value;
    case 'null':
      return null;
    case 'array':
      return toNested(tensorFromNode(node, text, 'params')) as ParamValue;
    case 'object':
      return undefined;
  }
}
