/**
 * Large numeric arrays read fast: a config holding `"x": [ ...100,000 numbers... ]` would otherwise
 * build a syntax node per number (seconds for JSON, much longer for YAML). Such arrays are read by
 * the literal parser instead and cut down to `[]` in a private copy of the text that the JSON/YAML
 * parser reads; `toOriginal` maps that copy's offsets back, so every range stays exact.
 */
import { parseLiteral } from '../parse/literal';
import type { Tensor } from '../tensor';

/** Arrays shorter than this many characters go through the ordinary parser. */
export const PACK_MIN_LENGTH = 4096;

/** An array read ahead of the JSON/YAML parser, by the offset of its `[` in the original text. */
export interface PackedArray {
  readonly end: number;
  readonly tensor: Tensor;
}

/** The text with large numeric arrays cut to `[]`, those arrays, and the offset map back. */
export interface PackedText {
  readonly masked: string;
  readonly arrays: ReadonlyMap<number, PackedArray>;
  readonly toOriginal: (maskedOffset: number) => number;
}

/** Characters a plain numeric list is made of: digits, signs, `.`, exponents, commas, brackets, spaces. */
function isPlainNumericCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 46 || code === 44 || code === 43 || code === 45 || code === 101 || code === 69 ||
    code === 32 || code === 9 || code === 10 || code === 13 || code === 91 || code === 93;
}

/** The end (exclusive) of a plain numeric list starting at `start`, or -1 when it holds anything else. */
function plainListEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isPlainNumericCharacter(code)) return -1;
    if (code === 91) {
      if (++depth > 2) return -1;
    } else if (code === 93) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

const identity = (offset: number): number => offset;

/** Finds large plain numeric lists, reads them, and cuts them to `[]` in a copy of the text. */
export function packLargeArrays(text: string): PackedText {
  const arrays = new Map<number, PackedArray>();
  if (text.length < PACK_MIN_LENGTH) return { masked: text, arrays, toOriginal: identity };
  const pieces: string[] = [];
  // Per cut region: where its `[]` starts in the copy, and how many characters were removed before it.
  const maskedStarts: number[] = [];
  const removedBefore: number[] = [];
  let removed = 0;
  let copied = 0;
  let i = text.indexOf('[');
  while (i >= 0) {
    const end = plainListEnd(text, i);
    if (end > 0 && end - i >= PACK_MIN_LENGTH) {
      let tensor: Tensor | undefined;
      try {
        tensor = parseLiteral(text.slice(i, end)).tensor;
      } catch {
        // Malformed: the ordinary parser reads it and reports the problem where it is.
        tensor = undefined;
      }
      if (tensor) {
        arrays.set(i, { end, tensor });
        pieces.push(text.slice(copied, i), '[]');
        maskedStarts.push(i - removed);
        removedBefore.push(removed);
        removed += end - i - 2;
        copied = end;
        i = text.indexOf('[', end);
        continue;
      }
    }
    i = text.indexOf('[', i + 1);
  }
  if (arrays.size === 0) return { masked: text, arrays, toOriginal: identity };
  pieces.push(text.slice(copied));
  const cutLengths = [...arrays.values()].map((array, k) => array.end - (maskedStarts[k]! + removedBefore[k]!) - 2);
  const toOriginal = (offset: number): number => {
    // The last cut region starting at or before the offset decides the shift.
    let low = 0;
    let high = maskedStarts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (maskedStarts[middle]! <= offset) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found < 0) return offset;
    // The `[` of the cut region keeps its place; its `]` and everything after move by the cut length.
    const shift = removedBefore[found]! + (offset > maskedStarts[found]! ? cutLengths[found]! : 0);
    return offset + shift;
  };
  return { masked: pieces.join(''), arrays, toOriginal };
}
