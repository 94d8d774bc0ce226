/** The identity activation. */
import type { ElementwiseKernel } from '../types';
import { defineElementwise } from './elementwise';

const kernel: ElementwiseKernel = {
  forward(x, out) {
    if (out !== x) out.set(x);
  },
  derivative(x, out) {
    out.fill(1, 0, x.length);
  },
};

/** Linear: f(x) = x. */
export const linear = defineElementwise({
  id: 'linear',
  title: 'Linear (Identity)',
  aliases: ['identity'],
  names: {
    torch: ['nn.Identity', 'torch.nn.Identity'],
    keras: ['linear', 'keras.activations.linear'],
    tfjs: ['linear'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [],
  description: {
    en: 'Identity (no activation): f(x) = x. The Keras default when no activation is given; use it for regression outputs and for logits that feed a from_logits loss.',
    'zh-cn': '恒等函数（无激活）：f(x) = x。Keras 未指定激活时的默认值；用于回归输出，以及送入 from_logits 损失的 logits。',
  },
  formula: {
    latex: 'f(x) = x',
    text: 'f(x) = x',
    derivativeLatex: "f'(x) = 1",
    derivativeText: 'f′(x) = 1',
  },
  range: '(−∞, ∞)',
  notes: [
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'Every framework passes the gradient 1 unchanged, including at NaN and ±∞.',
        'zh-cn': '各框架都原样传递梯度 1，包括 NaN 和 ±∞ 处。',
      },
    },
  ],
  kernel,
});
