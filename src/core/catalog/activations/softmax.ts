/** Softmax along an axis, with its vector-Jacobian product and full Jacobian. */
import { numberValue } from './paramValues';
import type { ActivationEntry, ActivationOptions, ActivationResult } from '../types';
import type { Tensor } from '../../tensor';
import { sliceLayout, upstreamData, type SliceLayout } from './axis';

const ID = 'softmax';

/** Writes softmax of every slice of `x` into `y` (max subtracted first, so no overflow). */
export function softmaxSlices(x: Float64Array, y: Float64Array, layout: SliceLayout): void {
  const { count, length, stride, startStep } = layout;
  for (let s = 0; s < count; s++) {
    const base = s * startStep;
    let max = -Infinity;
    // Math.max propagates NaN, so a NaN anywhere makes the whole slice NaN, as in the frameworks.
    for (let k = 0; k < length; k++) max = Math.max(max, x[base + k * stride]!);
    let sum = 0;
    for (let k = 0; k < length; k++) {
      const e = Math.exp(x[base + k * stride]! - max);
      y[base + k * stride] = e;
      sum += e;
    }
    for (let k = 0; k < length; k++) y[base + k * stride]! /= sum;
  }
}

function layoutOf(input: Tensor, options: ActivationOptions): SliceLayout {
  return sliceLayout(ID, input.shape, numberValue(options.params, 'axis', -1));
}

function evaluate(input: Tensor, options: ActivationOptions): ActivationResult {
  const layout = layoutOf(input, options);
  const upstream = upstreamData(ID, options.upstream, input.shape);
  const y = new Float64Array(input.data.length);
  softmaxSlices(input.data, y, layout);
  // VJP: g_j = y_j·(u_j − Σ_k u_k·y_k).
  const grad = new Float64Array(input.data.length);
  const { count, length, stride, startStep } = layout;
  for (let s = 0; s < count; s++) {
    const base = s * startStep;
    let dot = 0;
    for (let k = 0; k < length; k++) dot += upstream[base + k * stride]! * y[base + k * stride]!;
    for (let k = 0; k < length; k++) {
      const j = base + k * stride;
      grad[j] = y[j]! * (upstream[j]! - dot);
    }
  }
  return { value: { shape: [...input.shape], data: y }, grad: { shape: [...input.shape], data: grad } };
}

function jacobian(input: Tensor, options: ActivationOptions): Tensor[] {
  const layout = layoutOf(input, options);
  const y = new Float64Array(input.data.length);
  softmaxSlices(input.data, y, layout);
  const { count, length, stride, startStep } = layout;
  const result: Tensor[] = [];
  for (let s = 0; s < count; s++) {
    const base = s * startStep;
    const matrix = new Float64Array(length * length);
    // Row i is the VJP with upstream e_i: J_ij = y_j·(δ_ij − y_i).
    for (let i = 0; i < length; i++) {
      const yi = y[base + i * stride]!;
      for (let j = 0; j < length; j++) matrix[i * length + j] = y[base + j * stride]! * ((i === j ? 1 : 0) - yi);
    }
    result.push({ shape: [length, length], data: matrix });
  }
  return result;
}

/** Softmax: e^(xᵢ) / Σⱼ e^(xⱼ) along an axis. */
export const softmax: ActivationEntry = {
  kind: 'activation',
  id: ID,
  title: 'Softmax',
  aliases: ['normalized_exponential'],
  names: {
    torch: ['nn.Softmax', 'torch.nn.Softmax', 'torch.softmax', 'F.softmax', 'torch.nn.functional.softmax'],
    keras: ['softmax', 'keras.activations.softmax', 'keras.ops.softmax', 'keras.layers.Softmax', 'layers.Softmax', 'tf.keras.activations.softmax'],
    tensorflow: ['tf.nn.softmax', 'tf.math.softmax'],
    tfjs: ['softmax', 'tf.softmax', 'tf.layers.softmax'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [
    {
      name: 'axis',
      type: 'integer',
      default: -1,
      frameworkNames: { torch: ['dim'] },
      description: {
        en: 'Axis to normalize over (PyTorch: dim); −1 is the last axis, e.g. the classes of a [batch, classes] input.',
        'zh-cn': '做归一化的轴（PyTorch 中为 dim）；−1 表示最后一维，例如 [batch, classes] 输入中的类别维。',
      },
    },
  ],
  description: {
    en: 'Softmax: e^(xᵢ) / Σⱼ e^(xⱼ) along an axis, turning a vector of logits into a probability distribution. Use it for multi-class outputs, and prefer a from_logits cross-entropy on the raw logits for numerical stability. The maximum is subtracted first, so large logits do not overflow.',
    'zh-cn': 'Softmax：沿某个轴计算 e^(xᵢ) / Σⱼ e^(xⱼ)，把一组 logits 变成概率分布。用于多分类输出；为了数值稳定，宜直接对 logits 使用 from_logits 的交叉熵。计算时先减去最大值，因此大的 logits 不会溢出。',
  },
  formula: {
    latex: '\\mathrm{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}',
    text: 'softmax(x)ᵢ = e^(xᵢ) / Σⱼ e^(xⱼ)',
    derivativeLatex: '\\frac{\\partial y_i}{\\partial x_j} = y_i\\,(\\delta_{ij} - y_j), \\qquad (u^\\top J)_j = y_j \\Bigl(u_j - \\sum_k u_k y_k\\Bigr)',
    derivativeText: '∂yᵢ/∂xⱼ = yᵢ·(δᵢⱼ − yⱼ), (uᵀJ)ⱼ = yⱼ·(uⱼ − Σₖ uₖ·yₖ)',
  },
  range: '(0, 1), Σᵢ yᵢ = 1',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'nn.Softmax(dim=None) picks dim 0 for 0-, 1- and 3-D input and dim 1 otherwise (with a warning); always pass dim.',
        'zh-cn': 'nn.Softmax(dim=None) 对 0、1、3 维输入选 dim 0，其余选 dim 1（并给出警告）；请总是显式传入 dim。',
      },
    },
    {
      frameworks: ['tfjs'],
      text: {
        en: 'tf.layers.softmax defaults to axis 1 (the last axis of 2-D input); the "softmax" activation string uses −1.',
        'zh-cn': 'tf.layers.softmax 默认 axis 为 1（二维输入的最后一维）；激活字符串 "softmax" 使用 −1。',
      },
    },
    {
      frameworks: ['keras'],
      text: {
        en: 'With the TensorFlow backend, Keras remembers the logits of a softmax output and categorical_crossentropy uses them instead of the clipped probabilities.',
        'zh-cn': '在 TensorFlow 后端下，Keras 会记住 softmax 输出的 logits，categorical_crossentropy 会直接使用它们而不是裁剪后的概率。',
      },
    },
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'A slice of all −∞, or any +∞ or NaN in it, gives NaN for the whole slice in PyTorch and TF.js alike; a single −∞ gives probability 0.',
        'zh-cn': '在 PyTorch 和 TF.js 中，若某个切片全为 −∞，或含有 +∞ 或 NaN，则整个切片都是 NaN；单个 −∞ 的概率为 0。',
      },
    },
  ],
  evaluate,
  jacobian,
};
