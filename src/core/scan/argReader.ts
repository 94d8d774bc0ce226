/**
 * Reads call arguments from a token stream: splits at top-level commas, recognizes Python
 * `keyword=value` and TF.js `{key: value}` config objects, and evaluates literals (numbers,
 * strings, booleans, None/null, infinities, lists and tuples of numbers). Anything else is
 * kept as expression text, never evaluated.
 */
import type { ParamValue } from '../catalog/types';
import { TokenKind, type TokenList } from './tokens';

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
  readonly tokens: TokenList;
  /** Matching bracket of each bracket token. */
  readonly match: Int32Array;
  readonly language: 'python' | 'js';
}

/** What `literalValue` returns for tokens that are not a literal (a literal's value may be null). */
const NOT_LITERAL: unique symbol = Symbol('not a literal');

function parseNumber(text: string): number | undefined {
  const cleaned = text.includes('_') ? text.replace(/_/g, '') : text;
  const suffix = cleaned.charCodeAt(cleaned.length - 1);
  if (suffix === 106 || suffix === 74 || suffix === 110) return undefined; // j, J: complex (Python); n: BigInt (JS)
  const value = Number(cleaned);
  return Number.isNaN(value) ? undefined : value;
}

/** Special float spellings: `float('inf')`, `math.inf`, `np.nan`, `Infinity`. */
function specialFloat(view: TokenView, first: number, last: number): number | undefined {
  const { tokens } = view;
  if (first === last && tokens.kind(first) === TokenKind.Name) {
    if (view.language === 'js' && tokens.isName(first, 'Infinity')) return Infinity;
    if (view.language === 'js' && tokens.isName(first, 'NaN')) return NaN;
    return undefined;
  }
  if (view.language === 'python' && last === first + 3 && tokens.isName(first, 'float') && tokens.isOp(first + 1, '(') && tokens.kind(first + 2) === TokenKind.String && tokens.isOp(last, ')')) {
    const word = tokens.stringValue(first + 2).trim().toLowerCase();
    if (word === 'inf' || word === '+inf' || word === 'infinity') return Infinity;
    if (word === '-inf' || word === '-infinity') return -Infinity;
    if (word === 'nan') return NaN;
    return undefined;
  }
  // module.inf / module.nan (math, numpy, torch)
  if (last === first + 2 && tokens.isName(first) && tokens.isOp(first + 1, '.') && tokens.isName(last)) {
    const attr = tokens.text(last);
    if (attr === 'inf' || attr === 'Infinity' || attr === 'POSITIVE_INFINITY') return Infinity;
    if (attr === 'nan' || attr === 'NaN') return NaN;
    if (attr === 'NEGATIVE_INFINITY') return -Infinity;
  }
  return undefined;
}

/** Evaluates the literal spanning tokens first..last, or NOT_LITERAL (no wrapper object: this runs per argument). */
function literalValue(view: TokenView, first: number, last: number): ParamValue | typeof NOT_LITERAL {
  const { tokens, match } = view;
  if (first > last) return NOT_LITERAL;
  if (first === last) {
    switch (tokens.kind(first)) {
      case TokenKind.Number:
        return parseNumber(tokens.text(first)) ?? NOT_LITERAL;
      case TokenKind.String:
        return tokens.stringValue(first);
      case TokenKind.Name: {
        const word = tokens.text(first);
        if (view.language === 'python') {
          if (word === 'True') return true;
          if (word === 'False') return false;
          if (word === 'None') return null;
        } else {
          if (word === 'true') return true;
          if (word === 'false') return false;
          if (word === 'null') return null;
        }
        return specialFloat(view, first, last) ?? NOT_LITERAL;
      }
      default:
        return NOT_LITERAL;
    }
  }
  const minus = tokens.isOp(first, '-');
  if (minus || tokens.isOp(first, '+')) {
    const inner = literalValue(view, first + 1, last);
    if (typeof inner === 'number') return minus ? -inner : inner;
    return NOT_LITERAL;
  }
  // Adjacent Python strings concatenate: 'binary_' 'crossentropy'.
  if (view.language === 'python' && tokens.kind(first) === TokenKind.String) {
    let value = '';
    for (let k = first; k <= last; k++) {
      if (tokens.kind(k) !== TokenKind.String) return NOT_LITERAL;
      value += tokens.stringValue(k);
    }
    return value;
  }
  const paren = tokens.isOp(first, '(');
  if ((paren || tokens.isOp(first, '[')) && match[first] === last) {
    const items = splitTopLevel(view, first + 1, last - 1);
    const hasComma = items.length > 1 || hasTrailingComma(view, first + 1, last - 1);
    if (paren && !hasComma) return items.length === 1 ? literalValue(view, items[0]![0], items[0]![1]) : NOT_LITERAL;
    const values: (number | number[])[] = [];
    for (const [a, b] of items) {
      const item = literalValue(view, a, b);
      if (typeof item === 'number') values.push(item);
      else if (Array.isArray(item) && item.every((v) => typeof v === 'number')) values.push(item as number[]);
      else return NOT_LITERAL;
    }
    const nested = values.some((v) => Array.isArray(v));
    if (nested && !values.every((v) => Array.isArray(v))) return NOT_LITERAL;
    return values as number[] | number[][];
  }
  return specialFloat(view, first, last) ?? NOT_LITERAL;
}

