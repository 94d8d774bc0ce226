/** Localized messages of the array-literal parser. Positions are added by FormulaLensError. */
import type { LocalizedText } from '../l10n';

export const parseMessages = {
  emptyInput: {
    en: 'There is nothing to read: expected an array literal such as [1, 2, 3].',
    'zh-cn': '没有可读取的内容：需要一个数组字面量，例如 [1, 2, 3]。',
  },
  noLiterals: {
    en: 'No array literal found. Select values such as [1, 2, 3] or y_true = [...] and y_pred = [...].',
    'zh-cn': '未找到数组字面量。请选择 [1, 2, 3] 这样的数值，或 y_true = [...] 与 y_pred = [...]。',
  },
  expectedValue: {
    en: 'Expected a number or a list here, found {found}.',
    'zh-cn': '此处应为数字或列表，实际为 {found}。',
  },
  unexpectedEnd: {
    en: 'The text ends where a number or a list was expected.',
    'zh-cn': '文本在应出现数字或列表的位置结束了。',
  },
  unexpectedAfterLiteral: {
    en: 'Unexpected {found} after the literal; only one array literal is read here.',
    'zh-cn': '字面量之后出现了意外的 {found}；此处只读取一个数组字面量。',
  },
  unclosedBracket: {
    en: '"{open}" is never closed: add "{close}".',
    'zh-cn': '"{open}" 没有闭合：请补上 "{close}"。',
  },
  mismatchedBracket: {
    en: '"{open}" (line {line}, column {column}) is closed by "{found}"; expected "{close}".',
    'zh-cn': '"{open}"（第 {line} 行第 {column} 列）被 "{found}" 闭合；应为 "{close}"。',
  },
  expectedCommaOrClose: {
    en: 'Expected "," or "{close}" here, found {found}.',
    'zh-cn': '此处应为 "," 或 "{close}"，实际为 {found}。',
  },
  raggedRows: {
    en: 'Row {row} has {count} values, row 1 has {expected}: every row of a 2-D array needs the same length.',
    'zh-cn': '第 {row} 行有 {count} 个值，第 1 行有 {expected} 个：二维数组的每一行长度必须相同。',
  },
  listAfterNumber: {
    en: 'Element {index} is a list, but element 1 is a number: mix of numbers and lists.',
    'zh-cn': '第 {index} 个元素是列表，而第 1 个元素是数字：数字与列表混用。',
  },
  numberAfterList: {
    en: 'Element {index} is a number, but element 1 is a list: mix of numbers and lists.',
    'zh-cn': '第 {index} 个元素是数字，而第 1 个元素是列表：数字与列表混用。',
  },
  tooManyDimensions: {
    en: 'Arrays with 3 or more dimensions are not supported: Formula Lens evaluates numbers, 1-D and 2-D arrays.',
    'zh-cn': '不支持三维及以上的数组：Formula Lens 只计算标量、一维和二维数组。',
  },
  nestingTooDeep: {
    en: 'Too many nested brackets or calls.',
    'zh-cn': '括号或函数调用嵌套过深。',
  },
  stringNotNumber: {
    en: 'The text {value} is not a number.',
    'zh-cn': '文本 {value} 不是数字。',
  },
  identifierNotNumber: {
    en: '"{name}" is not a number. Write the values themselves (nan and inf are understood).',
    'zh-cn': '"{name}" 不是数字。请直接写出数值（可以使用 nan 和 inf）。',
  },
  malformedNumber: {
    en: '"{text}" is not a valid number.',
    'zh-cn': '"{text}" 不是有效的数字。',
  },
  unterminatedString: {
    en: 'This text is never closed with {quote}.',
    'zh-cn': '这段文本没有用 {quote} 闭合。',
  },
  unclosedComment: {
    en: 'This comment is never closed with "*/".',
    'zh-cn': '这段注释没有用 "*/" 闭合。',
  },
  signBeforeList: {
    en: 'A sign can only stand before a number or an array, not before a plain list.',
    'zh-cn': '正负号只能放在数字或数组之前，不能放在普通列表之前。',
  },
  unknownConstructor: {
    en: '"{name}(...)" is not an array constructor Formula Lens reads. Use a list, np.array, torch.tensor, tf.constant or tf.tensor.',
    'zh-cn': 'Formula Lens 不支持数组构造函数 "{name}(...)"。请使用列表、np.array、torch.tensor、tf.constant 或 tf.tensor。',
  },
  missingData: {
    en: '{name}() needs the values as its first argument.',
    'zh-cn': '{name}() 的第一个参数必须是数值。',
  },
  shapeMismatch: {
    en: 'Shape {shape} needs {size} values, but {count} were given.',
    'zh-cn': '形状 {shape} 需要 {size} 个值，实际给出 {count} 个。',
  },
  invalidShape: {
    en: 'A shape must be a list of whole numbers that are 0 or more, such as [2, 3].',
    'zh-cn': '形状必须是非负整数列表，例如 [2, 3]。',
  },
  rankMismatch: {
    en: '{name}() makes a {expected}-D tensor, but the values are {actual}-D.',
    'zh-cn': '{name}() 生成 {expected} 维张量，但给出的数值是 {actual} 维。',
  },
  tensor2dNeedsShape: {
    en: '{name}() needs a shape when the values are a flat list, e.g. {name}([1, 2, 3, 4], [2, 2]).',
    'zh-cn': '数值为一维列表时，{name}() 需要形状参数，例如 {name}([1, 2, 3, 4], [2, 2])。',
  },
  uninitializedTorch: {
    en: '{name}(n) makes an uninitialized tensor; write torch.tensor([...]) with the values.',
    'zh-cn': '{name}(n) 会生成未初始化的张量；请用 torch.tensor([...]) 写出数值。',
  },
  shapeTooLarge: {
    en: 'Shape {shape} holds {size} values; Formula Lens reads at most {limit}.',
    'zh-cn': '形状 {shape} 包含 {size} 个值；Formula Lens 最多读取 {limit} 个。',
  },
} satisfies Record<string, LocalizedText>;
