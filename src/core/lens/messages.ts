/** Localized texts of the formula lens core: chart legends, captions and gradient zones. */
import type { LocalizedText } from '../l10n';

export const lensMessages = {
  legendDead: { en: 'gradient 0', 'zh-cn': '梯度为 0' },
  legendSaturated: { en: 'saturated', 'zh-cn': '饱和' },
  legendTrueClass: { en: 'true class', 'zh-cn': '真实类别' },
  captionActivation: {
    en: 'f(x) and its derivative f′(x) (dashed) for x in [{min}, {max}].',
    'zh-cn': 'f(x) 及其导数 f′(x)（虚线），x ∈ [{min}, {max}]。',
  },
  captionVectorActivation: {
    en: 'First output of f([x, 0]) and its derivative (dashed) for x in [{min}, {max}]: the function acts on whole vectors.',
    'zh-cn': 'f([x, 0]) 的第一个输出及其导数（虚线），x ∈ [{min}, {max}]：该函数作用于整个向量。',
  },
  captionBinary: {
    en: 'Loss of one sample against the prediction {variable}, for targets {labels}.',
    'zh-cn': '单个样本的损失随预测值 {variable} 的变化，目标为 {labels}。',
  },
  captionCategoricalProbabilities: {
    en: 'Loss of one sample against the probability {variable} of the true class ({classes} classes; the others share the rest).',
    'zh-cn': '单个样本的损失随真实类别概率 {variable} 的变化（共 {classes} 类，其余类别平分剩余概率）。',
  },
  captionCategoricalLogits: {
    en: 'Loss of one sample against the logit {variable} of the true class ({classes} classes; the other logits are 0).',
    'zh-cn': '单个样本的损失随真实类别 logit {variable} 的变化（共 {classes} 类，其余 logit 为 0）。',
  },
  captionCategoricalLogProbabilities: {
    en: 'Loss of one sample against the log-probability {variable} of the true class ({classes} classes).',
    'zh-cn': '单个样本的损失随真实类别对数概率 {variable} 的变化（共 {classes} 类）。',
  },
  captionRegression: {
    en: 'Loss of one sample against the prediction {variable} for the target y = {target}.',
    'zh-cn': '单个样本的损失随预测值 {variable} 的变化，目标 y = {target}。',
  },
  zoneDead: { en: 'gradient 0: {where}', 'zh-cn': '梯度为 0：{where}' },
  zoneSaturated: { en: 'saturated (|gradient| < {threshold}): {where}', 'zh-cn': '饱和（|梯度| < {threshold}）：{where}' },
  zoneCurve: { en: '{zones} (for {curve})', 'zh-cn': '{zones}（{curve}）' },
  zoneEverywhere: { en: 'all of [{min}, {max}]', 'zh-cn': '整个 [{min}, {max}]' },
  reductionPerSample: { en: 'none: one value per sample', 'zh-cn': 'none：每个样本一个值' },
  reductionMeanOverBatch: { en: 'a mean over the batch', 'zh-cn': '对批次取平均' },
  reductionMeanOfWeighted: { en: 'a mean over the non-zero weights', 'zh-cn': '对非零权重取平均' },
} satisfies Record<string, LocalizedText>;
