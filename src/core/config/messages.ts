/** Localized messages of the evaluation-file and foreign-config readers. */
import type { LocalizedText } from '../l10n';

export const configMessages = {
  yamlSyntax: {
    en: 'YAML syntax error ({code}): {detail}',
    'zh-cn': 'YAML 语法错误（{code}）：{detail}',
  },
  yamlWarning: {
    en: 'YAML warning ({code}): {detail}',
    'zh-cn': 'YAML 警告（{code}）：{detail}',
  },
  tooDeep: {
    en: 'The file nests objects and lists too deeply to read.',
    'zh-cn': '文件中对象和列表嵌套过深，无法读取。',
  },
  rootNotObject: {
    en: 'An evaluation file holds an object with an "evaluations" list.',
    'zh-cn': '评估文件应是一个包含 "evaluations" 列表的对象。',
  },
  missingEvaluations: {
    en: 'Add an "evaluations" list, e.g. [{"activation": "relu", "x": [-1, 0, 1]}, {"loss": "mse", "y_true": [1, 2], "y_pred": [1.5, 2]}].',
    'zh-cn': '请添加 "evaluations" 列表，例如 [{"activation": "relu", "x": [-1, 0, 1]}, {"loss": "mse", "y_true": [1, 2], "y_pred": [1.5, 2]}]。',
  },
  evaluationsNotArray: {
    en: '"evaluations" must be a list of entries.',
    'zh-cn': '"evaluations" 必须是条目列表。',
  },
  entryNotObject: {
    en: 'Each evaluation is an object with "activation" or "loss".',
    'zh-cn': '每个评估条目都应是包含 "activation" 或 "loss" 的对象。',
  },
  missingKind: {
    en: 'This entry needs "activation" or "loss" naming the function to evaluate.',
    'zh-cn': '此条目需要用 "activation" 或 "loss" 指明要计算的函数。',
  },
  bothKinds: {
    en: 'An entry evaluates one function: use either "activation" or "loss", not both.',
    'zh-cn': '一个条目只计算一个函数："activation" 与 "loss" 只能二选一。',
  },
  nameNotString: {
    en: '"{field}" must be a function name such as "gelu" or "binary_crossentropy".',
    'zh-cn': '"{field}" 必须是函数名，例如 "gelu" 或 "binary_crossentropy"。',
  },
  activationIsLoss: {
    en: '"{name}" is a loss, not an activation: write "loss": "{name}" with y_true and y_pred.',
    'zh-cn': '"{name}" 是损失函数，不是激活函数：请写 "loss": "{name}" 并提供 y_true 和 y_pred。',
  },
  lossIsActivation: {
    en: '"{name}" is an activation, not a loss: write "activation": "{name}" with x.',
    'zh-cn': '"{name}" 是激活函数，不是损失函数：请写 "activation": "{name}" 并提供 x。',
  },
  frameworkNotString: {
    en: '"framework" must be "torch", "keras" or "tfjs".',
    'zh-cn': '"framework" 必须是 "torch"、"keras" 或 "tfjs"。',
  },
  paramsNotObject: {
    en: '"params" must be an object of parameter names and values, e.g. {"negative_slope": 0.2}.',
    'zh-cn': '"params" 必须是参数名与取值组成的对象，例如 {"negative_slope": 0.2}。',
  },
  paramValueInvalid: {
    en: 'Parameter "{param}" must be a number, true/false, text, null or a list of numbers.',
    'zh-cn': '参数 "{param}" 必须是数字、true/false、文本、null 或数字列表。',
  },
  reductionInvalid: {
    en: '"reduction" must be one of "mean", "sum", "none", "batchmean".',
    'zh-cn': '"reduction" 必须是 "mean"、"sum"、"none"、"batchmean" 之一。',
  },
  missingX: {
    en: 'An activation entry needs "x", the input values, e.g. "x": [-1, 0, 1].',
    'zh-cn': '激活函数条目需要输入值 "x"，例如 "x": [-1, 0, 1]。',
  },
  missingLossField: {
    en: '{function} needs "{field}".',
    'zh-cn': '{function} 需要 "{field}"。',
  },
  targetNull: {
    en: '{function} needs target values in "y_true", not null.',
    'zh-cn': '{function} 需要在 "y_true" 中给出目标值，不能为 null。',
  },
  fieldForActivation: {
    en: '"{field}" belongs to activation entries; a loss takes y_true and y_pred.',
    'zh-cn': '"{field}" 属于激活函数条目；损失函数使用 y_true 和 y_pred。',
  },
  fieldForLoss: {
    en: '"{field}" belongs to loss entries; an activation takes x.',
    'zh-cn': '"{field}" 属于损失函数条目；激活函数使用 x。',
  },
  fieldUnused: {
    en: '{function} does not use "{field}"; it is ignored.',
    'zh-cn': '{function} 不使用 "{field}"，该字段将被忽略。',
  },
  unknownField: {
    en: 'Unknown field "{field}". Did you mean "{suggestion}"?',
    'zh-cn': '未知字段 "{field}"。您是否想输入 "{suggestion}"？',
  },
  unknownFieldNoSuggestion: {
    en: 'Unknown field "{field}". Known fields: {known}.',
    'zh-cn': '未知字段 "{field}"。可用字段：{known}。',
  },
  notATensor: {
    en: '"{field}" must hold numbers: a number, a list, a list of lists, or a literal in quotes such as "np.array([1, 2])".',
    'zh-cn': '"{field}" 必须是数值：数字、列表、嵌套列表，或带引号的字面量，例如 "np.array([1, 2])"。',
  },
  objectNotNumber: {
    en: 'An object is not a number.',
    'zh-cn': '对象不是数字。',
  },
  evaluationCrashed: {
    en: 'Evaluating this entry failed: {detail}',
    'zh-cn': '计算此条目失败：{detail}',
  },
  // jsonc-parser error codes, by the names printParseErrorCode gives them.
  InvalidSymbol: { en: 'Invalid symbol.', 'zh-cn': '无效的符号。' },
  InvalidNumberFormat: { en: 'Invalid number format.', 'zh-cn': '无效的数字格式。' },
  PropertyNameExpected: { en: 'A property name in double quotes is expected.', 'zh-cn': '此处应为带双引号的属性名。' },
  ValueExpected: { en: 'A value is expected.', 'zh-cn': '此处应为一个值。' },
  ColonExpected: { en: '":" is expected.', 'zh-cn': '此处应为 ":"。' },
  CommaExpected: { en: '"," is expected.', 'zh-cn': '此处应为 ","。' },
  CloseBraceExpected: { en: '"}" is expected.', 'zh-cn': '此处应为 "}"。' },
  CloseBracketExpected: { en: '"]" is expected.', 'zh-cn': '此处应为 "]"。' },
  EndOfFileExpected: { en: 'The end of the file is expected.', 'zh-cn': '此处应为文件结尾。' },
  InvalidCommentToken: { en: 'Invalid comment.', 'zh-cn': '无效的注释。' },
  UnexpectedEndOfComment: { en: 'The comment is never closed.', 'zh-cn': '注释没有闭合。' },
  UnexpectedEndOfString: { en: 'The string is never closed.', 'zh-cn': '字符串没有闭合。' },
  UnexpectedEndOfNumber: { en: 'The number ends unexpectedly.', 'zh-cn': '数字意外结束。' },
  InvalidUnicode: { en: 'Invalid unicode escape.', 'zh-cn': '无效的 Unicode 转义。' },
  InvalidEscapeCharacter: { en: 'Invalid escape character.', 'zh-cn': '无效的转义字符。' },
  InvalidCharacter: { en: 'Invalid character.', 'zh-cn': '无效的字符。' },
  jsonSyntaxOther: { en: 'JSON syntax error.', 'zh-cn': 'JSON 语法错误。' },
} satisfies Record<string, LocalizedText>;
