/** Poisson loss: Keras poisson, TF.js poisson. */
import { evaluateElementwiseLoss, type TermKernel } from '../../kernels/lossElementwise';
import { frameworkConstant } from '../../kernels/lossMath';
import { rejectForeignParams, semanticsFor } from '../../kernels/lossParams';
import { numberParam } from '../params';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult, ParamSpec } from '../types';
import { elementwiseReductionNote, kerasOnlyNote } from './commonNotes';
import { epsilonParam } from './commonParams';

const ID = 'poisson';
const NATIVE: readonly Framework[] = ['keras', 'tfjs'];
const PARAMS: readonly ParamSpec[] = [epsilonParam];

interface PoissonParams {
  readonly epsilon: number;
}

const kernel: TermKernel<PoissonParams> = (yTrue, yPred, start, end, grad, gradScale, total, params) => {
  const { epsilon } = params;
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const rate = yPred[i]! + epsilon;
    const term = yPred[i]! - yTrue[i]! * Math.log(rate);
    sum += term;
    grad[i] = (1 - yTrue[i]! / rate) * gradScale;
  }
  total[0] = sum;
};

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const semantics = semanticsFor(NATIVE, options.framework);
  rejectForeignParams(ID, PARAMS, options.params, semantics);
  const epsilon = frameworkConstant(semantics, numberParam(options.params, 'epsilon', 1e-7));
  return evaluateElementwiseLoss(ID, inputs, options.reduction, semantics, kernel, { epsilon });
}

/** Poisson negative log-likelihood on a predicted rate (Keras form). */
export const poisson: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Poisson loss',
  aliases: ['poisson_loss'],
  names: {
    keras: ['poisson', 'Poisson', 'keras.losses.Poisson', 'keras.losses.poisson'],
    tensorflow: ['tf.keras.losses.Poisson', 'tf.keras.losses.poisson'],
    tfjs: ['poisson'],
  },
  frameworks: ['keras', 'tfjs'],
  params: PARAMS,
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'values',
  predictionInputs: 1,
  description: {
    en: 'The negative Poisson log-likelihood of count y under predicted rate ŷ, dropping the log y! constant: ŷ − y·log(ŷ + ε). y_pred is the rate itself, not its log; the loss is smallest at ŷ = y.',
    'zh-cn': '在预测速率 ŷ 下计数 y 的泊松负对数似然（省略常数 log y!）：ŷ − y·log(ŷ + ε)。y_pred 是速率本身，而不是它的对数；损失在 ŷ = y 处最小。',
  },
  formula: {
    latex: '\\ell = \\hat{y} - y \\log(\\hat{y} + \\varepsilon)',
    text: 'ℓ = ŷ − y·log(ŷ + ε)',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = 1 - \\frac{y}{\\hat{y} + \\varepsilon}',
    derivativeText: '∂ℓ/∂ŷ = 1 − y/(ŷ + ε)',
  },
  range: '(−∞, ∞)',
  notes: [
    {
      frameworks: ['keras', 'tfjs', 'torch'],
      text: {
        en: 'torch\'s counterpart is poisson_nll with log_input=False (eps 1e-8, reduced over all elements); with its default log_input=True, y_pred is the log-rate.',
        'zh-cn': 'torch 中对应 log_input=False 的 poisson_nll（eps 为 1e-8，对全部元素归约）；其默认 log_input=True 时 y_pred 为对数速率。',
      },
    },
    elementwiseReductionNote,
    kerasOnlyNote,
  ],
  evaluate,
};
