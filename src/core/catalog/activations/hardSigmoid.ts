/** Hard sigmoid: clip(slope·x + offset, 0, 1), in the PyTorch/Keras 3 and the TF.js/Keras 2 forms. */
import { numberValue } from './paramValues';
import type { ElementwiseKernel, Framework, ResolvedParams } from '../types';
import { defineElementwise } from './elementwise';

/** The linear piece in x-space: y = (x − lower)·slope on [lower, upper]. */
interface Piece {
  readonly slope: number;
  readonly lower: number;
  readonly upper: number;
}

function pieceOf(params: ResolvedParams): Piece {
  const slope = numberValue(params, 'slope', 1 / 6);
  const offset = numberValue(params, 'offset', 0.5);
  return { slope, lower: -offset / slope, upper: (1 - offset) / slope };
}

/** TF.js clipByValue passes the gradient on the closed interval; PyTorch and TF's relu6 only inside it. */
function closedKinks(framework: Framework): boolean {
  return framework === 'tfjs';
}

const kernel: ElementwiseKernel = {
  forward(x, out, params) {
    const { slope, lower } = pieceOf(params);
    // (x − lower)·slope is torch's (x + 3)/6 up to rounding, exact in x near the lower kink.
    for (let i = 0; i < x.length; i++) {
      const y = (x[i]! - lower) * slope;
      out[i] = y < 0 ? 0 : y > 1 ? 1 : y;
    }
  },
  derivative(x, out, params, framework) {
    const { slope, lower, upper } = pieceOf(params);
    if (closedKinks(framework)) {
      // TF.js clips y = offset + slope·x as computed in float32, so an x within rounding of a kink
      // (2.5000002 gives y = 1 exactly) still passes the gradient.
      const offset32 = Math.fround(numberValue(params, 'offset', 0.5));
      const slope32 = Math.fround(slope);
      for (let i = 0; i < x.length; i++) {
        const y = Math.fround(offset32 + Math.fround(slope32 * Math.fround(x[i]!)));
        out[i] = y >= 0 && y <= 1 ? slope : 0;
      }
    } else {
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v > lower && v < upper ? slope : 0;
      }
    }
  },
};

/** Hard sigmoid: a piecewise-linear sigmoid. */
export const hardSigmoid = defineElementwise({
  id: 'hardsigmoid',
  title: 'Hard Sigmoid',
  aliases: ['hard_sigmoid'],
  names: {
    torch: ['nn.Hardsigmoid', 'torch.nn.Hardsigmoid', 'F.hardsigmoid', 'torch.nn.functional.hardsigmoid'],
    keras: ['hard_sigmoid', 'keras.activations.hard_sigmoid', 'keras.ops.hard_sigmoid'],
    tfjs: ['hardSigmoid'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [
    {
      name: 'slope',
      type: 'number',
      default: 1 / 6,
      frameworkDefaults: { tfjs: 0.2 },
      min: 0,
      exclusiveMin: true,
      description: {
        en: 'Slope of the linear piece: 1/6 in PyTorch and Keras 3 (relu6(x + 3)/6), 0.2 in TF.js and Keras 2.',
        'zh-cn': '线性段的斜率：PyTorch 与 Keras 3 为 1/6（relu6(x + 3)/6），TF.js 与 Keras 2 为 0.2。',
      },
    },
    {
      name: 'offset',
      type: 'number',
      default: 0.5,
      description: {
        en: 'Value at x = 0 (0.5 everywhere).',
        'zh-cn': 'x = 0 处的值（各框架均为 0.5）。',
      },
    },
    {
      name: 'formula',
      type: 'string',
      default: null,
      description: {
        en: 'Informational: the formula text a tool recorded, such as "relu6(x + 3) / 6"; the computation follows slope and offset.',
        'zh-cn': '仅供参考：工具记录的公式文本，例如 "relu6(x + 3) / 6"；实际计算按 slope 和 offset 进行。',
      },
    },
  ],
  description: {
    en: 'Hard sigmoid: a cheap piecewise-linear sigmoid, clip(slope·x + offset, 0, 1). PyTorch and Keras 3 use relu6(x + 3)/6 (flat beyond ±3); TF.js and Keras 2 use clip(0.2x + 0.5, 0, 1) (flat beyond ±2.5). Common in mobile networks such as the MobileNetV3 gates.',
    'zh-cn': '硬 sigmoid：廉价的分段线性 sigmoid，clip(slope·x + offset, 0, 1)。PyTorch 与 Keras 3 使用 relu6(x + 3)/6（±3 之外为常数）；TF.js 与 Keras 2 使用 clip(0.2x + 0.5, 0, 1)（±2.5 之外为常数）。常见于移动端网络，例如 MobileNetV3 的门控。',
  },
  formula: {
    latex: '\\mathrm{hardsigmoid}(x) = \\min\\bigl(\\max(0,\\ a x + b),\\ 1\\bigr), \\quad a = \\tfrac{1}{6},\\ b = \\tfrac{1}{2}',
    text: 'hardsigmoid(x) = clip(a·x + b, 0, 1), a = 1/6 (TF.js: 0.2), b = 1/2',
    derivativeLatex: "\\mathrm{hardsigmoid}'(x) = \\begin{cases} a & 0 < a x + b < 1 \\\\ 0 & \\text{otherwise} \\end{cases}",
    derivativeText: 'hardsigmoid′(x) = a (0 < a·x + b < 1); 0 (a·x + b ∉ (0, 1))',
  },
  range: '[0, 1]',
  notes: [
    {
      frameworks: ['tfjs'],
      text: {
        en: 'TF.js keeps the Keras 2 form clip(0.2x + 0.5, 0, 1) and passes the gradient 0.2 at the kinks ±2.5 themselves (clipByValue includes its bounds); gradient 0 at NaN.',
        'zh-cn': 'TF.js 沿用 Keras 2 的形式 clip(0.2x + 0.5, 0, 1)，在拐点 ±2.5 本身仍传递梯度 0.2（clipByValue 包含边界）；NaN 处梯度为 0。',
      },
    },
    {
      frameworks: ['torch', 'keras'],
      text: {
        en: 'PyTorch and Keras 3 use relu6(x + 3)/6 with gradient 0 at the kinks ±3 and at NaN. PyTorch 1.13 multiplies the gradient by the float32 constant 1/6 = 0.1666666716…, a relative difference of 3e-8 from the exact 1/6.',
        'zh-cn': 'PyTorch 与 Keras 3 使用 relu6(x + 3)/6，在拐点 ±3 以及 NaN 处梯度为 0。PyTorch 1.13 的反向传播乘以 float32 常数 1/6 = 0.1666666716…，与精确的 1/6 相对相差 3e-8。',
      },
    },
  ],
  kernel,
});
