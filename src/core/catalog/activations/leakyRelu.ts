/** Leaky ReLU: a fixed small slope for negative inputs. */
import { numberValue } from './paramValues';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

/**
 * The slope of each side, indexed by Number(x > 0): [negative_slope, 1]. Looking the slope up
 * instead of branching on the sign keeps the loops free of a branch that inputs of mixed sign
 * mispredict about every other element (x·1 = x exactly, so the values are those of the branch).
 * Reused by every call: kernels run to completion on one thread, so no call sees another's slope.
 */
const slopes = new Float64Array(2);

const kernel: ElementwiseKernel = {
  forward(x, out, params) {
    slopes[0] = numberValue(params, 'negative_slope', 0.2);
    slopes[1] = 1;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      out[i] = v * slopes[Number(v > 0)]!;
    }
  },
  derivative(x, out, params) {
    slopes[0] = numberValue(params, 'negative_slope', 0.2);
    slopes[1] = 1;
    // Every framework tests x > 0, so 0 and NaN take the negative slope.
    for (let i = 0; i < x.length; i++) out[i] = slopes[Number(x[i]! > 0)]!;
  },
};

/** Leaky ReLU: x for x > 0, negative_slope·x otherwise. */
export const leakyRelu = defineElementwise({
  id: 'leaky_relu',
  title: 'Leaky ReLU',
  aliases: ['lrelu'],
  names: {
    torch: ['nn.LeakyReLU', 'torch.nn.LeakyReLU', 'F.leaky_relu', 'torch.nn.functional.leaky_relu'],
    keras: ['leaky_relu', 'keras.activations.leaky_relu', 'keras.ops.leaky_relu', 'keras.layers.LeakyReLU', 'layers.LeakyReLU', 'tf.keras.layers.LeakyReLU'],
    tensorflow: ['tf.nn.leaky_relu'],
    tfjs: ['leakyReLU', 'tf.layers.leakyReLU', 'tf.leakyRelu'],
  },
  namePresets: {
    'keras.layers.LeakyReLU': { negative_slope: 0.3 },
    'layers.LeakyReLU': { negative_slope: 0.3 },
    'tf.keras.layers.LeakyReLU': { negative_slope: 0.3 },
    'tf.layers.leakyReLU': { negative_slope: 0.3 },
    'tf.leakyRelu': { negative_slope: 0.2 },
    'tf.nn.leaky_relu': { negative_slope: 0.2 },
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [
    {
      name: 'negative_slope',
      type: 'number',
      default: 0.2,
      frameworkDefaults: { torch: 0.01, tfjs: 0.3 },
      frameworkNames: { keras: ['alpha'], tfjs: ['alpha'] },
      description: {
        en: 'Slope for x ≤ 0. Defaults: 0.01 in PyTorch, 0.2 for keras.activations.leaky_relu and tf.nn.leaky_relu, 0.3 for the Keras and TF.js LeakyReLU layers (called alpha there).',
        'zh-cn': 'x ≤ 0 时的斜率。默认值：PyTorch 为 0.01，keras.activations.leaky_relu 与 tf.nn.leaky_relu 为 0.2，Keras 和 TF.js 的 LeakyReLU 层为 0.3（在那里名为 alpha）。',
      },
    },
  ],
  description: {
    en: 'Leaky ReLU: x for x > 0, negative_slope·x otherwise. It keeps a small gradient for negative inputs, so units cannot die; the slope is a fixed hyperparameter (PReLU learns it). Default slopes differ between frameworks, so check which one your code gets.',
    'zh-cn': 'Leaky ReLU：x > 0 时为 x，否则为 negative_slope·x。负输入仍保留小梯度，神经元不会“死亡”；斜率是固定超参数（PReLU 则会学习它）。各框架默认斜率不同，请确认代码实际用的是哪一个。',
  },
  formula: {
    latex: '\\mathrm{LeakyReLU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}',
    text: 'LeakyReLU(x) = x (x > 0); α·x (x ≤ 0)',
    derivativeLatex: "\\mathrm{LeakyReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}",
    derivativeText: 'LeakyReLU′(x) = 1 (x > 0); α (x ≤ 0)',
  },
  range: '(−∞, ∞)',
  notes: [
    {
      frameworks: ['keras'],
      text: {
        en: 'keras.activations.leaky_relu defaults to negative_slope = 0.2 (the keras profile default), but the keras.layers.LeakyReLU layer defaults to 0.3 (Keras 2 called it alpha); writing layers.LeakyReLU selects 0.3.',
        'zh-cn': 'keras.activations.leaky_relu 默认 negative_slope = 0.2（keras 配置的默认值），但 keras.layers.LeakyReLU 层默认 0.3（Keras 2 中名为 alpha）；写成 layers.LeakyReLU 时取 0.3。',
      },
    },
    {
      frameworks: ['tfjs'],
      text: {
        en: 'tf.layers.leakyReLU defaults to alpha = 0.3 (the tfjs profile default), while the op tf.leakyRelu defaults to 0.2.',
        'zh-cn': 'tf.layers.leakyReLU 默认 alpha = 0.3（tfjs 配置的默认值），而算子 tf.leakyRelu 默认 0.2。',
      },
    },
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'At x = 0 and at NaN input the gradient is negative_slope in every framework.',
        'zh-cn': '在 x = 0 处以及输入为 NaN 时，各框架的梯度都等于 negative_slope。',
      },
    },
  ],
  kernel,
});
