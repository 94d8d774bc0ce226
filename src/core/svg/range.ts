/** Choosing a chart's value range from its samples, robust to the spikes of steep curves. */

/** Largest magnitude a range covers. */
const LIMIT = 1e300;

/** A closed interval [min, max] with min < max. */
export type Interval = readonly [number, number];

/**
 * A y range that shows most of the samples: from the `tail`-quantile to the (1 − `tail`)-quantile of the
 * finite values, padded by `padding` of the span. Always contains `include` (e.g. 0, so the axis shows)
 * when given. A spike such as BCE's 100 at p = 0 is left to be clipped rather than squash the rest flat.
 */
export function robustRange(series: readonly ArrayLike<number>[], options: { readonly tail?: number; readonly padding?: number; readonly include?: number } = {}): Interval {
  const { tail = 0.02, padding = 0.08, include } = options;
  const finite: number[] = [];
  // Values are capped at ±1e300 so the span and its padding cannot overflow to Infinity.
  for (const values of series) for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) finite.push(Math.max(-LIMIT, Math.min(LIMIT, values[i]!)));
  if (finite.length === 0) return include === undefined ? [-1, 1] : [include - 1, include + 1];
  finite.sort((a, b) => a - b);
  const at = (q: number) => finite[Math.min(finite.length - 1, Math.max(0, Math.round(q * (finite.length - 1))))]!;
  let low = at(tail);
  let high = at(1 - tail);
  if (include !== undefined) {
    low = Math.min(low, include);
    high = Math.max(high, include);
  }
  if (high - low < 1e-9 * Math.max(1, Math.abs(high))) {
    // A flat curve (linear's derivative, a constant) still needs a visible band around it.
    const half = Math.max(0.5, Math.abs(high) * 0.1);
    return [low - half, high + half];
  }
  const pad = (high - low) * padding;
  return [low - pad, high + pad];
}
