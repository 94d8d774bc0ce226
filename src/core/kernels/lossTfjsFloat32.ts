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
  // TF.js's clip gradient selects: outside the bounds (or at NaN) it is exactly 0.
  return p >= lower && p <= upper ? gradY : 0;
}

/** The float32 upstream gradient of each sample's loss under the Keras reduction in TF.js (1/rows for mean). */
export function tfjsSampleUpstream(rows: number, reduction: Reduction): number {
  return reduction === 'mean' || reduction === 'batchmean' ? f32(1 / rows) : 1;
}

/**
 * TF.js tf.losses.softmaxCrossEntropy over one row x[offset .. offset + n) with labels at the same
 * positions, in float32 as TF.js stores every intermediate: lse = max + log Σ e^(x − max),
 * log p = x − lse, loss = −Σ t·log p, gradient dy·(e^(log p) − t). With large logits the float32
 * lse loses digits (−10000 and −10000 give 0.69336, not ln 2); this keeps TF.js's numbers.
 * Writes the gradient into `grad` and returns the row's loss.
 */
export function tfjsSoftmaxCrossEntropyRow(x: Float64Array, labels: Float64Array, offset: number, n: number, dy: number, grad: Float64Array): number {
  let max = -Infinity;
  for (let j = 0; j < n; j++) max = Math.max(max, f32(x[offset + j]!));
  let sum = 0;
  // TF.js's CPU sum adds in double precision and rounds once when storing.
  for (let j = 0; j < n; j++) sum += f32(Math.exp(f32(f32(x[offset + j]!) - max)));
  const lse = f32(max + f32(Math.log(f32(sum))));
  let loss = 0;
  for (let j = 0; j < n; j++) {
    const logResult = f32(f32(x[offset + j]!) - lse);
    const label = f32(labels[offset + j]!);
    loss += f32(-f32(logResult * label));
    grad[offset + j] = f32(dy * f32(f32(Math.exp(logResult)) - label));
  }
  return f32(loss);
}

/**
 * TF.js layers categoricalCrossentropy on probabilities over one row, in float32: q = p / Σp,
 * c = clip(q, ε, 1 − ε), loss = −Σ t·log c, and its backward pass (the clip selects, the division
 * sends dy/Σp to each p and −Σ(g·p)/(Σp)² through the sum). Float32 rounding decides whether a q
 * next to a clip bound passes the gradient, and (Σp)² underflows for tiny rows, as in TF.js.
 * With `clipFirst` the row is clipped before normalising, as TF.js sparseCategoricalCrossentropy does.
 * Writes the gradient into `grad` and returns the row's loss, computed in float64 (float32 changes
 * the value itself by less than 1e-7 relative).
 */
export function tfjsCategoricalCrossentropyRow(
  p: Float64Array,
  labels: Float64Array,
  offset: number,
  n: number,
  dy: number,
  lower: number,
  upper: number,
  clipFirst: boolean,
  grad: Float64Array,
): number {
  let sum = 0;
  let exactSum = 0;
  for (let j = 0; j < n; j++) {
    sum += clipFirst ? f32(clip(p[offset + j]!, lower, upper)) : f32(p[offset + j]!);
    exactSum += clipFirst ? clip(p[offset + j]!, lower, upper) : p[offset + j]!;
  }
  const total = f32(sum);
  let weightedSum = 0;
  let loss = 0;
  for (let j = 0; j < n; j++) {
    const input = clipFirst ? f32(clip(p[offset + j]!, lower, upper)) : f32(p[offset + j]!);
    const q = f32(input / total);
    const c = f32(clip(q, lower, upper));
    const label = f32(labels[offset + j]!);
    const exactInput = clipFirst ? clip(p[offset + j]!, lower, upper) : p[offset + j]!;
    loss -= labels[offset + j]! * Math.log(clip(exactInput / exactSum, lower, upper));
    const gradLog = f32(-dy * label);
    const gradQ = q >= lower && q <= upper ? f32(gradLog / c) : 0;
    grad[offset + j] = f32(gradQ / total);
    weightedSum += f32(gradQ * input);
  }
  const throughSum = f32(-f32(f32(weightedSum) / f32(total * total)));
  for (let j = 0; j < n; j++) {
    const g = f32(grad[offset + j]! + throughSum);
    grad[offset + j] = clipFirst ? (p[offset + j]! >= lower && p[offset + j]! <= upper ? g : 0) : g;
  }
  return loss;
}

/**
 * TF.js layers cosineProximity over one vector (elements start + k·stride, k < n), in float32:
 * each side is l2-normalised as x / sqrt(max(Σx·x, ε)), loss = −Σ t̂·p̂, and the backward pass runs
 * through the division (dy/‖p‖ to each p, −(Σ g·p)/‖p‖² to the norm), the square root, the maximum
 * (which passes the gradient while Σp² ≥ ε) and the products x·x (two contributions g·x each).
 * The gradient (t̂ − cos·p̂)/‖p‖ cancels in components where t̂ ≈ cos·p̂, leaving a float32 error of
 * about 6e-8/‖p‖ that exceeds the TF.js tolerance for short vectors; squares beyond the float32
 * range make the norm +∞, the loss 0 and the gradient 0. Writes the gradient into `grad` and
 * returns the loss.
 */
export function tfjsCosineProximityVector(
  t: Float64Array,
  p: Float64Array,
  start: number,
  stride: number,
  n: number,
  epsilon: number,
  dy: number,
  grad: Float64Array,
): number {
  let trueSquares = 0;
  let predSquares = 0;
  for (let k = 0; k < n; k++) {
    const at = start + k * stride;
    trueSquares += f32(t[at]! * t[at]!);
    predSquares += f32(p[at]! * p[at]!);
  }
  trueSquares = f32(trueSquares);
  predSquares = f32(predSquares);
  // tf.maximum is NaN when either side is.
  const floored = Number.isNaN(predSquares) ? NaN : Math.max(predSquares, epsilon);
  const trueNorm = f32(Math.sqrt(Number.isNaN(trueSquares) ? NaN : Math.max(trueSquares, epsilon)));
  const predNorm = f32(Math.sqrt(floored));
  const predNormSquared = f32(predNorm * predNorm);
  let dot = 0;
  let normGrad = 0;
  const gradProduct = f32(-dy);
  for (let k = 0; k < n; k++) {
    const at = start + k * stride;
    const trueUnit = f32(t[at]! / trueNorm);
    dot += f32(trueUnit * f32(p[at]! / predNorm));
    const gradUnit = f32(gradProduct * trueUnit);
    normGrad += f32(gradUnit * p[at]!);
    grad[at] = f32(gradUnit / predNorm);
  }
  // The division's gradient for the norm sums g·p first, then divides by ‖p‖² (a sum beyond the
  // float32 range gives ∞/∞ = NaN there).
  normGrad = f32(-f32(f32(normGrad) / predNormSquared));
  const gradSquares = predSquares >= epsilon ? f32(normGrad / f32(f32(Math.sqrt(floored)) * 2)) : 0;
  for (let k = 0; k < n; k++) {
    const at = start + k * stride;
    const half = f32(gradSquares * p[at]!);
    grad[at] = f32(grad[at]! + f32(half + half));
  }
  return f32(-f32(dot));
}
