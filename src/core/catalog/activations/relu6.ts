/** ReLU6: min(max(0, x), 6). */
import { torchVectorizedCount } from '../../kernels/torchVectorized';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out, _params, framework) {
    if (framework === 'torch') {
      // hardtanh(x, 0, 6) clamps with comparisons: keeps −0.0 and NaN.
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v < 0 ? 0 : v > 6 ? 6 : v;
      }
    } else {
      // minimum(6, relu(x)) with Math.max: relu6(−0.0) = +0.
      for (let i = 0; i < x.length; i++) out[i] = Math.min(6, Math.max(0, x[i]!));
    }
  },
  derivative(x, out, _params, framework) {
    if (framework === 'torch') {
      // hardtanh_backward(x, 0, 6): NaN gets 1 on the scalar path and 0 on the vectorized one.
      const vectorized = torchVectorizedCount(x.length);
      // Number() of each test is its 0 or 1 without a branch (inputs around a kink mispredict one).
      for (let i = 0; i < vectorized; i++) {
        const v = x[i]!;
        out[i] = Number(v > 0) * Number(v < 6);
      }
      for (let i = vectorized; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v <= 0 || v >= 6 ? 0 : 1;
      }
    } else {
      // relu's step(x) is NaN at NaN; minimum() gives the tie at 6 to the constant.
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        out[i] = v !== v ? NaN : v > 0 && v < 6 ? 1 : 0;
      }
    }
  },
};

/** ReLU6: ReLU capped at 6. */
export const relu6 = defineElementwise({
  id: 'relu6',
  title: 'ReLU6',
  aliases: [],
  names: {
    torch: ['nn.ReLU6', 'torch.nn.ReLU6', 'F.relu6', 'torch.nn.functional.relu6'],
    keras: ['relu6', 'keras.activations.relu6', 'keras.ops.relu6'],
    tensorflow: ['tf.nn.relu6'],
    tfjs: ['relu6', 'tf.relu6'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [],
  description: {
    en: 'ReLU capped at 6: min(max(0, x), 6). The cap keeps activations in a range that survives low-precision (fixed-point) inference; used in MobileNet v1/v2.',
    'zh-cn': '上限为 6 的 ReLU：min(max(0, x), 6)。上限让激活值保持在低精度（定点）推理能承受的范围内；用于 MobileNet v1/v2。',
  },
  formula: {
    latex: '\\mathrm{ReLU6}(x) = \\min\\bigl(\\max(0, x), 6\\bigr)',
    text: 'ReLU6(x) = min(max(0, x), 6)',
    derivativeLatex: "\\mathrm{ReLU6}'(x) = \\begin{cases} 1 & 0 < x < 6 \\\\ 0 & \\text{otherwise} \\end{cases}",
    derivativeText: 'ReLU6′(x) = 1 (0 < x < 6); 0 (x ∉ (0, 6))',
  },
  range: '[0, 6]',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'PyTorch (hardtanh(x, 0, 6)) gives gradient 0 at 0 and at 6, gradient 1 at NaN input (0 on its vectorized path, the leading multiple of 8 elements), and keeps relu6(−0.0) = −0.0.',
        'zh-cn': 'PyTorch（hardtanh(x, 0, 6)）在 0 和 6 处梯度为 0，输入为 NaN 时梯度为 1（向量化路径即开头 8 的整数倍个元素上为 0），并保留 relu6(−0.0) = −0.0。',
      },
    },
    {
      frameworks: ['tfjs', 'keras'],
      text: {
        en: 'TF.js computes minimum(6, relu(x)): gradient 0 at 0 and at 6, NaN at NaN input, and relu6(−0.0) = +0.',
        'zh-cn': 'TF.js 计算 minimum(6, relu(x))：0 和 6 处梯度为 0，输入为 NaN 时梯度为 NaN，relu6(−0.0) = +0。',
      },
    },
  ],
  kernel,
});
