/** Categorical hinge loss: Keras categorical_hinge, TF.js categoricalHinge. */
import { requireRows, requireSameShape, requireTarget } from '../../kernels/lossInputs';
import { semanticsFor } from '../../kernels/lossParams';
import { perSampleScale, reducePerSample } from '../../kernels/lossReduction';
import { tensor } from '../../tensor';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { kerasOnlyNote, perSampleReductionNote } from './commonNotes';

const ID = 'categorical_hinge';
const NATIVE: readonly Framework[] = ['keras', 'tfjs'];

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const semantics = semanticsFor(NATIVE, options.framework);
  const yTrue = requireTarget(ID, inputs);
  const yPred = inputs.yPred;
  requireSameShape(ID, yTrue, yPred);
  const { rows, cols, batched } = requireRows(ID, yPred);
  const t = yTrue.data;
  const p = yPred.data;
  const scale = perSampleScale(rows, options.reduction);
  const losses = new Float64Array(rows);
  const grad = new Float64Array(p.length);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let pos = 0;
    let neg = -Infinity;
    for (let c = 0; c < cols; c++) {
      pos += t[base + c]! * p[base + c]!;
      // Math.max propagates NaN like the frameworks' reduce_max.
      neg = Math.max(neg, (1 - t[base + c]!) * p[base + c]!);
    }
    let ties = 0;
    for (let c = 0; c < cols; c++) if ((1 - t[base + c]!) * p[base + c]! === neg) ties++;
    const v = neg - pos + 1;
    losses[r] = Math.max(v, 0);
    // Keras (TF maximum, x ≥ y) passes the gradient at v = 0, TF.js (maximum(0, v): 0 < v) does not.
    const gate = semantics === 'tfjs' ? (v > 0 ? scale : 0) : v >= 0 ? scale : 0;
    // TF's reduce_max shares the gradient among tied maxima; TF.js gives each of them the full gradient.
    const share = semantics === 'tfjs' ? 1 : 1 / ties;
    for (let c = 0; c < cols; c++) {
      const a = (1 - t[base + c]!) * p[base + c]!;
      const fromMax = a === neg ? (1 - t[base + c]!) * share : 0;
      grad[base + c] = gate * (fromMax - t[base + c]!);
    }
  }
  return { value: reducePerSample(losses, batched ? [rows] : [], options.reduction), grad: tensor(grad, yPred.shape) };
}

/** Categorical hinge loss for one-hot targets. */
export const categoricalHinge: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Categorical hinge loss',
  aliases: ['categorical_hinge_loss'],
  names: {
    keras: ['categorical_hinge', 'CategoricalHinge', 'keras.losses.CategoricalHinge', 'keras.losses.categorical_hinge'],
    tensorflow: ['tf.keras.losses.CategoricalHinge', 'tf.keras.losses.categorical_hinge'],
    tfjs: ['categoricalHinge'],
  },
  frameworks: ['keras', 'tfjs'],
  params: [],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'one_hot',
  predictionInputs: 1,
  description: {
    en: 'A multi-class margin loss: the score of the true class must beat the best wrong-class score by at least 1, max(0, 1 + max_wrong − true).',
    'zh-cn': '多类别间隔损失：真实类别的分数至少要比最高的错误类别分数高 1，即 max(0, 1 + 最大错误分数 − 真实分数)。',
  },
  formula: {
    latex: '\\ell = \\max\\!\\big(0,\\ 1 + \\max_c (1 - y_c)\\hat{y}_c - \\textstyle\\sum_c y_c \\hat{y}_c\\big)',
    text: 'ℓ = max(0, 1 + max_c((1 − y_c)·ŷ_c) − Σ_c y_c·ŷ_c)',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}_c} = \\begin{cases} (1 - y_c)[c = c^*] - y_c & \\ell > 0 \\\\ 0 & \\ell \\le 0 \\end{cases},\\quad c^* = \\operatorname*{arg\\,max}_c\\, (1 - y_c)\\hat{y}_c',
    derivativeText: '∂ℓ/∂ŷ_c = (1 − y_c)·[c = c*] − y_c (ℓ > 0); 0 (ℓ ≤ 0), c* = argmax_c((1 − y_c)·ŷ_c)',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'At the kink (loss exactly 0) Keras passes the gradient and TF.js does not; with tied maxima TensorFlow splits the gradient among them while TF.js gives each the full gradient.',
        'zh-cn': '在折点（损失恰为 0）处 Keras 传递梯度而 TF.js 不传递；最大值并列时 TensorFlow 在它们之间平分梯度，TF.js 则给每个都完整的梯度。',
      },
    },
    perSampleReductionNote,
    kerasOnlyNote,
  ],
  evaluate,
};
