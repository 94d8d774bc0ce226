/** Tanh shrink: x − tanh(x). */
import { tanhShrink as tanhShrinkValue } from '../../kernels/stableMath';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = tanhShrinkValue(x[i]!);
  },
  derivative(x, out) {
    // 1 − sech²(x) = tanh²(x).
    for (let i = 0; i < x.length; i++) {
      const t = Math.tanh(x[i]!);
      out[i] = t * t;
    }
  },
};

/** Tanhshrink: x − tanh(x). */
export const tanhShrink = defineElementwise({
  id: 'tanhshrink',
  title: 'Tanh Shrink',
  aliases: ['tanh_shrink'],
  names: {
    torch: ['nn.Tanhshrink', 'torch.nn.Tanhshrink', 'F.tanhshrink', 'torch.nn.functional.tanhshrink'],
    keras: ['tanh_shrink', 'keras.activations.tanh_shrink', 'keras.ops.tanh_shrink'],
  },
  frameworks: ['torch', 'keras'],
  params: [],
  description: {
    en: 'Tanh shrink: x − tanh(x). Near zero it behaves like x³/3 and far away like x ∓ 1. Rarely used as a hidden activation; it appears in sparse-coding and denoising models.',
    'zh-cn': 'Tanh 收缩：x − tanh(x)。在零附近近似 x³/3，远处近似 x ∓ 1。很少用作隐藏层激活，多见于稀疏编码和去噪模型。',
  },
  formula: {
    latex: '\\mathrm{tanhshrink}(x) = x - \\tanh(x)',
    text: 'tanhshrink(x) = x − tanh(x)',
    derivativeLatex: "\\mathrm{tanhshrink}'(x) = \\tanh^2(x)",
    derivativeText: 'tanhshrink′(x) = tanh²(x)',
  },
  range: '(−∞, ∞)',
  notes: [
    {
      frameworks: ['torch', 'keras'],
      text: {
        en: 'PyTorch and Keras compute x − tanh(x) directly, which cancels for small |x| (absolute error about 1e-17); Formula Lens uses the Taylor series there for full relative accuracy.',
        'zh-cn': 'PyTorch 与 Keras 直接计算 x − tanh(x)，在 |x| 很小时会相消（绝对误差约 1e-17）；Formula Lens 在此区间改用泰勒级数，保持完整的相对精度。',
      },
    },
  ],
  kernel,
});
