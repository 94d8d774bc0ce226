/** The hyperbolic tangent. */
import { sechSquared } from '../../kernels/stableMath';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = Math.tanh(x[i]!);
  },
  derivative(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = sechSquared(x[i]!);
  },
};

/** Tanh: a zero-centred S-curve onto (−1, 1). */
export const tanh = defineElementwise({
  id: 'tanh',
  title: 'Tanh',
  aliases: ['hyperbolic_tangent'],
  names: {
    torch: ['nn.Tanh', 'torch.nn.Tanh', 'torch.tanh', 'F.tanh', 'torch.nn.functional.tanh'],
    keras: ['tanh', 'keras.activations.tanh', 'keras.ops.tanh', 'tf.keras.activations.tanh'],
    tensorflow: ['tf.nn.tanh', 'tf.tanh', 'tf.math.tanh'],
    tfjs: ['tanh', 'tf.tanh'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [],
  description: {
    en: 'Hyperbolic tangent: a zero-centred S-curve with range (−1, 1), equal to 2σ(2x) − 1. A common choice for RNN hidden states and for outputs that must lie in (−1, 1); like the sigmoid it saturates for large |x|.',
    'zh-cn': '双曲正切：以零为中心的 S 形曲线，值域 (−1, 1)，等于 2σ(2x) − 1。常用于 RNN 隐状态以及必须落在 (−1, 1) 内的输出；与 sigmoid 一样，|x| 较大时会饱和。',
  },
  formula: {
    latex: '\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
    text: 'tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x))',
    derivativeLatex: "\\tanh'(x) = 1 - \\tanh^2(x)",
    derivativeText: 'tanh′(x) = 1 − tanh²(x)',
  },
  range: '(−1, 1)',
  notes: [
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'The frameworks compute the gradient as 1 − tanh²(x), which is exactly 0 once tanh rounds to ±1 (|x| ≳ 19 in float64, ≳ 9 in float32); Formula Lens computes sech²(x), which stays a tiny positive number.',
        'zh-cn': '各框架按 1 − tanh²(x) 计算梯度，一旦 tanh 舍入为 ±1（float64 下 |x| ≳ 19，float32 下 ≳ 9）梯度就恰好为 0；Formula Lens 计算 sech²(x)，结果是一个极小的正数。',
      },
    },
  ],
  kernel,
});
