/** SiLU / swish: x·σ(beta·x). */
import { SIGMOID_DIRECT_LIMIT, sigmoid } from '../../kernels/stableMath';
import { numberValue } from './paramValues';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out, params) {
    const beta = numberValue(params, 'beta', 1);
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      out[i] = v * sigmoid(beta * v);
    }
  },
  derivative(x, out, params) {
    const beta = numberValue(params, 'beta', 1);
    // σ(βx)·(1 + βx·σ(−βx)); at ±∞ this is NaN (∞·0), as in every framework. Both sigmoids come
    // from one E = e^(−βx): σ(βx) = 1/(1 + E) and σ(−βx) = E/(1 + E), each accurate while E is
    // finite; below the limit (and at NaN) from e^(βx) instead, which cannot overflow there.
    for (let i = 0; i < x.length; i++) {
      const bx = beta * x[i]!;
      if (bx > SIGMOID_DIRECT_LIMIT) {
        const e = Math.exp(-bx);
        const sigma = 1 / (1 + e);
        out[i] = sigma * (1 + bx * (e * sigma));
      } else {
        const e = Math.exp(bx);
        const complement = 1 / (1 + e);
        out[i] = e * complement * (1 + bx * complement);
      }
    }
  },
};

/** SiLU (swish): x·σ(beta·x). */
export const silu = defineElementwise({
  id: 'silu',
  title: 'SiLU (Swish)',
  aliases: ['swish'],
  names: {
    torch: ['nn.SiLU', 'torch.nn.SiLU', 'F.silu', 'torch.nn.functional.silu'],
    keras: ['silu', 'swish', 'keras.activations.silu', 'keras.activations.swish', 'keras.ops.silu', 'keras.ops.swish', 'tf.keras.activations.swish'],
    tensorflow: ['tf.nn.silu', 'tf.nn.swish'],
    tfjs: ['swish'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [
    {
      name: 'beta',
      type: 'number',
      default: 1,
      description: {
        en: 'Sharpness of the gate σ(beta·x): 1 is SiLU (all frameworks fix it at 1), larger values approach ReLU, 0 gives x/2.',
        'zh-cn': '门控 σ(beta·x) 的陡峭程度：1 即 SiLU（各框架都固定为 1），越大越接近 ReLU，0 时为 x/2。',
      },
    },
  ],
  description: {
    en: 'Sigmoid-weighted linear unit (swish): x·σ(beta·x). Smooth, non-monotonic and unbounded above; it often beats ReLU in deep CNNs (EfficientNet, MobileNetV3) and is the gate of SwiGLU. With beta = 1 it is SiLU.',
    'zh-cn': 'Sigmoid 加权线性单元（swish）：x·σ(beta·x)。平滑、非单调、上方无界；在深层 CNN（EfficientNet、MobileNetV3）中常优于 ReLU，也是 SwiGLU 的门控。beta = 1 时即 SiLU。',
  },
  formula: {
    latex: '\\mathrm{SiLU}(x) = x\\,\\sigma(\\beta x)',
    text: 'SiLU(x) = x·σ(βx)',
    derivativeLatex: "\\mathrm{SiLU}'(x) = \\sigma(\\beta x)\\,\\bigl(1 + \\beta x\\,(1 - \\sigma(\\beta x))\\bigr)",
    derivativeText: 'SiLU′(x) = σ(βx)·(1 + βx·(1 − σ(βx)))',
  },
  range: '[≈ −0.278/β, ∞)',
  notes: [
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'PyTorch SiLU and Keras silu/swish fix beta = 1; TF.js "swish" also uses 1. At ±∞ the gradient is NaN (∞·0) in every framework, and so is the value at −∞.',
        'zh-cn': 'PyTorch 的 SiLU 与 Keras 的 silu/swish 固定 beta = 1；TF.js 的 "swish" 也用 1。在 ±∞ 处各框架的梯度都是 NaN（∞·0），−∞ 处的函数值也是 NaN。',
      },
    },
  ],
  kernel,
});
