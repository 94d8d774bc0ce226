/**
 * Tokens shared by the Python and JS/TS tokenizers. Comments are dropped; strings keep the
 * span of their contents so a mention can point at the name inside the quotes.
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

/** A token; every token has the same shape so the scanners' loops stay monomorphic. */
export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** Source text (for strings, including prefix and quotes). */
  readonly text: string;
  /** Column of the token when it starts a Python logical line, else -1. */
  readonly indent: number;
  /** For strings: where the contents start and end (inside the quotes). */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** For strings: true when the contents have no escapes, so the value is `text` between the quotes. */
  readonly raw: boolean;
}

/** Builds a token with the shared shape. */
export function makeToken(kind: TokenKind, start: number, end: number, text: string, indent = -1, contentStart = 0, contentEnd = 0, raw = true): Token {
  return { kind, start, end, text, indent, contentStart, contentEnd, raw };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"', '`': '`' };

/** The value of a String token (escapes decoded unless the string was raw). */
export function stringValue(source: string, token: Token): string {
  const body = source.slice(token.contentStart, token.contentEnd);
  if (token.raw || !body.includes('\\')) return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (whole, escape: string) => {
    if (escape.length > 1 && (escape[0] === 'u' || escape[0] === 'x')) return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (escape === '\n' || escape === '\r\n') return '';
    return SIMPLE_ESCAPES[escape] ?? whole;
  });
}

/** True for an Op token with exactly this text. */
export function isOp(token: Token | undefined, op: string): boolean {
  return token !== undefined && token.kind === TokenKind.Op && token.text === op;
}

/** True for a Name token with exactly this text. */
export function isName(token: Token | undefined, name?: string): boolean {
  return token !== undefined && token.kind === TokenKind.Name && (name === undefined || token.text === name);
}

/** Index of the bracket matching each bracket token, -1 elsewhere (unmatched brackets stay -1). */
export function matchBrackets(tokens: readonly Token[]): Int32Array {
  const match = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== TokenKind.Op) continue;
    const op = token.text;
    if (op === '(' || op === '[' || op === '{') stack.push(i);
    else if (op === ')' || op === ']' || op === '}') {
      const opener = closerOf(op);
      // Pop to the nearest matching opener so one stray bracket does not unbalance the rest.
      for (let s = stack.length - 1; s >= 0; s--) {
        if (tokens[stack[s]!]!.text === opener) {
          match[stack[s]!] = i;
          match[i] = stack[s]!;
          stack.length = s;
          break;
        }
      }
    }
  }
  return match;
}

function closerOf(op: string): string {
  return op === ')' ? '(' : op === ']' ? '[' : '{';
}

/** Index of the first token starting at or after an offset (tokens are sorted by start). */
export function tokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
