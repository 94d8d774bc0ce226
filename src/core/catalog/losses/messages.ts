/** Localized error messages of the loss catalog: input shapes, targets and framework-specific parameters. */
import type { LocalizedText } from '../../l10n';

export const lossMessages = {
  shapeMismatch: {
    en: '{function}: {first} has shape {firstShape} but {second} has shape {secondShape}; they must be equal.',
    'zh-cn': '{function}：{first} 的形状为 {firstShape}，但 {second} 的形状为 {secondShape}；两者必须相同。',
  },
  classTargetShape: {
    en: '{function}: y_true {trueShape} must hold one class index per row of y_pred {predShape} (expected shape {expected}).',
    'zh-cn': '{function}：y_true {trueShape} 必须为 y_pred {predShape} 的每一行给出一个类别索引（应为形状 {expected}）。',
  },
  perRowTargetShape: {
    en: '{function}: y_true {trueShape} must hold one value per row of {input} {inputShape} (expected shape {expected}).',
    'zh-cn': '{function}：y_true {trueShape} 必须为 {input} {inputShape} 的每一行给出一个值（应为形状 {expected}）。',
  },
  needsRankOneOrTwo: {
    en: '{function}: {input} must be 1-D [classes] or 2-D [batch, classes], got shape {shape}.',
    'zh-cn': '{function}：{input} 必须是一维 [类别] 或二维 [批次, 类别]，实际形状为 {shape}。',
  },
  missingTarget: {
    en: '{function} needs y_true (the targets).',
    'zh-cn': '{function} 需要 y_true（目标值）。',
  },
  missingInput: {
    en: '{function} needs {input} ({meaning}).',
    'zh-cn': '{function} 需要 {input}（{meaning}）。',
  },
  secondInputMeaning: { en: 'the second input', 'zh-cn': '第二个输入' },
  positiveInputMeaning: { en: 'the positive examples', 'zh-cn': '正样本' },
  negativeInputMeaning: { en: 'the negative examples', 'zh-cn': '负样本' },
  targetNotInteger: {
    en: '{function}: y_true[{index}] = {value} is not an integer class index.',
    'zh-cn': '{function}：y_true[{index}] = {value} 不是整数类别索引。',
  },
  targetOutOfRange: {
    en: '{function}: y_true[{index}] = {value} is outside the class range 0..{max}.',
    'zh-cn': '{function}：y_true[{index}] = {value} 超出类别范围 0..{max}。',
  },
  probabilityOutOfRange: {
    en: '{function}: PyTorch requires every y_pred in [0, 1] (y_pred holds probabilities); y_pred[{index}] = {value}. Pass logits with from_logits=true instead.',
    'zh-cn': '{function}：PyTorch 要求 y_pred 的每个值都在 [0, 1] 内（y_pred 为概率）；y_pred[{index}] = {value}。若为 logits，请设置 from_logits=true。',
  },
  paramNotInFramework: {
    en: '{function}: parameter "{param}" does not exist in the {framework} profile; it belongs to {frameworks}.',
    'zh-cn': '{function}：参数 "{param}" 在 {framework} 配置中不存在；它属于 {frameworks}。',
  },
  paramNeedsLogits: {
    en: '{function}: {param} only applies to logits (torch BCEWithLogitsLoss); set from_logits=true or leave {param} unset.',
    'zh-cn': '{function}：{param} 仅适用于 logits（torch BCEWithLogitsLoss）；请设置 from_logits=true 或不设置 {param}。',
  },
  paramShapeMismatch: {
    en: '{function}: {param} of shape {paramShape} cannot be broadcast to y_pred of shape {predShape}.',
    'zh-cn': '{function}：形状为 {paramShape} 的 {param} 无法广播到形状为 {predShape} 的 y_pred。',
  },
  classWeightLength: {
    en: '{function}: {param} needs one value per class ({expected}), got {actual}.',
    'zh-cn': '{function}：{param} 需要每个类别一个值（{expected} 个），实际为 {actual} 个。',
  },
  unsupportedAxis: {
    en: '{function}: axis {axis} does not exist for y_pred of shape {shape}.',
    'zh-cn': '{function}：对于形状为 {shape} 的 y_pred，轴 {axis} 不存在。',
  },
} satisfies Record<string, LocalizedText>;
