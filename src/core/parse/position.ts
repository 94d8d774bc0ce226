/** Offsets and line/column positions in a text, for errors that point at what the user wrote. */
import type { TextPosition } from '../l10n';

/** A span of a text as 0-based offsets, `end` exclusive. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The 0-based line and column of an offset. `\r\n`, `\n` and a lone `\r` each end a line,
 * as in VS Code. Computed only when an error needs it, so a plain scan is fine.
 */
export function positionAt(text: string, offset: number): TextPosition {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      line++;
      lineStart = i + 1;
    } else if (code === 13) {
      if (i + 1 < text.length && text.charCodeAt(i + 1) === 10) {
        // The column of an offset between \r and \n still belongs to the same line.
        if (i + 1 === clamped) return { offset: clamped, line, column: clamped - lineStart };
        i++;
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: clamped, line, column: clamped - lineStart };
}

/** The range an error covers: its start and end offsets, or `fallback` when it carries none. */
export function errorRange(error: { readonly position?: TextPosition; readonly endPosition?: TextPosition }, fallback: TextRange): TextRange {
  if (!error.position) return fallback;
  const start = error.position.offset;
  const end = error.endPosition ? Math.max(start, error.endPosition.offset) : start;
  return { start, end };
}
