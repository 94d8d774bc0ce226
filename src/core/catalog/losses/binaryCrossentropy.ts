/**
 * Binary cross-entropy on probabilities: torch BCELoss, Keras binary_crossentropy, TF.js
 * binaryCrossentropy. With from_logits=true it is the logits form (BCEWithLogitsLoss), which
 * binaryCrossentropyWithLogits.ts reuses through `evaluateBinaryCrossentropy`.
 */
import { FormulaLensError } from '../../l10n';
import { requireSameShape, requireTarget } from '../../kernels/lossInputs';
import { runTermKernel, type TermKernel } from '../../kernels/lossElementwise';
import { clip, clipGradient, probabilityBounds, sigmoid, sigmoidFromExp } from '../../kernels/lossMath';
import { boolParam, broadcastParam, rejectForeignParams } from '../../kernels/lossParams';
import { tfjsBinaryCrossentropyGradient, tfjsElementUpstream } from '../../kernels/lossTfjsFloat32';
import { numberParam } from '../params';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult, ParamSpec } from '../types';
import { elementwiseReductionNote, tfjsFloat32ClipNote } from './commonNotes';
import { epsilonParam, fromLogitsParam, labelSmoothingParam } from './commonParams';
import { lossMessages } from './messages';

/** torch's BCELoss backward divides by max(p(1 − p), 1e-12) with 1e-12 stored as a float32 constant. */
const TORCH_BCE_GRAD_FLOOR = Math.fround(1e-12);

/** Parameters of both BCE entries; only the from_logits default differs. */
export function binaryCrossentropyParams(fromLogitsDefault: boolean): readonly ParamSpec[] {
  return [
    fromLogitsParam(fromLogitsDefault),
    labelSmoothingParam(['keras', 'tfjs'], {
      en: 'Keras label smoothing: targets become y(1 − ls) + 0.5·ls, squeezing them toward 0.5. torch BCE has none.',
      'zh-cn': 'Keras 标签平滑：目标变为 y(1 − ls) + 0.5·ls，向 0.5 收缩。torch 的 BCE 没有此参数。',
    }),
    epsilonParam,
    {
      name: 'weight',
      type: 'numberList',
      default: null,
      frameworks: ['torch'],
      description: {
        en: 'torch rescaling weight, broadcast to y_pred (e.g. [[0.5, 2, 1]] per column, [[1], [2]] per row); mean stays a plain mean of the weighted terms.',
        'zh-cn': 'torch 的缩放权重，广播到 y_pred（如 [[0.5, 2, 1]] 按列，[[1], [2]] 按行）；mean 仍是加权项的简单平均。',
      },
    },
    {
      name: 'pos_weight',
      type: 'numberList',
      default: null,
      frameworks: ['torch'],
      description: {
        en: 'torch BCEWithLogitsLoss weight of the positive term, broadcast over the last (class) axis: −[p_w·y·log σ(x) + (1 − y)·log(1 − σ(x))].',
        'zh-cn': 'torch BCEWithLogitsLoss 中正类项的权重，沿最后一个（类别）轴广播：−[p_w·y·log σ(x) + (1 − y)·log(1 − σ(x))]。',
      },
    },
    {
      name: 'log_clamp',
      type: 'number',
      default: -100,
      max: 0,
      frameworks: ['torch'],
      description: {
        en: 'torch BCELoss clamps each log at −100, so a confidently wrong prediction costs at most 100 per element.',
        'zh-cn': 'torch BCELoss 将每个对数截断在 −100，因此一个完全错误的预测每个元素最多损失 100。',
      },
    },
  ];
}

/** torch BCE's rescaling weights (and pos_weight), broadcast to y_pred, or undefined when not set. */
interface TorchWeights {
  readonly weight: Float64Array | undefined;
  readonly posWeight: Float64Array | undefined;
}

/**
 * torch BCEWithLogitsLoss: (1 − t)x + lw·(log(e^−m + e^(−x−m)) + m), m = max(−x, 0), lw = 1 + (p_w − 1)t,
 * written as torch writes it so ±∞ logits give torch's NaN/∞.
 */
const torchLogitsKernel: TermKernel<TorchWeights> = (t, x, start, end, grad, gradScale, total, params) => {
  const { weight, posWeight } = params;
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const xi = x[i]!;
    const ti = t[i]!;
    const m = Math.max(-xi, 0);
    let logTerm: number;
    let s: number;
    if (xi - xi === 0) {
      // A finite x makes one of e^−m, e^(−x−m) exactly e^0 = 1 and the other e^−|x|, the exp
      // sigmoid(x) takes too: one exp gives the same three numbers.
      const e = Math.exp(-Math.abs(xi));
      logTerm = Math.log(1 + e) + m;
      s = sigmoidFromExp(xi, e);
    } else {
      logTerm = Math.log(Math.exp(-m) + Math.exp(-xi - m)) + m;
      s = sigmoid(xi);
    }
    const w = weight ? weight[i]! : 1;
    let term: number;
    if (posWeight) {
      const pt = posWeight[i]! * ti;
      term = ((1 - ti) * xi + (1 + pt - ti) * logTerm) * w;
      grad[i] = ((pt + 1 - ti) * s - pt) * w * gradScale;
    } else {
      term = ((1 - ti) * xi + logTerm) * w;
      grad[i] = (s - ti) * w * gradScale;
    }
    sum += term;
  }
  total[0] = sum;
};

