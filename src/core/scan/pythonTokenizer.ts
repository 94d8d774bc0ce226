/**
 * A small Python tokenizer: names, numbers, strings (prefixes, triple quotes, f-strings with
 * nested expressions), operators and logical newlines. Comments are skipped. It never throws:
 * unterminated strings end at the line (or the text) end.
 */
import { makeToken, TokenKind, type Token } from './tokens';

const THREE_CHAR_OPS = new Set(['**=', '//=', '>>=', '<<=', '...']);
const TWO_CHAR_OPS = new Set(['==', '!=', '<=', '>=', '->', '**', '//', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=', '<<', '>>']);
const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 't', 'br', 'rb', 'fr', 'rf', 'tr', 'rt']);

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

interface StringEnd {
  /** Offset just after the closing quotes (or where the unterminated string stopped). */
  readonly end: number;
  /** Offset where the contents end. */
  readonly contentEnd: number;
  readonly hasEscape: boolean;
}

/** Scans a string body starting after the opening quote(s). */
function scanStringBody(text: string, start: number, quote: number, triple: boolean, formatted: boolean): StringEnd {
  let p = start;
  let hasEscape = false;
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 92 /* \ */) {
      hasEscape = true;
      p += 2;
      continue;
    }
    if (!triple && (c === 10 || c === 13)) return { end: p, contentEnd: p, hasEscape };
    if (c === quote) {
      if (!triple) return { end: p + 1, contentEnd: p, hasEscape };
      if (text.charCodeAt(p + 1) === quote && text.charCodeAt(p + 2) === quote) return { end: p + 3, contentEnd: p, hasEscape };
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
  return { end: n, contentEnd: n, hasEscape };
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
      p = scanStringBody(text, p + (triple ? 3 : 1), c, triple, false).end;
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
export function tokenizePython(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let p = 0;
  let depth = 0;
  let atLineStart = true;
  let physicalLineStart = 0;

  const push = (kind: Token['kind'], start: number, end: number, contentStart = 0, contentEnd = 0, raw = true): void => {
    const indent = atLineStart && depth === 0 ? start - physicalLineStart : -1;
    atLineStart = false;
    tokens.push(makeToken(kind, start, end, text.slice(start, end), indent, contentStart, contentEnd, raw));
  };

  const readString = (start: number, prefix: string): void => {
    const quotePos = start + prefix.length;
    const quote = text.charCodeAt(quotePos);
    const triple = text.charCodeAt(quotePos + 1) === quote && text.charCodeAt(quotePos + 2) === quote;
    const lower = prefix.toLowerCase();
    const formatted = lower.includes('f') || lower.includes('t');
    const contentStart = quotePos + (triple ? 3 : 1);
    const body = scanStringBody(text, contentStart, quote, triple, formatted);
    const constant = !formatted && !lower.includes('b');
    push(constant ? TokenKind.String : TokenKind.OtherString, start, body.end, contentStart, body.contentEnd, lower.includes('r') || !body.hasEscape);
    p = body.end;
  };

  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 10 || c === 13) {
      if (depth === 0 && tokens.length > 0 && tokens[tokens.length - 1]!.kind !== TokenKind.Newline) {
        tokens.push(makeToken(TokenKind.Newline, p, p + 1, '\n'));
      }
      p += c === 13 && text.charCodeAt(p + 1) === 10 ? 2 : 1;
      physicalLineStart = p;
      if (depth === 0) atLineStart = true;
      continue;
    }
    if (c === 32 || c === 9 || c === 12) {
      p++;
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
      push(TokenKind.Op, p, p + 1);
      p++;
      continue;
    }
    if (isIdentStart(c)) {
      const start = p;
      p++;
      while (p < n && isIdentPart(text.charCodeAt(p))) p++;
      const next = text.charCodeAt(p);
      if ((next === 39 || next === 34) && p - start <= 2 && STRING_PREFIXES.has(text.slice(start, p).toLowerCase())) {
        readString(start, text.slice(start, p));
        continue;
      }
      push(TokenKind.Name, start, p);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(p + 1)))) {
      const start = p;
      const hex = c === 48 && (text.charCodeAt(p + 1) | 32) === 120;
      p++;
      while (p < n) {
        const d = text.charCodeAt(p);
        if (isIdentPart(d) || d === 46) {
          p++;
          if (!hex && (d === 101 || d === 69) && (text.charCodeAt(p) === 43 || text.charCodeAt(p) === 45)) p++;
          continue;
        }
        break;
      }
      push(TokenKind.Number, start, p);
      continue;
    }
    if (c === 39 || c === 34) {
      readString(p, '');
      continue;
    }
    const three = text.slice(p, p + 3);
    const width = THREE_CHAR_OPS.has(three) ? 3 : TWO_CHAR_OPS.has(three.slice(0, 2)) ? 2 : 1;
    if (width === 1) {
      if (c === 40 || c === 91 || c === 123) {
        push(TokenKind.Op, p, p + 1);
        depth++;
        p++;
        continue;
      }
      if (c === 41 || c === 93 || c === 125) {
        depth = Math.max(0, depth - 1);
      }
    }
    push(TokenKind.Op, p, p + width);
    p += width;
  }
  return tokens;
}
