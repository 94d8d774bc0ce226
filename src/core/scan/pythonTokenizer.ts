/**
 * A small Python tokenizer: names, numbers, strings (prefixes, triple quotes, f-strings with
 * nested expressions), operators and logical newlines. Comments are skipped. It never throws:
 * unterminated strings end at the line (or the text) end.
 */
import { TokenKind, TokenList } from './tokens';

/** Characters that form a two-character operator with a following `=` (`==`, `+=`, `:=`...). */
const BEFORE_EQUALS = new Uint8Array(128);
for (const c of '=!<>:+-*/%&|^@') BEFORE_EQUALS[c.charCodeAt(0)] = 1;

/** Width of the operator starting at p (1 to 3 characters), without allocating. */
function operatorWidth(text: string, p: number, c: number): number {
  const c1 = text.charCodeAt(p + 1);
  if ((c === 42 || c === 47 || c === 60 || c === 62) && c1 === c) return text.charCodeAt(p + 2) === 61 ? 3 : 2; // ** // << >> and **= //= <<= >>=
  if (c1 === 61 && c < 128 && BEFORE_EQUALS[c] === 1) return 2;
  if (c === 45 && c1 === 62) return 2; // ->
  if (c === 46 && c1 === 46 && text.charCodeAt(p + 2) === 46) return 3; // ...
  return 1;
}
const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 't', 'br', 'rb', 'fr', 'rf', 'tr', 'rt']);

/** 1 for ASCII letters, digits and `_`: one load per character in the tokenizer's hottest loop. */
const IDENT_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) IDENT_PART[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57) ? 1 : 0;

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}

function isIdentPart(c: number): boolean {
  return c < 128 ? IDENT_PART[c] === 1 : c > 127;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Scans a string body starting after the opening quote(s); returns the offset after the closing quote(s). */
function scanStringBody(text: string, start: number, quote: number, triple: boolean, formatted: boolean): number {
  let p = start;
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 92 /* \ */) {
      p += 2;
      continue;
    }
    // An unterminated single-quoted string ends at the line end.
    if (!triple && (c === 10 || c === 13)) return p;
    if (c === quote) {
      if (!triple) return p + 1;
      if (text.charCodeAt(p + 1) === quote && text.charCodeAt(p + 2) === quote) return p + 3;
    }
    if (formatted && c === 123 /* { */) {
      if (text.charCodeAt(p + 1) === 123) {
        p += 2;
        continue;
      }
      p = skipFormatExpression(text, p + 1);
      continue;
    }
    p++;
  }
  return n;
}

/** Scans a string token (prefix included) starting at `start`; returns its end and whether its value is a constant. */
function scanString(text: string, start: number, prefixEnd: number): number {
  const quote = text.charCodeAt(prefixEnd);
  const triple = text.charCodeAt(prefixEnd + 1) === quote && text.charCodeAt(prefixEnd + 2) === quote;
  let formatted = false;
  for (let k = start; k < prefixEnd; k++) {
    const letter = text.charCodeAt(k) | 32;
    if (letter === 102 || letter === 116) formatted = true; // f, t
  }
  return scanStringBody(text, prefixEnd + (triple ? 3 : 1), quote, triple, formatted);
}

/** True when a string prefix makes the value non-constant (f-strings, t-strings, bytes). */
function isConstantPrefix(text: string, start: number, prefixEnd: number): boolean {
  for (let k = start; k < prefixEnd; k++) {
    const letter = text.charCodeAt(k) | 32;
    if (letter === 102 || letter === 116 || letter === 98) return false;
  }
  return true;
}

/** Skips an f-string replacement field up to its closing brace, strings and nesting included. */
function skipFormatExpression(text: string, start: number): number {
  let depth = 0;
  let p = start;
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 39 || c === 34) {
      const triple = text.charCodeAt(p + 1) === c && text.charCodeAt(p + 2) === c;
      p = scanStringBody(text, p + (triple ? 3 : 1), c, triple, false);
      continue;
    }
    if (c === 123 || c === 40 || c === 91) depth++;
    else if (c === 125 || c === 41 || c === 93) {
      if (depth === 0) return c === 125 ? p + 1 : p;
      depth--;
    }
    p++;
  }
  return n;
}

/** Tokenizes Python source. */
export function tokenizePython(text: string): TokenList {
  const tokens = new TokenList(text);
  const n = text.length;
  let p = 0;
  let depth = 0;
  let atLineStart = true;
  let physicalLineStart = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 10 || c === 13) {
      if (depth === 0 && tokens.length > 0 && tokens.kind(tokens.length - 1) !== TokenKind.Newline) tokens.push(TokenKind.Newline, p, p + 1);
      p += c === 13 && text.charCodeAt(p + 1) === 10 ? 2 : 1;
      physicalLineStart = p;
      if (depth === 0) atLineStart = true;
      continue;
    }
    if (c === 32 || c === 9 || c === 12) {
      // Indentation comes in runs of spaces.
      p++;
      while (p < n && text.charCodeAt(p) === 32) p++;
      continue;
    }
    if (c === 35 /* # */) {
      while (p < n && text.charCodeAt(p) !== 10 && text.charCodeAt(p) !== 13) p++;
      continue;
    }
    if (c === 92 /* \ */) {
      // Line continuation: the logical line goes on.
      const next = text.charCodeAt(p + 1);
      if (next === 10 || next === 13) {
        p += next === 13 && text.charCodeAt(p + 2) === 10 ? 3 : 2;
        physicalLineStart = p;
        continue;
      }
    }
    const start = p;
    const indent = atLineStart && depth === 0 ? start - physicalLineStart : -1;
    atLineStart = false;
    let kind: TokenKind = TokenKind.Op;
    if (isIdentStart(c)) {
      p++;
      while (p < n && isIdentPart(text.charCodeAt(p))) p++;
      const next = text.charCodeAt(p);
      if ((next === 39 || next === 34) && p - start <= 2 && STRING_PREFIXES.has(text.slice(start, p).toLowerCase())) {
        kind = isConstantPrefix(text, start, p) ? TokenKind.String : TokenKind.OtherString;
        p = scanString(text, start, p);
      } else kind = TokenKind.Name;
    } else if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(p + 1)))) {
      const hex = c === 48 && (text.charCodeAt(p + 1) | 32) === 120;
      p++;
      while (p < n) {
        const d = text.charCodeAt(p);
        if (!isIdentPart(d) && d !== 46) break;
        p++;
        if (!hex && (d === 101 || d === 69) && (text.charCodeAt(p) === 43 || text.charCodeAt(p) === 45)) p++;
      }
      kind = TokenKind.Number;
    } else if (c === 39 || c === 34) {
      kind = TokenKind.String;
      p = scanString(text, start, start);
    } else {
      p += c === 92 ? 1 : operatorWidth(text, p, c);
      if (p - start === 1) {
        if (c === 40 || c === 91 || c === 123) depth++;
        else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
      }
    }
    tokens.push(kind, start, p, indent);
  }
  return tokens;
}