interface TorchProbabilityParams {
  readonly id: string;
  readonly weight: Float64Array | undefined;
  readonly clamp: number;
}

/** torch BCELoss: each log clamped at log_clamp; a probability outside [0, 1] is refused. */
const torchProbabilityKernel: TermKernel<TorchProbabilityParams> = (t, x, start, end, grad, gradScale, total, params) => {
  const { id, weight, clamp } = params;
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const p = x[i]!;
    if (!(p >= 0 && p <= 1)) throw new FormulaLensError(lossMessages.probabilityOutOfRange, { function: id, index: i, value: String(p) });
    const ti = t[i]!;
    const w = weight ? weight[i]! : 1;
    const term = ((ti - 1) * Math.max(Math.log1p(-p), clamp) - ti * Math.max(Math.log(p), clamp)) * w;
    sum += term;
    // The backward pass ignores the clamp and floors the denominator instead.
    grad[i] = ((p - ti) / Math.max((1 - p) * p, TORCH_BCE_GRAD_FLOOR)) * w * gradScale;
  }
  total[0] = sum;
};

/** Keras 3 / TF.js from logits: sigmoid_cross_entropy_with_logits on label-smoothed targets. */
const kerasLogitsKernel: TermKernel<number> = (t, x, start, end, grad, gradScale, total, smoothing) => {
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const xi = x[i]!;
    const ti = t[i]! * (1 - smoothing) + 0.5 * smoothing;
    // max(x, 0) − x·t + log1p(e^−|x|); x = ±∞ with t = 0 gives NaN (∞·0).
    const e = Math.exp(-Math.abs(xi));
    const term = Math.max(xi, 0) - xi * ti + Math.log1p(e);
    sum += term;
    grad[i] = (sigmoidFromExp(xi, e) - ti) * gradScale;
  }
  total[0] = sum;
};

interface KerasProbabilityParams {
  readonly framework: Framework;
  readonly smoothing: number;
  readonly lower: number;
  readonly upper: number;
  /** TF.js's upstream gradient per element (its float32 replay), 0 for Keras. */
  readonly tfjsUpstream: number;
}

/** Keras 3 / TF.js on probabilities: label smoothing, then the probability clipped to [ε, 1 − ε]. */
const kerasProbabilityKernel: TermKernel<KerasProbabilityParams> = (t, x, start, end, grad, gradScale, total, params) => {
  const { framework, smoothing, lower, upper, tfjsUpstream } = params;
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const ti = t[i]! * (1 - smoothing) + 0.5 * smoothing;
    const c = clip(x[i]!, lower, upper);
    const term = -(ti * Math.log(c) + (1 - ti) * Math.log1p(-c));
    sum += term;
    if (framework === 'tfjs') {
      // The float32 replay starts from TF.js's own upstream, which already holds the reduction.
      grad[i] = tfjsBinaryCrossentropyGradient(x[i]!, Math.fround(ti), tfjsUpstream, lower, upper);
    } else {
      // Clipping passes no gradient outside [ε, 1 − ε]: a saturated prediction gets gradient 0.
      grad[i] = clipGradient(framework, x[i]!, lower, upper, (c - ti) / (c * (1 - c))) * gradScale;
    }
  }
  total[0] = sum;
};

/** Evaluates binary cross-entropy (on probabilities or, with from_logits, on logits) under a profile. */
export function evaluateBinaryCrossentropy(id: string, params: readonly ParamSpec[], inputs: LossInputs, options: LossOptions): LossResult {
  const framework = options.framework;
  rejectForeignParams(id, params, options.params, framework);
  const yTrue = requireTarget(id, inputs);
  const yPred = inputs.yPred;
  requireSameShape(id, yTrue, yPred);
  // The terms are added in float64 as they are; the TF.js range applies to the result.
  const run = <P>(kernel: TermKernel<P>, kernelParams: P): LossResult =>
    runTermKernel(yTrue.data, yPred, options.reduction, framework, kernel, kernelParams, 'mean', false);
  const given = options.params;
  if (framework === 'torch') {
    const weight = broadcastParam(id, given, 'weight', yPred.shape);
    if (boolParam(given, 'from_logits')) return run(torchLogitsKernel, { weight, posWeight: broadcastParam(id, given, 'pos_weight', yPred.shape) });
    if (given['pos_weight'] !== null && given['pos_weight'] !== undefined) {
      throw new FormulaLensError(lossMessages.paramNeedsLogits, { function: id, param: 'pos_weight' });
    }
    return run(torchProbabilityKernel, { id, weight, clamp: numberParam(given, 'log_clamp', -100) });
  }
  const smoothing = numberParam(given, 'label_smoothing', 0);
  if (boolParam(given, 'from_logits')) return run(kerasLogitsKernel, smoothing);
  const { lower, upper } = probabilityBounds(framework, numberParam(given, 'epsilon', 1e-7));
  const tfjsUpstream = framework === 'tfjs' ? tfjsElementUpstream(yPred.shape, options.reduction) : 0;
  return run(kerasProbabilityKernel, { framework, smoothing, lower, upper, tfjsUpstream });
}

