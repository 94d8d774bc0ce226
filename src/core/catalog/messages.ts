/** Localized messages of the catalog: name lookup and parameter validation. */
import type { LocalizedText } from '../l10n';

export const catalogMessages = {
  unknownFunction: {
    en: 'Unknown function "{name}". Did you mean: {suggestions}?',
    'zh-cn': '未知函数 "{name}"。您是否想输入：{suggestions}？',
  },
  unknownFunctionNoSuggestion: {
    en: 'Unknown function "{name}". Run `formula-lens list` to see every name.',
    'zh-cn': '未知函数 "{name}"。运行 `formula-lens list` 查看全部名称。',
  },
  wrongKind: {
    en: '"{name}" is a {actual}, not a {expected}.',
    'zh-cn': '"{name}" 是{actual}，不是{expected}。',
  },
  kindActivation: { en: 'activation', 'zh-cn': '激活函数' },
  kindLoss: { en: 'loss', 'zh-cn': '损失函数' },
  unknownParam: {
    en: '{function} has no parameter "{param}". Its parameters: {known}.',
    'zh-cn': '{function} 没有参数 "{param}"。它的参数有：{known}。',
  },
  noParams: { en: '(none)', 'zh-cn': '（无）' },
  paramNotNumber: {
    en: 'Parameter "{param}" of {function} must be a number, got {value}.',
    'zh-cn': '{function} 的参数 "{param}" 必须是数字，实际为 {value}。',
  },
  paramNotInteger: {
    en: 'Parameter "{param}" of {function} must be an integer, got {value}.',
    'zh-cn': '{function} 的参数 "{param}" 必须是整数，实际为 {value}。',
  },
  paramNotBoolean: {
    en: 'Parameter "{param}" of {function} must be true or false, got {value}.',
    'zh-cn': '{function} 的参数 "{param}" 必须是 true 或 false，实际为 {value}。',
  },
  paramNotChoice: {
    en: 'Parameter "{param}" of {function} must be one of {choices}, got {value}.',
    'zh-cn': '{function} 的参数 "{param}" 必须是 {choices} 之一，实际为 {value}。',
  },
  paramNotList: {
    en: 'Parameter "{param}" of {function} must be a list of numbers, got {value}.',
    'zh-cn': '{function} 的参数 "{param}" 必须是数字列表，实际为 {value}。',
  },
  paramNotString: {
    en: 'Parameter "{param}" of {function} must be text, got {value}.',
    'zh-cn': '{function} 的参数 "{param}" 必须是文本，实际为 {value}。',
  },
  paramBelowMin: {
    en: 'Parameter "{param}" of {function} must be at least {min}, got {value}.',
    'zh-cn': '{function} 的参数 "{param}" 不能小于 {min}，实际为 {value}。',
  },
  paramNotAboveMin: {
    en: 'Parameter "{param}" of {function} must be greater than {min}, got {value}.',
    'zh-cn': '{function} 的参数 "{param}" 必须大于 {min}，实际为 {value}。',
  },
  paramAboveMax: {
    en: 'Parameter "{param}" of {function} must be at most {max}, got {value}.',
    'zh-cn': '{function} 的参数 "{param}" 不能大于 {max}，实际为 {value}。',
  },
  unknownReduction: {
    en: '{function} does not support reduction "{reduction}". Use one of: {choices}.',
    'zh-cn': '{function} 不支持归约方式 "{reduction}"。可用：{choices}。',
  },
  unknownFramework: {
    en: 'Unknown framework "{name}". Use torch, keras or tfjs.',
    'zh-cn': '未知框架 "{name}"。请使用 torch、keras 或 tfjs。',
  },
} satisfies Record<string, LocalizedText>;
