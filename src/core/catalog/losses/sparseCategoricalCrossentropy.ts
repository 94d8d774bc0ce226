/**
 * Cross-entropy with class-index targets: torch CrossEntropyLoss / F.cross_entropy (logits),
 * Keras sparse_categorical_crossentropy, TF.js sparseCategoricalCrossentropy (probabilities).
 */
import { torchIndexedNll } from '../../kernels/lossClassIndex';
import { classIndexAt, requirePerRowTarget, requireRows, requireTarget } from '../../kernels/lossInputs';
import { clip, clipGradient, probabilityBounds } from '../../kernels/lossMath';
import { boolParam, classWeightParam, optionalNumberParam, rejectForeignParams } from '../../kernels/lossParams';
import { perSampleScale, reducePerSample } from '../../kernels/lossReduction';
import { logSoftmaxBackwardRow, logSoftmaxRow } from '../../kernels/lossSoftmax';
import { tfjsCategoricalCrossentropyRow, tfjsSampleUpstream, tfjsSoftmaxCrossEntropyRow } from '../../kernels/lossTfjsFloat32';
import { tensor } from '../../tensor';
import { numberParam } from '../params';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult, ParamSpec } from '../types';
import { perSampleReductionNote, tfjsFloat32ClipNote } from './commonNotes';
import { classWeightSpec, epsilonParam, fromLogitsParam, ignoreIndexParam, labelSmoothingParam } from './commonParams';

const ID = 'sparse_categorical_crossentropy';

const PARAMS: readonly ParamSpec[] = [
  fromLogitsParam(false, { torch: true }),
  classWeightSpec,
  ignoreIndexParam(-100),
  labelSmoothingParam(['torch'], {
    en: 'torch label smoothing: (1 − ls)·nll + (ls/C)·Σ_c w_c·(−log softmax_c). Keras sparse cross-entropy has none.',
    'zh-cn': 'torch 标签平滑：(1 − ls)·nll + (ls/C)·Σ_c w_c·(−log softmax_c)。Keras 的稀疏交叉熵没有此参数。',
  }),
  epsilonParam,
];

/** torch: log_softmax (or log of probabilities when from_logits is false) then the indexed nll. */
function evaluateTorch(inputs: LossInputs, options: LossOptions, yTrue: Float64Array): LossResult {
  const yPred = inputs.yPred;
  const { rows, cols: classes, batched } = requireRows(ID, yPred);
  const params = options.params;
  const fromLogits = boolParam(params, 'from_logits', true);
  const logProbs = new Float64Array(yPred.data.length);
  if (fromLogits) for (let r = 0; r < rows; r++) logSoftmaxRow(yPred.data, logProbs, r * classes, classes);
  else for (let i = 0; i < logProbs.length; i++) logProbs[i] = Math.log(yPred.data[i]!);
  const grad = new Float64Array(yPred.data.length);
  const { losses, meanDivisor } = torchIndexedNll(ID, logProbs, yTrue, {
    rows,
    classes,
    weight: classWeightParam(ID, params, 'weight', classes),
    ignoreIndex: optionalNumberParam(params, 'ignore_index'),
    labelSmoothing: numberParam(params, 'label_smoothing', 0),
    reduction: options.reduction,
  }, grad);
  if (fromLogits) for (let r = 0; r < rows; r++) logSoftmaxBackwardRow(logProbs, grad, r * classes, classes);
  else for (let i = 0; i < grad.length; i++) grad[i] = grad[i]! / yPred.data[i]!;
  return { value: reducePerSample(losses, batched ? [rows] : [], options.reduction, meanDivisor), grad: tensor(grad, yPred.shape) };
}

/**
 * Keras 3 and TF.js. From logits both compute softmax cross-entropy (gradient softmax − one-hot).
 * From probabilities Keras clips p to [ε, 1 − ε] and takes softmax cross-entropy of log p, which
 * renormalises; TF.js clips, renormalises, then clips again before the log.
 */
