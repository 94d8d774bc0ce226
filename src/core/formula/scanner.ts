/**
 * The first gate of the formula language: a scanner that reads the raw text token by token and
 * refuses, at its exact position, everything outside the language (strings, assignments, property
 * access, matrices, ranges, conditionals, unknown names...). Only text that passes reaches mathjs.
 */
import { FormulaLensError } from '../l10n';
import { FORMULA_EXAMPLES, FORMULA_VARIABLES, isConstantName, isVariableOf } from './language';
import type { FormulaKind } from './language';
import { getFormulaFunction, suggestFunctions } from './functions';
import { formulaMessages } from './messages';
import { positionAt, refusalAt } from './position';

/** A token of a formula. */
export interface FormulaToken {
  readonly kind: 'number' | 'identifier' | 'operator' | 'open' | 'close' | 'comma';
  readonly text: string;
  /** UTF-16 offset of the first character. */
  readonly offset: number;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isIdentifierStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

function isIdentifierPart(c: string | undefined): boolean {
  return c !== undefined && (isIdentifierStart(c) || isDigit(c));
}

/** The variables of a kind as text for messages: "x" or "y, p". */
export function variablesText(kind: FormulaKind): string {
  return FORMULA_VARIABLES[kind].join(', ');
}

function refuse(text: string, offset: number, message: keyof typeof formulaMessages, args: Record<string, string | number> = {}): never {
  throw refusalAt(text, offset, formulaMessages[message], args);
}

/** Length of the number literal starting at `start`: digits, an optional fraction, an optional exponent. */
function numberLength(text: string, start: number): number {
  let i = start;
  while (isDigit(text[i])) i++;
  // A dot followed by *, / or ^ is mathjs's element-wise operator (refused later), not a decimal point.
  const afterDot = text[i + 1];
  if (text[i] === '.' && (afterDot === undefined || !'*/^'.includes(afterDot))) {
    i++;
    while (isDigit(text[i])) i++;
  }
  // The exponent only counts when digits follow, as in mathjs: `2e` is 2·e, `2e-3` is 0.002.
  if (text[i] === 'e' || text[i] === 'E') {
    const sign = text[i + 1] === '+' || text[i + 1] === '-' ? 1 : 0;
    if (isDigit(text[i + 1 + sign])) {
      i += 1 + sign;
      while (isDigit(text[i])) i++;
    }
  }
  return i - start;
}

/** Splits a formula into tokens, refusing any character or construct outside the language. */
function tokenize(text: string, kind: FormulaKind): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  // Names before a refused character are checked first, so the earliest problem is the one reported
  // (`createUnit("x")` is refused for createUnit, not for the quote).
  const refuseCharacter = (offset: number, message: keyof typeof formulaMessages, args: Record<string, string | number> = {}): never => {
    checkIdentifiers(text, kind, tokens);
    return refuse(text, offset, message, args);
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1]))) {
      const length = numberLength(text, i);
      tokens.push({ kind: 'number', text: text.slice(i, i + length), offset: i });
      i += length;
      continue;
    }
    if (isIdentifierStart(c)) {
      let end = i + 1;
      while (isIdentifierPart(text[end])) end++;
      tokens.push({ kind: 'identifier', text: text.slice(i, end), offset: i });
      i = end;
      continue;
    }
    const next = text[i + 1];
    switch (c) {
      case '+':
      case '-':
      case '*':
      case '/':
      case '^':
        tokens.push({ kind: 'operator', text: c, offset: i });
        break;
      case '(':
        tokens.push({ kind: 'open', text: c, offset: i });
        break;
      case ')':
        tokens.push({ kind: 'close', text: c, offset: i });
        break;
      case ',':
        tokens.push({ kind: 'comma', text: c, offset: i });
        break;
      case '=':
        if (next === '=') refuseCharacter(i, 'comparisonNotAllowed', { operator: '==' });
        // An assignment says more than the unknown name before it (`f(x) = ...`, `a = 1`).
        refuse(text, i, 'assignmentNotAllowed', { example: FORMULA_EXAMPLES[kind] });
        break;
      case '<':
      case '>':
        refuseCharacter(i, 'comparisonNotAllowed', { operator: next === '=' || next === c ? c + next : c });
        break;
      case '!':
        if (next === '=') refuseCharacter(i, 'comparisonNotAllowed', { operator: '!=' });
        refuseCharacter(i, 'operatorNotAllowed', { operator: c });
        break;
      case '"':
      case "'":
      case '`':
        refuseCharacter(i, 'stringNotAllowed', { variables: variablesText(kind) });
        break;
      case '.':
        refuseCharacter(i, 'propertyAccessNotAllowed');
        break;
      case '[':
      case ']':
        refuseCharacter(i, 'matrixNotAllowed');
        break;
      case '{':
      case '}':
        refuseCharacter(i, 'objectNotAllowed');
        break;
      case ':':
        refuseCharacter(i, 'rangeNotAllowed');
        break;
      case '?':
        refuseCharacter(i, 'conditionalNotAllowed');
        break;
      case ';':
        refuseCharacter(i, 'multipleStatements');
        break;
      case '%':
      case '&':
      case '|':
      case '~':
        refuseCharacter(i, 'operatorNotAllowed', { operator: c });
        break;
      default:
        refuseCharacter(i, 'unexpectedCharacter', { char: String.fromCodePoint(text.codePointAt(i) ?? 0) });
    }
    i++;
  }
  return tokens;
}

/** Checks what each name refers to: a function must be called, a variable or constant must not be. */
function checkIdentifiers(text: string, kind: FormulaKind, tokens: readonly FormulaToken[]): void {
  tokens.forEach((token, index) => {
    if (token.kind !== 'identifier') return;
    const name = token.text;
    const isCall = tokens[index + 1]?.kind === 'open';
    const isValue = isVariableOf(kind, name) || isConstantName(name);
    if (isCall) {
      if (getFormulaFunction(name)) return;
      if (isValue) refuse(text, token.offset, 'notAFunction', { name });
      const suggestions = suggestFunctions(name);
      if (suggestions.length > 0) refuse(text, token.offset, 'unknownFunction', { name, suggestions: suggestions.join(', ') });
      refuse(text, token.offset, 'unknownFunctionNoSuggestion', { name });
    }
    if (isValue) return;
    if (getFormulaFunction(name)) refuse(text, token.offset, 'functionNeedsCall', { name });
    refuse(text, token.offset, kind === 'activation' ? 'unknownSymbolActivation' : 'unknownSymbolLoss', { name });
  });
}

/**
 * Reads a formula into tokens, or throws a FormulaLensError positioned at the first thing outside the
 * language. Does not check the grammar (operator order, brackets balance): mathjs does that next.
 */
export function scanFormula(text: string, kind: FormulaKind): FormulaToken[] {
  const tokens = tokenize(text, kind);
  if (tokens.length === 0) {
    throw new FormulaLensError(formulaMessages.empty, { variables: variablesText(kind), example: FORMULA_EXAMPLES[kind] }, positionAt(text, 0), positionAt(text, text.length));
  }
  checkIdentifiers(text, kind, tokens);
  return tokens;
}
