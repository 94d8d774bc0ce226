/** Hinge embedding loss: torch HingeEmbeddingLoss / F.hinge_embedding_loss. */
import { evaluateElementwiseLoss, type TermKernel } from '../../kernels/lossElementwise';
import { numberParam } from '../params';
import type { LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { torchOnlyNote } from './commonNotes';
import { marginParam } from './commonParams';

const ID = 'hinge_embedding_loss';

interface HingeEmbeddingLossParams {
  readonly margin: number;
}

const kernel: TermKernel<HingeEmbeddingLossParams> = (yTrue, yPred, start, end, grad, gradScale, total, params) => {
  const { margin } = params;
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const x = yPred[i]!;
    const y = yTrue[i]!;
    const v = margin - x;
    // torch adds both parts for targets that are neither 1 nor −1: where(y != 1, clamp_min(m − x, 0)) + where(y != −1, x).
    const marginPart = y !== 1 ? (v < 0 ? 0 : v) : 0;
    const selfPart = y !== -1 ? x : 0;
    const term = marginPart + selfPart;
    sum += term;
    grad[i] = ((y !== 1 && v >= 0 ? -1 : 0) + (y !== -1 ? 1 : 0)) * gradScale;
  }
  total[0] = sum;
};

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const margin = numberParam(options.params, 'margin', 1);
  return evaluateElementwiseLoss(ID, inputs, options.reduction, 'torch', kernel, { margin });
}

/** Hinge embedding loss for distances with ±1 labels. */
export const hingeEmbeddingLoss: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Hinge embedding loss',
  aliases: ['hinge_embedding', 'HingeEmbeddingLoss'],
  names: {
    torch: ['nn.HingeEmbeddingLoss', 'F.hinge_embedding_loss', 'torch.nn.HingeEmbeddingLoss', 'torch.nn.functional.hinge_embedding_loss'],
  },
  frameworks: ['torch'],
  params: [
    marginParam(1, {
      en: 'Dissimilar pairs (y = −1) stop costing once their distance x reaches the margin.',
      'zh-cn': '不相似对（y = −1）的距离 x 达到 margin 后不再产生损失。',
    }),
  ],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'signs',
  predictionInputs: 1,
  description: {
    en: 'For a distance x between two items: similar pairs (y = 1) pay x, dissimilar pairs (y = −1) pay max(0, margin − x). Used to learn embeddings or for semi-supervised learning.',
    'zh-cn': '对于两项之间的距离 x：相似对（y = 1）损失为 x，不相似对（y = −1）损失为 max(0, margin − x)。用于学习嵌入或半监督学习。',
  },
  formula: {
    latex: '\\ell = \\begin{cases} x & y = 1 \\\\ \\max(0,\\ m - x) & y = -1 \\end{cases}',
    text: 'ℓ = x (y = 1); max(0, margin − x) (y = −1)',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial x} = 1\\ (y = 1),\\quad -1\\ (y = -1,\\ x \\le m)',
    derivativeText: '∂ℓ/∂x = 1 (y = 1); −1 (y = −1, x ≤ margin); 0 (y = −1, x > margin)',
  },
  range: '(−∞, ∞); [0, ∞) (x ≥ 0)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'torch does not check the labels: a target that is neither 1 nor −1 pays both parts, x + max(0, margin − x).',
        'zh-cn': 'torch 不检查标签：既不是 1 也不是 −1 的目标会同时计算两部分，x + max(0, margin − x)。',
      },
    },
    torchOnlyNote,
  ],
  evaluate,
};
