/**
 * Axis handling for the non-elementwise activations (softmax, log_softmax, glu): which slices of a
 * 0-, 1- or 2-D tensor run along the axis, and the upstream gradient of a vector-Jacobian product.
 */
import { FormulaLensError } from '../../l10n';
import { sameShape, shapeText, sizeOf, type Tensor } from '../../tensor';
import { activationMessages } from './messages';

/** The slices of a row-major tensor along one axis: slice `s` holds elements `s·startStep + k·stride`. */
export interface SliceLayout {
  /** Normalized axis (0 for 0-D and 1-D inputs). */
  readonly axis: number;
  /** Number of slices. */
  readonly count: number;
  /** Elements per slice (the size of the axis). */
  readonly length: number;
  /** Distance between consecutive elements of one slice. */
  readonly stride: number;
  /** Distance between the first elements of consecutive slices. */
  readonly startStep: number;
}

/** Normalizes `axis` for a tensor shape (negative counts from the end; a scalar acts as a 1-element vector). */
export function normalizeAxis(functionId: string, axis: number, shape: readonly number[]): number {
  const rank = Math.max(shape.length, 1);
  const normalized = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(normalized) || normalized < 0 || normalized >= rank) {
    throw new FormulaLensError(activationMessages.axisOutOfRange, { function: functionId, axis, rank, last: rank - 1 });
  }
  return normalized;
}

/** The slice layout of `shape` along `axis`. */
export function sliceLayout(functionId: string, shape: readonly number[], axis: number): SliceLayout {
  const normalized = normalizeAxis(functionId, axis, shape);
  if (shape.length < 2) return { axis: normalized, count: 1, length: sizeOf(shape), stride: 1, startStep: 0 };
  const [rows, cols] = shape as [number, number];
  return normalized === 1
    ? { axis: 1, count: rows, length: cols, stride: 1, startStep: cols }
    : { axis: 0, count: cols, length: rows, stride: cols, startStep: 1 };
}

/** The upstream gradient of a VJP, checked against the output shape; all ones when absent. */
export function upstreamData(functionId: string, upstream: Tensor | undefined, outputShape: readonly number[]): Float64Array {
  if (!upstream) return new Float64Array(sizeOf(outputShape)).fill(1);
  if (!sameShape(upstream.shape, outputShape)) {
    throw new FormulaLensError(activationMessages.upstreamShape, { function: functionId, expected: shapeText(outputShape), actual: shapeText(upstream.shape) });
  }
  return upstream.data;
}
