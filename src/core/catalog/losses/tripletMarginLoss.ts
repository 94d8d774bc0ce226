/** Triplet margin loss: torch TripletMarginLoss / F.triplet_margin_loss. */
import { requireExtraInput, requireRows, requireSameShape } from '../../kernels/lossInputs';
import { boolParam } from '../../kernels/lossParams';
import { perSampleScale, reducePerSample } from '../../kernels/lossReduction';
import { tensor } from '../../tensor';
import { numberParam } from '../params';
import type { LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { perSampleReductionNote, torchOnlyNote } from './commonNotes';
import { marginParam } from './commonParams';
import { lossMessages } from './messages';

const ID = 'triplet_margin_loss';

/** torch pairwise_distance: ‖a − b + eps‖_p over one row; writes ∂distance/∂a (= −∂distance/∂b) into `out`. */
function distance(a: Float64Array, b: Float64Array, base: number, cols: number, p: number, eps: number, out: Float64Array): number {
  let norm: number;
  if (p === Infinity) {
    norm = 0;
    for (let j = 0; j < cols; j++) norm = Math.max(norm, Math.abs(a[base + j]! - b[base + j]! + eps));
  } else {
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const u = Math.abs(a[base + j]! - b[base + j]! + eps);
      sum += p === 1 ? u : p === 2 ? u * u : Math.pow(u, p);
    }
    norm = p === 1 ? sum : p === 2 ? Math.sqrt(sum) : Math.pow(sum, 1 / p);
  }
  let maxCount = 0;
  if (p === Infinity) for (let j = 0; j < cols; j++) if (Math.abs(a[base + j]! - b[base + j]! + eps) === norm) maxCount++;
  for (let j = 0; j < cols; j++) {
    const u = a[base + j]! - b[base + j]! + eps;
    const sign = u > 0 ? 1 : u < 0 ? -1 : 0;
    // torch's norm backward, case by case; a zero norm gives a zero gradient.
    let d: number;
    if (p === 1) d = sign;
    else if (p === 2) d = norm === 0 ? 0 : u / norm;
    else if (p === Infinity) d = Math.abs(u) === norm ? sign / maxCount : 0;
    else if (p < 1) d = u === 0 ? 0 : sign * Math.pow(Math.abs(u), p - 1) * Math.pow(norm, 1 - p);
    else d = norm === 0 ? 0 : (sign * Math.pow(Math.abs(u), p - 1)) / Math.pow(norm, p - 1);
    out[j] = d;
  }
  return norm;
}

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const anchor = inputs.yPred;
  const positive = requireExtraInput(ID, inputs, 'y_pred2', lossMessages.positiveInputMeaning);
  const negative = requireExtraInput(ID, inputs, 'y_pred3', lossMessages.negativeInputMeaning);
  requireSameShape(ID, anchor, positive, 'y_pred', 'y_pred2');
  requireSameShape(ID, anchor, negative, 'y_pred', 'y_pred3');
  const { rows, cols, batched } = requireRows(ID, anchor);
  const params = options.params;
  const margin = numberParam(params, 'margin', 1);
  const p = numberParam(params, 'p', 2);
  const eps = numberParam(params, 'eps', 1e-6);
  const swap = boolParam(params, 'swap');
  const scale = perSampleScale(rows, options.reduction);
  const a = anchor.data;
  const pos = positive.data;
  const neg = negative.data;
  const losses = new Float64Array(rows);
  const gradA = new Float64Array(a.length);
  const gradP = new Float64Array(a.length);
  const gradN = new Float64Array(a.length);
  const dAP = new Float64Array(cols);
  const dAN = new Float64Array(cols);
  const dPN = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    const distPos = distance(a, pos, base, cols, p, eps, dAP);
    const distAN = distance(a, neg, base, cols, p, eps, dAN);
    let distNeg = distAN;
    // With swap, the negative distance is min(d(a, n), d(p, n)); torch's minimum splits the gradient at a tie.
    let anShare = 1;
    if (swap) {
      const distPN = distance(pos, neg, base, cols, p, eps, dPN);
      distNeg = Math.min(distAN, distPN);
      anShare = distAN < distPN ? 1 : distAN === distPN ? 0.5 : 0;
    }
    const v = margin + distPos - distNeg;
    losses[r] = v < 0 ? 0 : v;
    if (!(v >= 0)) continue;
    for (let j = 0; j < cols; j++) {
      const i = base + j;
      const an = -anShare * scale * dAN[j]!;
      const pn = swap ? -(1 - anShare) * scale * dPN[j]! : 0;
      gradA[i] = scale * dAP[j]! + an;
      gradP[i] = -scale * dAP[j]! + pn;
      gradN[i] = -an - pn;
    }
  }
  return {
    value: reducePerSample(losses, batched ? [rows] : [], options.reduction),
    grad: tensor(gradA, anchor.shape),
    gradExtra: { y_pred2: tensor(gradP, positive.shape), y_pred3: tensor(gradN, negative.shape) },
  };
}

