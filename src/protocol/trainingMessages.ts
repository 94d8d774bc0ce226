/** Localized texts the training worker sends (everything else it reports comes from the core's own messages). */
import type { LocalizedText } from '../core/l10n';

export const trainingMessages = {
  unexpected: { en: 'The training worker failed: {detail}', 'zh-cn': '训练线程出错：{detail}' },
} satisfies Record<string, LocalizedText>;
