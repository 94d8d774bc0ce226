/** The exponential linear unit. */
import { torchVectorizedCount } from '../../kernels/torchVectorized';
import { numberValue } from './paramValues';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out, params, framework) {
    const alpha = numberValue(params, 'alpha', 1);
    if (framework === 'torch') {
      // torch takes the exponential branch for x <= 0 and computes exp(x) − 1, which is never −0:
      // `+ 0` turns expm1's −0 into +0 so elu(−0.0) = +0 as in torch, with expm1's accuracy.
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v <= 0 ? alpha * Math.expm1(v) + 0 : v;
      }
    } else {
      // TF.js and TF take the identity branch for x >= 0, so elu(−0.0) = −0.0.
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v >= 0 ? v : alpha * Math.expm1(v);
      }
    }
  },
  derivative(x, out, params, framework) {
    const alpha = numberValue(params, 'alpha', 1);
    if (framework === 'torch') {
      // elu_backward's scalar code tests x <= 0, so NaN gets gradient 1; its vectorized code (the
      // leading multiple of 8 elements) tests x > 0 and gives NaN there.
      const vectorized = torchVectorizedCount(x.length);
      for (let i = 0; i < vectorized; i++) {
        const v = x[i]!;
        out[i] = v > 0 ? 1 : alpha * Math.exp(v);
      }
      for (let i = vectorized; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v <= 0 ? alpha * Math.exp(v) : 1;
      }
    } else {
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v > 0 ? 1 : alpha * Math.exp(v);
      }
    }
  },
};

/** ELU: x for x > 0, alpha·(eˣ − 1) otherwise. */
export const elu = defineElementwise({
  id: 'elu',
  title: 'ELU',
  aliases: ['exponential_linear_unit'],
  names: {
    torch: ['nn.ELU', 'torch.nn.ELU', 'F.elu', 'torch.nn.functional.elu'],
    keras: ['elu', 'keras.activations.elu', 'keras.ops.elu', 'keras.layers.ELU', 'layers.ELU', 'tf.keras.activations.elu'],
    tensorflow: ['tf.nn.elu'],
    tfjs: ['elu', 'tf.elu', 'tf.layers.elu'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [
    {
      name: 'alpha',
      type: 'number',
      default: 1,
      description: {
        en: 'Saturation level of the negative side: outputs approach −alpha as x → −∞ (TF.js layers accept only 1).',
        'zh-cn': '负半轴的饱和值：x → −∞ 时输出趋近 −alpha（TF.js 层只接受 1）。',
      },
    },
  ],
  description: {
    en: 'Exponential linear unit: x for x > 0, alpha·(eˣ − 1) otherwise. Smooth for negative inputs and saturating at −alpha, which pushes mean activations towards zero and often trains faster than ReLU.',
    'zh-cn': '指数线性单元：x > 0 时为 x，否则为 alpha·(eˣ − 1)。负半轴平滑并饱和于 −alpha，使激活均值更接近零，训练往往比 ReLU 更快。',
  },
  formula: {
    latex: '\\mathrm{ELU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}',
    text: 'ELU(x) = x (x > 0); α·(e^x − 1) (x ≤ 0)',
    derivativeLatex: "\\mathrm{ELU}'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha e^{x} & x \\le 0 \\end{cases}",
    derivativeText: 'ELU′(x) = 1 (x > 0); α·e^x (x ≤ 0)',
  },
  range: '(−α, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'PyTorch takes the exponential branch for x ≤ 0: gradient alpha at 0, elu(−0.0) = +0, and at NaN input gradient 1 from its scalar code but NaN from its vectorized code (which handles the leading multiple of 8 elements of a tensor). It computes eˣ − 1 rather than expm1, losing relative (not absolute) accuracy for tiny negative x.',
        'zh-cn': 'PyTorch 在 x ≤ 0 时走指数分支：0 处梯度为 alpha，elu(−0.0) = +0；输入为 NaN 时，标量代码给出梯度 1，向量化代码（处理张量开头 8 的整数倍个元素）给出 NaN。它计算 eˣ − 1 而非 expm1，对极小的负 x 会损失相对（而非绝对）精度。',
      },
    },
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'TF.js and Keras (TensorFlow) take the identity branch for x ≥ 0, so elu(−0.0) = −0.0, and give NaN gradient at NaN input. TF.js layers only support alpha = 1; the Keras docstring wrongly calls alpha the slope of the positive section.',
        'zh-cn': 'TF.js 与 Keras（TensorFlow）在 x ≥ 0 时走恒等分支，因此 elu(−0.0) = −0.0，输入为 NaN 时梯度为 NaN。TF.js 层只支持 alpha = 1；Keras 文档错误地把 alpha 说成正半轴的斜率。',
      },
    },
  ],
  kernel,
});
