/**
 * Reads a formula: size limits on the raw text, the scanner's whitelist, mathjs's grammar, then the
 * tree whitelist. Every refusal is a FormulaLensError positioned in the formula.
 */
import { FormulaLensError } from '../l10n';
import type { LocalizedText } from '../l10n';
import type { FormulaMath, MathNode } from './mathjsSubset';
import type { FormulaKind } from './language';
import { checkFormulaLimits } from './limits';
import { formulaMessages } from './messages';
import { refusalAt } from './position';
import { scanFormula } from './scanner';
import type { FormulaToken } from './scanner';
import { toFormulaNode } from './convert';
import type { FormulaNode } from './tree';

/** A formula that passed every check. */
export interface ParsedFormula {
  /** mathjs's tree, for the symbolic derivative and for text and LaTeX. */
  readonly expression: MathNode;
  /** The checked tree the evaluator compiles. */
  readonly tree: FormulaNode;
}

/** Checks the size limits and the scanner whitelist without loading mathjs; throws a positioned FormulaLensError. */
export function precheckFormula(text: string, kind: FormulaKind): FormulaToken[] {
  checkFormulaLimits(text);
  return scanFormula(text, kind);
}

/** Turns a mathjs parse error (English, with a 1-based `char`) into a positioned, localized error. */
export function fromMathjsError(error: unknown, text: string): FormulaLensError {
  if (error instanceof FormulaLensError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const char = typeof (error as { char?: unknown })?.char === 'number' ? (error as { char: number }).char : 1;
  const offset = Math.max(0, Math.min(char - 1, text.length));
  const detail = message.replace(/\s*\(char \d+\)\s*$/, '');
  const at = (messageText: LocalizedText, args: Record<string, string> = {}): FormulaLensError => refusalAt(text, offset, messageText, args);
  let match: RegExpMatchArray | null;
  if (/^Unexpected end of expression/.test(detail)) return at(formulaMessages.unexpectedEnd);
  if (/^Parenthesis \) expected/.test(detail)) return at(formulaMessages.closingParenthesisExpected);
  if (/^Value expected/.test(detail)) return at(formulaMessages.valueExpected);
  if ((match = /^Unexpected part "(.*)"$/.exec(detail))) return at(formulaMessages.unexpectedPart, { part: match[1]! });
  if ((match = /^Unexpected operator (.*)$/.exec(detail))) return at(formulaMessages.unexpectedOperator, { operator: match[1]! });
  return at(formulaMessages.syntaxError, { detail });
}

/** Parses and checks a formula with the mathjs subset; throws a positioned FormulaLensError when it is refused. */
export function parseFormula(math: FormulaMath, text: string, kind: FormulaKind): ParsedFormula {
  const tokens = precheckFormula(text, kind);
  // mathjs reads a newline as a statement break; the scanner allows line breaks as plain spacing,
  // and same-length replacement keeps every position valid.
  const normalized = text.replace(/[\t\n\r]/g, ' ');
  let expression: MathNode;
  try {
    expression = math.parse(normalized);
  } catch (error) {
    throw fromMathjsError(error, text);
  }
  const identifiers = tokens.filter((token) => token.kind === 'identifier');
  const tree = toFormulaNode(expression, { kind, text, identifiers });
  return { expression, tree };
}