function hasTrailingComma(view: TokenView, first: number, last: number): boolean {
  return last >= first && view.tokens.isOp(last, ',');
}

/**
 * The first top-level comma in from..last (brackets closed within the range are skipped), or last + 1.
 * The parts between such commas are a call's arguments or a display's items; callers loop over them
 * without building index pairs.
 */
function nextTopLevelComma(view: TokenView, from: number, last: number): number {
  const { tokens, match } = view;
  let k = from;
  while (k <= last) {
    if (tokens.kind(k) === TokenKind.Op) {
      if (match[k]! > k && match[k]! <= last) {
        k = match[k]! + 1;
        continue;
      }
      if (tokens.isOp(k, ',')) return k;
    }
    k++;
  }
  return last + 1;
}

/** Splits tokens first..last at top-level commas into [first, last] index pairs (empty parts dropped). */
export function splitTopLevel(view: TokenView, first: number, last: number): [number, number][] {
  const parts: [number, number][] = [];
  for (let a = first; a <= last; ) {
    const comma = nextTopLevelComma(view, a, last);
    if (comma > a) parts.push([a, comma - 1]);
    a = comma + 1;
  }
  return parts;
}

/** Reads the arguments of the call whose `(` is at `open`. */
export function readArgs(view: TokenView, open: number): ArgNode[] {
  const close = view.match[open]!;
  // Counted first so the list is allocated at its size (grown from [] it would reserve room for 16): this
  // runs for every call the scanner looks into.
  let count = 0;
  for (let a = open + 1; a < close; ) {
    const comma = nextTopLevelComma(view, a, close - 1);
    if (comma > a) count++;
    a = comma + 1;
  }
  const nodes = new Array<ArgNode>(count);
  let index = 0;
  for (let a = open + 1; a < close; ) {
    const comma = nextTopLevelComma(view, a, close - 1);
    if (comma > a) nodes[index++] = readArg(view, a, comma - 1);
    a = comma + 1;
  }
  return nodes;
}

function readArg(view: TokenView, first: number, last: number): ArgNode {
  const { tokens } = view;
  if (tokens.isOp(first, '*') || tokens.isOp(first, '**') || tokens.isOp(first, '...')) {
    return { first, last, start: tokens.start(first), end: tokens.end(last), starred: true, isLiteral: false };
  }
  if (view.language === 'python' && tokens.isName(first) && tokens.isOp(first + 1, '=') && first + 2 <= last) {
    return valueNode(view, first + 2, last, tokens.text(first), first);
  }
  return valueNode(view, first, last);
}

function valueNode(view: TokenView, first: number, last: number, name?: string, nameIndex?: number): ArgNode {
  const { tokens, match } = view;
  const literal = literalValue(view, first, last);
  const isLiteral = literal !== NOT_LITERAL;
  const entries = tokens.isOp(first, '{') && match[first] === last ? readObjectEntries(view, first + 1, last - 1) : undefined;
  // Every field in one literal: argument nodes share one shape instead of growing property by property.
  return { first, last, start: tokens.start(first), end: tokens.end(last), starred: false, isLiteral, value: isLiteral ? literal : undefined, name, nameIndex, entries };
}

/** Reads `{key: value, ...}` entries (JS object literal or Python dict display with constant keys). */
function readObjectEntries(view: TokenView, first: number, last: number): ArgNode[] {
  const { tokens } = view;
  const entries: ArgNode[] = [];
  for (const [a, b] of splitTopLevel(view, first, last)) {
    if (tokens.isOp(a, '...') || tokens.isOp(a, '**')) {
      entries.push({ first: a, last: b, start: tokens.start(a), end: tokens.end(b), starred: true, isLiteral: false });
      continue;
    }
    const kind = tokens.kind(a);
    const keyText = kind === TokenKind.String ? tokens.stringValue(a) : kind === TokenKind.Name || kind === TokenKind.Number ? tokens.text(a) : undefined;
    if (keyText === undefined) continue;
    if (tokens.isOp(a + 1, ':') && a + 2 <= b) entries.push(valueNode(view, a + 2, b, keyText, a));
    else if (a === b && kind === TokenKind.Name && view.language === 'js') entries.push(valueNode(view, a, b, keyText, a));
  }
  return entries;
}
