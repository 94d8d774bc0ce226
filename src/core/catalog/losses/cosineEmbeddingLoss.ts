/** Cosine embedding loss: torch CosineEmbeddingLoss / F.cosine_embedding_loss. */
import { requireExtraInput, requirePerRowTarget, requireRows, requireSameShape, requireTarget } from '../../kernels/lossInputs';
import { perSampleScale, reducePerSample } from '../../kernels/lossReduction';
import { tensor } from '../../tensor';
import { numberParam } from '../params';
import type { LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { perSampleReductionNote, torchOnlyNote } from './commonNotes';
import { marginParam } from './commonParams';
import { lossMessages } from './messages';

const ID = 'cosine_embedding_loss';
/**
 * torch adds this to each squared norm before the square root. Loss.cpp declares it as a float, so
 * even in float64 it is float32(1e-12) = 9.999999960041972e-13 (visible near zero-norm inputs).
 */
const NORM_EPSILON = Math.fround(1e-12);

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const yTrue = requireTarget(ID, inputs);
  const x1 = inputs.yPred;
  const x2 = requireExtraInput(ID, inputs, 'y_pred2', lossMessages.secondInputMeaning);
  requireSameShape(ID, x1, x2, 'y_pred', 'y_pred2');
  requirePerRowTarget(ID, yTrue, x1, false, false);
  const { rows, cols, batched } = requireRows(ID, x1);
  const margin = numberParam(options.params, 'margin', 0);
  const scale = perSampleScale(rows, options.reduction);
  const a = x1.data;
  const b = x2.data;
  const losses = new Float64Array(rows);
  const grad1 = new Float64Array(a.length);
  const grad2 = new Float64Array(b.length);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let dot = 0;
    let squares1 = NORM_EPSILON;
    let squares2 = NORM_EPSILON;
    for (let j = 0; j < cols; j++) {
      dot += a[base + j]! * b[base + j]!;
      squares1 += a[base + j]! * a[base + j]!;
      squares2 += b[base + j]! * b[base + j]!;
    }
    const denominator = Math.sqrt(squares1 * squares2);
    const cos = dot / denominator;
    const y = yTrue.data[r]!;
    // y = 1: 1 − cos; y = −1: clamp_min(cos − margin, 0), whose gradient passes at equality; other labels give 0.
    let dLossDCos = 0;
    if (y === 1) {
      losses[r] = 1 - cos;
      dLossDCos = -1;
    } else if (y === -1) {
      const v = cos - margin;
      losses[r] = v < 0 ? 0 : v;
      dLossDCos = v >= 0 ? 1 : 0;
    }
    const g = dLossDCos * scale;
    if (g === 0) continue;
    for (let j = 0; j < cols; j++) {
      // ∂cos/∂x1 = x2/D − cos·x1/A and ∂cos/∂x2 = x1/D − cos·x2/B, with A, B the squared norms (+ε) and D = √(AB).
      grad1[base + j] = g * (b[base + j]! / denominator - (cos * a[base + j]!) / squares1);
      grad2[base + j] = g * (a[base + j]! / denominator - (cos * b[base + j]!) / squares2);
    }
  }
  return {
    value: reducePerSample(losses, batched ? [rows] : [], options.reduction),
    grad: tensor(grad1, x1.shape),
    gradExtra: { y_pred2: tensor(grad2, x2.shape) },
  };
}

/** Cosine embedding loss for pairs of vectors. */
export const cosineEmbeddingLoss: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Cosine embedding loss',
  aliases: ['cosine_embedding', 'CosineEmbeddingLoss'],
  names: {
    torch: ['nn.CosineEmbeddingLoss', 'F.cosine_embedding_loss', 'torch.nn.CosineEmbeddingLoss', 'torch.nn.functional.cosine_embedding_loss'],
  },
  frameworks: ['torch'],
  params: [
    marginParam(0, {
      en: 'Dissimilar pairs (y = −1) cost max(0, cos − margin); values in [−1, 1], 0 to 0.5 suggested.',
      'zh-cn': '不相似对（y = −1）的损失为 max(0, cos − margin)；取值范围 [−1, 1]，建议 0 到 0.5。',
    }),
  ],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'signs',
  predictionInputs: 2,
  inputComparison: 'cosine',
  description: {
    en: 'Compares two embeddings by their cosine: similar pairs (y = 1) should point the same way (1 − cos), dissimilar pairs (y = −1) should have cosine at most the margin.',
    'zh-cn': '用余弦比较两个嵌入：相似对（y = 1）应方向一致（1 − cos），不相似对（y = −1）的余弦应不超过 margin。',
  },
  formula: {
    latex: '\\ell = \\begin{cases} 1 - \\cos(x_1, x_2) & y = 1 \\\\ \\max(0,\\ \\cos(x_1, x_2) - m) & y = -1 \\end{cases}',
    text: 'ℓ = 1 − cos(x1, x2) (y = 1); max(0, cos(x1, x2) − margin) (y = −1)',
    derivativeLatex: '\\frac{\\partial \\cos}{\\partial x_1} = \\frac{x_2}{\\lVert x_1 \\rVert \\lVert x_2 \\rVert} - \\cos\\,\\frac{x_1}{\\lVert x_1 \\rVert^2}',
    derivativeText: '∂ℓ/∂x1 = −∂cos/∂x1 (y = 1); ∂cos/∂x1 (y = −1, cos ≥ margin); 0 (y = −1, cos < margin), ∂cos/∂x1 = x2/(‖x1‖‖x2‖) − cos·x1/‖x1‖²',
  },
  range: '[0, 2]',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'y_pred is input1 [N, D], y_pred2 is input2, y_true holds one ±1 label per row. torch adds 1e-12 to each squared norm: cos = Σx1·x2 / √((Σx1² + 1e-12)(Σx2² + 1e-12)), so identical vectors give cos slightly below 1.',
        'zh-cn': 'y_pred 为 input1 [N, D]，y_pred2 为 input2，y_true 每行一个 ±1 标签。torch 在每个平方范数上加 1e-12：cos = Σx1·x2 / √((Σx1² + 1e-12)(Σx2² + 1e-12))，因此相同向量的 cos 略小于 1。',
      },
    },
    perSampleReductionNote,
    torchOnlyNote,
  ],
  evaluate,
};
