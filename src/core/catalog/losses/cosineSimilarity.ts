/** Cosine similarity loss (−cos): Keras cosine_similarity / CosineSimilarity, TF.js cosineProximity. */
import { FormulaLensError } from '../../l10n';
import { requireSameShape, requireTarget } from '../../kernels/lossInputs';
import { frameworkConstant } from '../../kernels/lossMath';
import { tfjsCosineProximityVector, tfjsSampleUpstream } from '../../kernels/lossTfjsFloat32';
import { rejectForeignParams, semanticsFor } from '../../kernels/lossParams';
import { perSampleScale, reducePerSample } from '../../kernels/lossReduction';
import { shapeText, tensor } from '../../tensor';
import { numberParam } from '../params';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult, ParamSpec } from '../types';
import { kerasOnlyNote, perSampleReductionNote } from './commonNotes';
import { lossMessages } from './messages';

const ID = 'cosine_similarity';
const NATIVE: readonly Framework[] = ['keras', 'tfjs'];

const PARAMS: readonly ParamSpec[] = [
  {
    name: 'axis',
    type: 'integer',
    default: -1,
    frameworks: ['keras', 'tfjs'],
    description: {
      en: 'The axis along which vectors are compared (the features axis); −1 is the last.',
      'zh-cn': '比较向量所沿的轴（特征轴）；−1 表示最后一个轴。',
    },
  },
  {
    name: 'l2_normalize_epsilon',
    type: 'number',
    default: 1e-12,
    frameworkDefaults: { tfjs: 1e-7 },
    min: 0,
    frameworks: ['keras', 'tfjs'],
    description: {
      en: 'Floor on the squared norm in the L2 normalisation x / sqrt(max(Σx², ε)): 1e-12 in Keras (tf.nn.l2_normalize), 1e-7 in TF.js. Keras 3 ops.normalize floors the norm at 1e-7 instead, i.e. ε = 1e-14.',
      'zh-cn': 'L2 归一化 x / sqrt(max(Σx², ε)) 中平方范数的下限：Keras 为 1e-12（tf.nn.l2_normalize），TF.js 为 1e-7。Keras 3 的 ops.normalize 则把范数下限设为 1e-7，即 ε = 1e-14。',
    },
  },
];

/** Resolves `axis` against the input rank: returns the number of vectors, their length and their strides. */
function vectorLayout(shape: readonly number[], axis: number): { count: number; length: number; vectorStride: number; elementStride: number } | undefined {
  if (shape.length === 0) return axis === 0 || axis === -1 ? { count: 1, length: 1, vectorStride: 1, elementStride: 1 } : undefined;
  const resolved = axis < 0 ? axis + shape.length : axis;
  if (resolved < 0 || resolved >= shape.length) return undefined;
  if (shape.length === 1) return { count: 1, length: shape[0]!, vectorStride: shape[0]!, elementStride: 1 };
  const [rows, cols] = shape as [number, number];
  return resolved === 1 ? { count: rows, length: cols, vectorStride: cols, elementStride: 1 } : { count: cols, length: rows, vectorStride: 1, elementStride: cols };
}

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const semantics = semanticsFor(NATIVE, options.framework);
  const params = options.params;
  rejectForeignParams(ID, PARAMS, params, semantics);
  const yTrue = requireTarget(ID, inputs);
  const yPred = inputs.yPred;
  requireSameShape(ID, yTrue, yPred);
  const axis = numberParam(params, 'axis', -1);
  const layout = vectorLayout(yPred.shape, axis);
  if (!layout) throw new FormulaLensError(lossMessages.unsupportedAxis, { function: ID, axis, shape: shapeText(yPred.shape) });
  const epsilon = frameworkConstant(semantics, numberParam(params, 'l2_normalize_epsilon', semantics === 'tfjs' ? 1e-7 : 1e-12));
  const { count, length, vectorStride, elementStride } = layout;
  const t = yTrue.data;
  const p = yPred.data;
  const scale = perSampleScale(count, options.reduction);
  const losses = new Float64Array(count);
  const grad = new Float64Array(p.length);
  // TF.js's per-sample upstream gradient, as a float32 tensor (1/count for the batch mean).
  const tfjsUpstream = tfjsSampleUpstream(count, options.reduction);
  for (let v = 0; v < count; v++) {
    const start = v * vectorStride;
    if (semantics === 'tfjs') {
      losses[v] = tfjsCosineProximityVector(t, p, start, elementStride, length, epsilon, tfjsUpstream, grad);
      continue;
    }
    let trueSquares = 0;
    let predSquares = 0;
    for (let j = 0; j < length; j++) {
      const at = start + j * elementStride;
      trueSquares += t[at]! * t[at]!;
      predSquares += p[at]! * p[at]!;
    }
    const trueNorm = Math.sqrt(Math.max(trueSquares, epsilon));
    const predNorm = Math.sqrt(Math.max(predSquares, epsilon));
    let dot = 0;
    for (let j = 0; j < length; j++) {
      const at = start + j * elementStride;
      dot += (t[at]! / trueNorm) * p[at]!;
    }
    losses[v] = -dot / predNorm;
    // The norm depends on y_pred only while Σp² ≥ ε (maximum passes the gradient at equality).
    const normTerm = predSquares >= epsilon ? dot / (predNorm * predNorm * predNorm) : 0;
    for (let j = 0; j < length; j++) {
      const at = start + j * elementStride;
      grad[at] = (-(t[at]! / trueNorm) / predNorm + normTerm * p[at]!) * scale;
    }
  }
  const sampleShape = yPred.shape.length === 2 ? [count] : [];
  return { value: reducePerSample(losses, sampleShape, options.reduction), grad: tensor(grad, yPred.shape) };
}

