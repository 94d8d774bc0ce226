/** Softsign: x / (1 + |x|). */
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out) {
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      out[i] = v / (1 + Math.abs(v));
    }
  },
  derivative(x, out) {
    // 1/(1 + |x|)²; the frameworks differentiate the quotient, which is NaN (∞/∞) at ±∞. Adding
    // x − x (0 for finite x, NaN at ±∞ and NaN) applies that rule without a branch in the loop.
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      const d = 1 + Math.abs(v);
      out[i] = 1 / (d * d) + (v - v);
    }
  },
};

/** Softsign: a polynomially saturating tanh look-alike. */
export const softsign = defineElementwise({
  id: 'softsign',
  title: 'Softsign',
  aliases: [],
  names: {
    torch: ['nn.Softsign', 'torch.nn.Softsign', 'F.softsign', 'torch.nn.functional.softsign'],
    keras: ['softsign', 'keras.activations.softsign', 'keras.ops.softsign', 'tf.keras.activations.softsign'],
    tensorflow: ['tf.nn.softsign', 'tf.math.softsign'],
    tfjs: ['softsign'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [],
  description: {
    en: 'Softsign: x / (1 + |x|). A tanh-like squashing function onto (−1, 1) that approaches its asymptotes polynomially rather than exponentially, so it saturates more gently than tanh.',
    'zh-cn': 'Softsign：x / (1 + |x|)。类似 tanh 的压缩函数，值域 (−1, 1)，以多项式而非指数速度趋近渐近线，因此比 tanh 饱和得更平缓。',
  },
  formula: {
    latex: '\\mathrm{softsign}(x) = \\frac{x}{1 + |x|}',
    text: 'softsign(x) = x / (1 + |x|)',
    derivativeLatex: "\\mathrm{softsign}'(x) = \\frac{1}{(1 + |x|)^2}",
    derivativeText: 'softsign′(x) = 1 / (1 + |x|)²',
  },
  range: '(−1, 1)',
  notes: [
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'At ±∞ the value is NaN (∞/∞) and so is the gradient, in PyTorch and TF.js alike.',
        'zh-cn': '在 PyTorch 和 TF.js 中，±∞ 处函数值为 NaN（∞/∞），梯度也是 NaN。',
      },
    },
  ],
  kernel,
});
