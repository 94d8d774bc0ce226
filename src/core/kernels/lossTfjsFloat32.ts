/**
 * Float32 replays of TF.js computations whose rounding shows at the reference tolerance.
 * TF.js tensors are float32 only. Most TF.js losses stay within about 1e-7 of the exact float64
 * value, but binaryCrossentropy on probabilities goes through logit = log(p/(1 − p)), and its
 * backward pass adds −dy·t and +dy in float32 before dividing by p(1 − p): near p → 1 with t = 1
 * that cancellation leaves a relative error of about 6e-8/(1 − p), e.g. 3e-5 at p = 0.999.
 * The TF.js profile reproduces it so the numbers are the ones TF.js gives.
 */
import type { Reduction } from '../catalog/types';
import { clip } from './lossMath';
import { rowLayout } from './lossReduction';

const f32 = Math.fround;

/**
 * The float32 upstream gradient each element receives from the Keras reduction in TF.js:
 * mean over the batch gives 1/rows, the per-sample mean over the last axis then divides by cols.
 */
export function tfjsElementUpstream(shape: readonly number[], reduction: Reduction): number {
  const { rows, cols } = rowLayout(shape);
  const perSample = reduction === 'mean' || reduction === 'batchmean' ? f32(1 / rows) : 1;
  return f32(perSample / cols);
}

/**
 * ∂loss/∂p of TF.js layers binaryCrossentropy for one element, replaying its float32 graph:
 * y = clip(p), z = y/(1 − y), x = log z, then max(x, 0) − x·t + log1p(e^−|x|). Gradients flow back
 * in TF.js's reverse tape order: into x from mul(x, t), then abs, then relu; into y from the
 * division's numerator, then from 1 − y; finally through the clip mask.
 */
export function tfjsBinaryCrossentropyGradient(p: number, t: number, dy: number, lower: number, upper: number): number {
  const y = f32(clip(p, lower, upper));
  const oneMinusY = f32(1 - y);
  const ratio = f32(y / oneMinusY);
  const x = f32(Math.log(ratio));
  const e = f32(Math.exp(-Math.abs(x)));
  const stepX = Number.isNaN(x) ? NaN : x > 0 ? 1 : 0;
  const absStep = Number.isNaN(x) ? NaN : x > 0 ? 1 : -1;
  // log1p backward dy/(1 + e), exp backward ·e, neg, abs backward ·step(x, −1).
  const throughExp = f32(f32(dy / f32(e + 1)) * e);
  const fromAbs = f32(-throughExp * absStep);
  const fromRelu = f32(dy * stepX);
  let gradX = f32(-dy * t);
  gradX = f32(gradX + fromAbs);
  gradX = f32(gradX + fromRelu);
  const gradRatio = f32(gradX / ratio);
  const fromNumerator = f32(gradRatio / oneMinusY);
  const gradOneMinusY = f32(-f32(f32(gradRatio * y) / f32(oneMinusY * oneMinusY)));
  const gradY = f32(fromNumerator - gradOneMinusY);
  const passes = p >= lower && p <= upper ? 1 : 0;
  return f32(gradY * passes);
}
