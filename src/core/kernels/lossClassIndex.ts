/**
 * torch's negative log-likelihood over log-probabilities with class-index targets, shared by
 * nll_loss and cross_entropy (sparse categorical cross-entropy): class weights, ignore_index,
 * label smoothing, and the weighted mean that divides by the summed weights of the targets.
 */
import type { Reduction } from '../catalog/types';
import { classIndexAt } from './lossInputs';
import { perSampleScale } from './lossReduction';

/** Per-sample losses of a class-index loss and the divisor its `mean` uses. */
export interface IndexedNllResult {
  readonly losses: Float64Array;
  readonly meanDivisor: number;
}

/** Options of `torchIndexedNll`. */
export interface IndexedNllOptions {
  readonly rows: number;
  readonly classes: number;
  readonly weight: Float64Array | undefined;
  readonly ignoreIndex: number | null;
  readonly labelSmoothing: number;
  readonly reduction: Reduction;
}

/**
 * Computes torch's loss_i = (1 − ls)·w[t_i]·(−L[i, t_i]) + (ls/C)·Σ_c w_c·(−L[i, c]) over
 * log-probabilities L (rows × classes), with ignored targets contributing 0. Writes
 * d loss / d L, already scaled by the reduction, into `gradL`. For `mean` the divisor is the
 * summed weight of the non-ignored targets (their count without weights), so an all-ignored
 * batch gives 0/0 = NaN as in torch.
 */
export function torchIndexedNll(id: string, logProbs: Float64Array, targets: Float64Array, options: IndexedNllOptions, gradL: Float64Array): IndexedNllResult {
  const { rows, classes, weight, ignoreIndex, labelSmoothing, reduction } = options;
  const indices = new Int32Array(rows);
  let divisor = 0;
  for (let r = 0; r < rows; r++) {
    const index = classIndexAt(id, targets, r, classes, ignoreIndex);
    const ignored = ignoreIndex !== null && index === ignoreIndex;
    indices[r] = ignored ? -1 : index;
    if (!ignored) divisor += weight ? weight[index]! : 1;
  }
  // Computed before the gradient, as torch does: a zero divisor makes the scale infinite and
  // a zero-weight target then gets 0·∞ = NaN, while ignored targets keep a zero gradient.
  const scale = perSampleScale(rows, reduction, divisor);
  const losses = new Float64Array(rows);
  const smoothingPerClass = labelSmoothing / classes;
  for (let r = 0; r < rows; r++) {
    const k = indices[r]!;
    if (k < 0) continue;
    const base = r * classes;
    const wk = weight ? weight[k]! : 1;
    let loss = (1 - labelSmoothing) * wk * -logProbs[base + k]!;
    gradL[base + k] = -(1 - labelSmoothing) * wk * scale;
    // torch skips the smoothing term entirely when ls = 0, so −∞ log-probabilities stay harmless.
    if (labelSmoothing > 0) {
      let smooth = 0;
      for (let c = 0; c < classes; c++) {
        const wc = weight ? weight[c]! : 1;
        smooth += wc * -logProbs[base + c]!;
        gradL[base + c] = gradL[base + c]! - smoothingPerClass * wc * scale;
      }
      loss += smoothingPerClass * smooth;
    }
    losses[r] = loss;
  }
  return { losses, meanDivisor: divisor };
}
