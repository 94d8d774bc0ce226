/** The rectified linear unit, with the optional Keras parameters negative_slope, max_value and threshold. */
import { numberValue } from './paramValues';
import type { ElementwiseKernel, Framework, ResolvedParams } from '../types';
import { defineElementwise } from './elementwise';

/** The Keras relu parameters, read once per kernel call. */
interface ReluSettings {
  readonly negativeSlope: number;
  readonly maxValue: number | null;
  readonly threshold: number;
  /** Parameters at their defaults: the plain ReLU of each framework. */
  readonly plain: boolean;
  /** Keras uses the leaky_relu op when only negative_slope is set. */
  readonly leakyOnly: boolean;
  /** Keras uses the relu6 op (gradient 0 at 6) for max_value = 6 without threshold; TF.js always clips. */
  readonly relu6: boolean;
  readonly clip: boolean;
}

function settingsOf(params: ResolvedParams, framework: Framework): ReluSettings {
  const negativeSlope = numberValue(params, 'negative_slope', 0);
  const max = params['max_value'];
  const maxValue = typeof max === 'number' ? max : null;
  const threshold = numberValue(params, 'threshold', 0);
  const relu6 = framework !== 'tfjs' && maxValue === 6 && threshold === 0;
  return {
    negativeSlope,
    maxValue,
    threshold,
    plain: negativeSlope === 0 && maxValue === null && threshold === 0,
    leakyOnly: negativeSlope !== 0 && maxValue === null && threshold === 0,
    relu6,
    clip: maxValue !== null && !relu6,
  };
}

/** Keras `ReLU.static_call`: threshold/relu/relu6, then clip, then subtract the negative part. */
function kerasRelu(x: number, s: ReluSettings): number {
  if (s.leakyOnly) return x > 0 ? x : x * s.negativeSlope;
  // x * cast(x > threshold): like Keras, −∞ below the threshold gives NaN (−∞·0).
  let y = s.threshold !== 0 ? x * (x > s.threshold ? 1 : 0) : s.relu6 ? Math.min(Math.max(x, 0), 6) : Math.max(x, 0);
  if (s.clip) y = Math.min(Math.max(y, 0), s.maxValue!);
  if (s.negativeSlope !== 0) y -= s.negativeSlope * Math.max(s.threshold - x, 0);
  return y;
}

/** Autodiff of `kerasRelu`: comparisons pass no gradient, clip passes it on its closed interval. */
function kerasReluDerivative(x: number, s: ReluSettings): number {
  if (s.leakyOnly) return x > 0 ? 1 : s.negativeSlope;
  if (x !== x) return NaN;
  let d: number;
  let beforeClip: number;
  if (s.threshold !== 0) {
    d = x > s.threshold ? 1 : 0;
    beforeClip = x * d;
  } else if (s.relu6) {
    d = x > 0 && x < 6 ? 1 : 0;
    beforeClip = 0;
  } else {
    d = x > 0 ? 1 : 0;
    beforeClip = Math.max(x, 0);
  }
  if (s.clip && beforeClip > s.maxValue!) d = 0;
  if (s.negativeSlope !== 0 && s.threshold - x > 0) d += s.negativeSlope;
  return d;
}

const kernel: ElementwiseKernel = {
  forward(x, out, params, framework) {
    const s = settingsOf(params, framework);
    if (!s.plain) {
      for (let i = 0; i < x.length; i++) out[i] = kerasRelu(x[i]!, s);
    } else if (framework === 'torch') {
      // clamp_min keeps −0.0 and NaN.
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v < 0 ? 0 : v;
      }
    } else {
      // TF.js: Math.max(0, x), so relu(−0.0) = +0.
      for (let i = 0; i < x.length; i++) out[i] = Math.max(0, x[i]!);
    }
  },
  derivative(x, out, params, framework) {
    const s = settingsOf(params, framework);
    if (!s.plain) {
      for (let i = 0; i < x.length; i++) out[i] = kerasReluDerivative(x[i]!, s);
    } else if (framework === 'torch') {
      // threshold_backward tests the output with `<= 0`: NaN passes the gradient (1). Number() of the
      // test is that 0 or 1 without a branch, which inputs of mixed sign mispredict half the time.
      for (let i = 0; i < x.length; i++) out[i] = Number(!(x[i]! <= 0));
    } else {
      // TF.js multiplies by step(x), which is NaN at NaN.
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v > 0 ? 1 : v === v ? 0 : NaN;
      }
    }
  },
};

