/** Localized messages of the custom-formula compiler: every refusal says why, at a position in the formula. */
import type { LocalizedText } from '../l10n';

export const formulaMessages = {
  empty: {
    en: 'The formula is empty. Write an expression in {variables}, for example {example}.',
    'zh-cn': '公式为空。请写一个关于 {variables} 的表达式，例如 {example}。',
  },
  tooLong: {
    en: 'The formula is {length} characters long; at most {limit} are allowed.',
    'zh-cn': '公式长 {length} 个字符，最多允许 {limit} 个。',
  },
  tooDeep: {
    en: 'Brackets are nested more than {limit} levels deep here.',
    'zh-cn': '此处括号嵌套超过 {limit} 层。',
  },
  unexpectedCharacter: {
    en: 'The character "{char}" is not allowed in formulas.',
    'zh-cn': '公式中不允许使用字符 "{char}"。',
  },
  stringNotAllowed: {
    en: 'Text in quotes is not allowed in formulas; only numbers, {variables}, pi, e and functions.',
    'zh-cn': '公式中不允许使用引号中的文本；只能使用数字、{variables}、pi、e 和函数。',
  },
  assignmentNotAllowed: {
    en: 'Assignments and function definitions ("=") are not allowed; write only the expression, e.g. {example}.',
    'zh-cn': '不允许赋值或定义函数（"="）；只写表达式即可，例如 {example}。',
  },
  comparisonNotAllowed: {
    en: 'Comparisons ("{operator}") are not allowed; use step(x), min, max or relu for piecewise formulas.',
    'zh-cn': '不允许比较运算（"{operator}"）；分段公式请使用 step(x)、min、max 或 relu。',
  },
  propertyAccessNotAllowed: {
    en: 'Property access and element-wise dot operators (".") are not allowed.',
    'zh-cn': '不允许属性访问或逐元素点运算符（"."）。',
  },
  matrixNotAllowed: {
    en: 'Matrices and indexing ("[", "]") are not allowed; a formula works on one number at a time.',
    'zh-cn': '不允许矩阵或索引（"["、"]"）；公式每次只处理一个数。',
  },
  objectNotAllowed: {
    en: 'Objects ("{", "}") are not allowed.',
    'zh-cn': '不允许使用对象（"{"、"}"）。',
  },
  rangeNotAllowed: {
    en: 'Ranges (":") are not allowed.',
    'zh-cn': '不允许使用范围（":"）。',
  },
  conditionalNotAllowed: {
    en: 'Conditionals ("?") are not allowed; use step(x), min, max or relu for piecewise formulas.',
    'zh-cn': '不允许条件表达式（"?"）；分段公式请使用 step(x)、min、max 或 relu。',
  },
  multipleStatements: {
    en: 'Only one expression is allowed (found ";").',
    'zh-cn': '只允许一个表达式（发现了 ";"）。',
  },
  operatorNotAllowed: {
    en: 'The operator "{operator}" is not allowed. Use + - * / ^ and functions.',
    'zh-cn': '不允许使用运算符 "{operator}"。请使用 + - * / ^ 和函数。',
  },
  unknownFunction: {
    en: 'Unknown function "{name}". Did you mean: {suggestions}?',
    'zh-cn': '未知函数 "{name}"。您是否想输入：{suggestions}？',
  },
  unknownFunctionNoSuggestion: {
    en: 'Unknown function "{name}". Formulas may use math functions (exp, log, sqrt, tanh, erf, min, max...) and activations (sigmoid, relu, softplus, gelu...).',
    'zh-cn': '未知函数 "{name}"。公式可以使用数学函数（exp、log、sqrt、tanh、erf、min、max……）和激活函数（sigmoid、relu、softplus、gelu……）。',
  },
  unknownSymbolActivation: {
    en: 'Unknown name "{name}". Activation formulas use the variable x and the constants pi and e.',
    'zh-cn': '未知名称 "{name}"。激活函数公式使用变量 x 以及常数 pi 和 e。',
  },
  unknownSymbolLoss: {
    en: 'Unknown name "{name}". Loss formulas use the variables y (target) and p (prediction) and the constants pi and e.',
    'zh-cn': '未知名称 "{name}"。损失函数公式使用变量 y（目标值）和 p（预测值）以及常数 pi 和 e。',
  },
  functionNeedsCall: {
    en: '"{name}" is a function: write {name}(...).',
    'zh-cn': '"{name}" 是函数：请写成 {name}(...)。',
  },
  notAFunction: {
    en: '"{name}" is not a function; for a product write {name} * (...).',
    'zh-cn': '"{name}" 不是函数；表示乘积请写成 {name} * (...)。',
  },
  wrongArity: {
    en: '{name} takes {expected} argument(s), got {actual}.',
    'zh-cn': '{name} 接受 {expected} 个参数，实际为 {actual} 个。',
  },
  parameterNotConstant: {
    en: 'The {param} of {name} is a parameter: it must be a number, not depend on {variables}.',
    'zh-cn': '{name} 的 {param} 是参数：必须是数字，不能依赖 {variables}。',
  },
  unexpectedEnd: {
    en: 'The formula ends too early: a value is missing here.',
    'zh-cn': '公式提前结束：此处缺少一个值。',
  },
  closingParenthesisExpected: {
    en: 'A closing parenthesis ")" is missing here.',
    'zh-cn': '此处缺少右括号 ")"。',
  },
  valueExpected: {
    en: 'A number, variable or function call is expected here.',
    'zh-cn': '此处应为数字、变量或函数调用。',
  },
  unexpectedPart: {
    en: 'Unexpected "{part}" here; is an operator missing?',
    'zh-cn': '此处出现意外的 "{part}"；是否缺少运算符？',
  },
  unexpectedOperator: {
    en: 'Unexpected operator "{operator}" here.',
    'zh-cn': '此处出现意外的运算符 "{operator}"。',
  },
  syntaxError: {
    en: 'The formula cannot be read here ({detail}).',
    'zh-cn': '无法解析此处的公式（{detail}）。',
  },
  derivativeTooLarge: {
    en: 'The derivative of this formula has {size} terms, more than the {limit} Formula Lens compiles; simplify the formula.',
    'zh-cn': '此公式的导数有 {size} 项，超过 Formula Lens 可编译的 {limit} 项；请简化公式。',
  },
  internalError: {
    en: 'Formula Lens could not compile this formula ({detail}). Please report this formula.',
    'zh-cn': 'Formula Lens 无法编译此公式（{detail}）。请报告此公式。',
  },
  savedFormulaName: {
    en: 'The formula name "{name}" must start with a letter or "_", contain only letters, digits and "_", and have at most {limit} characters.',
    'zh-cn': '公式名称 "{name}" 必须以字母或 "_" 开头，只包含字母、数字和 "_"，且最多 {limit} 个字符。',
  },
  savedFormulaShape: {
    en: 'Saved formula #{index} must be an object {name, kind: "activation" | "loss", formula, description?}.',
    'zh-cn': '已保存的第 {index} 个公式必须是对象 {name, kind: "activation" | "loss", formula, description?}。',
  },
  savedFormulaDuplicate: {
    en: 'The formula name "{name}" is used twice; the later one is ignored.',
    'zh-cn': '公式名称 "{name}" 重复使用；忽略后一个。',
  },
  customFormulaDescription: {
    en: 'Custom formula {formula}.',
    'zh-cn': '自定义公式 {formula}。',
  },
  shapeMismatch: {
    en: 'y_true has shape {yShape} but y_pred has shape {pShape}; a custom loss formula needs equal shapes.',
    'zh-cn': 'y_true 的形状为 {yShape}，而 y_pred 的形状为 {pShape}；自定义损失公式要求形状相同。',
  },
  targetRequired: {
    en: 'The custom loss formula "{name}" needs y_true.',
    'zh-cn': '自定义损失公式 "{name}" 需要 y_true。',
  },
} satisfies Record<string, LocalizedText>;
