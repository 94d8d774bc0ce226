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
 * Computes the elements [start, end): writes grad[i] = ∂ℓ/∂yPred[i] · gradScale and adds the terms
 * ℓ(yTrue[i], yPred[i]), in index order, to the running sum total[0]; `params` carries what the loss
 * resolved once per call (parameters, profile flags).
 *
 * V8 costs shape this contract. Kernels are module-level functions, not closures made per call:
 * each new closure ran in code compiled mid-loop (on-stack replacement) that boxed every element.
 * The sum is read from total[0] into a local before the loop and stored back after it: a sum passed
 * as an argument was boxed on every element too. And a kernel keeps no terms: storing each one,
 * even into a small cache-resident buffer or behind a flag, cost as much as the rest of an mse loop.
 */
export type TermKernel<P> = (
  yTrue: Float64Array,
  yPred: Float64Array,
  start: number,
  end: number,
  grad: Float64Array,
  gradScale: number,
  total: Float64Array,
  params: P,
) => void;

/**
 * Elements per kernel call when only the sums are needed: a kernel called many times is compiled
 * as a whole function rather than entered mid-loop.
 */
const BLOCK = 2048;

/**
 * The term of element i alone: the kernel adds it to −0, which leaves every number (−0 and NaN
 * included) exactly as it is. One call per element, so only the reductions that need each term
 * (torch's none, TF.js's float32 range) pay for a call per element.
 */
function termAt<P>(kernel: TermKernel<P>, yTrue: Float64Array, yPred: Float64Array, i: number, grad: Float64Array, gradScale: number, total: Float64Array, params: P): number {
  total[0] = -0;
  kernel(yTrue, yPred, i, i + 1, grad, gradScale, total, params);
  return total[0]!;
}

/**
 * Runs a term kernel over every element of y_pred and reduces the terms as `semantics` does; the
 * gradient is d loss / d y_pred. Every sum adds the terms in index order. `float32Terms`: each term
 * is held in the float32 range before it is added, as TF.js stores every op's result in float32
 * (mse of 3e19 is Infinity there, not 9e37).
 */
export function runTermKernel<P>(
  yTrue: Float64Array,
  yPred: Tensor,
  reduction: Reduction,
  semantics: Framework,
  kernel: TermKernel<P>,
  params: P,
  lastAxis: LastAxisCombine = 'mean',
  float32Terms: boolean = semantics === 'tfjs',
): LossResult {
  const x = yPred.data;
  const plan = termReduction(yPred.shape, x.length, semantics, reduction, lastAxis);
  const gradScale = plan.gradScale;
  const grad = new Float64Array(x.length);
  const runSums = new Float64Array(plan.rows);
  const total = new Float64Array(1);
  // torch's none returns every term.
  const kept = semantics === 'torch' && reduction === 'none' ? new Float64Array(x.length) : null;
  for (let run = 0; run < plan.rows; run++) {
    const runStart = run * plan.rowLength;
    const runEnd = runStart + plan.rowLength;
    if (kept) {
      for (let i = runStart; i < runEnd; i++) kept[i] = termAt(kernel, yTrue, x, i, grad, gradScale, total, params);
    } else if (float32Terms) {
      let sum = 0;
      for (let i = runStart; i < runEnd; i++) sum += float32Overflow(termAt(kernel, yTrue, x, i, grad, gradScale, total, params));
      runSums[run] = sum;
    } else {
      total[0] = 0;
      for (let start = runStart; start < runEnd; start += BLOCK) kernel(yTrue, x, start, Math.min(start + BLOCK, runEnd), grad, gradScale, total, params);
      runSums[run] = total[0]!;
    }
  }
  return { value: reduceTermRuns(plan, runSums, kept), grad: tensor(grad, yPred.shape) };
}

/** Evaluates an elementwise loss with a framework's reduction; the gradient is d loss / d y_pred. */
export function evaluateElementwiseLoss<P>(
  id: string,
  inputs: LossInputs,
  reduction: Reduction,
  semantics: Framework,
  kernel: TermKernel<P>,
  params: P,
  lastAxis: LastAxisCombine = 'mean',
): LossResult {
  const yTrue = requireTarget(id, inputs);
  requireSameShape(id, yTrue, inputs.yPred);
  return runTermKernel(yTrue.data, inputs.yPred, reduction, semantics, kernel, params, lastAxis);
}