function evaluateKeras(inputs: LossInputs, options: LossOptions, semantics: Framework, yTrue: Float64Array): LossResult {
  const yPred = inputs.yPred;
  const p = yPred.data;
  const { rows, cols: classes, batched } = requireRows(ID, yPred);
  const params = options.params;
  const fromLogits = boolParam(params, 'from_logits');
  const ignoreClass = optionalNumberParam(params, 'ignore_index');
  const epsilon = numberParam(params, 'epsilon', 1e-7);
  const { lower, upper } = probabilityBounds(semantics, epsilon);
  const losses = new Float64Array(rows);
  const grad = new Float64Array(p.length);
  const logProbs = new Float64Array(p.length);
  // Keras turns an ignore mask into sample weights total/(valid + ε), so mean = Σ loss / (valid + ε).
  let valid = rows;
  if (ignoreClass !== null) for (let r = 0; r < rows; r++) if (yTrue[r] === ignoreClass) valid--;
  const meanDivisor = ignoreClass === null ? rows : valid + epsilon;
  const scale = perSampleScale(rows, options.reduction, meanDivisor);
  const tfjsUpstream = ignoreClass === null ? tfjsSampleUpstream(rows, options.reduction) : scale;
  for (let r = 0; r < rows; r++) {
    const k = classIndexAt(ID, yTrue, r, classes, ignoreClass);
    // Keras masks ignored samples to 0 with `where`, which also blocks their gradient.
    if (ignoreClass !== null && k === ignoreClass) continue;
    const base = r * classes;
    if (fromLogits && semantics === 'tfjs') {
      // tf.losses.softmaxCrossEntropy on one-hot labels, replayed in float32; scaled by its own upstream.
      for (let c = 0; c < classes; c++) logProbs[base + c] = c === k ? 1 : 0;
      losses[r] = tfjsSoftmaxCrossEntropyRow(p, logProbs, base, classes, tfjsUpstream, grad);
    } else if (fromLogits) {
      logSoftmaxRow(p, logProbs, base, classes);
      losses[r] = -logProbs[base + k]!;
      for (let c = 0; c < classes; c++) grad[base + c] = (Math.exp(logProbs[base + c]!) - (c === k ? 1 : 0)) * scale;
    } else if (semantics === 'tfjs') {
      // TF.js clips, then runs categoricalCrossentropy (renormalise, clip again, log), replayed in float32.
      for (let c = 0; c < classes; c++) logProbs[base + c] = c === k ? 1 : 0;
      losses[r] = tfjsCategoricalCrossentropyRow(p, logProbs, base, classes, tfjsUpstream, lower, upper, true, grad);
    } else {
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += clip(p[base + c]!, lower, upper);
      const ck = clip(p[base + k]!, lower, upper);
      losses[r] = -Math.log(ck) + Math.log(sum);
      for (let c = 0; c < classes; c++) {
        const cc = clip(p[base + c]!, lower, upper);
        grad[base + c] = clipGradient(semantics, p[base + c]!, lower, upper, (cc / sum - (c === k ? 1 : 0)) / cc) * scale;
      }
    }
  }
  return { value: reducePerSample(losses, batched ? [rows] : [], options.reduction, meanDivisor), grad: tensor(grad, yPred.shape) };
}

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const framework = options.framework;
  rejectForeignParams(ID, PARAMS, options.params, framework);
  const yTrue = requireTarget(ID, inputs);
  requirePerRowTarget(ID, yTrue, inputs.yPred, framework !== 'torch', true);
  return framework === 'torch' ? evaluateTorch(inputs, options, yTrue.data) : evaluateKeras(inputs, options, framework, yTrue.data);
}

