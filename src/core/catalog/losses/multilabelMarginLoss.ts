/** Multi-label margin loss: torch MultiLabelMarginLoss / F.multilabel_margin_loss. */
import { FormulaLensError } from '../../l10n';
import { requireRows, requireSameShape, requireTarget } from '../../kernels/lossInputs';
import { perSampleScale, reducePerSample } from '../../kernels/lossReduction';
import { tensor } from '../../tensor';
import type { LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { perSampleReductionNote, torchOnlyNote } from './commonNotes';
import { lossMessages } from './messages';

const ID = 'multilabel_margin_loss';

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const yTrue = requireTarget(ID, inputs);
  const yPred = inputs.yPred;
  requireSameShape(ID, yTrue, yPred);
  const { rows, cols: classes, batched } = requireRows(ID, yPred);
  const x = yPred.data;
  const targets = yTrue.data;
  const g = perSampleScale(rows, options.reduction) / classes;
  const losses = new Float64Array(rows);
  const grad = new Float64Array(x.length);
  const isTarget = new Uint8Array(classes);
  for (let r = 0; r < rows; r++) {
    const base = r * classes;
    isTarget.fill(0);
    // The target list ends at the first negative entry (torch pads with −1).
    let count = 0;
    for (; count < classes; count++) {
      const value = targets[base + count]!;
      if (!Number.isInteger(value)) throw new FormulaLensError(lossMessages.targetNotInteger, { function: ID, index: base + count, value: String(value) });
      if (value < 0) break;
      if (value >= classes) throw new FormulaLensError(lossMessages.targetOutOfRange, { function: ID, index: base + count, value, max: classes - 1 });
      isTarget[value] = 1;
    }
    let sum = 0;
    for (let listed = 0; listed < count; listed++) {
      const j = targets[base + listed]!;
      for (let d = 0; d < classes; d++) {
        if (isTarget[d]) continue;
        const z = 1 - x[base + j]! + x[base + d]!;
        if (z > 0) {
          sum += z;
          grad[base + j] = grad[base + j]! - g;
          grad[base + d] = grad[base + d]! + g;
        }
      }
    }
    losses[r] = sum / classes;
  }
  return { value: reducePerSample(losses, batched ? [rows] : [], options.reduction), grad: tensor(grad, yPred.shape) };
}

/** Multi-label hinge loss with index-list targets. */
export const multilabelMarginLoss: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Multi-label margin loss',
  aliases: ['multilabel_margin', 'MultiLabelMarginLoss'],
  names: {
    torch: ['nn.MultiLabelMarginLoss', 'F.multilabel_margin_loss', 'torch.nn.MultiLabelMarginLoss', 'torch.nn.functional.multilabel_margin_loss'],
  },
  frameworks: ['torch'],
  params: [],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'class_index_lists',
  predictionInputs: 1,
  description: {
    en: 'A multi-label hinge loss: every listed target class must score at least 1 above every non-target class; each violation adds 1 − (x[j] − x[d]), averaged over the C classes.',
    'zh-cn': '多标签铰链损失：每个列出的目标类别的分数都要比每个非目标类别至少高 1；每次违背加上 1 − (x[j] − x[d])，并对 C 个类别求平均。',
  },
  formula: {
    latex: '\\ell_i = \\frac{1}{C}\\sum_{j \\in T_i}\\sum_{d \\notin T_i} \\max(0,\\ 1 - (x_{ij} - x_{id}))',
    text: 'ℓᵢ = (1/C)·Σ_{j∈Tᵢ} Σ_{d∉Tᵢ} max(0, 1 − (x[i, j] − x[i, d]))',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial x_{id}} = \\frac{\\#\\{j \\in T_i : x_{ij} - x_{id} < 1\\}}{C}\\ (d \\notin T_i),\\quad \\frac{\\partial \\ell_i}{\\partial x_{ij}} = -\\frac{\\#\\{d \\notin T_i : x_{ij} - x_{id} < 1\\}}{C}\\ (j \\in T_i)',
    derivativeText: '∂ℓᵢ/∂x[i, d] = #{j ∈ Tᵢ : x[i, j] − x[i, d] < 1}/C (d ∉ Tᵢ), ∂ℓᵢ/∂x[i, j] = −#{d ∉ Tᵢ : x[i, j] − x[i, d] < 1}/C (j ∈ Tᵢ)',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'y_true has the same shape as y_pred and lists target class indices, padded with −1: only entries before the first −1 count (a repeated index counts twice).',
        'zh-cn': 'y_true 与 y_pred 形状相同，列出目标类别索引并用 −1 填充：只有第一个 −1 之前的项有效（重复的索引计两次）。',
      },
    },
    perSampleReductionNote,
    torchOnlyNote,
  ],
  evaluate,
};
