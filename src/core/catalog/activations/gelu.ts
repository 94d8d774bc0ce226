/** The Gaussian error linear unit, exact (erf) or with the tanh approximation. */
import { float32Overflow } from '../../kernels/float32';
import { normalCdf, normalPdf, sigmoid, sigmoidOfExp } from '../../kernels/stableMath';
import type { ElementwiseKernel, ResolvedParams } from '../types';
import { defineElementwise } from './elementwise';

/** √(2/π), the slope of the tanh approximation's inner polynomial. */
const SQRT_2_OVER_PI = 0.7978845608028654;
const KAPPA = 0.044715;

/** True for the tanh approximation ('tanh', or Keras's approximate=True). */
function usesTanh(params: ResolvedParams): boolean {
  const approximate = params['approximate'];
  return approximate === 'tanh' || approximate === 'true';
}

const kernel: ElementwiseKernel = {
  forward(x, out, params, framework) {
    if (usesTanh(params)) {
      // 0.5·x·(1 + tanh(u)) = x·σ(2u): no cancellation in the negative tail. torch and Keras halve x
      // first, so nothing overflows (gelu(1.7e308) = 1.7e308); TF.js forms x·(1 + tanh(u)) as a
      // float32 tensor before halving it, so that product can overflow.
      const float32 = framework === 'tfjs';
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        const u = SQRT_2_OVER_PI * v * (1 + KAPPA * v * v);
        out[i] = float32 ? 0.5 * float32Overflow(2 * v * sigmoid(2 * u)) : v * sigmoid(2 * u);
      }
    } else {
      // x·Φ(x) with Φ from erfc, accurate in the negative tail where 1 + erf(x/√2) cancels.
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v * normalCdf(v);
      }
    }
  },
  derivative(x, out, params, framework) {
    if (usesTanh(params)) {
      const float32 = framework === 'tfjs';
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        const u = SQRT_2_OVER_PI * v * (1 + KAPPA * v * v);
        // σ(2u) and σ(−2u) from one exponential.
        const e = Math.exp(-Math.abs(2 * u));
        const half = sigmoidOfExp(2 * u, e);
        // 0.5·x·sech²(u)·u′ with sech²(u) = 4σ(2u)σ(−2u). Like the frameworks, (x·sech²)·u′ is NaN
        // (0·∞) once x² overflows: beyond |x| ≈ 1.3e154 in float64, ≈ 1.8e19 in TF.js's float32.
        const square = float32 ? float32Overflow(v * v) : v * v;
        const inner = SQRT_2_OVER_PI * (1 + 3 * KAPPA * square);
        out[i] = half + 2 * v * half * sigmoidOfExp(-2 * u, e) * inner;
      }
    } else {
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = normalCdf(v) + v * normalPdf(v);
      }
    }
  },
};

/** GELU: x·Φ(x). */
export const gelu = defineElementwise({
  id: 'gelu',
  title: 'GELU',
  aliases: ['gaussian_error_linear_unit'],
  names: {
    torch: ['nn.GELU', 'torch.nn.GELU', 'F.gelu', 'torch.nn.functional.gelu'],
    keras: ['gelu', 'keras.activations.gelu', 'keras.ops.gelu', 'tf.keras.activations.gelu'],
    tensorflow: ['tf.nn.gelu'],
    tfjs: ['gelu', 'gelu_new'],
  },
  namePresets: {
    gelu_new: { approximate: 'tanh' },
    'keras.ops.gelu': { approximate: 'tanh' },
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [
    {
      name: 'approximate',
      type: 'choice',
      choices: ['none', 'tanh', 'false', 'true'],
      default: 'none',
      description: {
        en: '"none" (Keras: False) for the exact erf form, "tanh" (Keras: True) for the tanh approximation. TF.js spells the tanh form as the activation "gelu_new".',
        'zh-cn': '"none"（Keras：False）表示精确的 erf 形式，"tanh"（Keras：True）表示 tanh 近似。TF.js 把 tanh 形式写作激活 "gelu_new"。',
      },
    },
  ],
  description: {
    en: 'Gaussian error linear unit: x·Φ(x), where Φ is the standard normal CDF, so each input is weighted by how likely it is to be positive. The default activation of Transformers (BERT, GPT). approximate = "tanh" uses the faster 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))).',
    'zh-cn': '高斯误差线性单元：x·Φ(x)，其中 Φ 是标准正态分布函数，即按输入为正的可能性加权。它是 Transformer（BERT、GPT）的默认激活。approximate = "tanh" 使用更快的近似 0.5x(1 + tanh(√(2/π)(x + 0.044715x³)))。',
  },
  formula: {
    latex: '\\mathrm{GELU}(x) = x\\,\\Phi(x) = \\frac{x}{2}\\Bigl(1 + \\mathrm{erf}\\bigl(x/\\sqrt{2}\\bigr)\\Bigr)',
    text: 'GELU(x) = x·Φ(x) = (x/2)·(1 + erf(x/√2)) ≈ (x/2)·(1 + tanh(√(2/π)·(x + 0.044715x³)))',
    derivativeLatex: "\\mathrm{GELU}'(x) = \\Phi(x) + x\\,\\varphi(x), \\quad \\varphi(x) = \\frac{e^{-x^2/2}}{\\sqrt{2\\pi}}",
    derivativeText: 'GELU′(x) = Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π)',
  },
  range: '[≈ −0.17, ∞)',
  notes: [
    {
      frameworks: ['keras'],
      text: {
        en: 'keras.activations.gelu defaults to approximate=False (exact erf), but keras.ops.gelu defaults to approximate=True (tanh); writing keras.ops.gelu selects "tanh".',
        'zh-cn': 'keras.activations.gelu 默认 approximate=False（精确 erf），而 keras.ops.gelu 默认 approximate=True（tanh）；写成 keras.ops.gelu 时取 "tanh"。',
      },
    },
    {
      frameworks: ['tfjs'],
      text: {
        en: 'TF.js names the two forms as activation strings: "gelu" is the erf form (its erf is a polynomial approximation with error up to 1.5e-7) and "gelu_new" the tanh form.',
        'zh-cn': 'TF.js 用两个激活字符串区分两种形式："gelu" 是 erf 形式（其 erf 是误差最高 1.5e-7 的多项式近似），"gelu_new" 是 tanh 形式。',
      },
    },
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'At x = −∞ the value is NaN (−∞·0) and at ±∞ the gradient is NaN, in PyTorch and TF.js alike.',
        'zh-cn': '在 PyTorch 和 TF.js 中，x = −∞ 时函数值为 NaN（−∞·0），x = ±∞ 时梯度为 NaN。',
      },
    },
  ],
  kernel,
});
