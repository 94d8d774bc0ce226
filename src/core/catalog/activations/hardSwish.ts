/** Hard swish: x·relu6(x + 3)/6. */
import { torchVectorizedCount } from '../../kernels/torchVectorized';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out) {
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      out[i] = (v * Math.min(Math.max(v + 3, 0), 6)) / 6;
    }
  },
  derivative(x, out, _params, framework) {
    if (framework === 'torch') {
      // hardswish_backward's scalar code: 0 below −3, x/3 + 1/2 on the closed [−3, 3], 1 above (and
      // at NaN). Its vectorized code takes 1 from x >= 3 on, and x/3 + 1/2 (NaN) at NaN.
      const vectorized = torchVectorizedCount(x.length);
      for (let i = 0; i < vectorized; i++) {
        const v = x[i]!;
        out[i] = v < -3 ? 0 : v >= 3 ? 1 : v / 3 + 0.5;
      }
      for (let i = vectorized; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v < -3 ? 0 : v <= 3 ? v / 3 + 0.5 : 1;
      }
    } else {
      // Keras differentiates x·hard_sigmoid(x): hs(x) + x·hs′(x), hs′ = 1/6 strictly inside (−3, 3).
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        const hs = Math.min(Math.max(v + 3, 0), 6) / 6;
        out[i] = hs + v * (v > -3 && v < 3 ? 1 / 6 : 0);
      }
    }
  },
};

/** Hard swish (Keras hard_silu): x·relu6(x + 3)/6. */
export const hardSwish = defineElementwise({
  id: 'hardswish',
  title: 'Hard Swish',
  aliases: ['hard_swish', 'hard_silu'],
  names: {
    torch: ['nn.Hardswish', 'torch.nn.Hardswish', 'F.hardswish', 'torch.nn.functional.hardswish'],
    keras: ['hard_silu', 'hard_swish', 'keras.activations.hard_silu', 'keras.activations.hard_swish', 'keras.ops.hard_silu', 'keras.ops.hard_swish'],
  },
  frameworks: ['torch', 'keras'],
  params: [
    {
      name: 'formula',
      type: 'string',
      default: null,
      description: {
        en: 'Informational: the formula text a tool recorded, such as "x * relu6(x + 3) / 6"; it does not change the computation.',
        'zh-cn': '仅供参考：工具记录的公式文本，例如 "x * relu6(x + 3) / 6"；不影响计算。',
      },
    },
  ],
  description: {
    en: 'Hard swish: x·relu6(x + 3)/6, the piecewise approximation of swish introduced with MobileNetV3; it is cheap on mobile hardware. Keras 3 calls it hard_silu (alias hard_swish).',
    'zh-cn': '硬 swish：x·relu6(x + 3)/6，是随 MobileNetV3 提出的 swish 分段近似，在移动端硬件上很便宜。Keras 3 中称为 hard_silu（别名 hard_swish）。',
  },
  formula: {
    latex: '\\mathrm{hardswish}(x) = x\\,\\frac{\\min(\\max(x + 3, 0), 6)}{6}',
    text: 'hardswish(x) = x·min(max(x + 3, 0), 6) / 6',
    derivativeLatex: "\\mathrm{hardswish}'(x) = \\begin{cases} 0 & x < -3 \\\\ \\tfrac{x}{3} + \\tfrac{1}{2} & -3 \\le x \\le 3 \\\\ 1 & x > 3 \\end{cases}",
    derivativeText: 'hardswish′(x) = 0 (x < −3); x/3 + 1/2 (−3 ≤ x ≤ 3); 1 (x > 3)',
  },
  range: '[−0.375, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'PyTorch uses x/3 + 1/2 on the closed interval [−3, 3] (gradient −0.5 at −3 and 1.5 at 3) and gives gradient 1 at NaN input in its scalar code; its vectorized code, which handles the leading multiple of 8 elements, gives 1 at 3 and NaN at NaN; the value at −∞ is NaN (−∞·0).',
        'zh-cn': 'PyTorch 在闭区间 [−3, 3] 上用 x/3 + 1/2（−3 处梯度为 −0.5，3 处为 1.5），标量代码在 NaN 输入处梯度为 1；处理开头 8 的整数倍个元素的向量化代码在 3 处给出 1、在 NaN 处给出 NaN；−∞ 处函数值为 NaN（−∞·0）。',
      },
    },
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'Keras computes x·hard_sigmoid(x) and differentiates the product: gradient 0 at −3 and 1 at 3, NaN at NaN and at ±∞. TF.js has no hard swish.',
        'zh-cn': 'Keras 计算 x·hard_sigmoid(x) 并对乘积求导：−3 处梯度为 0，3 处为 1，NaN 与 ±∞ 处为 NaN。TF.js 没有 hard swish。',
      },
    },
  ],
  kernel,
});
