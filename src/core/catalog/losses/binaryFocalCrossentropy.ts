/** Binary focal cross-entropy: Keras 3 binary_focal_crossentropy, torchvision.ops.sigmoid_focal_loss. */
import { FormulaLensError } from '../../l10n';
import { requireSameShape, requireTarget } from '../../kernels/lossInputs';
import { clip, clipGradient, probabilityBounds, sigmoid } from '../../kernels/lossMath';
import { boolParam, rejectForeignParams, semanticsFor } from '../../kernels/lossParams';
import { reduceElementwise, scaleInPlace } from '../../kernels/lossReduction';
import { tensor } from '../../tensor';
import { numberParam } from '../params';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult, ParamSpec } from '../types';
import { elementwiseReductionNote } from './commonNotes';
import { epsilonParam, fromLogitsParam, labelSmoothingParam } from './commonParams';
import { lossMessages } from './messages';

const ID = 'binary_focal_crossentropy';
const NATIVE: readonly Framework[] = ['torch', 'keras'];
/** torch BCELoss backward floor, a float32 constant (used when torch focal gets probabilities). */
const TORCH_BCE_GRAD_FLOOR = Math.fround(1e-12);

const PARAMS: readonly ParamSpec[] = [
  fromLogitsParam(false, { torch: true }),
  {
    name: 'apply_class_balancing',
    type: 'boolean',
    default: false,
    frameworkDefaults: { torch: true },
    description: {
      en: 'Weight positives by alpha and negatives by 1 − alpha. Keras applies alpha only when this is true; torchvision applies it whenever alpha ≥ 0 (alpha = −1 disables it).',
      'zh-cn': '正类乘以 alpha，负类乘以 1 − alpha。Keras 仅在此项为 true 时使用 alpha；torchvision 只要 alpha ≥ 0 就使用（alpha = −1 关闭）。',
    },
  },
  {
    name: 'alpha',
    type: 'number',
    default: 0.25,
    description: {
      en: 'Class-balancing weight of the positive class (0.25 in the focal-loss paper).',
      'zh-cn': '正类的类别平衡权重（focal loss 论文中为 0.25）。',
    },
  },
  {
    name: 'gamma',
    type: 'number',
    default: 2,
    min: 0,
    description: {
      en: 'Focusing exponent: the cross-entropy is multiplied by (1 − p_t)^γ, so easy, confident examples count less; γ = 0 is plain BCE.',
      'zh-cn': '聚焦指数：交叉熵乘以 (1 − p_t)^γ，使容易、确定的样本权重更小；γ = 0 即普通 BCE。',
    },
  },
  labelSmoothingParam(['keras', 'tfjs'], {
    en: 'Keras label smoothing y(1 − ls) + 0.5·ls, applied before everything else.',
    'zh-cn': 'Keras 标签平滑 y(1 − ls) + 0.5·ls，在其他计算之前应用。',
  }),
  epsilonParam,
];

/** torchvision: ce = BCE-with-logits, p = σ(x), loss = α_t·ce·(1 − p_t)^γ, reduced over all elements. */
function torchTerms(options: LossOptions, t: Float64Array, x: Float64Array, terms: Float64Array, derivatives: Float64Array): void {
  const params = options.params;
  const fromLogits = boolParam(params, 'from_logits', true);
  const gamma = numberParam(params, 'gamma', 2);
  const alpha = numberParam(params, 'alpha', 0.25);
  const balance = boolParam(params, 'apply_class_balancing', true) && alpha >= 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const ti = t[i]!;
    let p: number;
    let ce: number;
    let dCe: number;
    let dP: number;
    if (fromLogits) {
      p = sigmoid(xi);
      const m = Math.max(-xi, 0);
      ce = (1 - ti) * xi + m + Math.log(Math.exp(-m) + Math.exp(-xi - m));
      dCe = p - ti;
      dP = p * (1 - p);
    } else {
      if (!(xi >= 0 && xi <= 1)) throw new FormulaLensError(lossMessages.probabilityOutOfRange, { function: ID, index: i, value: String(xi) });
      p = xi;
      ce = (ti - 1) * Math.max(Math.log1p(-p), -100) - ti * Math.max(Math.log(p), -100);
      dCe = (p - ti) / Math.max((1 - p) * p, TORCH_BCE_GRAD_FLOOR);
      dP = 1;
    }
    const oneMinusPt = 1 - (p * ti + (1 - p) * (1 - ti));
    const focal = Math.pow(oneMinusPt, gamma);
    const weight = balance ? alpha * ti + (1 - alpha) * (1 - ti) : 1;
    terms[i] = weight * ce * focal;
    // torch's pow backward returns zeros for exponent 0 whatever flows into it, so with γ = 0 the
    // p_t path adds nothing, not even a NaN from ce at an infinite logit. d(1 − p_t)/dp = −(2t − 1).
    const throughFocal = gamma === 0 ? 0 : ce * gamma * Math.pow(oneMinusPt, gamma - 1) * -(2 * ti - 1) * dP;
    derivatives[i] = weight * (dCe * focal + throughFocal);
  }
}

