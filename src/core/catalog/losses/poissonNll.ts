/** Poisson negative log-likelihood: torch PoissonNLLLoss / F.poisson_nll_loss. */
import { evaluateElementwiseLoss, type TermKernel } from '../../kernels/lossElementwise';
import { boolParam, semanticsFor } from '../../kernels/lossParams';
import { numberParam } from '../params';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult } from '../types';
import { torchOnlyNote } from './commonNotes';

const ID = 'poisson_nll';
const NATIVE: readonly Framework[] = ['torch'];

interface PoissonNllParams {
  readonly logInput: boolean;
  readonly full: boolean;
  readonly eps: number;
}

const kernel: TermKernel<PoissonNllParams> = (yTrue, yPred, start, end, grad, gradScale, total, params) => {
  const { logInput, full, eps } = params;
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const x = yPred[i]!;
    const t = yTrue[i]!;
    let term: number;
    if (logInput) {
      // exp overflows to +∞ above x ≈ 709.78, as in torch.
      const rate = Math.exp(x);
      term = rate - t * x;
      grad[i] = (rate - t) * gradScale;
    } else {
      term = x - t * Math.log(x + eps);
      grad[i] = (1 - t / (x + eps)) * gradScale;
    }
    // Stirling's approximation of log(t!), added only where t > 1 (masked_fill(target <= 1, 0)).
    if (full && !(t <= 1)) term += t * Math.log(t) - t + 0.5 * Math.log(2 * Math.PI * t);
    sum += term;
  }
  total[0] = sum;
};

function evaluate(inputs: LossInputs, options: LossOptions): LossResult {
  const logInput = boolParam(options.params, 'log_input', true);
  const full = boolParam(options.params, 'full');
  const eps = numberParam(options.params, 'eps', 1e-8);
  return evaluateElementwiseLoss(ID, inputs, options.reduction, semanticsFor(NATIVE, options.framework), kernel, { logInput, full, eps });
}

/** Poisson negative log-likelihood (torch). */
export const poissonNll: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Poisson NLL loss',
  aliases: ['poisson_nll_loss', 'PoissonNLLLoss'],
  names: {
    torch: ['nn.PoissonNLLLoss', 'F.poisson_nll_loss', 'torch.nn.PoissonNLLLoss', 'torch.nn.functional.poisson_nll_loss'],
  },
  frameworks: ['torch'],
  params: [
    {
      name: 'log_input',
      type: 'boolean',
      default: true,
      description: {
        en: 'True (default): y_pred is the log-rate and the loss is e^x − y·x. False: y_pred is the rate and the loss is x − y·log(x + eps).',
        'zh-cn': 'true（默认）：y_pred 为对数速率，损失为 e^x − y·x。false：y_pred 为速率，损失为 x − y·log(x + eps)。',
      },
    },
    {
      name: 'full',
      type: 'boolean',
      default: false,
      description: {
        en: 'Add Stirling\'s approximation of log(y!), y·log y − y + ½·log(2πy), for targets above 1.',
        'zh-cn': '对大于 1 的目标加上 log(y!) 的斯特林近似：y·log y − y + ½·log(2πy)。',
      },
    },
    {
      name: 'eps',
      type: 'number',
      default: 1e-8,
      min: 0,
      description: {
        en: 'Added to the rate before the log when log_input is False, to avoid log(0).',
        'zh-cn': 'log_input 为 false 时，取对数前加到速率上，避免 log(0)。',
      },
    },
  ],
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'values',
  predictionInputs: 1,
  description: {
    en: 'The negative Poisson log-likelihood of counts y. By default y_pred is the log of the rate, which keeps the rate positive and the loss e^x − y·x convex.',
    'zh-cn': '计数 y 的泊松负对数似然。默认 y_pred 是速率的对数，使速率保持为正，损失 e^x − y·x 为凸函数。',
  },
  formula: {
    latex: '\\ell = e^{x} - y\\,x \\ \\text{(log\\_input)},\\qquad \\ell = x - y\\log(x + \\epsilon)',
    text: 'ℓ = eˣ − y·x (log_input); x − y·log(x + eps) (¬log_input)',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial x} = e^{x} - y \\ \\text{(log\\_input)},\\qquad 1 - \\frac{y}{x + \\epsilon}',
    derivativeText: '∂ℓ/∂x = eˣ − y (log_input); 1 − y/(x + eps) (¬log_input)',
  },
  range: '(−∞, ∞)',
  notes: [
    {
      frameworks: ['torch'],
      text: {
        en: 'With log_input=True a large log-rate overflows: e^x is +∞ above x ≈ 709.8 in float64. Keras poisson corresponds to log_input=False with ε = 1e-7 and the Keras per-sample reduction.',
        'zh-cn': 'log_input=True 时，较大的对数速率会溢出：float64 下 x 约大于 709.8 时 eˣ 为 +∞。Keras 的 poisson 对应 log_input=False、ε = 1e-7 以及 Keras 的逐样本归约。',
      },
    },
    torchOnlyNote,
  ],
  evaluate,
};
