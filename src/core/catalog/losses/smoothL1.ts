/** Smooth L1 loss: torch SmoothL1Loss (Huber divided by beta). */
import { evaluateElementwiseLoss, type TermKernel } from '../../kernels/lossElementwise';
import { semanticsFor } from '../../kernels/lossParams';
import { numberParam } from '../params';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { torchOnlyNote } from './commonNotes';

const ID = 'smooth_l1';
const NATIVE: readonly Framework[] = ['torch'];

interface SmoothL1Params {
  readonly beta: number;
}

const kernel: TermKernel<SmoothL1Params> = (yTrue, yPred, start, end, grad, gradScale, total, params) => {
  const { beta } = params;
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const d = yPred[i]! - yTrue[i]!;
    const z = Math.abs(d);
    const term = z < beta ? (0.5 * z * z) / beta : z - 0.5 * beta;
    sum += term;
    // torch's backward kernel: |d| ≥ β gives ±1 with sign(0) taken as −1 (so β = 0 at d = 0 gives −1),
    // otherwise d/β (NaN stays NaN).
    grad[i] = (z >= beta ? (d > 0 ? 1 : -1) : d / beta) * gradScale;
  }
  total[0] = sum;
};

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const beta = numberParam(options.params, 'beta', 1);
  const semantics = semanticsFor(NATIVE, options.framework);
  return evaluateElementwiseLoss(ID, inputs, options.reduction, semantics, kernel, { beta });
}

/** Smooth L1 loss. */
export const smoothL1: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Smooth L1 loss',
  aliases: ['smooth_l1_loss'],
  names: {
    torch: ['nn.SmoothL1Loss', 'F.smooth_l1_loss', 'torch.nn.SmoothL1Loss', 'torch.nn.functional.smooth_l1_loss'],
  },
  frameworks: ['torch'],
  params: [
    {
      name: 'beta',
      type: 'number',
      default: 1,
      min: 0,
      description: {
        en: 'Where the loss changes from quadratic to linear. beta = 0 is exactly the L1 loss.',
        'zh-cn': '损失由二次变为线性的位置。beta = 0 时恰为 L1 损失。',
      },
    },
  ],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'values',
  predictionInputs: 1,
  description: {
    en: 'Huber loss scaled by 1/β: quadratic ½d²/β near zero and |d| − ½β beyond β, so the linear part always has slope 1. Common for bounding-box regression.',
    'zh-cn': '按 1/β 缩放的 Huber 损失：零附近为 ½d²/β，超过 β 后为 |d| − ½β，线性部分斜率恒为 1。常用于边界框回归。',
  },
  formula: {
    latex: '\\ell = \\begin{cases} \\tfrac{1}{2\\beta} d^2 & |d| < \\beta \\\\ |d| - \\tfrac12\\beta & |d| \\ge \\beta \\end{cases},\\quad d = \\hat{y} - y',
    text: 'ℓ = d²/(2β) (|d| < β); |d| − ½β (|d| ≥ β), d = ŷ − y',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\operatorname{clip}(d/\\beta, -1, 1)',
    derivativeText: '∂ℓ/∂ŷ = clip(d/β, −1, 1)',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'Smooth L1 equals Huber(δ = β) / β. With beta = 0 the value is the L1 loss, but torch\'s gradient at d = 0 is −1 (not 0 as for nn.L1Loss) and NaN stays NaN.',
        'zh-cn': 'Smooth L1 等于 Huber(δ = β) / β。beta = 0 时数值即 L1 损失，但 torch 在 d = 0 处的梯度为 −1（nn.L1Loss 为 0），NaN 仍为 NaN。',
      },
    },
    torchOnlyNote,
  ],
  evaluate,
};
