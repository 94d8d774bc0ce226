/**
 * A small JavaScript/TypeScript tokenizer: names, numbers, strings, template literals (with
 * nested `${}` code), regex literals, operators. Comments are skipped. It never throws.
 */
import { makeToken, TokenKind, type Token } from './tokens';

const THREE_CHAR_OPS = new Set(['===', '!==', '**=', '...', '>>>', '<<=', '>>=', '&&=', '||=', '??=']);
const TWO_CHAR_OPS = new Set(['=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>']);
/** Keywords after which a `/` starts a regex rather than a division. */
const REGEX_AFTER = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

interface Scanned {
  readonly end: number;
  readonly contentEnd: number;
  readonly hasEscape: boolean;
  readonly interpolated: boolean;
}

/** Scans a quoted string body after the opening quote; stops at the line end if unterminated. */
function scanQuoted(text: string, start: number, quote: number): Scanned {
  let p = start;
  let hasEscape = false;
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 92) {
      hasEscape = true;
      p += 2;
      continue;
    }
    if (c === quote) return { end: p + 1, contentEnd: p, hasEscape, interpolated: false };
    if (c === 10 || c === 13) return { end: p, contentEnd: p, hasEscape, interpolated: false };
    p++;
  }
  return { end: n, contentEnd: n, hasEscape, interpolated: false };
}

/** Scans a template literal body after the backtick, skipping `${...}` code. */
function scanTemplate(text: string, start: number): Scanned {
  let p = start;
  let hasEscape = false;
  let interpolated = false;
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 92) {
      hasEscape = true;
      p += 2;
      continue;
    }
    if (c === 96) return { end: p + 1, contentEnd: p, hasEscape, interpolated };
    if (c === 36 && text.charCodeAt(p + 1) === 123) {
      interpolated = true;
      p = skipCode(text, p + 2);
      continue;
    }
    p++;
  }
  return { end: n, contentEnd: n, hasEscape, interpolated };
}

/** Skips code inside `${...}` up to the closing brace, minding strings, templates and comments. */
function skipCode(text: string, start: number): number {
  let depth = 0;
  let p = start;
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 39 || c === 34) {
      p = scanQuoted(text, p + 1, c).end;
      continue;
    }
    if (c === 96) {
      p = scanTemplate(text, p + 1).end;
      continue;
    }
    if (c === 47 && text.charCodeAt(p + 1) === 47) {
      while (p < n && text.charCodeAt(p) !== 10) p++;
      continue;
    }
    if (c === 47 && text.charCodeAt(p + 1) === 42) {
      const close = text.indexOf('*/', p + 2);
      p = close < 0 ? n : close + 2;
      continue;
    }
    if (c === 123) depth++;
    else if (c === 125) {
      if (depth === 0) return p + 1;
      depth--;
    }
    p++;
  }
  return n;
}

/** Scans a regex literal body after the opening slash; returns -1 when it is not one (no closing slash on the line). */
function scanRegex(text: string, start: number): number {
  let p = start;
  let inClass = false;
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 10 || c === 13) return -1;
    if (c === 92) {
      p += 2;
      continue;
    }
    if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      p++;
      while (p < n && isIdentPart(text.charCodeAt(p))) p++;
      return p;
    }
    p++;
  }
  return -1;
}

function regexAllowed(previous: Token | undefined): boolean {
  if (!previous) return true;
  if (previous.kind === TokenKind.Op) return previous.text !== ')' && previous.text !== ']' && previous.text !== '}' && previous.text !== '++' && previous.text !== '--';
  if (previous.kind === TokenKind.Name) return REGEX_AFTER.has(previous.text);
  return false;
}

/** Tokenizes JavaScript or TypeScript source. */
export function tokenizeJs(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let p = 0;
  const push = (kind: Token['kind'], start: number, end: number, contentStart = 0, contentEnd = 0, raw = true): void => {
    tokens.push(makeToken(kind, start, end, text.slice(start, end), -1, contentStart, contentEnd, raw));
  };

  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xfeff || c === 0xa0) {
      p++;
      continue;
    }
    if (c === 47 /* / */) {
      const next = text.charCodeAt(p + 1);
      if (next === 47) {
        while (p < n && text.charCodeAt(p) !== 10 && text.charCodeAt(p) !== 13) p++;
        continue;
      }
      if (next === 42) {
        const close = text.indexOf('*/', p + 2);
        p = close < 0 ? n : close + 2;
        continue;
      }
      if (regexAllowed(tokens[tokens.length - 1])) {
        const end = scanRegex(text, p + 1);
        if (end > 0) {
          push(TokenKind.OtherString, p, end);
          p = end;
          continue;
        }
      }
    }
    if (isIdentStart(c) || (c === 35 && isIdentStart(text.charCodeAt(p + 1)))) {
      const start = p;
      p++;
      while (p < n && isIdentPart(text.charCodeAt(p))) p++;
      push(TokenKind.Name, start, p);
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(p + 1)))) {
      const start = p;
      const hex = c === 48 && /[xXbBoO]/.test(text[p + 1] ?? '');
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
      const body = scanQuoted(text, p + 1, c);
      push(TokenKind.String, p, body.end, p + 1, body.contentEnd, !body.hasEscape);
      p = body.end;
      continue;
    }
    if (c === 96) {
      const body = scanTemplate(text, p + 1);
      push(body.interpolated ? TokenKind.OtherString : TokenKind.String, p, body.end, p + 1, body.contentEnd, !body.hasEscape);
      p = body.end;
      continue;
    }
    const three = text.slice(p, p + 3);
    let width = THREE_CHAR_OPS.has(three) ? 3 : TWO_CHAR_OPS.has(three.slice(0, 2)) ? 2 : 1;
    // `a?.5:b` is a conditional with a number, not optional chaining.
    if (width === 2 && three.startsWith('?.') && isDigit(three.charCodeAt(2))) width = 1;
    push(TokenKind.Op, p, p + width);
    p += width;
  }
  return tokens;
}
