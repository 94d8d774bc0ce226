/**
 * The size limits, checked on the raw text before anything parses it, so no parser ever sees a
 * formula that is too long or nested too deeply.
 */
import { FormulaLensError } from '../l10n';
import { FORMULA_MAX_DEPTH, FORMULA_MAX_LENGTH } from './language';
import { formulaMessages } from './messages';
import { positionAt } from './position';

/** Throws a positioned FormulaLensError when the text is longer than 500 characters or nests brackets deeper than 50. */
export function checkFormulaLimits(text: string): void {
  if (text.length > FORMULA_MAX_LENGTH) {
    throw new FormulaLensError(formulaMessages.tooLong, { length: text.length, limit: FORMULA_MAX_LENGTH }, positionAt(text, FORMULA_MAX_LENGTH));
  }
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth > FORMULA_MAX_DEPTH) throw new FormulaLensError(formulaMessages.tooDeep, { limit: FORMULA_MAX_DEPTH }, positionAt(text, i));
    } else if (c === ')' || c === ']' || c === '}') {
      // An unbalanced closing bracket is a syntax error reported later; it must not hide depth.
      depth = Math.max(0, depth - 1);
    }
  }
}
