/** Axis ticks at "nice" values (1, 2, 5 × 10ⁿ) and their compact labels. */

/** Up to about `target` evenly spaced round values inside [min, max] (min < max, both finite). */
export function niceTicks(min: number, max: number, target = 5): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [];
  const rough = span / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  const first = Math.ceil(min / step);
  const last = Math.floor(max / step);
  for (let k = first; k <= last; k++) {
    // Multiplying the integer index (not accumulating) keeps 0.1·3 from drifting to 0.30000000000000004.
    const value = Number((k * step).toPrecision(12));
    ticks.push(Object.is(value, -0) ? 0 : value);
  }
  return ticks;
}

/** A tick label: at most 3 significant digits, a true minus sign, exponents only for very large or small values. */
export function formatTick(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  let text: string;
  if (abs >= 1e5 || abs < 1e-3) {
    const [mantissa, exponent] = value.toExponential(1).split('e');
    text = `${mantissa!.replace(/\.0$/, '')}e${Number(exponent)}`;
  } else {
    text = String(Number(value.toPrecision(3)));
  }
  return text.replace('-', '−');
}
