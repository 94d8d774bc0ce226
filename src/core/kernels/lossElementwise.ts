/**
 * The driver of elementwise losses (mse, bce, huber...): checks that y_true and y_pred have the
 * same shape, lets a kernel write every term and its derivative, then applies the reduction.
 */
import type { Framework, LossInputs, LossResult, Reduction } from '../catalog/types';
import { tensor } from '../tensor';
import { float32OverflowInPlace } from './float32';
import { requireSameShape, requireTarget } from './lossInputs';
import { reduceElementwise, scaleInPlace, type LastAxisCombine } from './lossReduction';

/** Writes terms[i] = ℓ(yTrue[i], yPred[i]) and derivatives[i] = ∂ℓ/∂yPred[i] for every element. */
export type TermKernel = (yTrue: Float64Array, yPred: Float64Array, terms: Float64Array, derivatives: Float64Array) => void;

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
  const yPred = inputs.yPred;
  requireSameShape(id, yTrue, yPred);
  const terms = new Float64Array(yPred.data.length);
  const derivatives = new Float64Array(yPred.data.length);
  kernel(yTrue.data, yPred.data, terms, derivatives);
  // TF.js stores every op's result in float32: a term beyond the float32 range is already
  // ±Infinity before the reduction averages it (mse of 3e19 is Infinity, not 9e37).
  if (semantics === 'tfjs') float32OverflowInPlace(terms);
  const reduced = reduceElementwise(terms, yPred.shape, semantics, reduction, lastAxis);
  return { value: reduced.value, grad: tensor(scaleInPlace(derivatives, reduced.gradScale), yPred.shape) };
}
