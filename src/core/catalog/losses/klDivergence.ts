/** Kullback-Leibler divergence: Keras kl_divergence, TF.js kullbackLeiblerDivergence, torch KLDivLoss. */
import { requireSameShape, requireTarget } from '../../kernels/lossInputs';
import { clip, clipGradient, frameworkConstant } from '../../kernels/lossMath';
import { boolParam, rejectForeignParams } from '../../kernels/lossParams';
import { reduceElementwise, scaleInPlace } from '../../kernels/lossReduction';
import { tensor } from '../../tensor';
import { numberParam } from '../params';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult, ParamSpec } from '../types';
import { epsilonParam } from './commonParams';

const ID = 'kl_divergence';

const PARAMS: readonly ParamSpec[] = [
  {
    name: 'input_is_log_prob',
    type: 'boolean',
    default: false,
    frameworkDefaults: { torch: true },
    description: {
      en: 'True when y_pred holds log q (torch KLDivLoss always expects log-probabilities); false when it holds q (Keras).',
      'zh-cn': '为 true 时 y_pred 是 log q（torch KLDivLoss 总是要求对数概率）；为 false 时是 q（Keras）。',
    },
  },
  {
    name: 'log_target',
    type: 'boolean',
    default: false,
    frameworks: ['torch'],
    description: {
      en: 'torch: y_true holds log p instead of p; the pointwise loss becomes e^t·(t − x).',
      'zh-cn': 'torch：y_true 为 log p 而不是 p；逐点损失变为 e^t·(t − x)。',
    },
  },
  epsilonParam,
];

/** torch kl_div: pointwise xlogy(p, p) − p·x (or e^t·(t − x) with log_target), elementwise reductions. */
function torchTerms(t: Float64Array, y: Float64Array, logInput: boolean, logTarget: boolean, terms: Float64Array, derivatives: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    // With probabilities as input, x = log q and the chain rule adds 1/q.
    const x = logInput ? y[i]! : Math.log(y[i]!);
    const chain = logInput ? 1 : 1 / y[i]!;
    const ti = t[i]!;
    if (logTarget) {
      const p = Math.exp(ti);
      terms[i] = p * (ti - x);
      derivatives[i] = -p * chain;
    } else {
      // torch xlogy(p, p): NaN if p is NaN, 0 if p is 0, else p·log p.
      const xlogy = Number.isNaN(ti) ? NaN : ti === 0 ? 0 : ti * Math.log(ti);
      terms[i] = xlogy - ti * x;
      derivatives[i] = -ti * chain;
    }
  }
}

/** Keras clips both to [ε, 1] and multiplies by the clipped y_true; TF.js multiplies by the unclipped one. */
function kerasTerms(framework: Framework, t: Float64Array, y: Float64Array, logInput: boolean, epsilon: number, terms: Float64Array, derivatives: Float64Array): void {
  const tfjs = framework === 'tfjs';
  for (let i = 0; i < y.length; i++) {
    const q = logInput ? Math.exp(y[i]!) : y[i]!;
    const chain = logInput ? q : 1;
    const clippedTrue = clip(t[i]!, epsilon, 1);
    const clippedPred = clip(q, epsilon, 1);
    const weight = tfjs ? t[i]! : clippedTrue;
    terms[i] = weight * Math.log(clippedTrue / clippedPred);
    derivatives[i] = clipGradient(framework, q, epsilon, 1, -weight / clippedPred) * chain;
  }
}

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const framework = options.framework;
  const params = options.params;
  rejectForeignParams(ID, PARAMS, params, framework);
  const yTrue = requireTarget(ID, inputs);
  const yPred = inputs.yPred;
  requireSameShape(ID, yTrue, yPred);
  const logInput = boolParam(params, 'input_is_log_prob', framework === 'torch');
  const terms = new Float64Array(yPred.data.length);
  const derivatives = new Float64Array(yPred.data.length);
  if (framework === 'torch') torchTerms(yTrue.data, yPred.data, logInput, boolParam(params, 'log_target'), terms, derivatives);
  else kerasTerms(framework, yTrue.data, yPred.data, logInput, frameworkConstant(framework, numberParam(params, 'epsilon', 1e-7)), terms, derivatives);
  // Keras sums each sample's terms over the last axis (not a mean).
  const reduced = reduceElementwise(terms, yPred.shape, framework, options.reduction, 'sum');
  return { value: reduced.value, grad: tensor(scaleInPlace(derivatives, reduced.gradScale), yPred.shape) };
}

