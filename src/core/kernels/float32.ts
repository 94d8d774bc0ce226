/**
 * float32 range effects of TF.js, which computes in float32 only: its CPU backend does each op's
 * arithmetic in float64 JavaScript and stores the result in a Float32Array, so an op's output
 * beyond ±3.4028235e38 becomes ±Infinity (e.g. tf.exp(100) = Infinity) while Formula Lens keeps
 * float64 precision everywhere else.
 */

/** The largest finite float32 value. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** `v` as stored in a float32 tensor's range: ±Infinity when it would overflow, unchanged otherwise. */
export function float32Overflow(v: number): number {
  const rounded = Math.fround(v);
  return rounded === Infinity || rounded === -Infinity ? rounded : v;
}

/** Applies `float32Overflow` to every element of `out` in place. */
export function float32OverflowInPlace(out: Float64Array): void {
  for (let i = 0; i < out.length; i++) {
    const rounded = Math.fround(out[i]!);
    if (rounded === Infinity || rounded === -Infinity) out[i] = rounded;
  }
}
