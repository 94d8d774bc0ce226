/**
 * Cross-entropy with one-hot or probability targets: Keras categorical_crossentropy, TF.js
 * categoricalCrossentropy / tf.losses.softmaxCrossEntropy, torch cross_entropy with probability targets.
 */
import { requireRows, requireSameShape, requireTarget } from '../../kernels/lossInputs';
import { clip, clipGradient, probabilityBounds } from '../../kernels/lossMath';
import { boolParam, classWeightParam, rejectForeignParams } from '../../kernels/lossParams';
import { perSampleScale, reducePerSample } from '../../kernels/lossReduction';
import { logSoftmaxRow } from '../../kernels/lossSoftmax';
import { tfjsCategoricalCrossentropyRow, tfjsSampleUpstream, tfjsSoftmaxCrossEntropyRow } from '../../kernels/lossTfjsFloat32';
import { tensor } from '../../tensor';
import { numberParam } from '../params';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult, ParamSpec } from '../types';
import { perSampleReductionNote, tfjsFloat32ClipNote } from './commonNotes';
import { classWeightSpec, epsilonParam, fromLogitsParam, labelSmoothingParam } from './commonParams';

const ID = 'categorical_crossentropy';

const PARAMS: readonly ParamSpec[] = [
  fromLogitsParam(false, { torch: true }),
  labelSmoothingParam(undefined, {
    en: 'Label smoothing: targets become y(1 − ls) + ls/C, as in Keras and torch CrossEntropyLoss.',
    'zh-cn': '标签平滑：目标变为 y(1 − ls) + ls/C，与 Keras 和 torch CrossEntropyLoss 相同。',
  }),
  epsilonParam,
  classWeightSpec,
];

/** What the torch rows need, resolved once per call. */
interface TorchRows {
  readonly classes: number;
  readonly weight: Float64Array | null;
  /** Label smoothing turns a target t into t·keep + spread. */
  readonly keep: number;
  readonly spread: number;
  /** d loss / d sample-loss. */
  readonly scale: number;
}

/**
 * torch from logits: log_softmax as torch computes it, x − max − log Σ e^(x − max), and its backward
 * pass g − softmax·Σg, with the softmax taken as e/Σe from the forward pass where torch takes
 * exp(log_softmax): equal up to rounding, one exp per element instead of two.
 */
function torchLogitsRows(x: Float64Array, yTrue: Float64Array, grad: Float64Array, losses: Float64Array, rows: TorchRows): void {
  const { classes, weight, keep, spread, scale } = rows;
  // One row's e^(x − max).
  const exps = new Float64Array(classes);
  for (let r = 0; r < losses.length; r++) {
    const base = r * classes;
    // Math.max keeps a NaN, as torch's maximum does.
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, x[base + c]!);
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp(x[base + c]! - max);
      exps[c] = e;
      sum += e;
    }
    const logSum = Math.log(sum);
    let loss = 0;
    let gradSum = 0;
    for (let c = 0; c < classes; c++) {
      const wt = (weight ? weight[c]! : 1) * (yTrue[base + c]! * keep + spread);
      loss -= (x[base + c]! - max - logSum) * wt;
      const g = -wt * scale;
      gradSum += g;
      grad[base + c] = g;
    }
    losses[r] = loss;
    for (let c = 0; c < classes; c++) grad[base + c] = grad[base + c]! - (exps[c]! / sum) * gradSum;
  }
}

/** torch with from_logits=false: log p replaces log_softmax (no clipping), and d/dp of log p is 1/p. */
function torchProbabilityRows(p: Float64Array, yTrue: Float64Array, grad: Float64Array, losses: Float64Array, rows: TorchRows): void {
  const { classes, weight, keep, spread, scale } = rows;
  for (let r = 0; r < losses.length; r++) {
    const base = r * classes;
    let loss = 0;
    for (let c = 0; c < classes; c++) {
      const wt = (weight ? weight[c]! : 1) * (yTrue[base + c]! * keep + spread);
      loss -= Math.log(p[base + c]!) * wt;
      grad[base + c] = (-wt * scale) / p[base + c]!;
    }
    losses[r] = loss;
  }
}

/**
 * torch cross_entropy with probability targets: −Σ_c w_c·t_c·log_softmax(x)_c per sample, `mean`
 * divides by the batch size.
 */
