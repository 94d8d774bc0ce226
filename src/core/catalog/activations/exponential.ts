/** The exponential activation eˣ. */
import { float32OverflowInPlace } from '../../kernels/float32';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out, _params, framework) {
    for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]!);
    if (framework === 'tfjs') float32OverflowInPlace(out);
  },
  derivative(x, out, _params, framework) {
    for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]!);
    if (framework === 'tfjs') float32OverflowInPlace(out);
  },
};

/** Exponential: eˣ. */
export const exponential = defineElementwise({
  id: 'exponential',
  title: 'Exponential',
  aliases: [],
  names: {
    torch: ['torch.exp'],
    keras: ['exponential', 'keras.activations.exponential', 'keras.ops.exp'],
    tensorflow: ['tf.exp', 'tf.math.exp'],
    tfjs: ['tf.exp'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [],
  description: {
    en: 'Exponential: eˣ. Keras offers it as an activation for strictly positive outputs such as rates; it overflows quickly, so softplus is often the safer choice.',
    'zh-cn': '指数函数：eˣ。Keras 把它作为激活函数，用于严格为正的输出（如速率）；它很快就会溢出，通常 softplus 更稳妥。',
  },
  formula: {
    latex: 'f(x) = e^{x}',
    text: 'f(x) = e^x',
    derivativeLatex: "f'(x) = e^{x}",
    derivativeText: 'f′(x) = e^x',
  },
  range: '(0, ∞)',
  notes: [
    {
      frameworks: ['tfjs'],
      text: {
        en: 'TF.js computes in float32: eˣ overflows to Infinity above x ≈ 88.72, while float64 (PyTorch double, Keras with float64) holds out to x ≈ 709.78.',
        'zh-cn': 'TF.js 以 float32 计算：x 大于约 88.72 时 eˣ 溢出为 Infinity；float64（PyTorch double、float64 下的 Keras）可以坚持到约 709.78。',
      },
    },
  ],
  kernel,
});
