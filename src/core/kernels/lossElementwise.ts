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
 * ℓ(yTrue[i], yPred[i]) in terms[i − start], and adds the terms in index order to the running sum
 * total[0]; `params` carries what the loss resolved once per call (parameters, profile flags).
 *
 * V8 costs shape this contract. Kernels are module-level functions, not closures made per call:
 * each new closure ran in code compiled mid-loop (on-stack replacement) that boxed every element.
 * The sum is read from total[0] into a local before the loop and stored back after it: a sum passed
 * as an argument was boxed on every element too. And the term store is unconditional: skipping it
 * when no terms are wanted compiled to a slower loop than writing to this small, cache-resident buffer.
 */
export type TermKernel<P> = (
  yTrue: Float64Array,
  yPred: Float64Array,
  start: number,
  end: number,
  grad: Float64Array,
  gradScale: number,
  terms: Float64Array,
  total: Float64Array,
  params: P,
) => void;

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
  const grad = new Float64Array(x.length);
  const runSums = new Float64Array(plan.rows);
  // torch's none returns every term.
  const kept = semantics === 'torch' && reduction === 'none' ? new Float64Array(x.length) : null;
  const terms = new Float64Array(Math.min(plan.rowLength, BLOCK));
  const total = new Float64Array(1);
  for (let run = 0; run < plan.rows; run++) {
    const runEnd = (run + 1) * plan.rowLength;
    total[0] = 0;
    let float32Sum = 0;
    for (let start = run * plan.rowLength; start < runEnd; start += BLOCK) {
      const end = Math.min(start + BLOCK, runEnd);
      kernel(yTrue, x, start, end, grad, plan.gradScale, terms, total, params);
      if (float32Terms) float32Sum = addFloat32Terms(terms, end - start, float32Sum);
      if (kept) kept.set(terms.subarray(0, end - start), start);
    }
    runSums[run] = float32Terms ? float32Sum : total[0]!;
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
