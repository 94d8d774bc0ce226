/** Log-softmax along an axis, with its vector-Jacobian product and full Jacobian. */
import { numberValue } from './paramValues';
import type { ActivationEntry, ActivationOptions, ActivationResult } from '../types';
import type { Tensor } from '../../tensor';
import { sliceLayout, upstreamData, type SliceLayout } from './axis';

const ID = 'log_softmax';

/** Writes log-softmax of every slice of `x` into `y`: (x − max) − log Σ e^(x − max). */
function logSoftmaxSlices(x: Float64Array, y: Float64Array, layout: SliceLayout): void {
  const { count, length, stride, startStep } = layout;
  for (let s = 0; s < count; s++) {
    const base = s * startStep;
    let max = -Infinity;
    for (let k = 0; k < length; k++) max = Math.max(max, x[base + k * stride]!);
    let sum = 0;
    for (let k = 0; k < length; k++) sum += Math.exp(x[base + k * stride]! - max);
    const logSum = Math.log(sum);
    for (let k = 0; k < length; k++) {
      const j = base + k * stride;
      y[j] = x[j]! - max - logSum;
    }
  }
}

function layoutOf(input: Tensor, options: ActivationOptions): SliceLayout {
  return sliceLayout(ID, input.shape, numberValue(options.params, 'axis', -1));
}

function evaluate(input: Tensor, options: ActivationOptions): ActivationResult {
  const layout = layoutOf(input, options);
  const upstream = upstreamData(ID, options.upstream, input.shape);
  const y = new Float64Array(input.data.length);
  logSoftmaxSlices(input.data, y, layout);
  // VJP: g_j = u_j − softmax_j·Σ_k u_k.
  const grad = new Float64Array(input.data.length);
  const { count, length, stride, startStep } = layout;
  for (let s = 0; s < count; s++) {
    const base = s * startStep;
    let total = 0;
    for (let k = 0; k < length; k++) total += upstream[base + k * stride]!;
    for (let k = 0; k < length; k++) {
      const j = base + k * stride;
      grad[j] = upstream[j]! - Math.exp(y[j]!) * total;
    }
  }
  return { value: { shape: [...input.shape], data: y }, grad: { shape: [...input.shape], data: grad } };
}

function jacobian(input: Tensor, options: ActivationOptions): Tensor[] {
  const layout = layoutOf(input, options);
  const y = new Float64Array(input.data.length);
  logSoftmaxSlices(input.data, y, layout);
  const { count, length, stride, startStep } = layout;
  const result: Tensor[] = [];
  for (let s = 0; s < count; s++) {
    const base = s * startStep;
    const matrix = new Float64Array(length * length);
    // J_ij = δ_ij − softmax_j.
    for (let i = 0; i < length; i++) {
      for (let j = 0; j < length; j++) matrix[i * length + j] = (i === j ? 1 : 0) - Math.exp(y[base + j * stride]!);
    }
    result.push({ shape: [length, length], data: matrix });
  }
  return result;
}

/** Log-softmax: xᵢ − log Σⱼ e^(xⱼ) along an axis. */
export const logSoftmax: ActivationEntry = {
  kind: 'activation',
  id: ID,
  title: 'Log-Softmax',
  aliases: ['logsoftmax'],
  names: {
    torch: ['nn.LogSoftmax', 'torch.nn.LogSoftmax', 'torch.log_softmax', 'F.log_softmax', 'torch.nn.functional.log_softmax'],
    keras: ['log_softmax', 'keras.activations.log_softmax', 'keras.ops.log_softmax'],
    tensorflow: ['tf.nn.log_softmax', 'tf.math.log_softmax'],
    tfjs: ['logSoftmax', 'tf.logSoftmax'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [
    {
      name: 'axis',
      type: 'integer',
      default: -1,
      frameworkNames: { torch: ['dim'] },
      description: {
        en: 'Axis to normalize over (PyTorch: dim); −1 is the last axis.',
        'zh-cn': '做归一化的轴（PyTorch 中为 dim）；−1 表示最后一维。',
      },
    },
  ],
  description: {
    en: 'Log-softmax: xᵢ − log Σⱼ e^(xⱼ), the logarithm of softmax computed stably (log-sum-exp with the maximum subtracted). Use it with an NLL loss or wherever log-probabilities are needed; it never takes log(0) for finite logits.',
    'zh-cn': '对数 softmax：xᵢ − log Σⱼ e^(xⱼ)，即稳定计算的 softmax 对数（先减最大值的 log-sum-exp）。与 NLL 损失搭配，或在需要对数概率时使用；对有限的 logits 不会出现 log(0)。',
  },
  formula: {
    latex: '\\mathrm{log\\_softmax}(x)_i = x_i - \\log \\sum_j e^{x_j}',
    text: 'log_softmax(x)ᵢ = xᵢ − log Σⱼ e^(xⱼ)',
    derivativeLatex: '\\frac{\\partial y_i}{\\partial x_j} = \\delta_{ij} - \\mathrm{softmax}(x)_j, \\qquad (u^\\top J)_j = u_j - \\mathrm{softmax}(x)_j \\sum_k u_k',
    derivativeText: '∂yᵢ/∂xⱼ = δᵢⱼ − softmax(x)ⱼ, (uᵀJ)ⱼ = uⱼ − softmax(x)ⱼ·Σₖ uₖ',
  },
  range: '(−∞, 0]',
  notes: [
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'A −∞ logit gives −∞ with gradient uⱼ; a slice of all −∞, or any +∞ or NaN, gives NaN everywhere in PyTorch and TF.js alike.',
        'zh-cn': '−∞ 的 logit 输出 −∞，梯度为 uⱼ；在 PyTorch 和 TF.js 中，切片全为 −∞ 或含有 +∞、NaN 时，结果处处为 NaN。',
      },
    },
  ],
  evaluate,
  jacobian,
};