/** Cross-entropy with integer class targets. */
export const sparseCategoricalCrossentropy: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Sparse categorical cross-entropy',
  aliases: ['cross_entropy', 'sparse_cce', 'scce', 'CrossEntropyLoss', 'sparse_categorical_cross_entropy'],
  names: {
    torch: ['nn.CrossEntropyLoss', 'F.cross_entropy', 'torch.nn.CrossEntropyLoss', 'torch.nn.functional.cross_entropy'],
    keras: ['sparse_categorical_crossentropy', 'SparseCategoricalCrossentropy', 'keras.losses.SparseCategoricalCrossentropy', 'keras.losses.sparse_categorical_crossentropy'],
    tensorflow: ['tf.nn.sparse_softmax_cross_entropy_with_logits', 'tf.keras.losses.SparseCategoricalCrossentropy', 'tf.keras.losses.sparse_categorical_crossentropy'],
    tfjs: ['sparseCategoricalCrossentropy'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: PARAMS,
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'logits',
  targetKind: 'class_indices',
  predictionInputs: 1,
  description: {
    en: 'Cross-entropy when each target is a class index: −log of the probability given to the right class. torch computes it from logits via log-softmax; Keras takes probabilities by default (from_logits=False).',
    'zh-cn': '目标为类别索引时的交叉熵：正确类别所得概率的 −log。torch 通过 log-softmax 从 logits 计算；Keras 默认接收概率（from_logits=False）。',
  },
  formula: {
    latex: '\\ell_i = -w_{t_i} \\log \\operatorname{softmax}(x_i)_{t_i}',
    text: 'ℓᵢ = −w[tᵢ]·log softmax(xᵢ)[tᵢ]',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial x_{ic}} = w_{t_i}\\big(\\operatorname{softmax}(x_i)_c - [c = t_i]\\big)',
    derivativeText: '∂ℓᵢ/∂x_ic = w[tᵢ]·(softmax(xᵢ)_c − [c = tᵢ])',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'torch CrossEntropyLoss takes logits; Keras and TF.js take probabilities unless from_logits=True. With probabilities Keras clips p to [1e-7, 1 − 1e-7], so a zero probability on the right class costs −log 1e-7 ≈ 16.12.',
        'zh-cn': 'torch CrossEntropyLoss 接收 logits；Keras 和 TF.js 默认接收概率（除非 from_logits=True）。使用概率时 Keras 把 p 截断到 [1e-7, 1 − 1e-7]，正确类别概率为 0 时损失为 −log 1e-7 ≈ 16.12。',
      },
    },
    {
      frameworks: ['torch'],
      text: {
        en: 'torch ignores target −100 by default (ignore_index). With class weights, `mean` divides by the summed weights of the non-ignored targets; when every target is ignored it is 0/0 = NaN. Probability targets make it categorical_crossentropy (from logits), which divides `mean` by the batch size instead.',
        'zh-cn': 'torch 默认忽略目标 −100（ignore_index）。有类别权重时，`mean` 除以未被忽略目标的权重之和；所有目标都被忽略时结果为 0/0 = NaN。若目标是概率，则属于 categorical_crossentropy（logits），其 `mean` 改为除以批大小。',
      },
    },
    {
      frameworks: ['tfjs'],
      text: {
        en: 'TF.js sparseCategoricalCrossentropy with fromLogits=true clips the logits to [1e-7, 1 − 1e-7] before the softmax (a TF.js bug: logits [1000, −1000, 0] for class 1 give 1.551 instead of 2000); the TF.js profile computes the correct softmax cross-entropy, as tf.losses.softmaxCrossEntropy does.',
        'zh-cn': 'TF.js 的 sparseCategoricalCrossentropy 在 fromLogits=true 时会在 softmax 之前把 logits 截断到 [1e-7, 1 − 1e-7]（TF.js 的缺陷：类别 1 的 logits [1000, −1000, 0] 得到 1.551 而非 2000）；TF.js 配置按 tf.losses.softmaxCrossEntropy 计算正确的 softmax 交叉熵。',
      },
    },
    {
      frameworks: ['keras'],
      text: {
        en: 'Keras ignore_class masks ignored samples; `mean` then divides by (number of valid samples + 1e-7).',
        'zh-cn': 'Keras 的 ignore_class 会屏蔽被忽略的样本；此时 `mean` 除以（有效样本数 + 1e-7）。',
      },
    },
    tfjsFloat32ClipNote,
    perSampleReductionNote,
  ],
  evaluate,
};
