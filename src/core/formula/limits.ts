/**
 * The size limits, checked on the raw text before anything parses it, so no parser ever sees a
 * formula that is too long or nested too deeply.
 */
import { FORMULA_MAX_DEPTH, FORMULA_MAX_LENGTH } from './language';
import { formulaMessages } from './messages';
import { refusalAt } from './position';

/** Throws a positioned FormulaLensError when the text is longer than 500 characters or nests brackets deeper than 50. */
export function checkFormulaLimits(text: string): void {
  if (text.length > FORMULA_MAX_LENGTH) {
    throw refusalAt(text, FORMULA_MAX_LENGTH, formulaMessages.tooLong, { length: text.length, limit: FORMULA_MAX_LENGTH }, text.length);
  }
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth > FORMULA_MAX_DEPTH) throw refusalAt(text, i, formulaMessages.tooDeep, { limit: FORMULA_MAX_DEPTH });
    } else if (c === ')' || c === ']' || c === '}') {
      // An unbalanced closing bracket is a syntax error reported later; it must not hide depth.
      depth = Math.max(0, depth - 1);
    }
  }
}
