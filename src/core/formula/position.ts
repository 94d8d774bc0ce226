/** Positions inside a formula text, for errors that point at what the user wrote. */
import type { TextPosition } from '../l10n';

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
