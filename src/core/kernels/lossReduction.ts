/**
 * Loss reductions as each framework performs them. They differ: torch reduces over every
 * element, while Keras and TF.js first combine each sample's terms over the last axis and then
 * reduce the per-sample values, so on a 2-D input Keras `sum` is not torch `sum`.
 */
import type { Framework, Reduction } from '../catalog/types';
import { scalar, tensor, type Tensor } from '../tensor';

/** A 2-D input is [rows, cols]; a 1-D input is one row; a scalar is one row of one. */
export interface RowLayout {
  readonly rows: number;
  readonly cols: number;
}

/** The row layout of a loss input shape. */
export function rowLayout(shape: readonly number[]): RowLayout {
  if (shape.length >= 2) return { rows: shape[0]!, cols: shape[shape.length - 1]! };
  if (shape.length === 1) return { rows: 1, cols: shape[0]! };
  return { rows: 1, cols: 1 };
}

/** Shape of per-sample values: [batch] for a 2-D input, a scalar for 1-D (one sample) and 0-D. */
export function perSampleShape(shape: readonly number[]): number[] {
  return shape.length >= 2 ? [shape[0]!] : [];
}

/** A reduced loss and the factor that turns d term / d y_pred into d loss / d y_pred. */
export interface ReducedLoss {
  readonly value: Tensor;
  readonly gradScale: number;
}

/** How Keras combines one sample's elementwise terms: mean (mse, bce...) or sum (kl_divergence). */
export type LastAxisCombine = 'mean' | 'sum';

function total(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum;
}

/**
 * Reduces elementwise terms (laid out like y_pred). `semantics` 'torch': none keeps every term,
 * mean averages all of them, sum adds them, batchmean divides the sum by the batch size.
 * 'keras'/'tfjs': terms are combined per sample over the last axis, then none keeps the
 * per-sample values, mean (and batchmean) averages them and sum adds them.
 */
export function reduceElementwise(
  terms: Float64Array,
  shape: readonly number[],
  semantics: Framework,
  reduction: Reduction,
  lastAxis: LastAxisCombine = 'mean',
): ReducedLoss {
  const n = terms.length;
  if (semantics === 'torch') {
    switch (reduction) {
      case 'none':
        return { value: tensor(terms, shape), gradScale: 1 };
      case 'sum':
        return { value: scalar(total(terms)), gradScale: 1 };
      case 'mean':
        return { value: scalar(total(terms) / n), gradScale: 1 / n };
      case 'batchmean': {
        // torch divides by input.size(0); a 0-d input is left as the sum.
        const batch = shape.length === 0 ? 1 : shape[0]!;
        return { value: scalar(total(terms) / batch), gradScale: 1 / batch };
      }
    }
  }
  const { rows, cols } = rowLayout(shape);
  const perSample = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += terms[r * cols + c]!;
    perSample[r] = lastAxis === 'mean' ? sum / cols : sum;
  }
  const combineScale = lastAxis === 'mean' ? 1 / cols : 1;
  switch (reduction) {
    case 'none':
      return { value: tensor(perSample, perSampleShape(shape)), gradScale: combineScale };
    case 'sum':
      return { value: scalar(total(perSample)), gradScale: combineScale };
    case 'mean':
    case 'batchmean':
      return { value: scalar(total(perSample) / rows), gradScale: combineScale / rows };
  }
}

/**
 * The factor d loss / d sample-loss for per-sample losses (cross-entropy, nll, margin losses):
 * 1 for none and sum, 1/divisor for mean, where the divisor is the sample count unless a
 * weighted mean gives another (torch CE/nll divide by the summed target weights).
 */
export function perSampleScale(count: number, reduction: Reduction, meanDivisor: number = count): number {
  return reduction === 'mean' || reduction === 'batchmean' ? 1 / meanDivisor : 1;
}

/** Reduces per-sample loss values; `sampleShape` is [batch] or [] for a single sample. */
export function reducePerSample(values: Float64Array, sampleShape: readonly number[], reduction: Reduction, meanDivisor: number = values.length): Tensor {
  switch (reduction) {
    case 'none':
      return tensor(values, sampleShape);
    case 'sum':
      return scalar(total(values));
    case 'mean':
    case 'batchmean':
      return scalar(total(values) / meanDivisor);
  }
}

/** Multiplies every entry by `factor` in place and returns the array. */
export function scaleInPlace(values: Float64Array, factor: number): Float64Array {
  if (factor !== 1) for (let i = 0; i < values.length; i++) values[i] *= factor;
  return values;
}
