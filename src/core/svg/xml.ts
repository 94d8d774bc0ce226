/** XML text helpers for SVG output: escaping and compact, always-finite coordinates. */

/** Escapes text for an XML text node or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char]!);
}

const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A pixel coordinate with at most two decimals and no exponent. Callers only pass finite values; a
 * non-finite one would be a bug, so it throws instead of writing `NaN` into the path.
 */
export function coordinate(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`SVG coordinate is not finite: ${value}`);
  const rounded = Math.round(value * 100) / 100;
  // `-0` prints as `0`; toFixed would never use an exponent for the pixel sizes drawn here.
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
