/** Huber loss: torch HuberLoss, Keras Huber, TF.js tf.losses.huberLoss. */
import { evaluateElementwiseLoss, type TermKernel } from '../../kernels/lossElementwise';
import { numberParam } from '../params';
import type { LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { elementwiseReductionNote } from './commonNotes';

const ID = 'huber';

interface HuberParams {
  readonly delta: number;
  readonly halfDeltaSquared: number;
  readonly torch: boolean;
}

const kernel: TermKernel<HuberParams> = (yTrue, yPred, start, end, grad, gradScale, total, params) => {
  const { delta, halfDeltaSquared, torch } = params;
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const d = yPred[i]! - yTrue[i]!;
    const z = Math.abs(d);
    let term: number;
    let derivative: number;
    // One branch on the region, as the error's sign is as unpredictable as its size.
    if (z < delta) {
      // Inside all three agree: ½z² (= ½d²) and the error itself (the clamp below keeps it).
      term = 0.5 * z * z;
      derivative = d;
    } else {
      // torch: z < δ ? ½z² : δ(z − ½δ); Keras: z ≤ δ ? ½d² : δz − ½δ². Equal at z = δ; NaN stays NaN.
      term = torch ? delta * (z - 0.5 * delta) : z <= delta ? 0.5 * z * z : delta * z - halfDeltaSquared;
      // All three clamp the error to [−δ, δ] (torch's backward kernel, Keras's where, TF.js's minimum).
      // For 0 < |d| < ∞ that is exactly sign(d)·δ = (d/|d|)·δ, computed without a branch on the
      // sign, which is as unpredictable as the region; 0, ∞ and NaN take the clamp itself.
      derivative = z > 0 && z < Infinity ? (d / z) * delta : d <= -delta ? -delta : d >= delta ? delta : d;
    }
    sum += term;
    grad[i] = derivative * gradScale;
  }
  total[0] = sum;
};

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const delta = numberParam(options.params, 'delta', 1);
  const params = { delta, halfDeltaSquared: 0.5 * delta * delta, torch: options.framework === 'torch' };
  return evaluateElementwiseLoss(ID, inputs, options.reduction, options.framework, kernel, params);
}

/** Huber loss: quadratic near zero, linear beyond delta. */
export const huber: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Huber loss',
  aliases: ['huber_loss'],
  names: {
    torch: ['nn.HuberLoss', 'F.huber_loss', 'torch.nn.HuberLoss', 'torch.nn.functional.huber_loss'],
    keras: ['huber', 'Huber', 'keras.losses.Huber', 'keras.losses.huber'],
    tensorflow: ['tf.keras.losses.Huber', 'tf.keras.losses.huber'],
    tfjs: ['tf.losses.huberLoss', 'huberLoss'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: [
    {
      name: 'delta',
      type: 'number',
      default: 1,
      min: 0,
      exclusiveMin: true,
      description: {
        en: 'Where the loss changes from quadratic to linear; beyond it each error pulls with a constant gradient ±δ.',
        'zh-cn': '损失由二次变为线性的位置；超过该值后每个误差的梯度恒为 ±δ。',
      },
    },
  ],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'values',
  predictionInputs: 1,
  description: {
    en: 'Squared error for small errors and absolute error for large ones, joined smoothly at δ. Less sensitive to outliers than MSE while staying smooth at zero.',
    'zh-cn': '误差小时为平方误差，误差大时为绝对误差，二者在 δ 处平滑衔接。比 MSE 对离群值更不敏感，同时在零点保持光滑。',
  },
  formula: {
    latex: '\\ell = \\begin{cases} \\tfrac12 d^2 & |d| \\le \\delta \\\\ \\delta\\,(|d| - \\tfrac12\\delta) & |d| > \\delta \\end{cases},\\quad d = \\hat{y} - y',
    text: 'ℓ = ½d² (|d| ≤ δ); δ·(|d| − ½δ) (|d| > δ), d = ŷ − y',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\operatorname{clip}(d, -\\delta, \\delta)',
    derivativeText: '∂ℓ/∂ŷ = clip(d, −δ, δ)',
  },
  range: '[0, ∞)',
  notes: [
    elementwiseReductionNote,
    {
      frameworks: ['tfjs'],
      text: {
        en: 'TF.js tf.losses.huberLoss reduces over all elements (SUM_BY_NONZERO_WEIGHTS) by default; the TF.js profile applies the Keras per-sample reduction as model.compile would.',
        'zh-cn': 'TF.js 的 tf.losses.huberLoss 默认对全部元素归约（SUM_BY_NONZERO_WEIGHTS）；TF.js 配置按 model.compile 的方式使用 Keras 的逐样本归约。',
      },
    },
  ],
  evaluate,
};
