/** Squared hinge loss: Keras squared_hinge, TF.js squaredHinge. */
import type { LossEntry, ParamSpec } from '../types';
import { elementwiseReductionNote, kerasOnlyNote } from './commonNotes';
import { evaluateHinge, labelEncodingParam } from './hinge';

const ID = 'squared_hinge';
const PARAMS: readonly ParamSpec[] = [labelEncodingParam];

/** Squared hinge loss for ±1 labels. */
export const squaredHinge: LossEntry = {
  kind: 'loss',
  id: ID,
  title: 'Squared hinge loss',
  aliases: ['squared_hinge_loss'],
  names: {
    keras: ['squared_hinge', 'SquaredHinge', 'keras.losses.SquaredHinge', 'keras.losses.squared_hinge'],
    tensorflow: ['tf.keras.losses.SquaredHinge', 'tf.keras.losses.squared_hinge'],
    tfjs: ['squaredHinge'],
  },
  frameworks: ['keras', 'tfjs'],
  params: PARAMS,
  reductions: ['mean', 'sum', 'none'],
  predictionKind: 'values',
  targetKind: 'signs',
  predictionInputs: 1,
  description: {
    en: 'The hinge loss squared, max(0, 1 − y·ŷ)²: smooth at the margin, and it punishes large violations quadratically.',
    'zh-cn': '平方后的铰链损失 max(0, 1 − y·ŷ)²：在间隔处光滑，并对大的违背给予二次惩罚。',
  },
  formula: {
    latex: '\\ell = \\max(0,\\ 1 - y\\,\\hat{y})^2',
    text: 'ℓ = max(0, 1 − y·ŷ)²',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = -2y\\max(0,\\ 1 - y\\,\\hat{y})',
    derivativeText: '∂ℓ/∂ŷ = −2y·max(0, 1 − y·ŷ)',
  },
  range: '[0, ∞)',
  notes: [
    {
      frameworks: ['keras', 'tfjs'],
      text: {
        en: 'Keras 3 converts labels to ±1 when all of them are 0 or 1; TF.js uses them as given.',
        'zh-cn': '当所有标签都是 0 或 1 时，Keras 3 会把它们转换为 ±1；TF.js 按原值使用。',
      },
    },
    elementwiseReductionNote,
    kerasOnlyNote,
  ],
  evaluate: (inputs, options) => evaluateHinge(ID, PARAMS, inputs, options, 2),
};
