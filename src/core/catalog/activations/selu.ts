/** The scaled exponential linear unit. */
import { float32OverflowInPlace } from '../../kernels/float32';
import { torchVectorizedCount } from '../../kernels/torchVectorized';
import { numberValue } from './paramValues';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

/** The constants of Klambauer et al. (2017), hard-coded by every framework. */
const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

const kernel: ElementwiseKernel = {
  forward(x, out, params, framework) {
    const scale = numberValue(params, 'scale', SELU_SCALE);
    const negative = numberValue(params, 'alpha', SELU_ALPHA) * scale;
    if (framework === 'torch') {
      // Same branch and −0 convention as torch's elu (selu is elu with scale).
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v <= 0 ? negative * Math.expm1(v) + 0 : scale * v;
      }
    } else {
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v >= 0 ? scale * v : negative * Math.expm1(v);
      }
      if (framework === 'tfjs') float32OverflowInPlace(out);
    }
  },
  derivative(x, out, params, framework) {
    const scale = numberValue(params, 'scale', SELU_SCALE);
    const negative = numberValue(params, 'alpha', SELU_ALPHA) * scale;
    if (framework === 'torch') {
      // As in elu: NaN gets scale on the scalar path and NaN on the vectorized one.
      const vectorized = torchVectorizedCount(x.length);
      for (let i = 0; i < vectorized; i++) {
        const v = x[i]!;
        out[i] = v > 0 ? scale : negative * Math.exp(v);
      }
      for (let i = vectorized; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v <= 0 ? negative * Math.exp(v) : scale;
      }
    } else {
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v > 0 ? scale : negative * Math.exp(v);
      }
    }
  },
};

/** SELU: scale·ELU(x, alpha) with the self-normalizing constants. */
export const selu = defineElementwise({
  id: 'selu',
  title: 'SELU',
  aliases: ['scaled_elu'],
  names: {
    torch: ['nn.SELU', 'torch.nn.SELU', 'torch.selu', 'F.selu', 'torch.nn.functional.selu'],
    keras: ['selu', 'keras.activations.selu', 'keras.ops.selu', 'tf.keras.activations.selu'],
    tensorflow: ['tf.nn.selu'],
    tfjs: ['selu', 'tf.selu'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [
    {
      name: 'alpha',
      type: 'number',
      default: SELU_ALPHA,
      description: {
        en: 'Fixed by the SELU paper (≈ 1.6733); every framework hard-codes it. Changing it breaks self-normalization.',
        'zh-cn': '由 SELU 论文确定（≈ 1.6733），各框架都写死了这个值。修改它会破坏自归一化。',
      },
    },
    {
      name: 'scale',
      type: 'number',
      default: SELU_SCALE,
      description: {
        en: 'Fixed by the SELU paper (≈ 1.0507); every framework hard-codes it. Changing it breaks self-normalization.',
        'zh-cn': '由 SELU 论文确定（≈ 1.0507），各框架都写死了这个值。修改它会破坏自归一化。',
      },
    },
  ],
  description: {
    en: 'Scaled ELU with fixed constants (alpha ≈ 1.6733, scale ≈ 1.0507) chosen so that activations self-normalize towards mean 0 and variance 1. Use it with LeCun-normal initialization and AlphaDropout in plain feed-forward networks.',
    'zh-cn': '缩放 ELU，使用固定常数（alpha ≈ 1.6733，scale ≈ 1.0507），使激活自归一化到均值 0、方差 1 附近。适合配合 LeCun 正态初始化和 AlphaDropout 用于普通前馈网络。',
  },
  formula: {
    latex: '\\mathrm{SELU}(x) = \\lambda \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}',
    text: 'SELU(x) = λ·x (x > 0); λ·α·(e^x − 1) (x ≤ 0)',
    derivativeLatex: "\\mathrm{SELU}'(x) = \\lambda \\begin{cases} 1 & x > 0 \\\\ \\alpha e^{x} & x \\le 0 \\end{cases}",
    derivativeText: 'SELU′(x) = λ (x > 0); λ·α·e^x (x ≤ 0)',
  },
  range: '(−λα, ∞) ≈ (−1.7581, ∞)',
  notes: [
    {
      frameworks: ['torch', 'tfjs'],
      text: {
        en: 'The gradient at 0 is scale·alpha ≈ 1.7581 in every framework. PyTorch gives selu(−0.0) = +0 and, at NaN input, gradient scale from its scalar code (NaN from its vectorized code, which handles the leading multiple of 8 elements); TF.js gives NaN and −0.0.',
        'zh-cn': '各框架在 0 处的梯度都是 scale·alpha ≈ 1.7581。PyTorch 给出 selu(−0.0) = +0，输入为 NaN 时标量代码的梯度为 scale（处理开头 8 的整数倍个元素的向量化代码给出 NaN）；TF.js 则分别为 NaN 和 −0.0。',
      },
    },
    {
      frameworks: ['tfjs'],
      text: {
        en: 'TF.js computes in float32: scale·x overflows to Infinity for x above about 3.24e38.',
        'zh-cn': 'TF.js 以 float32 计算：x 大于约 3.24e38 时 scale·x 会溢出为 Infinity。',
      },
    },
  ],
  kernel,
});
