/** Soft margin loss: torch SoftMarginLoss / F.soft_margin_loss. */
import { evaluateElementwiseLoss, type TermKernel } from '../../kernels/lossElementwise';
import type { LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { torchOnlyNote } from './commonNotes';

const ID = 'soft_margin_loss';

const kernel: TermKernel<null> = (yTrue, yPred, start, end, grad, gradScale, total) => {
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const y = yTrue[i]!;
    // torch computes log(1 + e^(−y·x)) and −y·z/(1 + z) literally: e^(−y·x) overflows past 709.78,
    // giving +∞ and a NaN gradient there, as in torch.
    const z = Math.exp(-y * yPred[i]!);
    const term = Math.log1p(z);
    sum += term;
    grad[i] = ((-y * z) / (1 + z)) * gradScale;
  }
  total[0] = sum;
};

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  return evaluateElementwiseLoss(ID, inputs, options.reduction, 'torch', kernel, null);
}

/** Logistic loss for ±1 labels. */
export const softMarginLoss: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Soft margin loss',
  aliases: ['soft_margin', 'SoftMarginLoss'],
  names: {
    torch: ['nn.SoftMarginLoss', 'F.soft_margin_loss', 'torch.nn.SoftMarginLoss', 'torch.nn.functional.soft_margin_loss'],
  },
  frameworks: ['torch'],
  params: [],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'signs',
  predictionInputs: 1,
  description: {
    en: 'The two-class logistic loss log(1 + e^(−y·x)) for labels y = ±1: a smooth version of the hinge loss, equal to BCE with logits after mapping y to {0, 1}.',
    'zh-cn': '标签 y = ±1 的二分类逻辑损失 log(1 + e^(−y·x))：铰链损失的光滑版本，把 y 映射到 {0, 1} 后等于带 logits 的 BCE。',
  },
  formula: {
    latex: '\\ell = \\log\\big(1 + e^{-y x}\\big)',
    text: 'ℓ = log(1 + e^(−y·x))',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial x} = \\frac{-y\\,e^{-y x}}{1 + e^{-y x}}',
    derivativeText: '∂ℓ/∂x = −y·e^(−y·x) / (1 + e^(−y·x))',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'torch evaluates e^(−y·x) directly, so y·x < −709.78 overflows to a loss of +∞ with a NaN gradient; binary_crossentropy_with_logits is the stable form.',
        'zh-cn': 'torch 直接计算 e^(−y·x)，因此 y·x < −709.78 时溢出，损失为 +∞、梯度为 NaN；binary_crossentropy_with_logits 是数值稳定的形式。',
      },
    },
    torchOnlyNote,
  ],
  evaluate,
};