/** 1 − (y·p + (1 − y)·(1 − p)) with every op rounded to float32, as TF.js tensors compute it. */
function float32OneMinusPt(y: number, p: number): number {
  const f32 = Math.fround;
  const pt = f32(f32(y * p) + f32(f32(1 - y) * f32(1 - p)));
  return f32(1 - pt);
}

/** Keras 3 (also on TF.js ops): sigmoid if from logits, clipped BCE, p_t from the unclipped p, mean over the last axis. */
function kerasTerms(semantics: Framework, options: LossOptions, t: Float64Array, x: Float64Array, terms: Float64Array, derivatives: Float64Array): void {
  const params = options.params;
  const fromLogits = boolParam(params, 'from_logits');
  const gamma = numberParam(params, 'gamma', 2);
  const alpha = numberParam(params, 'alpha', 0.25);
  const balance = boolParam(params, 'apply_class_balancing');
  const smoothing = numberParam(params, 'label_smoothing', 0);
  const { lower, upper } = probabilityBounds(semantics, numberParam(params, 'epsilon', 1e-7));
  const float32 = semantics === 'tfjs';
  for (let i = 0; i < x.length; i++) {
    const ti = t[i]! * (1 - smoothing) + 0.5 * smoothing;
    const exactP = fromLogits ? sigmoid(x[i]!) : x[i]!;
    // TF.js holds p in a float32 tensor, and 1 − c and 1 − p_t cancel in float32: at p = 1e-7 with
    // y = 0, 1 − p_t is 1 − f32(1 − p) = 1.19e-7 and log(1 − c) is log(0.99999988); after a sigmoid
    // near 1 the rounded p moves −log(1 − p) by 1e-4 relative. The TF.js profile keeps those numbers.
    const p = float32 ? Math.fround(exactP) : exactP;
    const c = clip(p, lower, upper);
    const oneMinusC = float32 ? Math.fround(1 - Math.fround(c)) : 1 - c;
    const bce = float32 ? -(ti * Math.log(c) + (1 - ti) * Math.log(oneMinusC)) : -(ti * Math.log(c) + (1 - ti) * Math.log1p(-c));
    const dBce = clipGradient(semantics, p, lower, upper, float32 ? (1 - ti) / oneMinusC - ti / c : (c - ti) / (c * oneMinusC));
    const oneMinusPt = float32 ? float32OneMinusPt(ti, p) : 1 - (ti * p + (1 - ti) * (1 - p));
    const focal = Math.pow(oneMinusPt, gamma);
    // TF and TF.js pow gradient: γ·x^(γ−1), which is 0·∞ = NaN at x = 0 when γ = 0.
    const dFocal = gamma * Math.pow(oneMinusPt, gamma - 1);
    const weight = balance ? ti * alpha + (1 - ti) * (1 - alpha) : 1;
    terms[i] = weight * focal * bce;
    // The gradient g reaching 1 − p_t flows into p twice, −g·y and +g·(1 − y), as through the graph
    // p_t = y·p + (1 − y)·(1 − p): an infinite g (p_t = 1 with γ < 1) meets y or 1 − y = 0 there and gives NaN.
    const g = weight * dFocal * bce;
    const dP = g * (1 - ti) - g * ti + weight * focal * dBce;
    derivatives[i] = fromLogits ? dP * p * (1 - p) : dP;
  }
}

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const semantics = semanticsFor(NATIVE, options.framework);
  rejectForeignParams(ID, PARAMS, options.params, semantics);
  const yTrue = requireTarget(ID, inputs);
  const yPred = inputs.yPred;
  requireSameShape(ID, yTrue, yPred);
  const terms = new Float64Array(yPred.data.length);
  const derivatives = new Float64Array(yPred.data.length);
  if (semantics === 'torch') torchTerms(options, yTrue.data, yPred.data, terms, derivatives);
  else kerasTerms(semantics, options, yTrue.data, yPred.data, terms, derivatives);
  const reduced = reduceElementwise(terms, yPred.shape, semantics, options.reduction, 'mean');
  return { value: reduced.value, grad: tensor(scaleInPlace(derivatives, reduced.gradScale), yPred.shape) };
}

