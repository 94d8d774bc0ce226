/** The continuously differentiable exponential linear unit. */
import { torchVectorizedCount } from '../../kernels/torchVectorized';
import { numberValue } from './paramValues';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out, params, framework) {
    const alpha = numberValue(params, 'alpha', 1);
    if (framework === 'torch') {
      // torch runs elu with input scale 1/alpha: same branch and −0 convention as its elu.
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v <= 0 ? alpha * Math.expm1(v / alpha) + 0 : v;
      }
    } else {
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v > 0 ? v : alpha * Math.expm1(v / alpha);
      }
    }
  },
  derivative(x, out, params, framework) {
    const alpha = numberValue(params, 'alpha', 1);
    if (framework === 'torch') {
      // torch 1.13's celu backward scales by a float32 copy of 1/alpha: grad = (alpha/α₃₂)·e^(x/α₃₂)
      // with α₃₂ = float32(alpha), taken on the x ≤ 0 branch (so at 0 it is alpha/α₃₂, not exactly 1).
      const alpha32 = Math.fround(alpha);
      const scale = alpha / alpha32;
      // As in elu: NaN gets 1 on the scalar path and NaN on the vectorized one.
      const vectorized = torchVectorizedCount(x.length);
      for (let i = 0; i < vectorized; i++) {
        const v = x[i]!;
        out[i] = v > 0 ? 1 : scale * Math.exp(v / alpha32);
      }
      for (let i = vectorized; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v <= 0 ? scale * Math.exp(v / alpha32) : 1;
      }
    } else {
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v > 0 ? 1 : Math.exp(v / alpha);
      }
    }
  },
};

/** CELU: max(0, x) + min(0, alpha·(e^(x/alpha) − 1)). */
export const celu = defineElementwise({
  id: 'celu',
  title: 'CELU',
  aliases: ['continuously_differentiable_elu'],
  names: {
    torch: ['nn.CELU', 'torch.nn.CELU', 'torch.celu', 'F.celu', 'torch.nn.functional.celu'],
    keras: ['celu', 'keras.activations.celu', 'keras.ops.celu'],
  },
  frameworks: ['torch', 'keras'],
  params: [
    {
      name: 'alpha',
      type: 'number',
      default: 1,
      min: 0,
      exclusiveMin: true,
      description: {
        en: 'Saturation level and curvature of the negative side: outputs approach −alpha as x → −∞.',
        'zh-cn': '负半轴的饱和值与弯曲程度：x → −∞ 时输出趋近 −alpha。',
      },
    },
  ],
  description: {
    en: 'Continuously differentiable ELU: max(0, x) + min(0, alpha·(e^(x/alpha) − 1)). Unlike ELU with alpha ≠ 1, its derivative is continuous at 0 (it equals 1 there), which helps second-order and smoothness-sensitive methods.',
    'zh-cn': '连续可微的 ELU：max(0, x) + min(0, alpha·(e^(x/alpha) − 1))。与 alpha ≠ 1 的 ELU 不同，它在 0 处导数连续（等于 1），对二阶方法和依赖光滑性的方法更友好。',
  },
  formula: {
    latex: '\\mathrm{CELU}(x) = \\max(0, x) + \\min\\bigl(0, \\alpha\\,(e^{x/\\alpha} - 1)\\bigr)',
    text: 'CELU(x) = max(0, x) + min(0, α·(e^(x/α) − 1))',
    derivativeLatex: "\\mathrm{CELU}'(x) = \\begin{cases} 1 & x > 0 \\\\ e^{x/\\alpha} & x \\le 0 \\end{cases}",
    derivativeText: 'CELU′(x) = 1 (x > 0); e^(x/α) (x ≤ 0)',
  },
  range: '(−α, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'PyTorch evaluates CELU as ELU with input scale 1/alpha: celu(−0.0) = +0, and gradient 1 at NaN input from its scalar code (NaN from its vectorized code, which handles the leading multiple of 8 elements).',
        'zh-cn': 'PyTorch 把 CELU 当作输入缩放为 1/alpha 的 ELU 计算：celu(−0.0) = +0；输入为 NaN 时标量代码给出梯度 1（向量化代码处理开头 8 的整数倍个元素，给出 NaN）。',
      },
    },
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'Keras computes max(x, 0) + alpha·expm1(min(x, 0)/alpha); TF.js has no CELU. Under the keras and tfjs profiles Formula Lens gives NaN gradient at NaN input.',
        'zh-cn': 'Keras 计算 max(x, 0) + alpha·expm1(min(x, 0)/alpha)；TF.js 没有 CELU。在 keras 和 tfjs 配置下，Formula Lens 对 NaN 输入给出 NaN 梯度。',
      },
    },
  ],
  kernel,
});
