/** Binary cross-entropy on logits: torch BCEWithLogitsLoss, tf.nn.sigmoid_cross_entropy_with_logits, Keras from_logits=True. */
import type { LossEntry } from '../types';
import { binaryCrossentropyParams, evaluateBinaryCrossentropy } from './binaryCrossentropy';
import { elementwiseReductionNote } from './commonNotes';

const ID = 'binary_crossentropy_with_logits';
const PARAMS = binaryCrossentropyParams(true);

/** Binary cross-entropy computed from logits with the stable log-sum-exp form. */
export const binaryCrossentropyWithLogits: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Binary cross-entropy with logits',
  aliases: ['bce_with_logits', 'binary_cross_entropy_with_logits', 'sigmoid_cross_entropy', 'sigmoid_cross_entropy_with_logits', 'BCEWithLogits'],
  names: {
    torch: ['nn.BCEWithLogitsLoss', 'F.binary_cross_entropy_with_logits', 'torch.nn.BCEWithLogitsLoss', 'torch.nn.functional.binary_cross_entropy_with_logits', 'BCEWithLogitsLoss'],
    tensorflow: ['tf.nn.sigmoid_cross_entropy_with_logits'],
    tfjs: ['tf.losses.sigmoidCrossEntropy', 'sigmoidCrossEntropy'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: PARAMS,
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'logits',
  targetKind: 'binary',
  predictionInputs: 1,
  description: {
    en: 'Binary cross-entropy of sigmoid(x) computed directly from the logit x as max(x, 0) − x·y + log(1 + e^−|x|): exact and finite for any finite logit, with the simple gradient σ(x) − y. Prefer it to sigmoid followed by BCE.',
    'zh-cn': '直接由 logit x 计算 sigmoid(x) 的二元交叉熵：max(x, 0) − x·y + log(1 + e^−|x|)，对任意有限 logit 都精确且有限，梯度简单地为 σ(x) − y。应优先于先 sigmoid 再 BCE。',
  },
  formula: {
    latex: '\\ell = \\max(x, 0) - x\\,y + \\log\\big(1 + e^{-|x|}\\big)',
    text: 'ℓ = max(x, 0) − x·y + log(1 + e^−|x|)',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial x} = \\sigma(x) - y',
    derivativeText: '∂ℓ/∂x = σ(x) − y',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'torch pos_weight p_w multiplies the positive term, −[p_w·y·log σ(x) + (1 − y)·log(1 − σ(x))], broadcast over the class axis; weight rescales each element and mean stays a plain mean.',
        'zh-cn': 'torch 的 pos_weight p_w 乘在正类项上：−[p_w·y·log σ(x) + (1 − y)·log(1 − σ(x))]，沿类别轴广播；weight 缩放每个元素，mean 仍为简单平均。',
      },
    },
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'At infinite logits torch gives NaN for x = +∞, y = 1 and for x = −∞, but +∞ for x = +∞, y = 0; Keras and TF.js give NaN whenever x·y meets ∞·0. The gradient σ(x) − y stays finite.',
        'zh-cn': '在无穷 logit 处，torch 对 x = +∞、y = 1 以及 x = −∞ 给出 NaN，但对 x = +∞、y = 0 给出 +∞；Keras 和 TF.js 只要 x·y 出现 ∞·0 就给出 NaN。梯度 σ(x) − y 保持有限。',
      },
    },
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'Keras label smoothing y(1 − ls) + 0.5·ls applies to logits too (tf.losses.sigmoidCrossEntropy uses the same formula).',
        'zh-cn': 'Keras 标签平滑 y(1 − ls) + 0.5·ls 同样适用于 logits（tf.losses.sigmoidCrossEntropy 使用相同公式）。',
      },
    },
    elementwiseReductionNote,
  ],
  evaluate: (inputs, options) => evaluateBinaryCrossentropy(ID, PARAMS, inputs, options),
};
