/** Softplus: (1/beta)·log(1 + e^(beta·x)), with PyTorch's linear threshold. */
import { sigmoid, softplus as log1pExp } from '../../kernels/stableMath';
import { numberValue } from './paramValues';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out, params, framework) {
    const beta = numberValue(params, 'beta', 1);
    // Only torch has the threshold: it returns x itself once beta·x > threshold (strictly).
    const threshold = framework === 'torch' ? numberValue(params, 'threshold', 20) : Infinity;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      const bx = beta * v;
      out[i] = bx > threshold ? v : log1pExp(bx) / beta;
    }
  },
  derivative(x, out, params, framework) {
    const beta = numberValue(params, 'beta', 1);
    const threshold = framework === 'torch' ? numberValue(params, 'threshold', 20) : Infinity;
    for (let i = 0; i < x.length; i++) {
      const bx = beta * x[i]!;
      out[i] = bx > threshold ? 1 : sigmoid(bx);
    }
  },
};

/** Softplus: a smooth ReLU. */
export const softplus = defineElementwise({
  id: 'softplus',
  title: 'Softplus',
  aliases: ['smooth_relu'],
  names: {
    torch: ['nn.Softplus', 'torch.nn.Softplus', 'F.softplus', 'torch.nn.functional.softplus'],
    keras: ['softplus', 'keras.activations.softplus', 'keras.ops.softplus', 'tf.keras.activations.softplus'],
    tensorflow: ['tf.nn.softplus', 'tf.math.softplus'],
    tfjs: ['softplus', 'tf.softplus'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [
    {
      name: 'beta',
      type: 'number',
      default: 1,
      min: 0,
      exclusiveMin: true,
      description: {
        en: 'Sharpness: (1/beta)·log(1 + e^(beta·x)); larger values approach ReLU. Only PyTorch exposes it (Keras and TF.js use 1).',
        'zh-cn': '陡峭程度：(1/beta)·log(1 + e^(beta·x))；越大越接近 ReLU。只有 PyTorch 提供该参数（Keras 与 TF.js 固定为 1）。',
      },
    },
    {
      name: 'threshold',
      type: 'number',
      default: 20,
      frameworks: ['torch'],
      description: {
        en: 'PyTorch only: above beta·x > threshold the function returns x exactly (gradient 1) to avoid overflow.',
        'zh-cn': '仅 PyTorch：beta·x > threshold 时直接返回 x（梯度为 1），以避免溢出。',
      },
    },
  ],
  description: {
    en: 'Softplus: (1/beta)·log(1 + e^(beta·x)), a smooth approximation of ReLU whose derivative is the sigmoid. Use it where an output must be positive (variances, rates, scales) or a smooth ReLU is wanted.',
    'zh-cn': 'Softplus：(1/beta)·log(1 + e^(beta·x))，是 ReLU 的平滑近似，导数为 sigmoid。用于必须为正的输出（方差、速率、尺度），或需要平滑 ReLU 的场合。',
  },
  formula: {
    latex: '\\mathrm{softplus}(x) = \\frac{1}{\\beta}\\ln\\bigl(1 + e^{\\beta x}\\bigr)',
    text: 'softplus(x) = (1/β)·ln(1 + e^(βx))',
    derivativeLatex: "\\mathrm{softplus}'(x) = \\sigma(\\beta x)",
    derivativeText: 'softplus′(x) = σ(βx)',
  },
  range: '(0, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'PyTorch returns exactly x (gradient 1) when beta·x > threshold (default 20), so just above the threshold it differs from the exact softplus by about e^(−20) ≈ 2e-9.',
        'zh-cn': '当 beta·x > threshold（默认 20）时 PyTorch 直接返回 x（梯度为 1），因此刚过阈值处与精确的 softplus 相差约 e^(−20) ≈ 2e-9。',
      },
    },
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'Keras and TF.js have no beta or threshold; they compute a stable softplus (TF.js switches to x or eˣ where float32 cannot tell the difference).',
        'zh-cn': 'Keras 与 TF.js 没有 beta 和 threshold，它们计算数值稳定的 softplus（TF.js 在 float32 无法区分差别处改用 x 或 eˣ）。',
      },
    },
  ],
  kernel,
});
