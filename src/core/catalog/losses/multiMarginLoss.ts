/** Multi-class margin loss: torch MultiMarginLoss / F.multi_margin_loss. */
import { classIndexAt, requirePerRowTarget, requireRows, requireTarget } from '../../kernels/lossInputs';
import { classWeightParam } from '../../kernels/lossParams';
import { perSampleScale, reducePerSample } from '../../kernels/lossReduction';
import { tensor } from '../../tensor';
import { numberParam } from '../params';
import type { LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { perSampleReductionNote, torchOnlyNote } from './commonNotes';
import { classWeightSpec } from './commonParams';

const ID = 'multi_margin_loss';

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const yTrue = requireTarget(ID, inputs);
  const yPred = inputs.yPred;
  requirePerRowTarget(ID, yTrue, yPred, false, true);
  const { rows, cols: classes, batched } = requireRows(ID, yPred);
  const power = numberParam(options.params, 'p', 1);
  const margin = numberParam(options.params, 'margin', 1);
  const weight = classWeightParam(ID, options.params, 'weight', classes);
  const x = yPred.data;
  // torch's kernel divides each sample by the class count; `mean` also divides by the batch size.
  const g = perSampleScale(rows, options.reduction) / classes;
  const losses = new Float64Array(rows);
  const grad = new Float64Array(x.length);
  for (let r = 0; r < rows; r++) {
    const k = classIndexAt(ID, yTrue.data, r, classes, null);
    const base = r * classes;
    const wk = weight ? weight[k]! : 1;
    let sum = 0;
    let targetGrad = 0;
    for (let c = 0; c < classes; c++) {
      if (c === k) continue;
      const z = margin - x[base + k]! + x[base + c]!;
      // Strictly positive violations only (a NaN z counts as none, as in torch's `if (z > 0)`).
      if (z > 0) {
        sum += (power === 1 ? z : z * z) * wk;
        const h = (power === 1 ? g : 2 * g * z) * wk;
        grad[base + c] = h;
        targetGrad -= h;
      }
    }
    grad[base + k] = targetGrad;
    losses[r] = sum / classes;
  }
  return { value: reducePerSample(losses, batched ? [rows] : [], options.reduction), grad: tensor(grad, yPred.shape) };
}

/** Multi-class hinge loss on class scores. */
export const multiMarginLoss: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Multi-class margin loss',
  aliases: ['multi_margin', 'MultiMarginLoss', 'multiclass_hinge'],
  names: {
    torch: ['nn.MultiMarginLoss', 'F.multi_margin_loss', 'torch.nn.MultiMarginLoss', 'torch.nn.functional.multi_margin_loss'],
  },
  frameworks: ['torch'],
  params: [
    {
      name: 'p',
      type: 'integer',
      default: 1,
      min: 1,
      max: 2,
      description: {
        en: 'Power of each margin violation: 1 (hinge) or 2 (squared hinge); torch supports only these two.',
        'zh-cn': '每个间隔违背的幂：1（铰链）或 2（平方铰链）；torch 只支持这两个值。',
      },
    },
    {
      name: 'margin',
      type: 'number',
      default: 1,
      description: {
        en: 'How far the true class score must exceed every other score.',
        'zh-cn': '真实类别分数需超过其他每个分数的量。',
      },
    },
    classWeightSpec,
  ],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'class_indices',
  predictionInputs: 1,
  description: {
    en: 'A multi-class SVM loss: every wrong class whose score comes within the margin of the true class adds max(0, margin − x[y] + x[j])^p, averaged over the C classes.',
    'zh-cn': '多类别 SVM 损失：每个分数与真实类别相差不足 margin 的错误类别都会加上 max(0, margin − x[y] + x[j])^p，并对 C 个类别求平均。',
  },
  formula: {
    latex: '\\ell_i = \\frac{1}{C}\\sum_{j \\ne y_i} w_{y_i} \\max(0,\\ m - x_{i,y_i} + x_{ij})^p',
    text: 'ℓᵢ = (1/C)·Σ_{j≠yᵢ} w[yᵢ]·max(0, margin − x[i, yᵢ] + x[i, j])^p',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial x_{ij}} = \\frac{w_{y_i}}{C} p\\, z_{ij}^{p-1},\\quad \\frac{\\partial \\ell_i}{\\partial x_{i,y_i}} = -\\sum_{j} \\frac{\\partial \\ell_i}{\\partial x_{ij}}\\quad (z_{ij} > 0)',
    derivativeText: '∂ℓᵢ/∂x[i, j] = w[yᵢ]·p·z_ij^(p−1)/C (j ≠ yᵢ, z_ij > 0), ∂ℓᵢ/∂x[i, yᵢ] = −Σ_{j≠yᵢ} ∂ℓᵢ/∂x[i, j], z_ij = margin − x[i, yᵢ] + x[i, j]',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'The sum is divided by the number of classes C even for `none`; `mean` then divides by the batch size (class weights do not renormalise it). The true class term itself is skipped.',
        'zh-cn': '即使在 `none` 下求和也会除以类别数 C；`mean` 再除以批大小（类别权重不参与归一化）。真实类别本身不计入。',
      },
    },
    perSampleReductionNote,
    torchOnlyNote,
  ],
  evaluate,
};
