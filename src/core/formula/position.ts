/** Positions inside a formula text, for errors that point at what the user wrote. */
import { FormulaLensError } from '../l10n';
import type { LocalizedText, TextPosition } from '../l10n';

/** The 0-based line and column of a UTF-16 offset in `text` (offsets past the end clamp to the end). */
export function positionAt(text: string, offset: number): TextPosition {
  const clamped = Math.max(0, Math.min(Math.trunc(offset), text.length));
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: clamped, line, column: clamped - lineStart };
}

/** End of what starts at `offset`: a whole name or number, or one character (a surrogate pair counts as one). */
export function tokenEnd(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  if (/[A-Za-z0-9_.]/.test(text[offset]!)) {
    let end = offset + 1;
    const word = /[A-Za-z_]/.test(text[offset]!) ? /[A-Za-z0-9_]/ : /[0-9.eE]/;
    while (end < text.length && word.test(text[end]!)) end++;
    return end;
  }
  return offset + ((text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1);
}

/** A FormulaLensError covering the name, number or character at `offset` (or up to `end` when given). */
export function refusalAt(text: string, offset: number, message: LocalizedText, args: Readonly<Record<string, string | number>> = {}, end?: number): FormulaLensError {
  return new FormulaLensError(message, args, positionAt(text, offset), positionAt(text, end ?? tokenEnd(text, offset)));
}
