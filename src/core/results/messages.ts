/** Localized messages of selection evaluation: parameter text, loss inputs, input warnings, limits. */
import type { LocalizedText } from '../l10n';

export const resultMessages = {
  paramSegmentNoEquals: {
    en: 'Write each parameter as name=value, e.g. negative_slope=0.2 (found "{segment}").',
    'zh-cn': '每个参数请写成 name=value，例如 negative_slope=0.2（实际为 "{segment}"）。',
  },
  paramRepeated: {
    en: 'Parameter "{param}" is given twice.',
    'zh-cn': '参数 "{param}" 重复给出。',
  },
  paramEmptyValue: {
    en: 'Parameter "{param}" has no value: write {param}=<value>.',
    'zh-cn': '参数 "{param}" 没有值：请写成 {param}=<值>。',
  },
  paramUnclosed: {
    en: '"{open}" in the parameters is never closed.',
    'zh-cn': '参数中的 "{open}" 没有闭合。',
  },
  paramNotInFramework: {
    en: '{function} has no parameter "{param}" under {framework} (only under {frameworks}).',
    'zh-cn': '{function} 在 {framework} 下没有参数 "{param}"（仅 {frameworks} 有）。',
  },
  badReduction: {
    en: 'Reduction "{reduction}" is not available for {function}. Choose one of: {choices}.',
    'zh-cn': '{function} 不支持归约方式 "{reduction}"。可选：{choices}。',
  },
  tooFewLossInputs: {
    en: '{function} needs {count} arrays ({roles}); found {found}. Select them together (e.g. y_true = [...] and y_pred = [...]), use one selection per array, or take one from the clipboard.',
    'zh-cn': '{function} 需要 {count} 个数组（{roles}）；实际找到 {found} 个。请一起选中它们（例如 y_true = [...] 与 y_pred = [...]），或每个数组一个选区，或从剪贴板读取一个。',
  },
  tooManyLossInputs: {
    en: '{function} reads {count} arrays ({roles}), but the selection holds {found} that cannot be told apart by name. Name them (y_true = [...], y_pred = [...]) or select only {count}.',
    'zh-cn': '{function} 读取 {count} 个数组（{roles}），但选区中有 {found} 个且无法按名称区分。请为它们命名（y_true = [...]、y_pred = [...]）或只选中 {count} 个。',
  },
  sameRoleTwice: {
    en: 'Two arrays are named as {role} ("{first}" and "{second}"); keep one.',
    'zh-cn': '有两个数组都被命名为 {role}（"{first}" 和 "{second}"）；请只保留一个。',
  },
  tooManyNumbers: {
    en: 'The selection holds more than {limit} numbers, the limit set by formulaLens.maxSelectionNumbers. Select fewer values or raise the setting.',
    'zh-cn': '选区中的数字超过 {limit} 个，这是 formulaLens.maxSelectionNumbers 设置的上限。请少选一些数值或调高该设置。',
  },
  warnNotProbabilities: {
    en: 'y_pred has values outside [0, 1] (from {min} to {max}), but {function} reads probabilities here. If these are logits, set from_logits=True.',
    'zh-cn': 'y_pred 含有 [0, 1] 之外的值（从 {min} 到 {max}），但 {function} 在此读取的是概率。如果它们是 logits，请设置 from_logits=True。',
  },
  warnNotProbabilitiesNoOption: {
    en: 'y_pred has values outside [0, 1] (from {min} to {max}), but {function} reads probabilities here: apply softmax or sigmoid first.',
    'zh-cn': 'y_pred 含有 [0, 1] 之外的值（从 {min} 到 {max}），但 {function} 在此读取的是概率：请先施加 softmax 或 sigmoid。',
  },
  warnProbabilitiesAsLogits: {
    en: 'y_pred looks like probabilities (every row lies in [0, 1] and sums to 1), but {function} reads logits here and applies softmax itself, so the probabilities are squashed twice. Pass the scores before softmax, or set from_logits=False.',
    'zh-cn': 'y_pred 看起来是概率（每行都在 [0, 1] 内且和为 1），但 {function} 在此读取 logits 并自行施加 softmax，概率会被压缩两次。请传入 softmax 之前的分数，或设置 from_logits=False。',
  },
  warnProbabilitiesAsLogitsNoOption: {
    en: 'y_pred looks like probabilities (every row lies in [0, 1] and sums to 1), but {function} reads logits and applies softmax itself, so the probabilities are squashed twice. Pass the scores before softmax.',
    'zh-cn': 'y_pred 看起来是概率（每行都在 [0, 1] 内且和为 1），但 {function} 读取 logits 并自行施加 softmax，概率会被压缩两次。请传入 softmax 之前的分数。',
  },
  warnNotLogProbabilities: {
    en: 'y_pred has positive values (up to {max}), but {function} reads log-probabilities (≤ 0) here, e.g. the output of log_softmax.',
    'zh-cn': 'y_pred 含有正值（最大 {max}），但 {function} 在此读取对数概率（≤ 0），例如 log_softmax 的输出。',
  },
  warnNotOneHot: {
    en: 'y_true rows {rows} are not one-hot (a single 1, zeros elsewhere). {function} reads them as soft targets; if they are class indices, use sparse_categorical_crossentropy.',
    'zh-cn': 'y_true 的第 {rows} 行不是 one-hot（只有一个 1，其余为 0）。{function} 会把它们当作软标签；如果它们是类别索引，请使用 sparse_categorical_crossentropy。',
  },
  warnClassIndicesForOneHot: {
    en: 'y_true has shape {trueShape} but y_pred has shape {predShape}: these look like class indices, while {function} reads one-hot rows. Use sparse_categorical_crossentropy (or cross_entropy in torch).',
    'zh-cn': 'y_true 的形状为 {trueShape}，而 y_pred 的形状为 {predShape}：它们看起来是类别索引，而 {function} 读取 one-hot 行。请使用 sparse_categorical_crossentropy（torch 中为 cross_entropy）。',
  },
  warnLabelsOutsideUnit: {
    en: 'y_true has values outside [0, 1] (from {min} to {max}), but {function} reads binary labels or probabilities.',
    'zh-cn': 'y_true 含有 [0, 1] 之外的值（从 {min} 到 {max}），但 {function} 读取的是二值标签或概率。',
  },
  warnNotClassIndices: {
    en: 'y_true should hold class indices (integers from 0), but it has {value}.',
    'zh-cn': 'y_true 应为类别索引（从 0 开始的整数），但其中有 {value}。',
  },
  warnNotClassIndexLists: {
    en: 'y_true should list class indices (integers from 0, each row ending at the first −1), but it has {value}.',
    'zh-cn': 'y_true 应列出类别索引（从 0 开始的整数，每行在第一个 −1 处结束），但其中有 {value}。',
  },
  warnTargetNotDistribution: {
    en: 'y_true rows {rows} do not sum to 1, but {function} reads probability distributions as targets.',
    'zh-cn': 'y_true 的第 {rows} 行之和不为 1，但 {function} 把目标读作概率分布。',
  },
} satisfies Record<string, LocalizedText>;
