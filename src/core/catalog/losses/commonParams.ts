/** Parameter specs several losses share: from_logits, the Keras epsilon, label smoothing, class weights, margins. */
import type { Framework, ParamSpec, ParamValue } from '../types';

/** `from_logits`: whether y_pred holds logits; `defaults` gives the per-framework default. */
export function fromLogitsParam(fallback: boolean, defaults?: Partial<Record<Framework, ParamValue>>): ParamSpec {
  return {
    name: 'from_logits',
    type: 'boolean',
    default: fallback,
    ...(defaults ? { frameworkDefaults: defaults } : {}),
    frameworkNames: { tfjs: ['fromLogits'] },
    description: {
      en: 'True when y_pred holds logits (raw scores) rather than probabilities; the loss then applies the sigmoid/softmax itself, exactly and without clipping.',
      'zh-cn': '为 true 时 y_pred 是 logits（原始分数）而非概率；损失函数会自行精确地施加 sigmoid/softmax，不做截断。',
    },
  };
}

/** The Keras backend epsilon (`keras.backend.epsilon()`), used for clipping probabilities. */
export const epsilonParam: ParamSpec = {
  name: 'epsilon',
  type: 'number',
  default: 1e-7,
  min: 0,
  frameworks: ['keras', 'tfjs'],
  aliases: ['backend_epsilon'],
  description: {
    en: 'Keras backend epsilon (keras.backend.epsilon(), 1e-7). Probabilities are clipped to [ε, 1 − ε] before the log, which caps each term at −ln ε ≈ 16.12.',
    'zh-cn': 'Keras 后端 epsilon（keras.backend.epsilon()，1e-7）。取对数前概率被截断到 [ε, 1 − ε]，因此每项最多为 −ln ε ≈ 16.12。',
  },
};

/** Label smoothing, with the formula of the family it belongs to in the description. */
export function labelSmoothingParam(frameworks: readonly Framework[] | undefined, description: ParamSpec['description']): ParamSpec {
  return {
    name: 'label_smoothing',
    type: 'number',
    default: 0,
    min: 0,
    max: 1,
    ...(frameworks ? { frameworks } : {}),
    frameworkNames: { tfjs: ['labelSmoothing'] },
    description,
  };
}

/** torch's per-class rescaling weight (CrossEntropyLoss, NLLLoss, MultiMarginLoss). */
export const classWeightSpec: ParamSpec = {
  name: 'weight',
  type: 'numberList',
  default: null,
  frameworks: ['torch'],
  description: {
    en: 'Optional weight per class (torch `weight`). With reduction mean, cross-entropy and nll divide by the summed weights of the targets, not by the batch size.',
    'zh-cn': '可选的每类权重（torch `weight`）。在 mean 归约下，交叉熵和 nll 除以各目标权重之和，而不是批大小。',
  },
};

/** torch's `ignore_index` for class-index targets (Keras calls it `ignore_class`). */
export function ignoreIndexParam(torchDefault: number | null, frameworks?: readonly Framework[]): ParamSpec {
  return {
    name: 'ignore_index',
    type: 'integer',
    default: null,
    frameworkDefaults: { torch: torchDefault },
    frameworkNames: { keras: ['ignore_class'] },
    ...(frameworks ? { frameworks } : {}),
    description: {
      en: 'Target value to skip: it adds 0 to the loss and the gradient and does not count in the mean. torch defaults to -100; Keras (`ignore_class`) to none.',
      'zh-cn': '要跳过的目标值：对损失和梯度贡献为 0，且不计入 mean 的分母。torch 默认为 -100；Keras（`ignore_class`）默认不设。',
    },
  };
}

/** A margin parameter with its default. */
export function marginParam(fallback: number, description: ParamSpec['description']): ParamSpec {
  return { name: 'margin', type: 'number', default: fallback, frameworks: ['torch'], description };
}
