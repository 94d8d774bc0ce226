/**
 * A small JavaScript/TypeScript tokenizer: names, numbers, strings, template literals (with
 * nested `${}` code), regex literals, operators. Comments are skipped. It never throws.
 */
import { TokenKind, TokenList } from './tokens';

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

/** Set by `scanTemplate`: whether the template it just read had `${...}` (the tokenizer is synchronous). */
let templateInterpolated = false;

/** Scans a quoted string body after the opening quote; returns the offset after the closing quote (or the line end). */
function scanQuoted(text: string, start: number, quote: number): number {
  let p = start;
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 92) {
      p += 2;
      continue;
    }
    if (c === quote) return p + 1;
    if (c === 10 || c === 13) return p;
    p++;
  }
  return n;
}

/** Scans a template literal body after the backtick, skipping `${...}` code; returns the offset after the closing backtick. */
function scanTemplate(text: string, start: number): number {
  let p = start;
  let interpolated = false;
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 92) {
      p += 2;
      continue;
    }
    if (c === 96) {
      templateInterpolated = interpolated;
      return p + 1;
    }
    if (c === 36 && text.charCodeAt(p + 1) === 123) {
      interpolated = true;
      p = skipCode(text, p + 2);
      continue;
    }
    p++;
  }
  templateInterpolated = interpolated;
  return n;
}

/** Skips code inside `${...}` up to the closing brace, minding strings, templates and comments. */
function skipCode(text: string, start: number): number {
  let depth = 0;
  let p = start;
  const n = text.length;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 39 || c === 34) {
      p = scanQuoted(text, p + 1, c);
      continue;
    }
    if (c === 96) {
      p = scanTemplate(text, p + 1);
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

/** Width of the operator starting at p (1 to 3 characters), without allocating. */
function operatorWidth(text: string, p: number, c: number): number {
  const c1 = text.charCodeAt(p + 1);
  const c2 = text.charCodeAt(p + 2);
  switch (c) {
    case 46: // ...
      return c1 === 46 && c2 === 46 ? 3 : 1;
    case 63: // ?. ?? ??=  (`a?.5:b` is a conditional with a number, not optional chaining)
      if (c1 === 46) return isDigit(c2) ? 1 : 2;
      return c1 === 63 ? (c2 === 61 ? 3 : 2) : 1;
    case 61: // === == =>
      if (c1 === 61) return c2 === 61 ? 3 : 2;
      return c1 === 62 ? 2 : 1;
    case 33: // !== !=
      return c1 === 61 ? (c2 === 61 ? 3 : 2) : 1;
    case 38: // && &&= &=
    case 124: // || ||= |=
    case 42: // ** **= *=
    case 60: // << <<= <=
      if (c1 === c) return c2 === 61 ? 3 : 2;
      return c1 === 61 ? 2 : 1;
    case 62: // >>> >>= >> >=
      if (c1 === 62) return c2 === 62 || c2 === 61 ? 3 : 2;
      return c1 === 61 ? 2 : 1;
    case 43: // ++ +=
    case 45: // -- -=
      return c1 === c || c1 === 61 ? 2 : 1;
    case 47: // /=
    case 37: // %=
    case 94: // ^=
      return c1 === 61 ? 2 : 1;
    default:
      return 1;
  }
}

function regexAllowed(tokens: TokenList): boolean {
  const previous = tokens.length - 1;
  if (previous < 0) return true;
  if (tokens.kind(previous) === TokenKind.Op) return !tokens.isOp(previous, ')') && !tokens.isOp(previous, ']') && !tokens.isOp(previous, '}') && !tokens.isOp(previous, '++') && !tokens.isOp(previous, '--');
  if (tokens.kind(previous) === TokenKind.Name) return REGEX_AFTER.has(tokens.text(previous));
  return false;
}

/** Tokenizes JavaScript or TypeScript source. */
export function tokenizeJs(text: string): TokenList {
  const tokens = new TokenList(text);
  const n = text.length;
  let p = 0;
  const push = (kind: TokenKind, start: number, end: number): void => {
    tokens.push(kind, start, end);
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
      if (regexAllowed(tokens)) {
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
      const end = scanQuoted(text, p + 1, c);
      push(TokenKind.String, p, end);
      p = end;
      continue;
    }
    if (c === 96) {
      const end = scanTemplate(text, p + 1);
      push(templateInterpolated ? TokenKind.OtherString : TokenKind.String, p, end);
      p = end;
      continue;
    }
    const width = operatorWidth(text, p, c);
    push(TokenKind.Op, p, p + width);
    p += width;
  }
  return tokens;
}
