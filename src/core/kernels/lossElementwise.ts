/**
 * The driver of elementwise losses (mse, bce, huber...): checks that y_true and y_pred have the
 * same shape, then lets a kernel compute every term and its derivative in one pass, adding the
 * terms as it goes, so no array of terms is built unless the reduction returns them.
 */
import type { Framework, LossInputs, LossResult, Reduction } from '../catalog/types';
import { tensor, type Tensor } from '../tensor';
import { float32Overflow } from './float32';
import { requireSameShape, requireTarget } from './lossInputs';
import { reduceTermRuns, termReduction, type LastAxisCombine } from './lossReduction';

/**
 * Computes the elements [start, end): writes grad[i] = ∂ℓ/∂yPred[i] · gradScale, stores the term
 * ℓ(yTrue[i], yPred[i]) in terms[i − start] when `terms` is given, and returns `sum` plus the terms
 * added in index order.
 */
export type TermKernel = (
  yTrue: Float64Array,
  yPred: Float64Array,
  start: number,
  end: number,
  grad: Float64Array,
  gradScale: number,
  terms: Float64Array | null,
  sum: number,
) => number;

/**
 * Elements per kernel call: the terms of one call fit in the L1 cache, and a kernel called many
 * times is compiled as a whole function rather than entered mid-loop.
 */
const BLOCK = 2048;

/** Adds terms[0 .. count) to `sum` as TF.js holds them: a term beyond the float32 range is ±Infinity. */
function addFloat32Terms(terms: Float64Array, count: number, sum: number): number {
  for (let k = 0; k < count; k++) sum += float32Overflow(terms[k]!);
  return sum;
}

/**
 * Runs a term kernel over every element of y_pred and reduces the terms as `semantics` does; the
 * gradient is d loss / d y_pred. Every sum adds the terms in index order. `float32Terms`: each term
 * is held in the float32 range before it is added, as TF.js stores every op's result in float32
 * (mse of 3e19 is Infinity there, not 9e37).
 */
export function runTermKernel(
  yTrue: Float64Array,
  yPred: Tensor,
  reduction: Reduction,
  semantics: Framework,
  kernel: TermKernel,
  lastAxis: LastAxisCombine = 'mean',
  float32Terms: boolean = semantics === 'tfjs',
): LossResult {
  const x = yPred.data;
  const plan = termReduction(yPred.shape, x.length, semantics, reduction, lastAxis);
  const grad = new Float64Array(x.length);
  const runSums = new Float64Array(plan.rows);
  // torch's none returns every term; only then, or for the float32 range, does the kernel store them.
  const kept = semantics === 'torch' && reduction === 'none' ? new Float64Array(x.length) : null;
  const terms = kept || float32Terms ? new Float64Array(Math.min(plan.rowLength, BLOCK)) : null;
  for (let run = 0; run < plan.rows; run++) {
    const runEnd = (run + 1) * plan.rowLength;
    let sum = 0;
    for (let start = run * plan.rowLength; start < runEnd; start += BLOCK) {
      const end = Math.min(start + BLOCK, runEnd);
      if (float32Terms) {
        kernel(yTrue, x, start, end, grad, plan.gradScale, terms, 0);
        sum = addFloat32Terms(terms!, end - start, sum);
      } else {
        sum = kernel(yTrue, x, start, end, grad, plan.gradScale, terms, sum);
      }
      if (kept) kept.set(terms!.subarray(0, end - start), start);
    }
    runSums[run] = sum;
  }
  return { value: reduceTermRuns(plan, runSums, kept), grad: tensor(grad, yPred.shape) };
}

/** Evaluates an elementwise loss with a framework's reduction; the gradient is d loss / d y_pred. */
export function evaluateElementwiseLoss(
  id: string,
  inputs: LossInputs,
  reduction: Reduction,
  semantics: Framework,
  kernel: TermKernel,
  lastAxis: LastAxisCombine = 'mean',
): LossResult {
  const yTrue = requireTarget(id, inputs);
  requireSameShape(id, yTrue, inputs.yPred);
  return runTermKernel(yTrue.data, inputs.yPred, reduction, semantics, kernel, lastAxis);
}
