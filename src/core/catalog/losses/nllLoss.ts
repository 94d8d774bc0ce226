/** Negative log-likelihood over log-probabilities: torch NLLLoss / F.nll_loss. */
import { torchIndexedNll } from '../../kernels/lossClassIndex';
import { requirePerRowTarget, requireRows, requireTarget } from '../../kernels/lossInputs';
import { classWeightParam, optionalNumberParam } from '../../kernels/lossParams';
import { reducePerSample } from '../../kernels/lossReduction';
import { tensor } from '../../tensor';
import type { LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { perSampleReductionNote, torchOnlyNote } from './commonNotes';
import { classWeightSpec, ignoreIndexParam } from './commonParams';

const ID = 'nll_loss';

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const yTrue = requireTarget(ID, inputs);
  const yPred = inputs.yPred;
  requirePerRowTarget(ID, yTrue, yPred, false, true);
  const { rows, cols: classes, batched } = requireRows(ID, yPred);
  const grad = new Float64Array(yPred.data.length);
  const { losses, meanDivisor } = torchIndexedNll(ID, yPred.data, yTrue.data, {
    rows,
    classes,
    weight: classWeightParam(ID, options.params, 'weight', classes),
    ignoreIndex: optionalNumberParam(options.params, 'ignore_index'),
    labelSmoothing: 0,
    reduction: options.reduction,
  }, grad);
  return { value: reducePerSample(losses, batched ? [rows] : [], options.reduction, meanDivisor), grad: tensor(grad, yPred.shape) };
}

/** Negative log-likelihood loss. */
export const nllLoss: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Negative log-likelihood',
  aliases: ['nll', 'NLLLoss', 'negative_log_likelihood'],
  names: {
    torch: ['nn.NLLLoss', 'F.nll_loss', 'torch.nn.NLLLoss', 'torch.nn.functional.nll_loss'],
  },
  frameworks: ['torch'],
  params: [classWeightSpec, ignoreIndexParam(-100)],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'log_probabilities',
  targetKind: 'class_indices',
  predictionInputs: 1,
  description: {
    en: 'Picks −log p of the target class from log-probabilities (usually the output of log_softmax). log_softmax followed by nll_loss equals cross_entropy on the logits.',
    'zh-cn': '从对数概率（通常是 log_softmax 的输出）中取出目标类别的 −log p。log_softmax 后接 nll_loss 等于对 logits 的 cross_entropy。',
  },
  formula: {
    latex: '\\ell_i = -w_{t_i}\\, x_{i, t_i}',
    text: 'ℓᵢ = −w[tᵢ]·x[i, tᵢ]',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial x_{ic}} = -w_{t_i} [c = t_i]',
    derivativeText: '∂ℓᵢ/∂x_ic = −w[tᵢ]·[c = tᵢ]',
  },
  range: '(−∞, ∞); [0, ∞) (x ≤ 0)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'y_pred must hold log-probabilities, not probabilities or logits. Target −100 is ignored by default; with class weights `mean` divides by the summed weights of the non-ignored targets (0/0 = NaN when all are ignored).',
        'zh-cn': 'y_pred 必须是对数概率，而不是概率或 logits。目标 −100 默认被忽略；有类别权重时 `mean` 除以未被忽略目标的权重之和（全部被忽略时为 0/0 = NaN）。',
      },
    },
    perSampleReductionNote,
    torchOnlyNote,
  ],
  evaluate,
};
