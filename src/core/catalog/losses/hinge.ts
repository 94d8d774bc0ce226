/** Hinge loss: Keras hinge, TF.js hinge. Also the label handling squaredHinge.ts shares. */
import { runTermKernel, type TermKernel } from '../../kernels/lossElementwise';
import { requireSameShape, requireTarget } from '../../kernels/lossInputs';
import { rejectForeignParams, semanticsFor, textParam } from '../../kernels/lossParams';
import type { Framework, LossEntry, LossInputs, LossOptions, LossResult, ParamSpec } from '../types';
import { elementwiseReductionNote, kerasOnlyNote } from './commonNotes';

const ID = 'hinge';
const NATIVE: readonly Framework[] = ['keras', 'tfjs'];

/** The label_encoding parameter of hinge and squared_hinge. */
export const labelEncodingParam: ParamSpec = {
  name: 'label_encoding',
  type: 'choice',
  choices: ['auto', '-1/1', '0/1'],
  default: 'auto',
  frameworkDefaults: { tfjs: '-1/1' },
  frameworks: ['keras', 'tfjs'],
  description: {
    en: 'How y_true is read. auto (Keras 3): if every label is 0 or 1 they become 2y − 1, otherwise they are used as given. -1/1 (TF.js): labels used as given. 0/1: always 2y − 1.',
    'zh-cn': 'y_true 的解读方式。auto（Keras 3）：若所有标签都是 0 或 1，则变为 2y − 1，否则按原值使用。-1/1（TF.js）：按原值使用。0/1：总是变为 2y − 1。',
  },
};

const PARAMS: readonly ParamSpec[] = [labelEncodingParam];

/** Whether y_true's labels become 2y − 1: Keras converts an all-{0,1} y_true to ±1, TF.js never does. */
function convertsLabels(yTrue: Float64Array, encoding: string): boolean {
  if (encoding !== 'auto') return encoding === '0/1';
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] !== 0 && yTrue[i] !== 1) return false;
  return true;
}

interface HingeParams {
  /** y_true holds 0/1 labels to read as 2y − 1. */
  readonly convert: boolean;
  readonly power: 1 | 2;
  readonly tfjs: boolean;
}

const kernel: TermKernel<HingeParams> = (labels, yPred, start, end, grad, gradScale, total, params) => {
  const { convert, power, tfjs } = params;
  let sum = total[0]!;
  for (let i = start; i < end; i++) {
    const y = convert ? 2 * labels[i]! - 1 : labels[i]!;
    const v = 1 - y * yPred[i]!;
    let term: number;
    let gate: number;
    // One branch on the margin, the only unpredictable one.
    if (v > 0) {
      // max(v, 0) = v, and both profiles pass the upstream gradient.
      term = power === 1 ? v : v * v;
      gate = power === 1 ? 1 : 2 * v;
    } else {
      const active = Math.max(v, 0);
      term = power === 1 ? active : active * active;
      const upstream = power === 1 ? 1 : 2 * active;
      // At the kink v = 0 Keras (TF maximum: x ≥ y) passes the gradient, TF.js (maximum(0, v): 0 < v) does not.
      // TF selects (a NaN v gives 0); TF.js multiplies by a 0/1 mask (a NaN upstream stays NaN).
      gate = tfjs ? upstream * (v > 0 ? 1 : 0) : v >= 0 ? upstream : 0;
    }
    sum += term;
    grad[i] = -y * gate * gradScale;
  }
  total[0] = sum;
};

/** Evaluates hinge (power 1) or squared hinge (power 2) under Keras or TF.js semantics. */
export function evaluateHinge(id: string, params: readonly ParamSpec[], inputs: LossInputs, options: LossOptions, power: 1 | 2): LossResult {
  const semantics = semanticsFor(NATIVE, options.framework);
  rejectForeignParams(id, params, options.params, semantics);
  const encoding = textParam(options.params, 'label_encoding', semantics === 'tfjs' ? '-1/1' : 'auto');
  const yTrue = requireTarget(id, inputs);
  requireSameShape(id, yTrue, inputs.yPred);
  const kernelParams = { convert: convertsLabels(yTrue.data, encoding), power, tfjs: semantics === 'tfjs' };
  return runTermKernel(yTrue.data, inputs.yPred, options.reduction, semantics, kernel, kernelParams);
}

/** Hinge loss for ±1 labels. */
export const hinge: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Hinge loss',
  aliases: ['hinge_loss'],
  names: {
    keras: ['hinge', 'Hinge', 'keras.losses.Hinge', 'keras.losses.hinge'],
    tensorflow: ['tf.keras.losses.Hinge', 'tf.keras.losses.hinge'],
    tfjs: ['hinge'],
  },
  frameworks: ['keras', 'tfjs'],
  params: PARAMS,
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'signs',
  predictionInputs: 1,
  description: {
    en: 'The SVM margin loss max(0, 1 − y·ŷ) for labels y = ±1: zero once a prediction is on the right side with margin 1, linear otherwise.',
    'zh-cn': 'SVM 间隔损失 max(0, 1 − y·ŷ)，标签 y = ±1：预测在正确一侧且间隔至少为 1 时为零，否则线性增长。',
  },
  formula: {
    latex: '\\ell = \\max(0,\\ 1 - y\\,\\hat{y})',
    text: 'ℓ = max(0, 1 − y·ŷ)',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\begin{cases} -y & y\\,\\hat{y} < 1 \\\\ 0 & y\\,\\hat{y} \\ge 1 \\end{cases}',
    derivativeText: '∂ℓ/∂ŷ = −y (y·ŷ < 1); 0 (y·ŷ ≥ 1)',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'Keras 3 converts labels to ±1 when all of them are 0 or 1; TF.js does not, so 0/1 labels give a different loss there. At y·ŷ = 1 Keras passes gradient −y, TF.js 0. (tf.losses.hingeLoss in TF.js always converts 0/1 labels and reduces over all elements.)',
        'zh-cn': '当所有标签都是 0 或 1 时，Keras 3 会把它们转换为 ±1；TF.js 不会，因此在 TF.js 中 0/1 标签得到不同的损失。在 y·ŷ = 1 处 Keras 传递梯度 −y，TF.js 为 0。（TF.js 的 tf.losses.hingeLoss 总是转换 0/1 标签并对全部元素归约。）',
      },
    },
    elementwiseReductionNote,
    kerasOnlyNote,
  ],
  evaluate: (inputs, options) => evaluateHinge(ID, PARAMS, inputs, options, 1),
};
