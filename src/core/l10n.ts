/**
 * Localization for the pure core. Core texts (catalog descriptions, error messages, warnings)
 * carry both languages side by side; hosts pick one with `setCoreLocale`.
 * The extension host sets it from `vscode.env.language`, the CLI from LANG/LC_ALL/--lang,
 * the webview from the locale the host passes in.
 */

/** The languages Formula Lens ships. */
export type Locale = 'en' | 'zh-cn';

/** A user-visible text in every shipped language. Math and code identifiers stay as written. */
export interface LocalizedText {
  readonly en: string;
  readonly 'zh-cn': string;
}

let currentLocale: Locale = 'en';

/** Sets the language used by `localize` when no locale is passed. */
export function setCoreLocale(locale: Locale): void {
  currentLocale = locale;
}

/** The language `localize` uses by default. */
export function getCoreLocale(): Locale {
  return currentLocale;
}

/** Maps a BCP-47-ish tag (`zh-CN`, `zh_CN.UTF-8`, `zh-Hans`, `en-US`) to a shipped locale. */
export function toLocale(tag: string | undefined): Locale {
  const normalized = (tag ?? '').toLowerCase().replace('_', '-');
  return normalized.startsWith('zh') ? 'zh-cn' : 'en';
}

/**
 * Picks the text for a locale and fills `{name}` placeholders from `args`.
 * Unknown placeholders stay visible so a missing argument is noticed, not hidden.
 */
export function localize(text: LocalizedText, args?: Readonly<Record<string, string | number>>, locale: Locale = currentLocale): string {
  const template = text[locale] || text.en;
  if (!args) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));
}

/** Position in a text, 0-based, for errors that point at what the user wrote. */
export interface TextPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/**
 * An expected, user-facing failure (bad name, wrong shape, malformed literal...).
 * It carries the localized template and its arguments so every host can render it
 * in the user's language; `message` is the English text for logs.
 */
export class FormulaLensError extends Error {
  constructor(
    readonly text: LocalizedText,
    readonly args: Readonly<Record<string, string | number>> = {},
    readonly position?: TextPosition,
    readonly endPosition?: TextPosition,
  ) {
    super(localize(text, args, 'en'));
    this.name = 'FormulaLensError';
  }

  /** The message in the given (or current) locale, with `line:column` when known. */
  localizedMessage(locale: Locale = currentLocale): string {
    const message = localize(this.text, this.args, locale);
    return this.position ? `${this.position.line + 1}:${this.position.column + 1}: ${message}` : message;
  }
}
