/**
 * JSON with every float64: NaN and ±Infinity travel as the strings "NaN", "Infinity", "-Infinity"
 * and negative zero as `-0.0`, the encoding of the reference data, the CLI and the webview messages.
 */

/** A number as it appears in encoded JSON. */
export type EncodedNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** Encodes one number: non-finite values become strings. */
export function encodeNumber(value: number): EncodedNumber {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return value;
}

/** Decodes one encoded value into a number, or undefined when it is not a number at all. */
export function decodeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value === 'NaN' || value === 'nan') return NaN;
  if (value === 'Infinity' || value === 'inf' || value === '+Infinity') return Infinity;
  if (value === '-Infinity' || value === '-inf') return -Infinity;
  return undefined;
}

/** Encodes nested arrays of numbers (or a number). */
export function encodeNested(value: number | readonly unknown[]): unknown {
  return Array.isArray(value) ? value.map((item) => encodeNested(item as number | unknown[])) : encodeNumber(value as number);
}

/**
 * Decodes nested arrays holding numbers and encoded strings. Returns undefined when an element
 * is neither (the caller reports where).
 */
export function decodeNested(value: unknown): number | number[] | number[][] | undefined {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const decoded = decodeNested(item);
      if (decoded === undefined) return undefined;
      out.push(decoded);
    }
    return out as number[] | number[][];
  }
  return decodeNumber(value);
}

/**
 * `JSON.stringify` that keeps every float64: NaN/±Infinity as strings, negative zero as `-0.0`.
 * `indent` as in JSON.stringify.
 */
export function stringifyNumbers(value: unknown, indent?: number): string {
  const NEGATIVE_ZERO = '\u0000-0.0\u0000';
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'number') return item;
    if (Object.is(item, -0)) return NEGATIVE_ZERO;
    return encodeNumber(item);
  }, indent);
  return json.split(JSON.stringify(NEGATIVE_ZERO)).join('-0.0');
}