/** Negative cosine similarity between targets and predictions. */
export const cosineSimilarity: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Cosine similarity loss',
  aliases: ['cosine_proximity', 'cosine'],
  names: {
    keras: ['cosine_similarity', 'CosineSimilarity', 'keras.losses.CosineSimilarity', 'keras.losses.cosine_similarity'],
    tensorflow: ['tf.keras.losses.CosineSimilarity', 'tf.keras.losses.cosine_similarity'],
    tfjs: ['cosineProximity', 'tf.metrics.cosineProximity'],
  },
  frameworks: ['keras', 'tfjs'],
  params: PARAMS,
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'values',
  predictionInputs: 1,
  description: {
    en: 'Minus the cosine of the angle between y_true and y_pred along the feature axis: −1 when they point the same way, 0 when orthogonal, +1 when opposite. Only direction matters, not length.',
    'zh-cn': '沿特征轴 y_true 与 y_pred 夹角余弦的相反数：方向相同为 −1，正交为 0，相反为 +1。只与方向有关，与长度无关。',
  },
  formula: {
    latex: '\\ell = -\\frac{\\sum_j y_j \\hat{y}_j}{\\lVert y \\rVert\\, \\lVert \\hat{y} \\rVert},\\quad \\lVert v \\rVert = \\sqrt{\\max(\\textstyle\\sum v^2, \\varepsilon)}',
    text: 'ℓ = −Σ y·ŷ / (‖y‖·‖ŷ‖), ‖v‖ = sqrt(max(Σv², ε))',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}_k} = -\\frac{y_k}{\\lVert y \\rVert \\lVert \\hat{y} \\rVert} + \\frac{(\\sum_j y_j \\hat{y}_j)\\,\\hat{y}_k}{\\lVert y \\rVert \\lVert \\hat{y} \\rVert^3}',
    derivativeText: '∂ℓ/∂ŷ_k = −y_k/(‖y‖‖ŷ‖) + (Σ y·ŷ)·ŷ_k/(‖y‖‖ŷ‖³)',
  },
  range: '[−1, 1]',
  notes: [
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'Keras negates the similarity so that minimising the loss aligns the vectors; the metric keras.metrics.CosineSimilarity is +cos. A zero vector gives 0. TF.js normalises with sqrt(max(Σx², 1e-7)), Keras with 1e-12, which only matters for vectors with Σx² < 1e-7.',
        'zh-cn': 'Keras 对相似度取负，使最小化损失时向量趋于同向；指标 keras.metrics.CosineSimilarity 为 +cos。零向量得到 0。TF.js 用 sqrt(max(Σx², 1e-7)) 归一化，Keras 用 1e-12，只有 Σx² < 1e-7 的向量才受影响。',
      },
    },
    {
      frameworks: ['torch'],
      text: {
        en: 'torch F.cosine_similarity returns +cos and is not a loss; the closest torch loss is cosine_embedding_loss (1 − cos for similar pairs).',
        'zh-cn': 'torch 的 F.cosine_similarity 返回 +cos，并不是损失函数；最接近的 torch 损失是 cosine_embedding_loss（相似对为 1 − cos）。',
      },
    },
    perSampleReductionNote,
    kerasOnlyNote,
  ],
  evaluate,
};