/** Binary focal cross-entropy (Lin et al., 2017). */
export const binaryFocalCrossentropy: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Binary focal cross-entropy',
  aliases: ['binary_focal_loss', 'sigmoid_focal_loss', 'focal_crossentropy'],
  names: {
    torch: ['torchvision.ops.sigmoid_focal_loss', 'sigmoid_focal_loss'],
    keras: ['binary_focal_crossentropy', 'BinaryFocalCrossentropy', 'keras.losses.BinaryFocalCrossentropy', 'keras.losses.binary_focal_crossentropy'],
    tensorflow: ['tf.keras.losses.BinaryFocalCrossentropy', 'tf.keras.losses.binary_focal_crossentropy'],
  },
  frameworks: ['torch', 'keras'],
  params: PARAMS,
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'probabilities',
  targetKind: 'binary',
  predictionInputs: 1,
  description: {
    en: 'Binary cross-entropy multiplied by (1 − p_t)^γ, where p_t is the probability given to the true label: well-classified examples are down-weighted so training focuses on hard ones. Designed for heavy class imbalance (object detection).',
    'zh-cn': '二元交叉熵乘以 (1 − p_t)^γ，其中 p_t 是赋予真实标签的概率：分类良好的样本被降权，训练集中在困难样本上。为严重的类别不平衡（目标检测）而设计。',
  },
  formula: {
    latex: '\\ell = -\\alpha_t (1 - p_t)^{\\gamma} \\log p_t,\\quad p_t = y\\,p + (1 - y)(1 - p)',
    text: 'ℓ = −α_t·(1 − p_t)^γ·log p_t, p_t = y·p + (1 − y)(1 − p)',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial p} = \\alpha_t\\Big[(1 - p_t)^{\\gamma}\\frac{p - y}{p(1 - p)} - \\gamma (1 - p_t)^{\\gamma - 1}(2y - 1)\\,\\mathrm{BCE}\\Big]',
    derivativeText: '∂ℓ/∂p = α_t·[(1 − p_t)^γ·(p − y)/(p(1 − p)) − γ(1 − p_t)^(γ−1)·(2y − 1)·BCE]',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['torch', 'keras'],
      text: {
        en: 'torchvision sigmoid_focal_loss takes logits and reduces over all elements (mean of every element); Keras takes probabilities by default and averages over the last axis per sample. torchvision applies alpha (default 0.25) unless alpha = −1; Keras only with apply_class_balancing=True.',
        'zh-cn': 'torchvision 的 sigmoid_focal_loss 接收 logits，并对全部元素归约（所有元素的平均）；Keras 默认接收概率，并对每个样本在最后一个轴上求平均。torchvision 除非 alpha = −1 否则使用 alpha（默认 0.25）；Keras 仅在 apply_class_balancing=True 时使用。',
      },
    },
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'Keras clips p to [1e-7, 1 − 1e-7] for the cross-entropy but computes p_t from the unclipped p. With from_logits=True it applies the sigmoid and then the clipped BCE (the TensorFlow backend instead uses the exact logits form). TF.js has no focal loss; its profile evaluates the Keras 3 formula with TF.js float32 clip bounds.',
        'zh-cn': 'Keras 计算交叉熵时把 p 截断到 [1e-7, 1 − 1e-7]，但 p_t 使用未截断的 p。from_logits=True 时先做 sigmoid 再用截断的 BCE（TensorFlow 后端则改用精确的 logits 形式）。TF.js 没有 focal loss；其配置使用 Keras 3 公式和 TF.js 的 float32 截断界。',
      },
    },
    elementwiseReductionNote,
  ],
  evaluate,
};
