/** Mean squared logarithmic error: Keras mean_squared_logarithmic_error, TF.js meanSquaredLogarithmicError. */
import { evaluateElementwiseLoss, type TermKernel } from '../../kernels/lossElementwise';
import { frameworkConstant } from '../../kernels/lossMath';
import { rejectForeignParams, semanticsFor } from '../../kernels/lossParams';
import { numberParam } from '../params';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult, ParamSpec } from '../types';
import { elementwiseReductionNote, kerasOnlyNote } from './commonNotes';
import { epsilonParam } from './commonParams';

const ID = 'msle';
const NATIVE: readonly Framework[] = ['keras', 'tfjs'];
const PARAMS: readonly ParamSpec[] = [epsilonParam];

interface MsleParams {
  readonly epsilon: number;
}

const kernel: TermKernel<MsleParams> = (yTrue, yPred, start, end, grad, gradScale, total, params) => {
  const { epsilon } = params;
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const p = yPred[i]!;
    // Both inputs are floored at ε (Math.max keeps NaN). The floor selects the gradient only where p ≥ ε
    // (TF maximum and TF.js clip both select, so NaN or clipped p gets exactly 0).
    const d = Math.log1p(Math.max(p, epsilon)) - Math.log1p(Math.max(yTrue[i]!, epsilon));
    const term = d * d;
    sum += term;
    grad[i] = (p >= epsilon ? (2 * d) / (1 + p) : 0) * gradScale;
  }
  total[0] = sum;
};

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const semantics = semanticsFor(NATIVE, options.framework);
  rejectForeignParams(ID, PARAMS, options.params, semantics);
  const epsilon = frameworkConstant(semantics, numberParam(options.params, 'epsilon', 1e-7));
  return evaluateElementwiseLoss(ID, inputs, options.reduction, semantics, kernel, { epsilon });
}

/** Mean squared logarithmic error. */
export const msle: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Mean squared logarithmic error',
  aliases: ['MSLE', 'mean_squared_logarithmic_error'],
  names: {
    keras: ['mean_squared_logarithmic_error', 'MeanSquaredLogarithmicError', 'msle', 'MSLE', 'keras.losses.MeanSquaredLogarithmicError', 'keras.losses.mean_squared_logarithmic_error'],
    tensorflow: ['tf.keras.losses.MeanSquaredLogarithmicError', 'tf.keras.losses.MSLE'],
    tfjs: ['meanSquaredLogarithmicError'],
  },
  frameworks: ['keras', 'tfjs'],
  params: PARAMS,
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'values',
  predictionInputs: 1,
  description: {
    en: 'Squared difference of log(1 + ŷ) and log(1 + y): penalises relative rather than absolute error, and under-prediction more than over-prediction. Inputs below ε are raised to ε.',
    'zh-cn': 'log(1 + ŷ) 与 log(1 + y) 之差的平方：惩罚相对误差而非绝对误差，且低估比高估惩罚更重。小于 ε 的输入会被提升到 ε。',
  },
  formula: {
    latex: '\\ell = \\big(\\log(1 + \\max(\\hat{y}, \\varepsilon)) - \\log(1 + \\max(y, \\varepsilon))\\big)^2',
    text: 'ℓ = (log(1 + max(ŷ, ε)) − log(1 + max(y, ε)))²',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\frac{2\\,(\\log(1+\\hat{y}) - \\log(1+y))}{1 + \\hat{y}} \\quad (\\hat{y} \\ge \\varepsilon)',
    derivativeText: '∂ℓ/∂ŷ = 2(log(1 + ŷ) − log(1 + y)) / (1 + ŷ) (ŷ ≥ ε); 0 (ŷ < ε)',
  },
  range: '[0, ∞)',
  notes: [elementwiseReductionNote, kerasOnlyNote],
  evaluate,
};