const ID = 'binary_crossentropy';
const PARAMS = binaryCrossentropyParams(false);

/** Binary cross-entropy on probabilities. */
export const binaryCrossentropy: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Binary cross-entropy',
  aliases: ['bce', 'BCE', 'binary_cross_entropy'],
  names: {
    torch: ['nn.BCELoss', 'F.binary_cross_entropy', 'torch.nn.BCELoss', 'torch.nn.functional.binary_cross_entropy', 'BCELoss'],
    keras: ['binary_crossentropy', 'BinaryCrossentropy', 'bce', 'BCE', 'keras.losses.BinaryCrossentropy', 'keras.losses.binary_crossentropy', 'keras.metrics.binary_crossentropy'],
    tensorflow: ['tf.keras.losses.BinaryCrossentropy', 'tf.keras.losses.binary_crossentropy', 'tf.keras.backend.binary_crossentropy'],
    tfjs: ['binaryCrossentropy', 'tf.metrics.binaryCrossentropy'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: PARAMS,
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'probabilities',
  targetKind: 'binary',
  predictionInputs: 1,
  description: {
    en: 'The negative log-likelihood of a Bernoulli target under predicted probability p. It punishes confident wrong answers hard: −log p grows without bound as p → 0, so frameworks cap it (torch at 100, Keras/TF.js by clipping p).',
    'zh-cn': '在预测概率 p 下伯努利目标的负对数似然。它严厉惩罚自信的错误：p → 0 时 −log p 无界增长，因此框架会加以限制（torch 上限为 100，Keras/TF.js 截断 p）。',
  },
  formula: {
    latex: '\\ell = -\\big[y\\log p + (1 - y)\\log(1 - p)\\big]',
    text: 'ℓ = −[y·log p + (1 − y)·log(1 − p)]',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial p} = \\frac{p - y}{p(1 - p)}',
    derivativeText: '∂ℓ/∂p = (p − y) / (p(1 − p))',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'At p = 0 with y = 1: torch clamps log p at −100, so the loss is 100 and the gradient about −1e12 (the backward divides by max(p(1 − p), 1e-12)); Keras and TF.js clip p to [1e-7, 1 − 1e-7], so the loss is −log 1e-7 ≈ 16.118 and the gradient 0 (clip passes no gradient). Keras 2 on TF added ε inside the log again (≈ 15.425).',
        'zh-cn': '当 p = 0 且 y = 1 时：torch 将 log p 截断在 −100，损失为 100，梯度约为 −1e12（反向传播除以 max(p(1 − p), 1e-12)）；Keras 和 TF.js 把 p 截断到 [1e-7, 1 − 1e-7]，损失为 −log 1e-7 ≈ 16.118，梯度为 0（截断不传递梯度）。Keras 2 在 TF 上还会在对数内加 ε（≈ 15.425）。',
      },
    },
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'Keras label smoothing moves targets toward 0.5: y(1 − ls) + 0.5·ls. torch BCELoss has no label smoothing.',
        'zh-cn': 'Keras 标签平滑把目标移向 0.5：y(1 − ls) + 0.5·ls。torch BCELoss 没有标签平滑。',
      },
    },
    {
      frameworks: ['keras'],
      text: {
        en: 'On the TensorFlow backend, Keras silently uses the logits when y_pred comes straight from a Keras sigmoid (`_keras_logits`), so Dense(1, activation="sigmoid") + "binary_crossentropy" is not clipped there (it is on JAX and torch backends).',
        'zh-cn': '在 TensorFlow 后端，若 y_pred 直接来自 Keras 的 sigmoid（`_keras_logits`），Keras 会悄悄改用 logits，因此 Dense(1, activation="sigmoid") + "binary_crossentropy" 在那里不会被截断（JAX 和 torch 后端会）。',
      },
    },
    tfjsFloat32ClipNote,
    elementwiseReductionNote,
  ],
  evaluate: (inputs, options) => evaluateBinaryCrossentropy(ID, PARAMS, inputs, options),
};
