/** Soft shrinkage (soft thresholding). */
import { torchVectorizedCount } from '../../kernels/torchVectorized';
import { numberValue } from './paramValues';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out, params) {
    const lambd = numberValue(params, 'lambd', 0.5);
    // PyTorch 1.13 and Keras's nested where both return 0 for NaN.
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      out[i] = v > lambd ? v - lambd : v < -lambd ? v + lambd : 0;
    }
  },
  derivative(x, out, params, framework) {
    const lambd = numberValue(params, 'lambd', 0.5);
    if (framework === 'torch') {
      // shrink_backward zeroes the band [−lambd, lambd]: NaN lies outside it (gradient 1) on the
      // scalar path, while the vectorized path keeps only |x| > lambd (gradient 0 at NaN).
      const vectorized = torchVectorizedCount(x.length);
      // Number() of each test is its 0 or 1 without a branch (inputs around a kink mispredict one).
      for (let i = 0; i < vectorized; i++) {
        const v = x[i]!;
        out[i] = Number(v < -lambd) | Number(v > lambd);
      }
      for (let i = vectorized; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v >= -lambd && v <= lambd ? 0 : 1;
      }
    } else {
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = Number(v > lambd) | Number(v < -lambd);
      }
    }
  },
};

/** Softshrink: shrinks every value towards 0 by lambd. */
export const softShrink = defineElementwise({
  id: 'softshrink',
  title: 'Soft Shrink',
  aliases: ['soft_shrink', 'soft_threshold'],
  names: {
    torch: ['nn.Softshrink', 'torch.nn.Softshrink', 'F.softshrink', 'torch.nn.functional.softshrink'],
    keras: ['soft_shrink', 'keras.activations.soft_shrink', 'keras.ops.soft_shrink'],
  },
  frameworks: ['torch', 'keras'],
  params: [
    {
      name: 'lambd',
      type: 'number',
      default: 0.5,
      min: 0,
      frameworkNames: { keras: ['threshold'] },
      description: {
        en: 'Half-width of the zero band; values are moved towards 0 by this amount (Keras calls it threshold).',
        'zh-cn': '零区间的半宽；数值向 0 收缩这么多（Keras 中名为 threshold）。',
      },
    },
  ],
  description: {
    en: 'Soft shrinkage (soft thresholding): x − lambd above lambd, x + lambd below −lambd, 0 in between. It is the proximal operator of the L1 norm, used in sparse coding (ISTA) and wavelet denoising.',
    'zh-cn': '软收缩（软阈值）：大于 lambd 时为 x − lambd，小于 −lambd 时为 x + lambd，其间为 0。它是 L1 范数的近端算子，用于稀疏编码（ISTA）和小波去噪。',
  },
  formula: {
    latex: '\\mathrm{softshrink}(x) = \\begin{cases} x - \\lambda & x > \\lambda \\\\ x + \\lambda & x < -\\lambda \\\\ 0 & \\text{otherwise} \\end{cases}',
    text: 'softshrink(x) = x − λ (x > λ); x + λ (x < −λ); 0 (|x| ≤ λ)',
    derivativeLatex: "\\mathrm{softshrink}'(x) = \\begin{cases} 1 & |x| > \\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases}",
    derivativeText: 'softshrink′(x) = 1 (|x| > λ); 0 (|x| ≤ λ)',
  },
  range: '(−∞, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'PyTorch 1.13 returns 0 at NaN input yet its scalar code passes gradient 1 there (its vectorized code, which handles the leading multiple of 8 elements, gives 0); the gradient is 0 at ±lambd.',
        'zh-cn': 'PyTorch 1.13 对 NaN 输入返回 0，但其标量代码给出梯度 1（处理开头 8 的整数倍个元素的向量化代码给出 0）；在 ±lambd 处梯度为 0。',
      },
    },
    {
      frameworks: ['keras'],
      text: {
        en: 'Keras names the parameter threshold; its where-based gradient is 0 at ±threshold and at NaN.',
        'zh-cn': 'Keras 把参数称为 threshold；它基于 where 的梯度在 ±threshold 和 NaN 处为 0。',
      },
    },
  ],
  kernel,
});
