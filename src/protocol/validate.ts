/**
 * Small runtime checks for values that crossed a trust boundary (webview messages, persisted
 * webview state, command arguments). Each returns a boolean so guards compose with `&&`.
 */

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * True when every key of `value` is in `required` or `optional` and every required key is present.
 * Guards reject unknown keys so a message that does not match its type exactly is never acted on.
 */
export function hasExactKeys(value: Record<string, unknown>, required: readonly string[], optional: readonly string[] = []): boolean {
  for (const key of required) if (!(key in value)) return false;
  for (const key of Object.keys(value)) if (!required.includes(key) && !optional.includes(key)) return false;
  return true;
}

/** A string of at most `maxLength` UTF-16 units (and at least `minLength`). */
export function isBoundedString(value: unknown, maxLength: number, minLength = 0): value is string {
  return typeof value === 'string' && value.length <= maxLength && value.length >= minLength;
}

/** A finite number, optionally within [min, max]. NaN and ±Infinity are rejected. */
export function isFiniteNumber(value: unknown, min = -Number.MAX_VALUE, max = Number.MAX_VALUE): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** An integer within [min, max]. */
export function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** One of the listed string literals. */
export function isOneOf<T extends string>(value: unknown, choices: readonly T[]): value is T {
  return typeof value === 'string' && (choices as readonly string[]).includes(value);
}

/** An array of at most `maxLength` items that all pass `item`. */
export function isArrayOf<T>(value: unknown, maxLength: number, item: (element: unknown) => element is T): value is T[] {
  if (!Array.isArray(value) || value.length > maxLength) return false;
  for (const element of value) if (!item(element)) return false;
  return true;
}
