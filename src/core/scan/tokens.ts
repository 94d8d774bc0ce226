/**
 * Tokens shared by the Python and JS/TS tokenizers, stored as parallel typed arrays: a
 * 10,000-line file has ~80,000 tokens, and one object per token costs more in allocation and
 * garbage collection than the whole scan. Comments are dropped; strings keep the span of their
 * contents so a mention can point at the name inside the quotes.
 */

/** Token kinds. */
export const TokenKind = {
  Name: 0,
  Number: 1,
  /** A plain string literal whose value is known: `'relu'`, `"mse"`. */
  String: 2,
  /** A string whose value is not a constant: f-strings, byte strings, JS template literals with `${}`, regexes. */
  OtherString: 3,
  Op: 4,
  /** End of a Python logical line (only emitted outside brackets). */
  Newline: 5,
} as const;

/** One of `TokenKind`. */
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

/** A growable list of tokens over one source text. Out-of-range indices read as "no token". */
export class TokenList {
  length = 0;
  private kinds: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  /** Indentation of line-starting tokens; clamped, since only comparisons between lines matter. */
  private indents: Int16Array;

  // Code has about one token per four characters (a 10,000-line PyTorch file: 0.26), so 3/8 of the
  // length rarely grows; growing copies every array and drops the old ones on the garbage collector.
  constructor(readonly source: string, capacity = Math.max(16, (source.length >> 2) + (source.length >> 3))) {
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.indents = new Int16Array(capacity);
  }

  /** Appends a token. `indent` is the column of a token that starts a Python logical line, else -1. */
  push(kind: TokenKind, start: number, end: number, indent = -1): void {
    if (this.length === this.kinds.length) this.grow();
    const i = this.length++;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.indents[i] = indent > 32767 ? 32767 : indent;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    this.kinds = kinds;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.ends = ends;
    const indents = new Int16Array(size);
    indents.set(this.indents);
    this.indents = indents;
  }

  private has(i: number): boolean {
    return i >= 0 && i < this.length;
  }

  /** Kind of token i, or -1 when there is none. */
  kind(i: number): number {
    return this.has(i) ? this.kinds[i]! : -1;
  }

  /** Start offset of token i (the text length when there is none). */
  start(i: number): number {
    return this.has(i) ? this.starts[i]! : this.source.length;
  }

  /** End offset of token i (the text length when there is none). */
  end(i: number): number {
    return this.has(i) ? this.ends[i]! : this.source.length;
  }

  /** Column of token i when it starts a Python logical line, else -1. */
  indent(i: number): number {
    return this.has(i) ? this.indents[i]! : -1;
  }

  /** Where a string token's contents start: after any prefix (`rb`, `f`) and the opening quote(s). */
  contentStart(i: number): number {
    const source = this.source;
    let p = this.starts[i]!;
    let c = source.charCodeAt(p);
    while (c !== 39 && c !== 34 && c !== 96 && p < this.ends[i]!) c = source.charCodeAt(++p);
    const triple = c !== 96 && source.charCodeAt(p + 1) === c && source.charCodeAt(p + 2) === c && this.ends[i]! - p >= 6;
    return Math.min(p + (triple ? 3 : 1), this.ends[i]!);
  }

  /** Where a string token's contents end: before the closing quote(s), or at the end of an unterminated string. */
  contentEnd(i: number): number {
    const contentStart = this.contentStart(i);
    const end = this.ends[i]!;
    const quote = this.source.charCodeAt(contentStart - 1);
    const width = contentStart - this.starts[i]! > 2 && this.source.charCodeAt(contentStart - 2) === quote && this.source.charCodeAt(contentStart - 3) === quote ? 3 : 1;
    if (end - contentStart < width || this.source.charCodeAt(end - 1) !== quote) return end;
    // A closing quote preceded by an odd number of backslashes is escaped: the string never closed.
    let backslashes = 0;
    for (let p = end - width - 1; p >= contentStart && this.source.charCodeAt(p) === 92; p--) backslashes++;
    return backslashes % 2 === 1 ? end : end - width;
  }