/** Kullback-Leibler divergence KL(p ‖ q). */
export const klDivergence: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Kullback-Leibler divergence',
  aliases: ['kld', 'KLD', 'kl_div', 'kullback_leibler_divergence', 'KLDivLoss'],
  names: {
    torch: ['nn.KLDivLoss', 'F.kl_div', 'torch.nn.KLDivLoss', 'torch.nn.functional.kl_div'],
    keras: ['kl_divergence', 'KLDivergence', 'kld', 'KLD', 'kullback_leibler_divergence', 'keras.losses.KLDivergence', 'keras.losses.kl_divergence'],
    tensorflow: ['tf.keras.losses.KLDivergence', 'tf.keras.losses.kl_divergence', 'tf.keras.losses.KLD'],
    tfjs: ['kullbackLeiblerDivergence'],
  },
  frameworks: ['torch', 'keras', 'tfjs'],
  params: PARAMS,
  reductions: ['mean', 'sum', 'none', 'batchmean'],
  predictionKind: 'probabilities',
  targetKind: 'probabilities',
  predictionInputs: 1,
  description: {
    en: 'How much information is lost when q (the prediction) approximates p (the target): Σ p·log(p/q). It is 0 when q = p and is not symmetric.',
    'zh-cn': '用 q（预测）近似 p（目标）时损失的信息量：Σ p·log(p/q)。当 q = p 时为 0，且不对称。',
  },
  formula: {
    latex: '\\ell = \\sum_c p_c \\log\\frac{p_c}{q_c}',
    text: 'ℓ = Σ_c p_c·log(p_c / q_c)',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial q_c} = -\\frac{p_c}{q_c},\\qquad \\frac{\\partial \\ell}{\\partial (\\log q_c)} = -p_c',
    derivativeText: '∂ℓ/∂q_c = −p_c/q_c, ∂ℓ/∂(log q_c) = −p_c',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'torch KLDivLoss takes y_pred = log q (log-probabilities), and y_true = p, or log p with log_target=True. Its `mean` divides by the number of elements; only `batchmean` (sum / batch size) is the true KL divergence, and it matches Keras `mean` on a 2-D input.',
        'zh-cn': 'torch KLDivLoss 的 y_pred 是 log q（对数概率），y_true 是 p，log_target=True 时为 log p。其 `mean` 除以元素个数；只有 `batchmean`（总和 / 批大小）才是真正的 KL 散度，在二维输入上与 Keras 的 `mean` 一致。',
      },
    },
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'Keras clips p and q to [1e-7, 1] and multiplies by the clipped p; TF.js multiplies by the unclipped p, so where p = 0 Keras adds about ε·log(ε/q) and TF.js adds 0.',
        'zh-cn': 'Keras 把 p 和 q 截断到 [1e-7, 1]，并乘以截断后的 p；TF.js 乘以未截断的 p，因此在 p = 0 处 Keras 会多出约 ε·log(ε/q)，TF.js 为 0。',
      },
    },
    {
      frameworks: ['torch'],
      text: {
        en: 'With log_target, a target log p = −∞ gives e^−∞·(−∞ − x) = 0·(−∞) = NaN in torch.',
        'zh-cn': '使用 log_target 时，目标 log p = −∞ 在 torch 中得到 e^−∞·(−∞ − x) = 0·(−∞) = NaN。',
      },
    },
    {
      frameworks: ['torch', 'keras', 'tfjs'],
      text: {
        en: 'Reductions: torch `none` keeps every element, `sum` adds them, `mean` divides by the element count, `batchmean` by the batch size. Keras and TF.js sum each sample over the last axis first, then `none` gives one value per sample, `mean` averages and `sum` adds them.',
        'zh-cn': '归约：torch 的 `none` 保留每个元素，`sum` 求和，`mean` 除以元素个数，`batchmean` 除以批大小。Keras 和 TF.js 先在最后一个轴上对每个样本求和，然后 `none` 每个样本给出一个值，`mean` 求平均，`sum` 求和。',
      },
    },
  ],
  evaluate,
};
