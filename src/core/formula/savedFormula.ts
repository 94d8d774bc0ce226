/**
 * Saved formulas: the plain-JSON shape stored in settings and sent in webview messages, with a
 * guard for untrusted values and a reader for the settings list.
 */
import type { LocalizedText } from '../l10n';
import { FORMULA_KINDS } from './language';
import type { FormulaKind } from './language';
import { formulaMessages } from './messages';

/**
 * A user's named formula, as in the `formulaLens.customFormulas` setting and the playground protocol.
 * `name` is identifier-like so it can appear in pickers and code-like places.
 */
export interface SavedFormula {
  readonly name: string;
  readonly kind: FormulaKind;
  /** Activation: an expression in x. Loss: an expression in y (target) and p (prediction). */
  readonly formula: string;
  readonly description?: string;
}

/** Longest accepted name, stored text (the setting's limit; the compiler refuses over 500) and description. */
export const SAVED_FORMULA_NAME_MAX_LENGTH = 64;
export const SAVED_FORMULA_TEXT_MAX_LENGTH = 2000;
export const SAVED_FORMULA_DESCRIPTION_MAX_LENGTH = 1000;

const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYS = new Set(['name', 'kind', 'formula', 'description']);

/** True when `name` is a valid saved-formula name: a letter or `_`, then letters, digits or `_`, at most 64. */
export function isFormulaName(name: string): boolean {
  return name.length <= SAVED_FORMULA_NAME_MAX_LENGTH && NAME_PATTERN.test(name);
}

/**
 * Guard for untrusted values (settings, webview messages): exactly the SavedFormula fields with the
 * right types, a valid name and a formula text within the setting's length limit. It does not compile the formula.
 */
export function isSavedFormula(value: unknown): value is SavedFormula {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  if (!Object.keys(record).every((key) => KEYS.has(key))) return false;
  const { name, kind, formula, description } = record;
  return (
    typeof name === 'string' &&
    isFormulaName(name) &&
    typeof kind === 'string' &&
    (FORMULA_KINDS as readonly string[]).includes(kind) &&
    typeof formula === 'string' &&
    formula.length <= SAVED_FORMULA_TEXT_MAX_LENGTH &&
    (description === undefined || (typeof description === 'string' && description.length <= SAVED_FORMULA_DESCRIPTION_MAX_LENGTH))
  );
}

/** One rejected settings entry, with a localized reason. */
export interface SavedFormulaProblem {
  readonly index: number;
  readonly text: LocalizedText;
  readonly args: Readonly<Record<string, string | number>>;
}

/** Reads a settings value (expected: an array of SavedFormula), keeping the valid entries and explaining the rest. */
export function readSavedFormulas(value: unknown): { formulas: SavedFormula[]; problems: SavedFormulaProblem[] } {
  const formulas: SavedFormula[] = [];
  const problems: SavedFormulaProblem[] = [];
  if (!Array.isArray(value)) return { formulas, problems: value === undefined || value === null ? [] : [{ index: 0, text: formulaMessages.savedFormulaShape, args: { index: 1 } }] };
  const seen = new Set<string>();
  value.forEach((item: unknown, index) => {
    if (!isSavedFormula(item)) {
      const name = typeof item === 'object' && item !== null ? (item as { name?: unknown }).name : undefined;
      problems.push(
        typeof name === 'string' && !isFormulaName(name)
          ? { index, text: formulaMessages.savedFormulaName, args: { name, limit: SAVED_FORMULA_NAME_MAX_LENGTH } }
          : { index, text: formulaMessages.savedFormulaShape, args: { index: index + 1 } },
      );
      return;
    }
    if (seen.has(item.name)) {
      problems.push({ index, text: formulaMessages.savedFormulaDuplicate, args: { name: item.name } });
      return;
    }
    seen.add(item.name);
    formulas.push(item.description === undefined ? { name: item.name, kind: item.kind, formula: item.formula } : { ...item });
  });
  return { formulas, problems };
}
