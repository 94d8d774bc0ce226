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
 * Everything an elementwise reduction needs before any term is known. The terms are summed in
 * `rows` runs of `rowLength` consecutive elements, each in index order: torch adds all of them
 * as one run, Keras and TF.js add each sample's terms over the last axis.
 */
export interface TermReduction {
  readonly shape: readonly number[];
  readonly count: number;
  readonly semantics: Framework;
  readonly reduction: Reduction;
  readonly lastAxis: LastAxisCombine;
  readonly rows: number;
  readonly rowLength: number;
  /** d loss / d term, the factor on every derivative. */
  readonly gradScale: number;
}

/** Plans the reduction of `count` elementwise terms laid out like a y_pred of `shape`. */
export function termReduction(shape: readonly number[], count: number, semantics: Framework, reduction: Reduction, lastAxis: LastAxisCombine = 'mean'): TermReduction {
  const plan = { shape, count, semantics, reduction, lastAxis };
  if (semantics === 'torch') {
    // torch's batchmean divides by input.size(0); a 0-d input is left as the sum.
    const divisor = reduction === 'mean' ? count : reduction === 'batchmean' ? (shape.length === 0 ? 1 : shape[0]!) : 1;
    return { ...plan, rows: 1, rowLength: count, gradScale: 1 / divisor };
  }
  const { rows, cols } = rowLayout(shape);
  const combineScale = lastAxis === 'mean' ? 1 / cols : 1;
  return { ...plan, rows, rowLength: cols, gradScale: reduction === 'mean' || reduction === 'batchmean' ? combineScale / rows : combineScale };
}

/**
 * The reduced loss from the sums of the term runs of `plan` (overwritten). `terms` holds every term
 * and is read only by torch's none. torch: none keeps every term, mean averages all of them, sum
 * adds them, batchmean divides the sum by the batch size. Keras/TF.js: each run becomes a
 * per-sample value (mean or sum over the last axis), then none keeps the per-sample values, mean
 * (and batchmean) averages them and sum adds them.
 */
export function reduceTermRuns(plan: TermReduction, runSums: Float64Array, terms: Float64Array | null): Tensor {
  const { shape, reduction } = plan;
  if (plan.semantics === 'torch') {
    const sum = runSums[0]!;
    switch (reduction) {
      case 'none':
        return tensor(terms!, shape);
      case 'sum':
        return scalar(sum);
      case 'mean':
        return scalar(sum / plan.count);
      case 'batchmean':
        return scalar(sum / (shape.length === 0 ? 1 : shape[0]!));
    }
  }
  const perSample = runSums;
  if (plan.lastAxis === 'mean') for (let r = 0; r < perSample.length; r++) perSample[r] = perSample[r]! / plan.rowLength;
  switch (reduction) {
    case 'none':
      return tensor(perSample, perSampleShape(shape));
    case 'sum':
      return scalar(total(perSample));
    case 'mean':
    case 'batchmean':
      return scalar(total(perSample) / plan.rows);
  }
}

/** Reduces elementwise terms (laid out like y_pred) as `semantics` does; see `reduceTermRuns`. */
export function reduceElementwise(
  terms: Float64Array,
  shape: readonly number[],
  semantics: Framework,
  reduction: Reduction,
  lastAxis: LastAxisCombine = 'mean',
): ReducedLoss {
  const plan = termReduction(shape, terms.length, semantics, reduction, lastAxis);
  const runSums = new Float64Array(plan.rows);
  for (let r = 0; r < plan.rows; r++) {
    let sum = 0;
    for (let i = r * plan.rowLength; i < (r + 1) * plan.rowLength; i++) sum += terms[i]!;
    runSums[r] = sum;
  }
  return { value: reduceTermRuns(plan, runSums, terms), gradScale: plan.gradScale };
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
