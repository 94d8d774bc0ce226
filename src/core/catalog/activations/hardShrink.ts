/** Hard shrinkage (hard thresholding). */
import { torchVectorizedCount } from '../../kernels/torchVectorized';
import { numberValue } from './paramValues';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out, params, framework) {
    const lambd = numberValue(params, 'lambd', 0.5);
    if (framework === 'torch') {
      // Zero only inside the closed band, so NaN passes through.
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v >= -lambd && v <= lambd ? 0 : v;
      }
    } else {
      // Keras: where(|x| > threshold, x, 0), so NaN gives 0.
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = Math.abs(v) > lambd ? v : 0;
      }
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
      for (let i = 0; i < x.length; i++) out[i] = Number(Math.abs(x[i]!) > lambd);
    }
  },
};

/** Hardshrink: zeroes values with |x| ≤ lambd. */
export const hardShrink = defineElementwise({
  id: 'hardshrink',
  title: 'Hard Shrink',
  aliases: ['hard_shrink', 'hard_threshold'],
  names: {
    torch: ['nn.Hardshrink', 'torch.nn.Hardshrink', 'F.hardshrink', 'torch.nn.functional.hardshrink'],
    keras: ['hard_shrink', 'keras.activations.hard_shrink', 'keras.ops.hard_shrink'],
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
        en: 'Values with |x| ≤ lambd become 0; larger ones pass unchanged (Keras calls it threshold).',
        'zh-cn': '|x| ≤ lambd 的值变为 0，更大的值原样通过（Keras 中名为 threshold）。',
      },
    },
  ],
  description: {
    en: 'Hard shrinkage (hard thresholding): x when |x| > lambd, 0 otherwise. It zeroes small values without shrinking large ones; used in sparse coding and pruning-style denoising.',
    'zh-cn': '硬收缩（硬阈值）：|x| > lambd 时为 x，否则为 0。把小值清零而不缩小大值；用于稀疏编码和剪枝式去噪。',
  },
  formula: {
    latex: '\\mathrm{hardshrink}(x) = \\begin{cases} x & |x| > \\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases}',
    text: 'hardshrink(x) = x (|x| > λ); 0 (|x| ≤ λ)',
    derivativeLatex: "\\mathrm{hardshrink}'(x) = \\begin{cases} 1 & |x| > \\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases}",
    derivativeText: 'hardshrink′(x) = 1 (|x| > λ); 0 (|x| ≤ λ)',
  },
  range: '(−∞, −λ) ∪ {0} ∪ (λ, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'PyTorch keeps NaN (gradient 1 from its scalar code, 0 from its vectorized code, which handles the leading multiple of 8 elements) and returns 0 with gradient 0 at exactly ±lambd.',
        'zh-cn': 'PyTorch 对 NaN 原样输出（标量代码给出梯度 1，处理开头 8 的整数倍个元素的向量化代码给出 0），在 ±lambd 处输出 0、梯度为 0。',
      },
    },
    {
      frameworks: ['keras'],
      text: {
        en: 'Keras names the parameter threshold and returns 0 (gradient 0) at NaN input.',
        'zh-cn': 'Keras 把参数称为 threshold，对 NaN 输入返回 0（梯度为 0）。',
      },
    },
  ],
  kernel,
});