function evaluateTorch(yTrue: Float64Array, inputs: LossInputs, options: LossOptions): LossResult {
  const yPred = inputs.yPred;
  const { rows, cols: classes, batched } = requireRows(ID, yPred);
  const params = options.params;
  const smoothing = numberParam(params, 'label_smoothing', 0);
  const settings: TorchRows = {
    classes,
    weight: classWeightParam(ID, params, 'weight', classes) ?? null,
    keep: 1 - smoothing,
    spread: smoothing / classes,
    scale: perSampleScale(rows, options.reduction),
  };
  const grad = new Float64Array(yPred.data.length);
  const losses = new Float64Array(rows);
  if (boolParam(params, 'from_logits', true)) torchLogitsRows(yPred.data, yTrue, grad, losses, settings);
  else torchProbabilityRows(yPred.data, yTrue, grad, losses, settings);
  return { value: reducePerSample(losses, batched ? [rows] : [], options.reduction), grad: tensor(grad, yPred.shape) };
}

/**
 * Keras 3 and TF.js. From logits: softmax cross-entropy with the fused gradient softmax − t
 * TF.js's float32 arithmetic is replayed, since it decides clipping at the bounds.
 * From probabilities: p is renormalised to sum 1 over the classes, clipped to [ε, 1 − ε], then −Σ t·log.
 */
function evaluateKeras(yTrue: Float64Array, inputs: LossInputs, options: LossOptions, semantics: Framework): LossResult {
  const yPred = inputs.yPred;
  const p = yPred.data;
  const { rows, cols: classes, batched } = requireRows(ID, yPred);
  const params = options.params;
  const fromLogits = boolParam(params, 'from_logits');
  const smoothing = numberParam(params, 'label_smoothing', 0);
  const { lower, upper } = probabilityBounds(semantics, numberParam(params, 'epsilon', 1e-7));
  const scale = perSampleScale(rows, options.reduction);
  const tfjsUpstream = tfjsSampleUpstream(rows, options.reduction);
  const work = new Float64Array(p.length);
  const grad = new Float64Array(p.length);
  const losses = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const base = r * classes;
    let loss = 0;
    if (fromLogits && semantics === 'tfjs') {
      // tf.losses.softmaxCrossEntropy, replayed in float32 (labels smoothed as TF.js does it).
      for (let c = 0; c < classes; c++) work[base + c] = Math.fround(yTrue[base + c]! * Math.fround(1 - smoothing) + Math.fround(smoothing / classes));
      loss = tfjsSoftmaxCrossEntropyRow(p, work, base, classes, tfjsUpstream, grad);
    } else if (fromLogits) {
      logSoftmaxRow(p, work, base, classes);
      for (let c = 0; c < classes; c++) {
        const t = yTrue[base + c]! * (1 - smoothing) + smoothing / classes;
        loss -= t * work[base + c]!;
        // TF's softmax_cross_entropy_with_logits returns softmax − labels, even when the labels do not sum to 1.
        grad[base + c] = (Math.exp(work[base + c]!) - t) * scale;
      }
    } else if (semantics === 'tfjs') {
      for (let c = 0; c < classes; c++) work[base + c] = Math.fround(yTrue[base + c]! * (1 - smoothing) + smoothing / classes);
      loss = tfjsCategoricalCrossentropyRow(p, work, base, classes, tfjsUpstream, lower, upper, false, grad);
    } else {
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += p[base + c]!;
      // work holds d loss / d q for q = p / Σp; the normalisation's gradient is (g − Σ g·q) / Σp.
      let weighted = 0;
      for (let c = 0; c < classes; c++) {
        const t = yTrue[base + c]! * (1 - smoothing) + smoothing / classes;
        const q = p[base + c]! / sum;
        const clipped = clip(q, lower, upper);
        loss -= t * Math.log(clipped);
        const g = clipGradient(semantics, q, lower, upper, -t / clipped);
        work[base + c] = g;
        weighted += g * q;
      }
      for (let c = 0; c < classes; c++) grad[base + c] = ((work[base + c]! - weighted) / sum) * scale;
    }
    losses[r] = loss;
  }
  return { value: reducePerSample(losses, batched ? [rows] : [], options.reduction), grad: tensor(grad, yPred.shape) };
}

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const framework = options.framework;
  rejectForeignParams(ID, PARAMS, options.params, framework);
  const yTrue = requireTarget(ID, inputs);
  requireSameShape(ID, yTrue, inputs.yPred);
  return framework === 'torch' ? evaluateTorch(yTrue.data, inputs, options) : evaluateKeras(yTrue.data, inputs, options, framework);
}

