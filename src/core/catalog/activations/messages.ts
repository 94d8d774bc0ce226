/** Localized errors raised while evaluating activations (shapes, axes, parameter combinations). */
import type { LocalizedText } from '../../l10n';

export const activationMessages = {
  axisOutOfRange: {
    en: '{function}: axis {axis} is out of range for a {rank}-D input (use -{rank}..{last}).',
    'zh-cn': '{function}：axis {axis} 超出 {rank} 维输入的范围（可用 -{rank}..{last}）。',
  },
  needsAxis: {
    en: '{function} needs an input with at least one dimension to split.',
    'zh-cn': '{function} 需要至少一维的输入才能拆分。',
  },
  gluOddSize: {
    en: '{function} splits axis {axis} into two halves, so its size must be even; got {size}.',
    'zh-cn': '{function} 会把 axis {axis} 对半拆分，因此该维大小必须是偶数；实际为 {size}。',
  },
  upstreamShape: {
    en: 'The upstream gradient of {function} must have shape {expected}, got {actual}.',
    'zh-cn': '{function} 的上游梯度形状必须是 {expected}，实际为 {actual}。',
  },
  preluEmptyWeight: {
    en: '{function}: weight must hold at least one value.',
    'zh-cn': '{function}：weight 至少要有一个值。',
  },
  preluWeightSize: {
    en: '{function}: weight has {count} values, but the channel axis has size {size}; give 1 value or one per channel.',
    'zh-cn': '{function}：weight 有 {count} 个值，但通道维大小为 {size}；请给 1 个值或每个通道一个值。',
  },
  hardtanhBounds: {
    en: '{function}: min_val ({min}) must be less than max_val ({max}).',
    'zh-cn': '{function}：min_val（{min}）必须小于 max_val（{max}）。',
  },
} satisfies Record<string, LocalizedText>;
