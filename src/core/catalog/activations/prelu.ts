/** Parametric ReLU with one shared or one-per-channel learned slope. */
import { FormulaLensError } from '../../l10n';
import { listValue } from './paramValues';
import type { ActivationEntry, ActivationOptions, ActivationResult } from '../types';
import type { Tensor } from '../../tensor';
import { normalizeAxis } from './axis';
import { activationMessages } from './messages';

const ID = 'prelu';

/** For each flat index, which weight applies: all share weight 0, or the index along the channel axis. */
interface ChannelMap {
  readonly channels: number;
  /** Channel of flat index i is floor(i / divisor) % channels. */
  readonly divisor: number;
}

function channelMapOf(input: Tensor, options: ActivationOptions, weights: Float64Array): ChannelMap {
  if (weights.length === 0) throw new FormulaLensError(activationMessages.preluEmptyWeight, { function: ID });
  if (weights.length === 1) return { channels: 1, divisor: 1 };
  const given = options.params['channel_axis'];
  // Unset: channels on the last axis (torch dim 1 of [N, C]; Keras and TF.js are channels-last).
  const axis = normalizeAxis(ID, typeof given === 'number' ? given : -1, input.shape);
  const size = input.shape.length === 0 ? 1 : input.shape[axis]!;
  if (size !== weights.length) {
    throw new FormulaLensError(activationMessages.preluWeightSize, { function: ID, count: weights.length, size });
  }
  const divisor = input.shape.length === 2 && axis === 0 ? input.shape[1]! : 1;
  return { channels: weights.length, divisor };
}

function evaluate(input: Tensor, options: ActivationOptions): ActivationResult {
  const weights = listValue(options.params, 'weight') ?? Float64Array.of(0.25);
  const map = channelMapOf(input, options, weights);
  const x = input.data;
  const value = new Float64Array(x.length);
  const grad = new Float64Array(x.length);
  const weightGrad = new Float64Array(weights.length);
  for (let i = 0; i < x.length; i++) {
    const c = map.channels === 1 ? 0 : Math.floor(i / map.divisor) % map.channels;
    const v = x[i]!;
    const a = weights[c]!;
    // Both torch and tf.prelu test x > 0: 0 and NaN take the slope branch.
    if (v > 0) {
      value[i] = v;
      grad[i] = 1;
    } else {
      value[i] = a * v;
      grad[i] = a;
      weightGrad[c] = weightGrad[c]! + v;
    }
  }
  return {
    value: { shape: [...input.shape], data: value },
    grad: { shape: [...input.shape], data: grad },
    gradParams: { weight: { shape: [weights.length], data: weightGrad } },
  };
}

/** PReLU: x for x > 0, a·x otherwise, with learned a. */
export const prelu: ActivationEntry = {
  kind: 'activation',
  id: ID,
  title: 'PReLU',
  aliases: ['parametric_relu'],
  names: {
    torch: ['nn.PReLU', 'torch.nn.PReLU', 'torch.prelu', 'F.prelu', 'torch.nn.functional.prelu'],
    keras: ['keras.layers.PReLU', 'layers.PReLU', 'PReLU', 'tf.keras.layers.PReLU'],
    tfjs: ['tf.prelu', 'tf.layers.prelu'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [
    {
      name: 'weight',
      type: 'numberList',
      default: [0.25],
      frameworkDefaults: { keras: [0], tfjs: [0] },
      frameworkNames: { keras: ['alpha'], tfjs: ['alpha'] },
      aliases: ['init'],
      description: {
        en: 'The learned negative slopes: one value shared by all channels or one per channel. Initial value 0.25 in PyTorch (init), 0 in Keras and TF.js (alpha).',
        'zh-cn': '可学习的负半轴斜率：所有通道共享一个值，或每个通道一个值。PyTorch 初始为 0.25（init），Keras 与 TF.js 初始为 0（alpha）。',
      },
    },
    {
      name: 'channel_axis',
      type: 'integer',
      default: null,
      description: {
        en: 'Axis that indexes the weights when there is more than one; unset means the last axis (PyTorch dim 1 of an [N, C] input; Keras and TF.js are channels-last).',
        'zh-cn': '权重多于一个时用于索引权重的轴；不设置表示最后一维（PyTorch 中 [N, C] 输入的 dim 1；Keras 与 TF.js 按通道在后）。',
      },
    },
  ],
  description: {
    en: 'Parametric ReLU: like Leaky ReLU, but the negative slope a is a learned weight, one shared value or one per channel. Use it when the network should learn how leaky each channel is; it adds only one parameter per channel.',
    'zh-cn': '参数化 ReLU：与 Leaky ReLU 类似，但负半轴斜率 a 是可学习的权重，可全局共享一个值，也可每个通道一个值。希望网络自行学习每个通道的“泄漏”程度时使用；每个通道只增加一个参数。',
  },
  formula: {
    latex: '\\mathrm{PReLU}(x) = \\begin{cases} x & x > 0 \\\\ a\\,x & x \\le 0 \\end{cases}',
    text: 'PReLU(x) = x (x > 0); a·x (x ≤ 0)',
    derivativeLatex: '\\frac{\\partial}{\\partial x} = \\begin{cases} 1 & x > 0 \\\\ a & x \\le 0 \\end{cases}, \\qquad \\frac{\\partial}{\\partial a} = \\begin{cases} 0 & x > 0 \\\\ x & x \\le 0 \\end{cases}',
    derivativeText: '∂/∂x = 1 (x > 0); a (x ≤ 0), ∂/∂a = 0 (x > 0); x (x ≤ 0)',
  },
  range: '(−∞, ∞)',
  notes: [
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'PyTorch initializes the slope to 0.25; Keras PReLU and tf.layers.prelu start from 0, i.e. a plain ReLU until trained. The gradient at x = 0 is the slope a in both PyTorch and TF.js.',
        'zh-cn': 'PyTorch 把斜率初始化为 0.25；Keras 的 PReLU 与 tf.layers.prelu 从 0 开始，训练前相当于普通 ReLU。PyTorch 与 TF.js 在 x = 0 处的梯度都是斜率 a。',
      },
    },
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'torch nn.PReLU(num_parameters) puts channels on dim 1 (the last axis of [N, C]); Keras and TF.js PReLU are channels-last and can share slopes across axes (shared_axes).',
        'zh-cn': 'torch 的 nn.PReLU(num_parameters) 把通道放在 dim 1（即 [N, C] 的最后一维）；Keras 与 TF.js 的 PReLU 按通道在后，并可在某些轴上共享斜率（shared_axes）。',
      },
    },
  ],
  evaluate,
};