/** Cross-entropy with one-hot or soft (probability) targets. */
export const categoricalCrossentropy: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Categorical cross-entropy',
  aliases: ['cce', 'categorical_cross_entropy', 'softmax_cross_entropy'],
  names: {
    keras: ['categorical_crossentropy', 'CategoricalCrossentropy', 'keras.losses.CategoricalCrossentropy', 'keras.losses.categorical_crossentropy', 'keras.metrics.categorical_crossentropy'],
    tensorflow: ['tf.nn.softmax_cross_entropy_with_logits', 'tf.keras.losses.CategoricalCrossentropy', 'tf.keras.losses.categorical_crossentropy'],
    tfjs: ['categoricalCrossentropy', 'tf.losses.softmaxCrossEntropy', 'tf.metrics.categoricalCrossentropy', 'softmaxCrossEntropy'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: PARAMS,
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'probabilities',
  targetKind: 'one_hot',
  predictionInputs: 1,
  description: {
    en: 'Cross-entropy between a target distribution t (one-hot or soft) and the predicted distribution: −Σ t_c·log p_c per sample. Keras takes probabilities by default; torch F.cross_entropy with probability targets takes logits.',
    'zh-cn': '目标分布 t（one-hot 或软标签）与预测分布之间的交叉熵：每个样本 −Σ t_c·log p_c。Keras 默认接收概率；torch F.cross_entropy 在目标为概率时接收 logits。',
  },
  formula: {
    latex: '\\ell_i = -\\sum_c t_{ic} \\log p_{ic},\\quad p_i = \\operatorname{softmax}(x_i)\\ (\\texttt{from\\_logits})',
    text: 'ℓᵢ = −Σ_c t_ic·log p_ic, pᵢ = softmax(xᵢ) (from_logits)',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial x_{ic}} = p_{ic} - t_{ic}\\ (\\texttt{from\\_logits},\\ \\textstyle\\sum_c t_{ic} = 1),\\qquad \\frac{\\partial \\ell_i}{\\partial p_{ic}} = -\\frac{t_{ic}}{p_{ic}}\\ (\\lnot\\,\\texttt{from\\_logits})',
    derivativeText: '∂ℓᵢ/∂x_ic = p_ic − t_ic (from_logits, Σ_c t_ic = 1), ∂ℓᵢ/∂p_ic = −t_ic/p_ic (¬from_logits)',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'With probabilities Keras and TF.js first renormalise y_pred to sum 1 over the classes, then clip to [1e-7, 1 − 1e-7]; an unnormalised y_pred is therefore treated as its normalised version.',
        'zh-cn': '使用概率时，Keras 和 TF.js 先把 y_pred 在类别上重新归一化为和为 1，再截断到 [1e-7, 1 − 1e-7]；因此未归一化的 y_pred 按其归一化后的结果处理。',
      },
    },
    {
      frameworks: ['torch'],
      text: {
        en: 'torch has this loss as F.cross_entropy / nn.CrossEntropyLoss with probability targets (the class-index form, its common use, is sparse_categorical_crossentropy). It takes logits, applies class weights inside the sum, and `mean` divides by the batch size N, not by the summed weights.',
        'zh-cn': 'torch 中此损失即目标为概率的 F.cross_entropy / nn.CrossEntropyLoss（更常用的类别索引形式见 sparse_categorical_crossentropy）。它接收 logits，类别权重作用在求和内部，`mean` 除以批大小 N，而不是权重之和。',
      },
    },
    {
      frameworks: ['tfjs'],
      text: {
        en: 'TF.js layers categoricalCrossentropy with fromLogits=true clips the softmax output, so logits [1000, −1000, 0] with target class 1 give 16.118 instead of 2000; the TF.js profile follows tf.losses.softmaxCrossEntropy, which is exact.',
        'zh-cn': 'TF.js layers 的 categoricalCrossentropy 在 fromLogits=true 时会截断 softmax 输出，因此 logits [1000, −1000, 0]、目标类别 1 得到 16.118 而非 2000；TF.js 配置按精确的 tf.losses.softmaxCrossEntropy 计算。',
      },
    },
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'From logits, TensorFlow and TF.js use the fused gradient softmax − t, which is the true derivative only when each target row sums to 1.',
        'zh-cn': '从 logits 计算时，TensorFlow 和 TF.js 使用融合梯度 softmax − t，只有当每行目标之和为 1 时它才是真正的导数。',
      },
    },
    tfjsFloat32ClipNote,
    perSampleReductionNote,
  ],
  evaluate,
};
