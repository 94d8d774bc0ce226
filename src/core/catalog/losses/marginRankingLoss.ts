/** Margin ranking loss: torch MarginRankingLoss / F.margin_ranking_loss. */
import { requireExtraInput, requireSameShape, requireTarget } from '../../kernels/lossInputs';
import { reduceElementwise, scaleInPlace } from '../../kernels/lossReduction';
import { tensor } from '../../tensor';
import { numberParam } from '../params';
import type { LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { torchOnlyNote } from './commonNotes';
import { marginParam } from './commonParams';
import { lossMessages } from './messages';

const ID = 'margin_ranking_loss';

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const yTrue = requireTarget(ID, inputs);
  const x1 = inputs.yPred;
  const x2 = requireExtraInput(ID, inputs, 'y_pred2', lossMessages.secondInputMeaning);
  requireSameShape(ID, x1, x2, 'y_pred', 'y_pred2');
  requireSameShape(ID, yTrue, x1);
  const margin = numberParam(options.params, 'margin', 0);
  const n = x1.data.length;
  const terms = new Float64Array(n);
  const grad1 = new Float64Array(n);
  const grad2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = yTrue.data[i]!;
    const v = -y * (x1.data[i]! - x2.data[i]!) + margin;
    terms[i] = v < 0 ? 0 : v;
    // clamp_min's backward passes the gradient where v ≥ 0, so a tie at the margin still pulls.
    const gate = v >= 0 ? 1 : 0;
    grad1[i] = -y * gate;
    grad2[i] = y * gate;
  }
  const reduced = reduceElementwise(terms, x1.shape, 'torch', options.reduction);
  return {
    value: reduced.value,
    grad: tensor(scaleInPlace(grad1, reduced.gradScale), x1.shape),
    gradExtra: { y_pred2: tensor(scaleInPlace(grad2, reduced.gradScale), x2.shape) },
  };
}

/** Margin ranking loss for pairs of scores. */
export const marginRankingLoss: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Margin ranking loss',
  aliases: ['margin_ranking', 'MarginRankingLoss', 'ranking_loss'],
  names: {
    torch: ['nn.MarginRankingLoss', 'F.margin_ranking_loss', 'torch.nn.MarginRankingLoss', 'torch.nn.functional.margin_ranking_loss'],
  },
  frameworks: ['torch'],
  params: [
    marginParam(0, {
      en: 'How far x1 must exceed x2 (for y = 1) before the loss is zero.',
      'zh-cn': '当 y = 1 时，x1 需超过 x2 多少损失才为零。',
    }),
  ],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'signs',
  predictionInputs: 2,
  inputComparison: 'difference',
  description: {
    en: 'Ranks two scores: with y = 1 the first input should be larger, with y = −1 the second, by at least the margin: max(0, −y·(x1 − x2) + margin).',
    'zh-cn': '对两个分数排序：y = 1 时第一个输入应更大，y = −1 时第二个应更大，且至少相差 margin：max(0, −y·(x1 − x2) + margin)。',
  },
  formula: {
    latex: '\\ell = \\max(0,\\ -y\\,(x_1 - x_2) + m)',
    text: 'ℓ = max(0, −y·(x1 − x2) + margin)',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial x_1} = -\\frac{\\partial \\ell}{\\partial x_2} = \\begin{cases} -y & z \\ge 0 \\\\ 0 & z < 0 \\end{cases},\\quad z = -y\\,(x_1 - x_2) + m',
    derivativeText: '∂ℓ/∂x1 = −∂ℓ/∂x2 = −y (z ≥ 0); 0 (z < 0), z = −y·(x1 − x2) + margin',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'y_pred is input1, y_pred2 is input2 and y_true the ±1 target. Exactly at the margin torch still passes the gradient (clamp_min keeps it where the value is ≥ 0).',
        'zh-cn': 'y_pred 为 input1，y_pred2 为 input2，y_true 为 ±1 目标。恰好在间隔处 torch 仍传递梯度（clamp_min 在值 ≥ 0 处保留梯度）。',
      },
    },
    torchOnlyNote,
  ],
  evaluate,
};