/** ReLU: max(0, x). */
export const relu = defineElementwise({
  id: 'relu',
  title: 'ReLU',
  aliases: ['rectified_linear_unit'],
  names: {
    torch: ['nn.ReLU', 'torch.nn.ReLU', 'torch.relu', 'F.relu', 'torch.nn.functional.relu'],
    keras: ['relu', 'keras.activations.relu', 'keras.layers.ReLU', 'layers.ReLU', 'keras.ops.relu', 'tf.keras.activations.relu', 'tf.keras.layers.ReLU'],
    tensorflow: ['tf.nn.relu'],
    tfjs: ['relu', 'tf.relu', 'tf.layers.reLU'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [
    {
      name: 'negative_slope',
      type: 'number',
      default: 0,
      frameworks: ['keras'],
      frameworkNames: { keras: ['alpha'] },
      description: {
        en: 'Keras only: slope below the threshold (0 gives the plain ReLU; Keras 2 called it alpha).',
        'zh-cn': '仅 Keras：阈值以下部分的斜率（0 即普通 ReLU；Keras 2 中名为 alpha）。',
      },
    },
    {
      name: 'max_value',
      type: 'number',
      default: null,
      min: 0,
      frameworks: ['keras', 'tfjs'],
      frameworkNames: { tfjs: ['maxValue'] },
      description: {
        en: 'Upper saturation value; unset means no upper bound (TF.js layer option maxValue).',
        'zh-cn': '上方饱和值；不设置表示没有上限（TF.js 层的选项为 maxValue）。',
      },
    },
    {
      name: 'threshold',
      type: 'number',
      default: 0,
      frameworks: ['keras'],
      description: {
        en: 'Keras only: inputs at or below this value are treated as "negative" (output 0, or the negative slope).',
        'zh-cn': '仅 Keras：小于或等于该值的输入视为“负”（输出 0，或按负斜率计算）。',
      },
    },
  ],
  description: {
    en: 'Rectified linear unit: max(0, x). The default hidden-layer activation: cheap, non-saturating for x > 0 and sparse. Units whose input stays negative get zero gradient ("dying ReLU"); Leaky ReLU or ELU avoid that. Keras also accepts negative_slope, max_value and threshold.',
    'zh-cn': '修正线性单元：max(0, x)。隐藏层的默认激活：计算便宜、x > 0 时不饱和、输出稀疏。输入长期为负的单元梯度为零（“神经元死亡”），可改用 Leaky ReLU 或 ELU。Keras 版本还支持 negative_slope、max_value 和 threshold 参数。',
  },
  formula: {
    latex: '\\mathrm{ReLU}(x) = \\max(0, x)',
    text: 'ReLU(x) = max(0, x)',
    derivativeLatex: "\\mathrm{ReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}",
    derivativeText: 'ReLU′(x) = 1 (x > 0); 0 (x ≤ 0)',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['torch', 'tfjs'],
      text: {
        en: 'Gradient at x = 0 is 0 everywhere. At NaN input PyTorch gives gradient 1 (its backward tests the output with ≤ 0) while TF.js gives NaN. PyTorch keeps the sign of relu(−0.0) = −0.0; TF.js returns +0.',
        'zh-cn': '各框架在 x = 0 处的梯度都为 0。输入为 NaN 时，PyTorch 的梯度为 1（其反向传播用 ≤ 0 检查输出），TF.js 为 NaN。PyTorch 保留 relu(−0.0) = −0.0 的符号，TF.js 返回 +0。',
      },
    },
    {
      frameworks: ['keras'],
      text: {
        en: 'keras.activations.relu(x, negative_slope, max_value, threshold) gives x between threshold and max_value, max_value above it and negative_slope·(x − threshold) below the threshold. max_value = 6 uses the relu6 op (gradient 0 at 6); other max values clip (gradient 1 at the bound).',
        'zh-cn': 'keras.activations.relu(x, negative_slope, max_value, threshold) 在 threshold 与 max_value 之间输出 x，超过 max_value 输出 max_value，低于阈值输出 negative_slope·(x − threshold)。max_value = 6 时使用 relu6 算子（6 处梯度为 0）；其他上限用裁剪实现（边界处梯度为 1）。',
      },
    },
    {
      frameworks: ['tfjs'],
      text: {
        en: 'tf.layers.reLU({maxValue}) clips at maxValue with clipByValue, whose gradient is 1 at the bound itself; TF.js has no negative_slope or threshold for ReLU.',
        'zh-cn': 'tf.layers.reLU({maxValue}) 用 clipByValue 在 maxValue 处裁剪，边界点本身的梯度为 1；TF.js 的 ReLU 没有 negative_slope 和 threshold。',
      },
    },
  ],
  kernel,
});