  /** Source text of token i ('' when there is none). */
  text(i: number): string {
    return this.has(i) ? this.source.slice(this.starts[i]!, this.ends[i]!) : '';
  }

  /** The character of a one-character Op token i (`(`, `,`, `.`...), else 0: one call where loops over every token need it. */
  opChar(i: number): number {
    if (!this.has(i) || this.kinds[i] !== TokenKind.Op) return 0;
    const start = this.starts[i]!;
    return this.ends[i]! - start === 1 ? this.source.charCodeAt(start) : 0;
  }

  /** True for an Op token with exactly this text. */
  isOp(i: number, op: string): boolean {
    if (!this.has(i) || this.kinds[i] !== TokenKind.Op) return false;
    const start = this.starts[i]!;
    if (this.ends[i]! - start !== op.length) return false;
    return op.length === 1 ? this.source.charCodeAt(start) === op.charCodeAt(0) : this.source.startsWith(op, start);
  }

  /** True for a Name token (with exactly this text, when given). */
  isName(i: number, name?: string): boolean {
    if (!this.has(i) || this.kinds[i] !== TokenKind.Name) return false;
    if (name === undefined) return true;
    const start = this.starts[i]!;
    return this.ends[i]! - start === name.length && this.source.startsWith(name, start);
  }

  /** True for `.` or JS `?.`. */
  isDot(i: number): boolean {
    return this.isOp(i, '.') || this.isOp(i, '?.');
  }

  /** True for a closing `)` or `]`. */
  isCloser(i: number): boolean {
    return this.isOp(i, ')') || this.isOp(i, ']');
  }

  /** The value of String token i (escapes decoded unless the string has a raw `r` prefix). */
  stringValue(i: number): string {
    const contentStart = this.contentStart(i);
    const body = this.source.slice(contentStart, this.contentEnd(i));
    if (!body.includes('\\')) return body;
    for (let p = this.starts[i]!; p < contentStart; p++) if ((this.source.charCodeAt(p) | 32) === 114) return body;
    return decodeEscapes(body);
  }

  /** Appends every token of another list, moved by an offset (notebook cells joined into one text). */
  appendShifted(other: TokenList, offset: number): void {
    for (let i = 0; i < other.length; i++) this.push(other.kinds[i]! as TokenKind, other.starts[i]! + offset, other.ends[i]! + offset, other.indents[i]!);
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"', '`': '`' };

function decodeEscapes(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (whole, escape: string) => {
    if (escape.length > 1 && (escape[0] === 'u' || escape[0] === 'x')) return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (escape === '\n' || escape === '\r\n') return '';
    return SIMPLE_ESCAPES[escape] ?? whole;
  });
}

/** Index of the bracket matching each bracket token, -1 elsewhere (unmatched brackets stay -1). */
export function matchBrackets(tokens: TokenList): Int32Array {
  const match = new Int32Array(tokens.length).fill(-1);
  // Open brackets as (token index, bracket character) pairs; a typed stack avoids array resizing.
  const stack = new Int32Array(2 * Math.min(tokens.length, 1 << 16) + 2);
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const c = tokens.opChar(i);
    if (c === 0) continue;
    if (c === 40 || c === 91 || c === 123) {
      if (2 * depth + 1 < stack.length) {
        stack[2 * depth] = i;
        stack[2 * depth + 1] = c;
        depth++;
      }
    } else if (c === 41 || c === 93 || c === 125) {
      const opener = c === 41 ? 40 : c === 93 ? 91 : 123;
      // Pop to the nearest matching opener so one stray bracket does not unbalance the rest.
      for (let s = depth - 1; s >= 0; s--) {
        if (stack[2 * s + 1] === opener) {
          match[stack[2 * s]!] = i;
          match[i] = stack[2 * s]!;
          depth = s;
          break;
        }
      }
    }
  }
  return match;
}

/** Index of the first token starting at or after an offset (tokens are sorted by start). */
export function tokenAtOrAfter(tokens: TokenList, offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens.start(mid) < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
