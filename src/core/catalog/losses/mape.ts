/** Mean absolute percentage error: Keras mean_absolute_percentage_error, TF.js meanAbsolutePercentageError. */
import { evaluateElementwiseLoss, type TermKernel } from '../../kernels/lossElementwise';
import { absDerivativeFor, frameworkConstant } from '../../kernels/lossMath';
import { rejectForeignParams, semanticsFor } from '../../kernels/lossParams';
import { numberParam } from '../params';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult, ParamSpec } from '../types';
import { elementwiseReductionNote, kerasOnlyNote } from './commonNotes';
import { epsilonParam } from './commonParams';

const ID = 'mape';
const NATIVE: readonly Framework[] = ['keras', 'tfjs'];
const PARAMS: readonly ParamSpec[] = [epsilonParam];

interface MapeParams {
  readonly epsilon: number;
  readonly derivative: (x: number) => number;
}

const kernel: TermKernel<MapeParams> = (yTrue, yPred, start, end, grad, gradScale, total, params) => {
  const { epsilon, derivative } = params;
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    // |y| floored at ε so a zero target does not divide by zero (Keras maximum, TF.js clipByValue).
    const scale = Math.max(Math.abs(yTrue[i]!), epsilon);
    const ratio = (yTrue[i]! - yPred[i]!) / scale;
    const term = 100 * Math.abs(ratio);
    sum += term;
    // d/dŷ of |(y − ŷ)/s| is −abs'(ratio)/s, with the profile's derivative of |x| at 0.
    grad[i] = ((-100 * derivative(ratio)) / scale) * gradScale;
  }
  total[0] = sum;
};

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const semantics = semanticsFor(NATIVE, options.framework);
  rejectForeignParams(ID, PARAMS, options.params, semantics);
  const epsilon = frameworkConstant(semantics, numberParam(options.params, 'epsilon', 1e-7));
  const derivative = absDerivativeFor(semantics);
  return evaluateElementwiseLoss(ID, inputs, options.reduction, semantics, kernel, { epsilon, derivative });
}

/** Mean absolute percentage error. */
export const mape: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Mean absolute percentage error',
  aliases: ['MAPE', 'mean_absolute_percentage_error'],
  names: {
    keras: ['mean_absolute_percentage_error', 'MeanAbsolutePercentageError', 'mape', 'MAPE', 'keras.losses.MeanAbsolutePercentageError', 'keras.losses.mean_absolute_percentage_error'],
    tensorflow: ['tf.keras.losses.MeanAbsolutePercentageError', 'tf.keras.losses.MAPE'],
    tfjs: ['meanAbsolutePercentageError', 'mape', 'MAPE', 'tf.metrics.meanAbsolutePercentageError', 'tf.metrics.MAPE', 'tf.metrics.mape'],
  },
  frameworks: ['keras', 'tfjs'],
  params: PARAMS,
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'values',
  predictionInputs: 1,
  description: {
    en: 'The absolute error as a percentage of the target, 100·|y − ŷ| / |y|. Scale-free, but it explodes for targets near zero (|y| is floored at ε).',
    'zh-cn': '绝对误差占目标值的百分比，100·|y − ŷ| / |y|。与尺度无关，但目标接近零时会急剧增大（|y| 的下限为 ε）。',
  },
  formula: {
    latex: '\\ell = 100\\,\\frac{|y - \\hat{y}|}{\\max(|y|, \\varepsilon)}',
    text: 'ℓ = 100·|y − ŷ| / max(|y|, ε)',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\frac{100\\,\\operatorname{sign}(\\hat{y} - y)}{\\max(|y|, \\varepsilon)}',
    derivativeText: '∂ℓ/∂ŷ = 100·sign(ŷ − y) / max(|y|, ε)',
  },
  range: '[0, ∞)',
  notes: [
    elementwiseReductionNote,
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'At ŷ = y Keras (TF) uses sign(0) = 0 for the gradient, TF.js uses step(x, −1), which gives +100/|y| here.',
        'zh-cn': '在 ŷ = y 处，Keras（TF）的梯度使用 sign(0) = 0，TF.js 使用 step(x, −1)，此处得到 +100/|y|。',
      },
    },
    kerasOnlyNote,
  ],
  evaluate,
};
