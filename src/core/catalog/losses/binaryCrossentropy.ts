/**
 * Binary cross-entropy on probabilities: torch BCELoss, Keras binary_crossentropy, TF.js
 * binaryCrossentropy. With from_logits=true it is the logits form (BCEWithLogitsLoss), which
 * binaryCrossentropyWithLogits.ts reuses through `evaluateBinaryCrossentropy`.
 */
import { FormulaLensError } from '../../l10n';
import { requireSameShape, requireTarget } from '../../kernels/lossInputs';
import { clip, clipGradient, probabilityBounds, sigmoid } from '../../kernels/lossMath';
import { boolParam, broadcastParam, rejectForeignParams } from '../../kernels/lossParams';
import { reduceElementwise, scaleInPlace } from '../../kernels/lossReduction';
import { tfjsBinaryCrossentropyGradient, tfjsElementUpstream } from '../../kernels/lossTfjsFloat32';
import { tensor } from '../../tensor';
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

/** torch BCELoss / BCEWithLogitsLoss terms and derivatives. */
function torchTerms(id: string, options: LossOptions, shape: readonly number[], t: Float64Array, x: Float64Array, terms: Float64Array, derivatives: Float64Array): void {
  const params = options.params;
  const weight = broadcastParam(id, params, 'weight', shape);
  if (boolParam(params, 'from_logits')) {
    const posWeight = broadcastParam(id, params, 'pos_weight', shape);
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      const ti = t[i]!;
      // torch: (1 − t)x + lw·(log(e^−m + e^(−x−m)) + m), m = max(−x, 0), lw = 1 + (p_w − 1)t.
      // Written as torch writes it so ±∞ logits give torch's NaN/∞.
      const m = Math.max(-xi, 0);
      const logTerm = Math.log(Math.exp(-m) + Math.exp(-xi - m)) + m;
      const w = weight ? weight[i]! : 1;
      const s = sigmoid(xi);
      if (posWeight) {
        const pt = posWeight[i]! * ti;
        terms[i] = ((1 - ti) * xi + (1 + pt - ti) * logTerm) * w;
        derivatives[i] = ((pt + 1 - ti) * s - pt) * w;
      } else {
        terms[i] = ((1 - ti) * xi + logTerm) * w;
        derivatives[i] = (s - ti) * w;
      }
    }
    return;
  }
  if (params['pos_weight'] !== null && params['pos_weight'] !== undefined) {
    throw new FormulaLensError(lossMessages.paramNeedsLogits, { function: id, param: 'pos_weight' });
  }
  const clamp = numberParam(params, 'log_clamp', -100);
  for (let i = 0; i < x.length; i++) {
    const p = x[i]!;
    if (!(p >= 0 && p <= 1)) throw new FormulaLensError(lossMessages.probabilityOutOfRange, { function: id, index: i, value: String(p) });
    const ti = t[i]!;
    const w = weight ? weight[i]! : 1;
    terms[i] = ((ti - 1) * Math.max(Math.log1p(-p), clamp) - ti * Math.max(Math.log(p), clamp)) * w;
    // The backward pass ignores the clamp and floors the denominator instead.
    derivatives[i] = ((p - ti) / Math.max((1 - p) * p, TORCH_BCE_GRAD_FLOOR)) * w;
  }
}

/**
 * Keras 3 / TF.js terms and derivatives, with label smoothing and probability clipping. Returns
 * true when the derivatives already include the reduction (the TF.js float32 replay needs its upstream).
 */
function kerasTerms(framework: Framework, options: LossOptions, shape: readonly number[], t: Float64Array, x: Float64Array, terms: Float64Array, derivatives: Float64Array): boolean {
  const params = options.params;
  const smoothing = numberParam(params, 'label_smoothing', 0);
  if (boolParam(params, 'from_logits')) {
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      const ti = t[i]! * (1 - smoothing) + 0.5 * smoothing;
      // sigmoid_cross_entropy_with_logits: max(x, 0) − x·t + log1p(e^−|x|); x = ±∞ with t = 0 gives NaN (∞·0).
      terms[i] = Math.max(xi, 0) - xi * ti + Math.log1p(Math.exp(-Math.abs(xi)));
      derivatives[i] = sigmoid(xi) - ti;
    }
    return false;
  }
  const { lower, upper } = probabilityBounds(framework, numberParam(params, 'epsilon', 1e-7));
  const tfjsUpstream = framework === 'tfjs' ? tfjsElementUpstream(shape, options.reduction) : 0;
  for (let i = 0; i < x.length; i++) {
    const ti = t[i]! * (1 - smoothing) + 0.5 * smoothing;
    const c = clip(x[i]!, lower, upper);
    terms[i] = -(ti * Math.log(c) + (1 - ti) * Math.log1p(-c));
    if (framework === 'tfjs') {
      derivatives[i] = tfjsBinaryCrossentropyGradient(x[i]!, Math.fround(ti), tfjsUpstream, lower, upper);
    } else {
      // Clipping passes no gradient outside [ε, 1 − ε]: a saturated prediction gets gradient 0.
      derivatives[i] = clipGradient(framework, x[i]!, lower, upper, (c - ti) / (c * (1 - c)));
    }
  }
  return framework === 'tfjs';
}

/** Evaluates binary cross-entropy (on probabilities or, with from_logits, on logits) under a profile. */
export function evaluateBinaryCrossentropy(id: string, params: readonly ParamSpec[], inputs: LossInputs, options: LossOptions): LossResult {
  const framework = options.framework;
  rejectForeignParams(id, params, options.params, framework);
  const yTrue = requireTarget(id, inputs);
  const yPred = inputs.yPred;
  requireSameShape(id, yTrue, yPred);
  const terms = new Float64Array(yPred.data.length);
  const derivatives = new Float64Array(yPred.data.length);
  let scaled = false;
  if (framework === 'torch') torchTerms(id, options, yPred.shape, yTrue.data, yPred.data, terms, derivatives);
  else scaled = kerasTerms(framework, options, yPred.shape, yTrue.data, yPred.data, terms, derivatives);
  const reduced = reduceElementwise(terms, yPred.shape, framework, options.reduction, 'mean');
  return { value: reduced.value, grad: tensor(scaled ? derivatives : scaleInPlace(derivatives, reduced.gradScale), yPred.shape) };
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
