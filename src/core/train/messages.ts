/** Localized messages of the trainer: configuration errors (each starts with the offending path), warnings, divergence. */
import type { LocalizedText } from '../l10n';

/** Every localized text of the trainer, by name. */
export const trainMessages = {
  // Configuration: shapes of values.
  notObject: { en: '{path}: expected an object, got {actual}.', 'zh-cn': '{path}：应为对象，实际为 {actual}。' },
  notArray: { en: '{path}: expected a list, got {actual}.', 'zh-cn': '{path}：应为列表，实际为 {actual}。' },
  notNumber: { en: '{path}: expected a number, got {actual}.', 'zh-cn': '{path}：应为数字，实际为 {actual}。' },
  notFinite: { en: '{path}: expected a finite number, got {actual}.', 'zh-cn': '{path}：应为有限数字，实际为 {actual}。' },
  notInteger: { en: '{path}: expected an integer, got {actual}.', 'zh-cn': '{path}：应为整数，实际为 {actual}。' },
  notBoolean: { en: '{path}: expected true or false, got {actual}.', 'zh-cn': '{path}：应为 true 或 false，实际为 {actual}。' },
  notString: { en: '{path}: expected a name, got {actual}.', 'zh-cn': '{path}：应为名称，实际为 {actual}。' },
  belowMin: { en: '{path}: must be at least {min}, got {actual}.', 'zh-cn': '{path}：不能小于 {min}，实际为 {actual}。' },
  notAboveMin: { en: '{path}: must be greater than {min}, got {actual}.', 'zh-cn': '{path}：必须大于 {min}，实际为 {actual}。' },
  aboveMax: { en: '{path}: must be at most {max}, got {actual}.', 'zh-cn': '{path}：不能大于 {max}，实际为 {actual}。' },
  notBelowMax: { en: '{path}: must be less than {max}, got {actual}.', 'zh-cn': '{path}：必须小于 {max}，实际为 {actual}。' },
  missingField: { en: '{path}: required field is missing.', 'zh-cn': '{path}：缺少必填字段。' },
  unknownField: { en: '{path}: unknown field.', 'zh-cn': '{path}：未知字段。' },
  unknownFieldSuggest: { en: '{path}: unknown field (did you mean {suggestion}?).', 'zh-cn': '{path}：未知字段（您是否想输入 {suggestion}？）。' },
  duplicateField: { en: '{path}: given twice (also as "{other}").', 'zh-cn': '{path}：重复给出（另有 "{other}"）。' },
  nested: { en: '{path}: {detail}', 'zh-cn': '{path}：{detail}' },

  // Names.
  unknownActivation: { en: '{path}: unknown activation "{name}".', 'zh-cn': '{path}：未知激活函数 "{name}"。' },
  unknownActivationSuggest: { en: '{path}: unknown activation "{name}" (did you mean {suggestion}?)', 'zh-cn': '{path}：未知激活函数 "{name}"（您是否想输入 {suggestion}？）' },
  unknownLoss: { en: '{path}: unknown loss "{name}".', 'zh-cn': '{path}：未知损失函数 "{name}"。' },
  unknownLossSuggest: { en: '{path}: unknown loss "{name}" (did you mean {suggestion}?)', 'zh-cn': '{path}：未知损失函数 "{name}"（您是否想输入 {suggestion}？）' },
  notAnActivation: { en: '{path}: "{name}" is a loss, not an activation.', 'zh-cn': '{path}："{name}" 是损失函数，不是激活函数。' },
  notALoss: { en: '{path}: "{name}" is an activation, not a loss.', 'zh-cn': '{path}："{name}" 是激活函数，不是损失函数。' },
  hiddenNotElementwise: {
    en: '{path}: {name} is not elementwise and cannot be a hidden-layer activation (softmax and log_softmax work as output activations).',
    'zh-cn': '{path}：{name} 不是逐元素函数，不能用作隐藏层激活（softmax 和 log_softmax 可用作输出激活）。',
  },
  outputNotSupported: {
    en: '{path}: {name} cannot be an output activation here (use an elementwise activation, softmax or log_softmax).',
    'zh-cn': '{path}：{name} 不能用作输出激活（请使用逐元素激活、softmax 或 log_softmax）。',
  },
  lossNotTrainable: {
    en: '{path}: {name} is not available for training. Training losses: {supported}.',
    'zh-cn': '{path}：{name} 不能用于训练。可用于训练的损失函数：{supported}。',
  },
  unknownOptimizer: { en: '{path}: unknown optimizer "{name}". Use one of: {choices}.', 'zh-cn': '{path}：未知优化器 "{name}"。可用：{choices}。' },
  unknownOptimizerSuggest: { en: '{path}: unknown optimizer "{name}" (did you mean {suggestion}?)', 'zh-cn': '{path}：未知优化器 "{name}"（您是否想输入 {suggestion}？）' },
  unknownDataset: { en: '{path}: unknown data set "{name}". Use one of: {choices}.', 'zh-cn': '{path}：未知数据集 "{name}"。可用：{choices}。' },
  unknownDatasetSuggest: { en: '{path}: unknown data set "{name}" (did you mean {suggestion}?)', 'zh-cn': '{path}：未知数据集 "{name}"（您是否想输入 {suggestion}？）' },
  unknownInitializer: { en: '{path}: unknown initializer "{name}". Use one of: {choices}.', 'zh-cn': '{path}：未知初始化方法 "{name}"。可用：{choices}。' },
  unknownInitializerSuggest: { en: '{path}: unknown initializer "{name}" (did you mean {suggestion}?)', 'zh-cn': '{path}：未知初始化方法 "{name}"（您是否想输入 {suggestion}？）' },
  unknownChoice: { en: '{path}: must be one of {choices}, got {actual}.', 'zh-cn': '{path}：必须是 {choices} 之一，实际为 {actual}。' },

  // Data.
  dataSource: {
    en: '{path}: give a built-in data set `name` ({choices}) or explicit `points` and `labels`.',
    'zh-cn': '{path}：请给出内置数据集 `name`（{choices}），或显式的 `points` 与 `labels`。',
  },
  classesOnlyBlobs: { en: '{path}: only the blobs data set has a configurable class count.', 'zh-cn': '{path}：只有 blobs 数据集可以设置类别数。' },
  rowLength: { en: '{path}: expected {expected} values, got {actual}.', 'zh-cn': '{path}：应有 {expected} 个值，实际为 {actual}。' },
  labelCount: { en: '{path}: {labels} labels for {points} points.', 'zh-cn': '{path}：{points} 个样本点却有 {labels} 个标签。' },
  emptyData: { en: '{path}: needs at least one point.', 'zh-cn': '{path}：至少需要一个样本点。' },
  testPair: { en: '{path}: give test_points and test_labels together.', 'zh-cn': '{path}：test_points 与 test_labels 必须同时给出。' },
  classIndex: {
    en: '{path}: {loss} needs a class index from 0 to {max}, got {actual}.',
    'zh-cn': '{path}：{loss} 需要 0 到 {max} 的类别索引，实际为 {actual}。',
  },
  oneHotRow: {
    en: '{path}: {loss} takes class indices; a row must be one-hot to stand for one, got {actual}.',
    'zh-cn': '{path}：{loss} 需要类别索引；以行给出时必须是 one-hot，实际为 {actual}。',
  },
  binaryLabel: {
    en: '{path}: {loss} needs labels in [0, 1] (or -1/1 for the two classes), got {actual}.',
    'zh-cn': '{path}：{loss} 需要 [0, 1] 内的标签（或以 -1/1 表示两个类别），实际为 {actual}。',
  },
  needsClasses: {
    en: '{path}: {loss} needs class labels, but the data set {data} has real-valued labels.',
    'zh-cn': '{path}：{loss} 需要类别标签，但数据集 {data} 的标签是实数。',
  },
  binaryOnMulticlass: {
    en: '{path}: {loss} separates two classes, but the data set {data} has {classes}.',
    'zh-cn': '{path}：{loss} 只能区分两个类别，但数据集 {data} 有 {classes} 个类别。',
  },
  trainEmpty: {
    en: '{path}: the test share leaves no training points ({points} points).',
    'zh-cn': '{path}：按此测试比例划分后没有训练样本（共 {points} 个样本点）。',
  },

  // Model.
  inputSizeMismatch: { en: '{path}: the data have {actual} inputs per point, not {expected}.', 'zh-cn': '{path}：数据每个样本点有 {actual} 个输入，而不是 {expected} 个。' },
  outputUnitsMismatch: { en: '{path}: {loss} on these labels needs {expected} outputs, got {actual}.', 'zh-cn': '{path}：在这些标签上使用 {loss} 需要 {expected} 个输出，实际为 {actual}。' },
  softmaxSingle: { en: '{path}: {name} over a single output is constant; use sigmoid for two classes.', 'zh-cn': '{path}：对单个输出做 {name} 结果恒定；两个类别请用 sigmoid。' },
  paramCount: { en: '{path}: {expected} linear layers need {expected} entries, got {actual}.', 'zh-cn': '{path}：{expected} 个线性层需要 {expected} 组参数，实际为 {actual}。' },
  paramShape: { en: '{path}: expected shape {expected}, got {actual}.', 'zh-cn': '{path}：形状应为 {expected}，实际为 {actual}。' },
  cannotFuse: {
    en: '{path}: fusing needs a sigmoid output with binary_crossentropy, or a softmax output with (sparse) categorical_crossentropy, on probabilities.',
    'zh-cn': '{path}：融合要求 sigmoid 输出配合 binary_crossentropy，或 softmax 输出配合（稀疏）categorical_crossentropy，且损失以概率为输入。',
  },

  needsLogits: {
    en: '{path}: {param} applies to logits only (use binary_crossentropy_with_logits or from_logits: true).',
    'zh-cn': '{path}：{param} 只适用于 logits（请使用 binary_crossentropy_with_logits 或设置 from_logits: true）。',
  },

  // Optimizer and schedule.
  nesterov: { en: '{path}: Nesterov momentum requires a momentum and zero dampening.', 'zh-cn': '{path}：Nesterov 动量要求 momentum 大于 0 且 dampening 为 0。' },
  stepsAndEpochs: { en: '{path}: give either steps or epochs, not both.', 'zh-cn': '{path}：steps 与 epochs 只能给出其一。' },

  // Warnings.
  doubleSquash: {
    en: '{path}: {activation} output followed by {loss}, which expects logits, applies {activation} twice (use a linear output).',
    'zh-cn': '{path}：{activation} 输出后接以 logits 为输入的 {loss}，会两次应用 {activation}（请改用线性输出）。',
  },
  notProbabilities: {
    en: '{path}: {loss} expects probabilities in [0, 1], which a {activation} output does not guarantee (use sigmoid/softmax, or from_logits: true).',
    'zh-cn': '{path}：{loss} 需要 [0, 1] 内的概率，而 {activation} 输出不能保证（请用 sigmoid/softmax，或设置 from_logits: true）。',
  },

  // Text input.
  syntax: { en: 'Cannot read the training configuration: {detail}', 'zh-cn': '无法读取训练配置：{detail}' },
  rootPath: { en: '(configuration)', 'zh-cn': '（配置）' },

  // Training.
  diverged: {
    en: 'Training diverged at step {step}: the loss became {value}. The parameters from before that step were kept. Try a smaller learning rate (now {lr}).',
    'zh-cn': '训练在第 {step} 步发散：损失变为 {value}。已保留该步之前的参数。请尝试更小的学习率（当前为 {lr}）。',
  },
  divergedAtStart: {
    en: 'The loss is {value} at the initial parameters, so training cannot start. Check the data, the initial weights and the loss parameters.',
    'zh-cn': '初始参数下的损失为 {value}，无法开始训练。请检查数据、初始权重和损失参数。',
  },
  exportUnsupported: {
    en: 'Cannot export {name} to {target}: it has no equivalent there.',
    'zh-cn': '无法将 {name} 导出到 {target}：该框架中没有对应的函数。',
  },
} satisfies Record<string, LocalizedText>;
