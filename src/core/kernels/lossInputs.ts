/**
 * Input checks shared by the losses: presence of targets and extra inputs, equal shapes,
 * class-index targets. Every failure is a localized FormulaLensError naming the shapes.
 */
import { FormulaLensError, localize, type LocalizedText } from '../l10n';
import { lossMessages } from '../catalog/losses/messages';
import type { LossInputs } from '../catalog/types';
import { sameShape, shapeText, type Tensor } from '../tensor';

/** y_true, or a localized error when the loss needs targets and got none. */
export function requireTarget(id: string, inputs: LossInputs): Tensor {
  if (!inputs.yTrue) throw new FormulaLensError(lossMessages.missingTarget, { function: id });
  return inputs.yTrue;
}

/** Throws a localized error naming both shapes unless `first` and `second` have the same shape. */
export function requireSameShape(id: string, first: Tensor, second: Tensor, firstName = 'y_true', secondName = 'y_pred'): void {
  if (sameShape(first.shape, second.shape)) return;
  throw new FormulaLensError(lossMessages.shapeMismatch, {
    function: id,
    first: firstName,
    firstShape: shapeText(first.shape),
    second: secondName,
    secondShape: shapeText(second.shape),
  });
}

/** The second or third prediction input of a multi-input loss, or a localized error. */
export function requireExtraInput(id: string, inputs: LossInputs, which: 'y_pred2' | 'y_pred3', meaning: LocalizedText): Tensor {
  const input = which === 'y_pred2' ? inputs.yPred2 : inputs.yPred3;
  if (!input) throw new FormulaLensError(lossMessages.missingInput, { function: id, input: which, meaning: localize(meaning) });
  return input;
}

/** Rows and features of a row-wise input: [N, D], or [D] as a single row. */
export function requireRows(id: string, input: Tensor, name = 'y_pred'): { readonly rows: number; readonly cols: number; readonly batched: boolean } {
  if (input.shape.length === 2) return { rows: input.shape[0]!, cols: input.shape[1]!, batched: true };
  if (input.shape.length === 1) return { rows: 1, cols: input.shape[0]!, batched: false };
  throw new FormulaLensError(lossMessages.needsRankOneOrTwo, { function: id, input: name, shape: shapeText(input.shape) });
}

/**
 * Checks that y_true holds one value per row of `input`: shape [N] for an [N, D] input and a
 * scalar for a [D] input. `allowTrailingOne` also accepts [N, 1] (and [1]) as Keras does.
 */
export function requirePerRowTarget(id: string, yTrue: Tensor, input: Tensor, allowTrailingOne: boolean, classIndices: boolean, inputName = 'y_pred'): void {
  const { rows, batched } = requireRows(id, input, inputName);
  const expected = batched ? [rows] : [];
  const matches =
    sameShape(yTrue.shape, expected) ||
    (allowTrailingOne && sameShape(yTrue.shape, batched ? [rows, 1] : [1])) ||
    // A single sample may also give its target as a one-element vector.
    (!batched && sameShape(yTrue.shape, [1]));
  if (matches) return;
  if (classIndices) {
    throw new FormulaLensError(lossMessages.classTargetShape, {
      function: id,
      trueShape: shapeText(yTrue.shape),
      predShape: shapeText(input.shape),
      expected: shapeText(expected),
    });
  }
  throw new FormulaLensError(lossMessages.perRowTargetShape, {
    function: id,
    trueShape: shapeText(yTrue.shape),
    input: inputName,
    inputShape: shapeText(input.shape),
    expected: shapeText(expected),
  });
}

/**
 * Reads y_true[index] as a class index. The ignore index passes through unchecked (it may lie
 * outside the classes, like torch's -100); anything else must be an integer in [0, classes).
 */
export function classIndexAt(id: string, targets: Float64Array, index: number, classes: number, ignoreIndex: number | null): number {
  const value = targets[index]!;
  if (ignoreIndex !== null && value === ignoreIndex) return value;
  if (!Number.isInteger(value)) throw new FormulaLensError(lossMessages.targetNotInteger, { function: id, index, value: String(value) });
  if (value < 0 || value >= classes) {
    throw new FormulaLensError(lossMessages.targetOutOfRange, { function: id, index, value, max: classes - 1 });
  }
  return value;
}
