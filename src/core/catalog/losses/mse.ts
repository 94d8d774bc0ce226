/** Mean squared error: torch MSELoss, Keras mean_squared_error, TF.js meanSquaredError. */
import { evaluateElementwiseLoss, type TermKernel } from '../../kernels/lossElementwise';
import type { LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { elementwiseReductionNote } from './commonNotes';

const ID = 'mse';

const kernel: TermKernel<null> = (yTrue, yPred, start, end, grad, gradScale, total) => {
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const d = yPred[i]! - yTrue[i]!;
    const term = d * d;
    sum += term;
    grad[i] = 2 * d * gradScale;
  }
  total[0] = sum;
};

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  return evaluateElementwiseLoss(ID, inputs, options.reduction, options.framework, kernel, null);
}

/** Mean squared error. */
export const mse: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Mean squared error',
  aliases: ['MSE', 'mean_squared_error', 'squared_error'],
  names: {
    torch: ['nn.MSELoss', 'F.mse_loss', 'torch.nn.MSELoss', 'torch.nn.functional.mse_loss'],
    keras: ['mean_squared_error', 'MeanSquaredError', 'mse', 'MSE', 'keras.losses.MeanSquaredError', 'keras.losses.mean_squared_error', 'keras.metrics.mean_squared_error'],
    tensorflow: ['tf.keras.losses.MeanSquaredError', 'tf.keras.losses.mean_squared_error', 'tf.keras.losses.MSE'],
    tfjs: ['meanSquaredError', 'mse', 'MSE', 'tf.losses.meanSquaredError', 'tf.metrics.meanSquaredError', 'tf.metrics.MSE', 'tf.metrics.mse'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'values',
  predictionInputs: 1,
  description: {
    en: 'The average squared difference between prediction and target. Large errors dominate because they are squared; the gradient grows linearly with the error.',
    'zh-cn': '预测值与目标值之差的平方的平均值。误差经过平方，大误差占主导；梯度随误差线性增长。',
  },
  formula: {
    latex: '\\ell = (\\hat{y} - y)^2',
    text: 'ℓ = (ŷ − y)²',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = 2(\\hat{y} - y)',
    derivativeText: '∂ℓ/∂ŷ = 2(ŷ − y)',
  },
  range: '[0, ∞)',
  notes: [elementwiseReductionNote],
  evaluate,
};
