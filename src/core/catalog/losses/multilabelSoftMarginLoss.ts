/** Multi-label soft margin loss: torch MultiLabelSoftMarginLoss / F.multilabel_soft_margin_loss. */
import { requireRows, requireSameShape, requireTarget } from '../../kernels/lossInputs';
import { logSigmoid, sigmoid } from '../../kernels/lossMath';
import { broadcastParam } from '../../kernels/lossParams';
import { perSampleScale, reducePerSample } from '../../kernels/lossReduction';
import { tensor } from '../../tensor';
import type { LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { perSampleReductionNote, torchOnlyNote } from './commonNotes';

const ID = 'multilabel_soft_margin_loss';

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const yTrue = requireTarget(ID, inputs);
  const yPred = inputs.yPred;
  requireSameShape(ID, yTrue, yPred);
  const { rows, cols: classes, batched } = requireRows(ID, yPred);
  const weight = broadcastParam(ID, options.params, 'weight', yPred.shape);
  const x = yPred.data;
  const t = yTrue.data;
  const scale = perSampleScale(rows, options.reduction) / classes;
  const losses = new Float64Array(rows);
  const grad = new Float64Array(x.length);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const i = r * classes + c;
      const w = weight ? weight[i]! : 1;
      sum += -(t[i]! * logSigmoid(x[i]!) + (1 - t[i]!) * logSigmoid(-x[i]!)) * w;
      // d/dx −[t·log σ(x) + (1 − t)·log σ(−x)] = (1 − t)·σ(x) − t·σ(−x), accurate in both tails.
      grad[i] = ((1 - t[i]!) * sigmoid(x[i]!) - t[i]! * sigmoid(-x[i]!)) * w * scale;
    }
    losses[r] = sum / classes;
  }
  return { value: reducePerSample(losses, batched ? [rows] : [], options.reduction), grad: tensor(grad, yPred.shape) };
}

/** One-vs-all logistic loss over classes, averaged per sample. */
export const multilabelSoftMarginLoss: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Multi-label soft margin loss',
  aliases: ['multilabel_soft_margin', 'MultiLabelSoftMarginLoss'],
  names: {
    torch: ['nn.MultiLabelSoftMarginLoss', 'F.multilabel_soft_margin_loss', 'torch.nn.MultiLabelSoftMarginLoss', 'torch.nn.functional.multilabel_soft_margin_loss'],
  },
  frameworks: ['torch'],
  params: [
    {
      name: 'weight',
      type: 'numberList',
      default: null,
      description: {
        en: 'Optional weight per class, broadcast over the batch.',
        'zh-cn': '可选的每类权重，沿批次广播。',
      },
    },
  ],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'logits',
  targetKind: 'binary',
  predictionInputs: 1,
  description: {
    en: 'Binary cross-entropy with logits for every class independently (multi-label), averaged over the classes so each sample gives one value.',
    'zh-cn': '对每个类别独立地计算带 logits 的二元交叉熵（多标签），并在类别上求平均，使每个样本得到一个值。',
  },
  formula: {
    latex: '\\ell_i = -\\frac{1}{C}\\sum_c w_c\\big[y_{ic}\\log\\sigma(x_{ic}) + (1 - y_{ic})\\log\\sigma(-x_{ic})\\big]',
    text: 'ℓᵢ = −(1/C)·Σ_c w_c·[y·log σ(x) + (1 − y)·log σ(−x)]',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial x_{ic}} = \\frac{w_c}{C}\\big(\\sigma(x_{ic}) - y_{ic}\\big)',
    derivativeText: '∂ℓᵢ/∂x_ic = w_c·(σ(x_ic) − y_ic) / C',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'Equals binary_crossentropy_with_logits averaged over the class axis, with `none` giving one value per sample (not per element).',
        'zh-cn': '等于在类别轴上求平均的 binary_crossentropy_with_logits，`none` 每个样本给出一个值（而不是每个元素）。',
      },
    },
    perSampleReductionNote,
    torchOnlyNote,
  ],
  evaluate,
};
