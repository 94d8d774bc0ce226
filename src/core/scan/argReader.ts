/**
 * Reads call arguments from a token stream: splits at top-level commas, recognizes Python
 * `keyword=value` and TF.js `{key: value}` config objects, and evaluates literals (numbers,
 * strings, booleans, None/null, infinities, lists and tuples of numbers). Anything else is
 * kept as expression text, never evaluated.
 */
import type { ParamValue } from '../catalog/types';
import { isName, isOp, stringValue, TokenKind, type Token } from './tokens';

/** One argument of a call (or one entry of a config object). */
export interface ArgNode {
  /** Keyword or object key as written. */
  readonly name?: string;
  /** Token index of the keyword/key. */
  readonly nameIndex?: number;
  /** First and last token index of the value. */
  readonly first: number;
  readonly last: number;
  /** Offsets of the value's source text. */
  readonly start: number;
  readonly end: number;
  /** `*args`, `**kwargs`, `...spread`: hides the positions and names of what follows. */
  readonly starred: boolean;
  /** True when `value` holds the evaluated literal. */
  readonly isLiteral: boolean;
  readonly value?: ParamValue;
  /** Entries when the value is a `{key: value}` object literal (JS) or a dict display (Python). */
  readonly entries?: readonly ArgNode[];
}

/** Everything the reader needs about the tokenized text. */
export interface TokenView {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Matching bracket of each bracket token. */
  readonly match: Int32Array;
  readonly language: 'python' | 'js';
}

interface Literal {
  readonly ok: boolean;
  readonly value?: ParamValue;
}

const NOT_LITERAL: Literal = { ok: false };

function parseNumber(text: string): number | undefined {
  const cleaned = text.replace(/_/g, '');
  if (/[jJn]$/.test(cleaned)) return undefined; // complex (Python) or BigInt (JS)
  const value = Number(cleaned);
  return Number.isNaN(value) ? undefined : value;
}

/** Special float spellings: `float('inf')`, `math.inf`, `np.nan`, `Infinity`. */
function specialFloat(view: TokenView, first: number, last: number): number | undefined {
  const { tokens, text } = view;
  const head = tokens[first]!;
  if (first === last && head.kind === TokenKind.Name) {
    if (view.language === 'js' && head.text === 'Infinity') return Infinity;
    if (view.language === 'js' && head.text === 'NaN') return NaN;
    return undefined;
  }
  if (view.language === 'python' && last === first + 3 && isName(head, 'float') && isOp(tokens[first + 1], '(') && tokens[first + 2]!.kind === TokenKind.String && isOp(tokens[last], ')')) {
    const word = stringValue(text, tokens[first + 2]!).trim().toLowerCase();
    if (word === 'inf' || word === '+inf' || word === 'infinity') return Infinity;
    if (word === '-inf' || word === '-infinity') return -Infinity;
    if (word === 'nan') return NaN;
    return undefined;
  }
  // module.inf / module.nan (math, numpy, torch)
  if (last === first + 2 && head.kind === TokenKind.Name && isOp(tokens[first + 1], '.') && isName(tokens[last])) {
    const attr = tokens[last]!.text;
    if (attr === 'inf' || attr === 'Infinity' || attr === 'POSITIVE_INFINITY') return Infinity;
    if (attr === 'nan' || attr === 'NaN') return NaN;
    if (attr === 'NEGATIVE_INFINITY') return -Infinity;
  }
  return undefined;
}

