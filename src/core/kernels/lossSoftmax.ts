/**
 * Row-wise log-softmax and its backward pass for the cross-entropy losses, computed as torch and
 * TensorFlow do (x − max − log Σ e^(x − max)), so an all −∞ row or a NaN gives NaN as there.
 */

/** Writes log_softmax of x[offset .. offset + n) into out at the same positions. */
export function logSoftmaxRow(x: Float64Array, out: Float64Array, offset: number, n: number): void {
  let max = -Infinity;
  // Math.max propagates NaN, as torch's and TF's row maximum do.
  for (let j = 0; j < n; j++) max = Math.max(max, x[offset + j]!);
  let sum = 0;
  for (let j = 0; j < n; j++) sum += Math.exp(x[offset + j]! - max);
  const logSum = Math.log(sum);
  for (let j = 0; j < n; j++) out[offset + j] = x[offset + j]! - max - logSum;
}

/**
 * Turns g = d loss / d log_softmax into d loss / d x in place over one row, as torch's
 * log_softmax backward does: g − softmax · Σ g.
 */
export function logSoftmaxBackwardRow(logProbs: Float64Array, g: Float64Array, offset: number, n: number): void {
  let sum = 0;
  for (let j = 0; j < n; j++) sum += g[offset + j]!;
  for (let j = 0; j < n; j++) g[offset + j] = g[offset + j]! - Math.exp(logProbs[offset + j]!) * sum;
}
