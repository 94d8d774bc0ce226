/** Threshold: x above a threshold, a fixed value elsewhere (torch Threshold, Keras threshold, TF.js thresholdedReLU). */
import { numberValue } from './paramValues';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out, params, framework) {
    const limit = numberValue(params, 'threshold', 0);
    const value = numberValue(params, 'value', 0);
    if (framework === 'torch') {
      // x <= threshold ? value : x, so NaN passes through.
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v <= limit ? value : v;
      }
    } else if (framework === 'tfjs') {
      // thresholdedReLU multiplies x by a 0/1 mask: x·0 is NaN for NaN and ±∞, hence value + 0·x.
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v > limit ? v : value + 0 * v;
      }
    } else {
      // Keras: where(x > threshold, x, default_value).
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v > limit ? v : value;
      }
    }
  },
  derivative(x, out, params, framework) {
    const limit = numberValue(params, 'threshold', 0);
    // Number() of the test is its 0 or 1 without a branch, which inputs on both sides of the
    // threshold would mispredict half the time. torch's `<=` test passes NaN's gradient, x > limit does not.
    if (framework === 'torch') {
      for (let i = 0; i < x.length; i++) out[i] = Number(!(x[i]! <= limit));
    } else {
      for (let i = 0; i < x.length; i++) out[i] = Number(x[i]! > limit);
    }
  },
};

/** Threshold: y = x if x > threshold, else value. */
export const threshold = defineElementwise({
  id: 'threshold',
  title: 'Threshold',
  aliases: ['thresholded_relu'],
  names: {
    torch: ['nn.Threshold', 'torch.nn.Threshold', 'F.threshold', 'torch.nn.functional.threshold'],
    keras: ['keras.activations.threshold', 'keras.ops.threshold'],
    tfjs: ['thresholdedReLU', 'tf.layers.thresholdedReLU'],
  },
  namePresets: {
    thresholdedReLU: { threshold: 1, value: 0 },
    'tf.layers.thresholdedReLU': { threshold: 1, value: 0 },
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [
    {
      name: 'threshold',
      type: 'number',
      default: 0,
      frameworkDefaults: { tfjs: 1 },
      frameworkNames: { tfjs: ['theta'] },
      description: {
        en: 'Inputs at or below this value are replaced by value (required in PyTorch and Keras; TF.js thresholdedReLU defaults to theta = 1).',
        'zh-cn': '小于或等于该值的输入被替换为 value（PyTorch 与 Keras 中必须给出；TF.js thresholdedReLU 默认 theta = 1）。',
      },
    },
    {
      name: 'value',
      type: 'number',
      default: 0,
      frameworks: ['torch', 'keras'],
      frameworkNames: { keras: ['default_value'] },
      description: {
        en: 'Replacement for inputs at or below the threshold (Keras: default_value; TF.js always uses 0).',
        'zh-cn': '替换小于或等于阈值的输入的值（Keras 中为 default_value；TF.js 恒为 0）。',
      },
    },
  ],
  description: {
    en: 'Threshold: x where x > threshold, a fixed value elsewhere. With value 0 it is a ReLU whose kink moved to the threshold (Keras 2 / TF.js ThresholdedReLU, threshold 1 by default); used to suppress small activations.',
    'zh-cn': '阈值函数：x > threshold 处为 x，其余位置为固定值 value。value 为 0 时相当于拐点移到阈值处的 ReLU（Keras 2 / TF.js 的 ThresholdedReLU，默认阈值 1）；用于抑制较小的激活。',
  },
  formula: {
    latex: '\\mathrm{threshold}(x) = \\begin{cases} x & x > \\theta \\\\ v & x \\le \\theta \\end{cases}',
    text: 'threshold(x) = x (x > θ); v (x ≤ θ)',
    derivativeLatex: "\\mathrm{threshold}'(x) = \\begin{cases} 1 & x > \\theta \\\\ 0 & x \\le \\theta \\end{cases}",
    derivativeText: 'threshold′(x) = 1 (x > θ); 0 (x ≤ θ)',
  },
  range: '{v} ∪ (θ, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'PyTorch Threshold(threshold, value) keeps NaN, with gradient 1.',
        'zh-cn': 'PyTorch 的 Threshold(threshold, value) 对 NaN 原样输出，梯度为 1。',
      },
    },
    {
      frameworks: ['keras'],
      text: {
        en: 'Keras threshold(x, threshold, default_value) returns default_value at NaN (gradient 0).',
        'zh-cn': 'Keras 的 threshold(x, threshold, default_value) 对 NaN 返回 default_value（梯度为 0）。',
      },
    },
    {
      frameworks: ['tfjs'],
      text: {
        en: 'TF.js thresholdedReLU (theta = 1 by default) multiplies x by a 0/1 mask, so it outputs 0 below the threshold but NaN at NaN and at −∞.',
        'zh-cn': 'TF.js 的 thresholdedReLU（默认 theta = 1）把 x 乘以 0/1 掩码，因此阈值以下输出 0，但 NaN 和 −∞ 处输出 NaN。',
      },
    },
  ],
  kernel,
});
