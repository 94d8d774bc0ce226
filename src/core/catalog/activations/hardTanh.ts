/** Hard tanh: clip(x, min_val, max_val). */
import { FormulaLensError } from '../../l10n';
import { torchVectorizedCount } from '../../kernels/torchVectorized';
import { numberValue } from './paramValues';
import type { ElementwiseKernel, ResolvedParams } from '../types';
import { defineElementwise } from './elementwise';
import { activationMessages } from './messages';

/**
 * min_val and max_val, after checking min_val < max_val. Returned as an object rather than a pair:
 * the optimizer reads the elements of a small array literal back as values of unknown type, and a
 * bound of unknown type in `v < min ? min : v` made the select box every element it passed through.
 */
function boundsOf(params: ResolvedParams): { readonly min: number; readonly max: number } {
  const min = numberValue(params, 'min_val', -1);
  const max = numberValue(params, 'max_val', 1);
  if (!(min < max)) throw new FormulaLensError(activationMessages.hardtanhBounds, { function: 'hardtanh', min, max });
  return { min, max };
}

const kernel: ElementwiseKernel = {
  forward(x, out, params) {
    const { min, max } = boundsOf(params);
    // Comparisons keep NaN and the sign of −0.0, like clamp.
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      out[i] = v < min ? min : v > max ? max : v;
    }
  },
  derivative(x, out, params, framework) {
    const { min, max } = boundsOf(params);
    if (framework === 'torch') {
      // hardtanh_backward: 0 at and beyond the bounds, 1 strictly inside. NaN gets 1 on the scalar
      // path and 0 on the vectorized one.
      const vectorized = torchVectorizedCount(x.length);
      // Number() of each test is its 0 or 1 without a branch (inputs around a bound mispredict one).
      for (let i = 0; i < vectorized; i++) {
        const v = x[i]!;
        out[i] = Number(v > min) * Number(v < max);
      }
      for (let i = vectorized; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v <= min || v >= max ? 0 : 1;
      }
    } else {
      // clip passes the gradient on the closed interval, and not at NaN.
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = Number(v >= min) * Number(v <= max);
      }
    }
  },
};

/** Hard tanh: a piecewise-linear tanh with adjustable bounds. */
export const hardTanh = defineElementwise({
  id: 'hardtanh',
  title: 'Hard Tanh',
  aliases: ['hard_tanh'],
  names: {
    torch: ['nn.Hardtanh', 'torch.nn.Hardtanh', 'F.hardtanh', 'torch.nn.functional.hardtanh'],
    keras: ['hard_tanh', 'keras.activations.hard_tanh', 'keras.ops.hard_tanh'],
  },
  frameworks: ['torch', 'keras'],
  params: [
    {
      name: 'min_val',
      type: 'number',
      default: -1,
      frameworks: ['torch'],
      description: {
        en: 'Lower bound of the linear region (PyTorch only; Keras fixes −1).',
        'zh-cn': '线性区间的下界（仅 PyTorch；Keras 固定为 −1）。',
      },
    },
    {
      name: 'max_val',
      type: 'number',
      default: 1,
      frameworks: ['torch'],
      description: {
        en: 'Upper bound of the linear region (PyTorch only; Keras fixes 1). Must exceed min_val.',
        'zh-cn': '线性区间的上界（仅 PyTorch；Keras 固定为 1）。必须大于 min_val。',
      },
    },
  ],
  description: {
    en: 'Hard tanh: clip(x, min_val, max_val), a piecewise-linear tanh. Cheap, with gradient 1 inside the interval and 0 outside. PyTorch lets you move the bounds; Keras hard_tanh fixes them at ±1.',
    'zh-cn': '硬 tanh：clip(x, min_val, max_val)，分段线性版的 tanh。计算便宜，区间内梯度为 1，区间外为 0。PyTorch 可以调整边界，Keras 的 hard_tanh 固定为 ±1。',
  },
  formula: {
    latex: '\\mathrm{hardtanh}(x) = \\min\\bigl(\\max(x, a), b\\bigr)',
    text: 'hardtanh(x) = min(max(x, a), b), a = min_val, b = max_val',
    derivativeLatex: "\\mathrm{hardtanh}'(x) = \\begin{cases} 1 & a < x < b \\\\ 0 & \\text{otherwise} \\end{cases}",
    derivativeText: 'hardtanh′(x) = 1 (a < x < b); 0 (x ∉ (a, b))',
  },
  range: '[min_val, max_val]',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'PyTorch gives gradient 0 exactly at the bounds; at NaN input its scalar code gives 1 and its vectorized code (the leading multiple of 8 elements) gives 0.',
        'zh-cn': 'PyTorch 在边界点上的梯度为 0；输入为 NaN 时标量代码给出梯度 1，向量化代码（开头 8 的整数倍个元素）给出 0。',
      },
    },
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'Keras and TF.js clip with clip_by_value/clipByValue: gradient 1 at the bounds themselves and 0 at NaN.',
        'zh-cn': 'Keras 与 TF.js 用 clip_by_value/clipByValue 裁剪：边界点本身梯度为 1，NaN 处为 0。',
      },
    },
  ],
  kernel,
});
