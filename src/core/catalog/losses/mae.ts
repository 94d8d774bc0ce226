/** Mean absolute error: torch L1Loss, Keras mean_absolute_error, TF.js meanAbsoluteError. */
import { evaluateElementwiseLoss, type TermKernel } from '../../kernels/lossElementwise';
import { absDerivativeFor } from '../../kernels/lossMath';
import type { LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { elementwiseReductionNote } from './commonNotes';

const ID = 'mae';

/** d|x|/dx of the profile (see `absDerivativeFor`). */
type MaeParams = (x: number) => number;

const kernel: TermKernel<MaeParams> = (yTrue, yPred, start, end, grad, gradScale, total, derivative) => {
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const d = yPred[i]! - yTrue[i]!;
    const term = Math.abs(d);
    sum += term;
    grad[i] = derivative(d) * gradScale;
  }
  total[0] = sum;
};

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  return evaluateElementwiseLoss(ID, inputs, options.reduction, options.framework, kernel, absDerivativeFor(options.framework));
}

/** Mean absolute error (L1 loss). */
export const mae: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Mean absolute error (L1)',
  aliases: ['l1_loss', 'MAE', 'mean_absolute_error', 'l1', 'absolute_error'],
  names: {
    torch: ['nn.L1Loss', 'F.l1_loss', 'torch.nn.L1Loss', 'torch.nn.functional.l1_loss'],
    keras: ['mean_absolute_error', 'MeanAbsoluteError', 'mae', 'MAE', 'keras.losses.MeanAbsoluteError', 'keras.losses.mean_absolute_error', 'keras.metrics.mean_absolute_error'],
    tensorflow: ['tf.keras.losses.MeanAbsoluteError', 'tf.keras.losses.mean_absolute_error', 'tf.keras.losses.MAE'],
    tfjs: ['meanAbsoluteError', 'mae', 'MAE', 'tf.losses.absoluteDifference', 'tf.metrics.meanAbsoluteError'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'values',
  predictionInputs: 1,
  description: {
    en: 'The average absolute difference between prediction and target. Robust to outliers: every error pulls with the same constant gradient ±1.',
    'zh-cn': '预测值与目标值之差的绝对值的平均值。对离群值稳健：每个误差的梯度都是常数 ±1。',
  },
  formula: {
    latex: '\\ell = |\\hat{y} - y|',
    text: 'ℓ = |ŷ − y|',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\operatorname{sign}(\\hat{y} - y)',
    derivativeText: '∂ℓ/∂ŷ = sign(ŷ − y)',
  },
  range: '[0, ∞)',
  notes: [
    elementwiseReductionNote,
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'At ŷ = y the gradient differs: torch and Keras (TF) use sign(0) = 0, TF.js uses step(x, −1) and gives −1. At NaN torch gives 0, the others NaN.',
        'zh-cn': '在 ŷ = y 处梯度不同：torch 和 Keras（TF）使用 sign(0) = 0，TF.js 使用 step(x, −1)，得到 −1。遇到 NaN 时 torch 给出 0，其余给出 NaN。',
      },
    },
  ],
  evaluate,
};
