/** Log-cosh loss: Keras log_cosh, TF.js logcosh. */
import { float32Overflow } from '../../kernels/float32';
import { evaluateElementwiseLoss, type TermKernel } from '../../kernels/lossElementwise';
import { logCosh as logCoshOf } from '../../kernels/lossMath';
import { semanticsFor } from '../../kernels/lossParams';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { elementwiseReductionNote, kerasOnlyNote } from './commonNotes';

const ID = 'log_cosh';
const NATIVE: readonly Framework[] = ['keras', 'tfjs'];

interface LogCoshParams {
  readonly float32: boolean;
}

const kernel: TermKernel<LogCoshParams> = (yTrue, yPred, start, end, grad, gradScale, total, params) => {
  const { float32 } = params;
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const d = float32 ? float32Overflow(yPred[i]! - yTrue[i]!) : yPred[i]! - yTrue[i]!;
    // TF.js forms d + softplus(−2d) − log 2 from float32 tensors: below d = −1.7e38 the −2d
    // overflows to +∞ and the loss is +∞ rather than about |d|.
    const term = float32 && Number.isFinite(d) && float32Overflow(-2 * d) === Infinity ? Infinity : logCoshOf(d);
    sum += term;
    grad[i] = Math.tanh(d) * gradScale;
  }
  total[0] = sum;
};

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const semantics = semanticsFor(NATIVE, options.framework);
  const float32 = semantics === 'tfjs';
  return evaluateElementwiseLoss(ID, inputs, options.reduction, semantics, kernel, { float32 });
}

/** Logarithm of the hyperbolic cosine of the error. */
export const logCosh: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Log-cosh loss',
  aliases: ['logcosh', 'log_cosh_loss'],
  names: {
    keras: ['log_cosh', 'LogCosh', 'logcosh', 'keras.losses.LogCosh', 'keras.losses.log_cosh'],
    tensorflow: ['tf.keras.losses.LogCosh', 'tf.keras.losses.log_cosh'],
    tfjs: ['logcosh'],
  },
  frameworks: ['keras', 'tfjs'],
  params: [],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'values',
  predictionInputs: 1,
  description: {
    en: 'log(cosh(ŷ − y)): about ½d² for small errors and |d| − log 2 for large ones, so it behaves like MSE near zero and like MAE for outliers, and is smooth everywhere.',
    'zh-cn': 'log(cosh(ŷ − y))：误差小时约为 ½d²，误差大时约为 |d| − log 2，因此零附近像 MSE、对离群值像 MAE，且处处光滑。',
  },
  formula: {
    latex: '\\ell = \\log\\cosh(\\hat{y} - y) = d + \\operatorname{softplus}(-2d) - \\log 2',
    text: 'ℓ = log cosh(ŷ − y) = d + softplus(−2d) − log 2',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\tanh(\\hat{y} - y)',
    derivativeText: '∂ℓ/∂ŷ = tanh(ŷ − y)',
  },
  range: '[0, ∞)',
  notes: [
    elementwiseReductionNote,
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'Keras and TF.js compute d + softplus(−2d) − log 2, so d = −∞ gives NaN (−∞ + ∞) while d = +∞ gives +∞.',
        'zh-cn': 'Keras 和 TF.js 按 d + softplus(−2d) − log 2 计算，因此 d = −∞ 得到 NaN（−∞ + ∞），而 d = +∞ 得到 +∞。',
      },
    },
    kerasOnlyNote,
  ],
  evaluate,
};