/** Evaluates the literal spanning tokens first..last, if it is one. */
export function literalOf(view: TokenView, first: number, last: number): Literal {
  const { tokens, text, match } = view;
  if (first > last) return NOT_LITERAL;
  const head = tokens[first]!;
  if (first === last) {
    switch (head.kind) {
      case TokenKind.Number: {
        const value = parseNumber(head.text);
        return value === undefined ? NOT_LITERAL : { ok: true, value };
      }
      case TokenKind.String:
        return { ok: true, value: stringValue(text, head) };
      case TokenKind.Name: {
        const word = head.text;
        if (view.language === 'python') {
          if (word === 'True') return { ok: true, value: true };
          if (word === 'False') return { ok: true, value: false };
          if (word === 'None') return { ok: true, value: null };
        } else {
          if (word === 'true') return { ok: true, value: true };
          if (word === 'false') return { ok: true, value: false };
          if (word === 'null') return { ok: true, value: null };
        }
        const special = specialFloat(view, first, last);
        return special === undefined ? NOT_LITERAL : { ok: true, value: special };
      }
      default:
        return NOT_LITERAL;
    }
  }
  if (isOp(head, '-') || isOp(head, '+')) {
    const inner = literalOf(view, first + 1, last);
    if (inner.ok && typeof inner.value === 'number') return { ok: true, value: isOp(head, '-') ? -inner.value : inner.value };
    return NOT_LITERAL;
  }
  // Adjacent Python strings concatenate: 'binary_' 'crossentropy'.
  if (view.language === 'python' && head.kind === TokenKind.String) {
    let value = '';
    for (let k = first; k <= last; k++) {
      if (tokens[k]!.kind !== TokenKind.String) return NOT_LITERAL;
      value += stringValue(text, tokens[k]!);
    }
    return { ok: true, value };
  }
  if ((isOp(head, '[') || isOp(head, '(')) && match[first] === last) {
    const items = splitTopLevel(view, first + 1, last - 1);
    const hasComma = items.length > 1 || hasTrailingComma(view, first + 1, last - 1);
    if (isOp(head, '(') && !hasComma) return items.length === 1 ? literalOf(view, items[0]![0], items[0]![1]) : NOT_LITERAL;
    const values: (number | number[])[] = [];
    for (const [a, b] of items) {
      const item = literalOf(view, a, b);
      if (!item.ok) return NOT_LITERAL;
      if (typeof item.value === 'number') values.push(item.value);
      else if (Array.isArray(item.value) && item.value.every((v) => typeof v === 'number')) values.push(item.value as number[]);
      else return NOT_LITERAL;
    }
    const nested = values.some((v) => Array.isArray(v));
    if (nested && !values.every((v) => Array.isArray(v))) return NOT_LITERAL;
    return { ok: true, value: values as number[] | number[][] };
  }
  const special = specialFloat(view, first, last);
  return special === undefined ? NOT_LITERAL : { ok: true, value: special };
}

function hasTrailingComma(view: TokenView, first: number, last: number): boolean {
  return last >= first && isOp(view.tokens[last], ',');
}

/** Splits tokens first..last at top-level commas into [first, last] index pairs (empty parts dropped). */
export function splitTopLevel(view: TokenView, first: number, last: number): [number, number][] {
  const { tokens, match } = view;
  const parts: [number, number][] = [];
  let partStart = first;
  let k = first;
  while (k <= last) {
    const token = tokens[k]!;
    if (token.kind === TokenKind.Op) {
      if ((token.text === '(' || token.text === '[' || token.text === '{') && match[k]! > k && match[k]! <= last) {
        k = match[k]! + 1;
        continue;
      }
      if (token.text === ',') {
        if (k > partStart) parts.push([partStart, k - 1]);
        partStart = k + 1;
      }
    }
    k++;
  }
  if (last >= partStart) parts.push([partStart, last]);
  return parts;
}

/** Reads the arguments of the call whose `(` is at `open`. */
export function readArgs(view: TokenView, open: number): ArgNode[] {
  const close = view.match[open]!;
  if (close < 0) return [];
  return splitTopLevel(view, open + 1, close - 1).map(([a, b]) => readArg(view, a, b));
}

function readArg(view: TokenView, first: number, last: number): ArgNode {
  const { tokens } = view;
  const head = tokens[first]!;
  if (isOp(head, '*') || isOp(head, '**') || isOp(head, '...')) {
    return { first, last, start: head.start, end: tokens[last]!.end, starred: true, isLiteral: false };
  }
  if (view.language === 'python' && head.kind === TokenKind.Name && isOp(tokens[first + 1], '=') && first + 2 <= last) {
    return { ...valueNode(view, first + 2, last), name: head.text, nameIndex: first };
  }
  return valueNode(view, first, last);
}

function valueNode(view: TokenView, first: number, last: number): ArgNode {
  const { tokens, match } = view;
  const literal = literalOf(view, first, last);
  const base = { first, last, start: tokens[first]!.start, end: tokens[last]!.end, starred: false, isLiteral: literal.ok, value: literal.value };
  if (isOp(tokens[first], '{') && match[first] === last) return { ...base, entries: readObjectEntries(view, first + 1, last - 1) };
  return base;
}

/** Reads `{key: value, ...}` entries (JS object literal or Python dict display with constant keys). */
function readObjectEntries(view: TokenView, first: number, last: number): ArgNode[] {
  const { tokens, text } = view;
  const entries: ArgNode[] = [];
  for (const [a, b] of splitTopLevel(view, first, last)) {
    const key = tokens[a]!;
    if (isOp(key, '...') || isOp(key, '**')) {
      entries.push({ first: a, last: b, start: key.start, end: tokens[b]!.end, starred: true, isLiteral: false });
      continue;
    }
    const keyText = key.kind === TokenKind.String ? stringValue(text, key) : key.kind === TokenKind.Name || key.kind === TokenKind.Number ? key.text : undefined;
    if (keyText === undefined) continue;
    if (isOp(tokens[a + 1], ':') && a + 2 <= b) entries.push({ ...valueNode(view, a + 2, b), name: keyText, nameIndex: a });
    else if (a === b && key.kind === TokenKind.Name && view.language === 'js') entries.push({ ...valueNode(view, a, b), name: keyText, nameIndex: a });
  }
  return entries;
}
