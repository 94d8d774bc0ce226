/** Mish: x·tanh(softplus(x)). */
import { sigmoid, softplus } from '../../kernels/stableMath';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out) {
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      out[i] = v * Math.tanh(softplus(v));
    }
  },
  derivative(x, out) {
    // tanh(sp) + x·σ(x)·(1 − tanh²(sp)). The cancellation in 1 − tanh² only costs absolute
    // accuracy next to tanh(sp) ≈ 1, so the sum stays accurate to a few ulp.
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      const t = Math.tanh(softplus(v));
      out[i] = t + v * sigmoid(v) * (1 - t * t);
    }
  },
};

/** Mish: x·tanh(softplus(x)). */
export const mish = defineElementwise({
  id: 'mish',
  title: 'Mish',
  aliases: [],
  names: {
    torch: ['nn.Mish', 'torch.nn.Mish', 'F.mish', 'torch.nn.functional.mish'],
    keras: ['mish', 'keras.activations.mish'],
    tensorflow: ['tfa.activations.mish'],
    tfjs: ['mish'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [],
  description: {
    en: 'Mish: x·tanh(softplus(x)). A smooth, non-monotonic activation close to swish, popular in YOLOv4-style detectors; slightly more expensive than ReLU.',
    'zh-cn': 'Mish：x·tanh(softplus(x))。与 swish 相近的平滑非单调激活，常见于 YOLOv4 一类检测器；计算量略高于 ReLU。',
  },
  formula: {
    latex: '\\mathrm{Mish}(x) = x \\tanh\\bigl(\\ln(1 + e^{x})\\bigr)',
    text: 'Mish(x) = x·tanh(ln(1 + e^x))',
    derivativeLatex: "\\mathrm{Mish}'(x) = \\tanh(s) + x\\,\\sigma(x)\\,\\mathrm{sech}^2(s), \\quad s = \\ln(1 + e^{x})",
    derivativeText: 'Mish′(x) = tanh(s) + x·σ(x)·sech²(s), s = ln(1 + e^x)',
  },
  range: '[≈ −0.309, ∞)',
  notes: [
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'At −∞ the value and gradient are NaN (−∞·0), and at +∞ the gradient is NaN, in PyTorch and TF.js alike.',
        'zh-cn': '在 PyTorch 和 TF.js 中，−∞ 处函数值和梯度都是 NaN（−∞·0），+∞ 处梯度为 NaN。',
      },
    },
  ],
  kernel,
});
