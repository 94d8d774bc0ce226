/** Localized texts of the misuse rules: one-sentence reasons and quick-fix titles. */
import type { LocalizedText } from '../l10n';

export const scanMessages = {
  activationBeforeLogitsLoss: {
    en: '{activation} output is fed to {loss}, which expects raw logits, so the {activation} is applied twice and training degrades.',
    'zh-cn': '{activation} 的输出被传给了期望原始 logits 的 {loss}，{activation} 因此被应用了两次，训练效果会变差。',
  },
  softmaxBeforeCrossEntropy: {
    en: '{loss} applies log_softmax itself, so a softmax before it flattens the gradients and slows or stalls training.',
    'zh-cn': '{loss} 内部已经执行 log_softmax，在它之前再做 softmax 会压平梯度，使训练变慢甚至停滞。',
  },
  bceWithoutSigmoid: {
    en: '{loss} expects probabilities in [0, 1], but no sigmoid is applied to the model output in this file; use {replacement} on raw outputs.',
    'zh-cn': '{loss} 期望 [0, 1] 之间的概率，但本文件中模型输出没有经过 sigmoid；请对原始输出使用 {replacement}。',
  },
  singleUnitSoftmax: {
    en: 'softmax over a single unit always outputs 1.0, so this {layer} cannot learn; use sigmoid for one output.',
    'zh-cn': '对单个单元做 softmax 的输出恒为 1.0，这个 {layer} 无法学习；单输出请使用 sigmoid。',
  },
  klDivMeanReduction: {
    en: "{loss} with reduction='mean' divides by the number of elements, not the batch size, so it is not the KL divergence; use reduction='batchmean'.",
    'zh-cn': "{loss} 在 reduction='mean' 时除以元素总数而不是批大小，结果不是 KL 散度；请使用 reduction='batchmean'。",
  },
  softmaxWithoutDim: {
    en: '{api} without dim picks the dimension implicitly (deprecated: dim 0 for 1-D and 3-D input, 1 otherwise); pass dim explicitly.',
    'zh-cn': '{api} 未指定 dim 时会隐式选择维度（已弃用：1 维和 3 维输入取 dim 0，其余取 1）；请显式传入 dim。',
  },
  tfjsUnknownLoss: {
    en: "TF.js does not know the loss '{name}' and compile() fails with \"Unknown loss\"; its TF.js name is '{suggestion}'.",
    'zh-cn': "TF.js 不认识损失函数 '{name}'，compile() 会报错 \"Unknown loss\"；它在 TF.js 中的名称是 '{suggestion}'。",
  },
  tfjsUnknownActivation: {
    en: "TF.js does not know the activation '{name}' and fails with \"Unknown activation\"; its TF.js name is '{suggestion}'.",
    'zh-cn': "TF.js 不认识激活函数 '{name}'，会报错 \"Unknown activation\"；它在 TF.js 中的名称是 '{suggestion}'。",
  },
  tfjsNoLoss: {
    en: "TF.js has no built-in loss '{name}', so compile() fails with \"Unknown loss\"; pass a loss function instead.",
    'zh-cn': "TF.js 没有内置损失函数 '{name}'，compile() 会报错 \"Unknown loss\"；请改为传入一个损失函数。",
  },
  tfjsNoActivation: {
    en: "TF.js has no built-in activation '{name}', so building the layer fails; use a TF.js activation or layer instead.",
    'zh-cn': "TF.js 没有内置激活函数 '{name}'，创建该层会失败；请改用 TF.js 支持的激活函数或层。",
  },
  fixSetFromLogitsFalse: { en: 'Set from_logits=False', 'zh-cn': '设置 from_logits=False' },
  fixRemoveActivation: { en: 'Remove the {activation}', 'zh-cn': '移除 {activation}' },
  fixUseReplacement: { en: 'Use {replacement}', 'zh-cn': '改用 {replacement}' },
  fixUseSigmoid: { en: 'Use sigmoid', 'zh-cn': '改用 sigmoid' },
  fixUseBatchmean: { en: "Use reduction='batchmean'", 'zh-cn': "使用 reduction='batchmean'" },
  fixAddDim: { en: 'Add dim=-1', 'zh-cn': '添加 dim=-1' },
  fixUseTfjsName: { en: "Use '{suggestion}'", 'zh-cn': "改用 '{suggestion}'" },
} satisfies Record<string, LocalizedText>;
