/** The logistic sigmoid σ(x) = 1 / (1 + e^(−x)). */
import { sigmoid as logistic, sigmoidDerivative } from '../../kernels/stableMath';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = logistic(x[i]!);
  },
  derivative(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = sigmoidDerivative(x[i]!);
  },
};

/** Sigmoid: squashes ℝ into (0, 1). */
export const sigmoid = defineElementwise({
  id: 'sigmoid',
  title: 'Sigmoid',
  aliases: ['logistic', 'expit'],
  names: {
    torch: ['nn.Sigmoid', 'torch.nn.Sigmoid', 'torch.sigmoid', 'F.sigmoid', 'torch.nn.functional.sigmoid', 'torch.special.expit'],
    keras: ['sigmoid', 'keras.activations.sigmoid', 'keras.ops.sigmoid', 'tf.keras.activations.sigmoid'],
    tensorflow: ['tf.nn.sigmoid', 'tf.sigmoid', 'tf.math.sigmoid'],
    tfjs: ['sigmoid', 'tf.sigmoid'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [],
  description: {
    en: 'The logistic function: squashes any real number into (0, 1). Use it for binary-classification outputs and for gates (LSTM, GRU); in deep hidden layers it saturates and its gradient (at most 0.25) vanishes, so ReLU-family activations train better there.',
    'zh-cn': '逻辑斯蒂函数：把任意实数压缩到 (0, 1)。适合二分类输出层和门控（LSTM、GRU）；在深层隐藏层中容易饱和，梯度（最大 0.25）会消失，因此隐藏层更宜选用 ReLU 系列激活。',
  },
  formula: {
    latex: '\\sigma(x) = \\frac{1}{1 + e^{-x}}',
    text: 'σ(x) = 1 / (1 + e^(−x))',
    derivativeLatex: "\\sigma'(x) = \\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)",
    derivativeText: 'σ′(x) = σ(x)·(1 − σ(x))',
  },
  range: '(0, 1)',
  notes: [
    {
      frameworks: ['keras'],
      text: {
        en: 'With the TensorFlow backend, Keras remembers the logits behind a sigmoid output, so binary_crossentropy right after it uses the logits and skips probability clipping; the JAX and torch backends clip.',
        'zh-cn': '在 TensorFlow 后端下，Keras 会记住 sigmoid 输出背后的 logits，紧随其后的 binary_crossentropy 会直接使用 logits 而不做概率裁剪；JAX 与 torch 后端则会裁剪。',
      },
    },
    {
      frameworks: ['tfjs'],
      text: {
        en: 'TF.js computes in float32: σ(x) rounds to exactly 1 above x ≈ 16.6, where its gradient y·(1 − y) becomes 0 instead of a tiny positive number.',
        'zh-cn': 'TF.js 以 float32 计算：x 大于约 16.6 时 σ(x) 舍入为恰好 1，其梯度 y·(1 − y) 变为 0，而不是一个极小的正数。',
      },
    },
  ],
  kernel,
});