/** Triplet margin loss over anchor, positive and negative embeddings. */
export const tripletMarginLoss: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Triplet margin loss',
  aliases: ['triplet_margin', 'triplet_loss', 'TripletMarginLoss'],
  names: {
    torch: ['nn.TripletMarginLoss', 'F.triplet_margin_loss', 'torch.nn.TripletMarginLoss', 'torch.nn.functional.triplet_margin_loss'],
  },
  frameworks: ['torch'],
  params: [
    marginParam(1, {
      en: 'How much closer the positive must be to the anchor than the negative.',
      'zh-cn': '正样本到锚点的距离需比负样本近多少。',
    }),
    {
      name: 'p',
      type: 'number',
      default: 2,
      min: 0,
      exclusiveMin: true,
      description: {
        en: 'The norm degree of the pairwise distance (2 = Euclidean, 1 = Manhattan).',
        'zh-cn': '成对距离的范数阶数（2 = 欧氏距离，1 = 曼哈顿距离）。',
      },
    },
    {
      name: 'eps',
      type: 'number',
      default: 1e-6,
      min: 0,
      description: {
        en: 'Added to every difference before the norm, as torch pairwise_distance does: d(a, b) = ‖a − b + eps‖_p.',
        'zh-cn': '与 torch pairwise_distance 相同，在求范数前加到每个差值上：d(a, b) = ‖a − b + eps‖_p。',
      },
    },
    {
      name: 'swap',
      type: 'boolean',
      default: false,
      description: {
        en: 'Use min(d(a, n), d(p, n)) as the negative distance (the distance swap of Balntas et al.).',
        'zh-cn': '用 min(d(a, n), d(p, n)) 作为负样本距离（Balntas 等人的距离交换）。',
      },
    },
  ],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'none',
  predictionInputs: 3,
  inputComparison: 'anchorDistances',
  description: {
    en: 'For an anchor, a positive (same class) and a negative (other class) embedding: the positive should be closer than the negative by the margin, max(0, d(a, p) − d(a, n) + margin). There is no y_true.',
    'zh-cn': '给定锚点、正样本（同类）和负样本（异类）嵌入：正样本应比负样本近至少 margin，即 max(0, d(a, p) − d(a, n) + margin)。没有 y_true。',
  },
  formula: {
    latex: '\\ell = \\max\\big(0,\\ d(a, p) - d(a, n) + m\\big),\\quad d(u, v) = \\lVert u - v + \\epsilon \\rVert_p',
    text: 'ℓ = max(0, d(a, p) − d(a, n) + margin), d(u, v) = ‖u − v + eps‖_p',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial a} = \\frac{a - p + \\epsilon}{d(a, p)} - \\frac{a - n + \\epsilon}{d(a, n)}\\quad (p = 2,\\ \\ell > 0)',
    derivativeText: '∂ℓ/∂a = (a − p + eps)/d(a, p) − (a − n + eps)/d(a, n) (p = 2, ℓ > 0)',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'y_pred is the anchor, y_pred2 the positive and y_pred3 the negative; y_true is unused. torch adds eps to the difference (not the norm), so identical vectors are at distance eps·D^(1/p), not 0.',
        'zh-cn': 'y_pred 为锚点，y_pred2 为正样本，y_pred3 为负样本；不使用 y_true。torch 把 eps 加在差值上（而不是范数上），因此相同向量的距离为 eps·D^(1/p)，而不是 0。',
      },
    },
    perSampleReductionNote,
    torchOnlyNote,
  ],
  evaluate,
};
