/**
 * What a practitioner reads off an activation's result: value ranges, and how many units pass no
 * gradient (dead: f′ exactly 0) or almost none (saturated: 0 < |f′| < 1e-3).
 */
import { SATURATION_THRESHOLD } from '../curves';
import type { Tensor } from '../tensor';

/** The smallest and largest finite value, and how many values are NaN or infinite. */
export interface ValueRange {
  /** NaN when no value is finite. */
  readonly min: number;
  readonly max: number;
  readonly nonFinite: number;
}

/** Statistics of an activation applied to a tensor. */
export interface ActivationStatistics {
  readonly count: number;
  readonly input: ValueRange;
  readonly output: ValueRange;
  /** Mean of the finite outputs (NaN when none is finite). */
  readonly outputMean: number;
  /** Units whose derivative is exactly 0. */
  readonly dead: number;
  /** Units with 0 < |derivative| < threshold. */
  readonly saturated: number;
  readonly saturationThreshold: number;
}

/** Range of the finite values of `data`. */
export function valueRange(data: Float64Array): ValueRange {
  let min = Infinity;
  let max = -Infinity;
  let nonFinite = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max, nonFinite } : { min: NaN, max: NaN, nonFinite };
}

/** Ranges, mean and the dead / saturated counts of one evaluation. */
export function activationStatistics(input: Tensor, output: Tensor, derivative: Tensor, threshold = SATURATION_THRESHOLD): ActivationStatistics {
  let dead = 0;
  let saturated = 0;
  const grad = derivative.data;
  for (let i = 0; i < grad.length; i++) {
    const g = grad[i]!;
    if (g === 0) dead++;
    else if (Math.abs(g) < threshold) saturated++;
  }
  let sum = 0;
  let finite = 0;
  const out = output.data;
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (Number.isFinite(v)) {
      sum += v;
      finite++;
    }
  }
  return {
    count: out.length,
    input: valueRange(input.data),
    output: valueRange(out),
    outputMean: finite > 0 ? sum / finite : NaN,
    dead,
    saturated,
    saturationThreshold: threshold,
  };
}

/**
 * Each unreduced loss term's share of the reduced loss: the terms scaled so they add up to it. Every
 * reduction (mean, sum, batchmean, weighted means) is the sum of the terms times a constant, so the
 * scale is `reduced / Σ terms`; with `none` the terms are the result and stand as they are.
 */
export function lossContributions(terms: Tensor, reduced: Tensor): Float64Array {
  const out = new Float64Array(terms.data.length);
  if (reduced.data.length !== 1) {
    out.set(terms.data);
    return out;
  }
  let sum = 0;
  for (let i = 0; i < terms.data.length; i++) sum += terms.data[i]!;
  const value = reduced.data[0]!;
  const scale = sum === 0 ? 0 : value / sum;
  for (let i = 0; i < out.length; i++) out[i] = terms.data[i]! * scale;
  return out;
}
