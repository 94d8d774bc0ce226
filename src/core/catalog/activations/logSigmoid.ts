/** Log-sigmoid: log σ(x), computed without overflow. */
import { logSigmoid as logSigmoidValue, sigmoid, softplus } from '../../kernels/stableMath';
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out, _params, framework) {
    if (framework === 'torch') {
      // min(x, 0) − log1p(e^(−|x|)): +0 where the correction underflows.
      for (let i = 0; i < x.length; i++) out[i] = logSigmoidValue(x[i]!);
    } else {
      // TF.js and TF negate softplus(−x): the same number, but −0 where it underflows.
      for (let i = 0; i < x.length; i++) out[i] = -softplus(-x[i]!);
    }
  },
  derivative(x, out) {
    // d/dx log σ(x) = σ(−x) = 1 − σ(x), computed without the subtraction.
    for (let i = 0; i < x.length; i++) out[i] = sigmoid(-x[i]!);
  },
};

/** LogSigmoid: log σ(x) = −softplus(−x). */
export const logSigmoid = defineElementwise({
  id: 'logsigmoid',
  title: 'Log-Sigmoid',
  aliases: ['log_sigmoid'],
  names: {
    torch: ['nn.LogSigmoid', 'torch.nn.LogSigmoid', 'F.logsigmoid', 'torch.nn.functional.logsigmoid'],
    keras: ['log_sigmoid', 'keras.activations.log_sigmoid', 'keras.ops.log_sigmoid'],
    tensorflow: ['tf.math.log_sigmoid', 'tf.log_sigmoid'],
    tfjs: ['tf.logSigmoid'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [],
  description: {
    en: 'Log-sigmoid: log σ(x) = −softplus(−x), computed without overflow. Use it for log-probabilities of binary events, e.g. in losses and in the log-likelihood of logistic models; log(sigmoid(x)) written naively gives −∞ for very negative x.',
    'zh-cn': '对数 sigmoid：log σ(x) = −softplus(−x)，计算时不会溢出。用于二元事件的对数概率，例如损失函数和逻辑模型的对数似然；直接写 log(sigmoid(x)) 在 x 很负时会得到 −∞。',
  },
  formula: {
    latex: '\\log\\sigma(x) = -\\ln\\bigl(1 + e^{-x}\\bigr)',
    text: 'logσ(x) = −ln(1 + e^(−x))',
    derivativeLatex: "\\frac{d}{dx}\\log\\sigma(x) = 1 - \\sigma(x) = \\sigma(-x)",
    derivativeText: '(logσ)′(x) = 1 − σ(x) = σ(−x)',
  },
  range: '(−∞, 0)',
  notes: [
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'PyTorch computes min(x, 0) − log1p(e^(−|x|)) and TF.js −softplus(−x); both stay finite for every finite x (logsigmoid(−1000) = −1000, gradient 1) and give NaN only at NaN.',
        'zh-cn': 'PyTorch 计算 min(x, 0) − log1p(e^(−|x|))，TF.js 计算 −softplus(−x)；两者对任意有限 x 都保持有限（logsigmoid(−1000) = −1000，梯度为 1），仅在 NaN 处给出 NaN。',
      },
    },
  ],
  kernel,
});
