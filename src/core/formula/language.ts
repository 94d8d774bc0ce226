/**
 * The formula language's fixed vocabulary: the two kinds of formula, their variables, the named
 * constants and the size limits. Everything else a formula may contain is in `functions.ts`.
 */

/** An activation formula is f(x); a loss formula is L(y, p) with y the target and p the prediction. */
export type FormulaKind = 'activation' | 'loss';

/** Every formula kind. */
export const FORMULA_KINDS: readonly FormulaKind[] = ['activation', 'loss'];

/** A formula variable: x for activations; y (target) and p (prediction) for losses. */
export type FormulaVariable = 'x' | 'y' | 'p';

/** The variables of each kind, in evaluation argument order. */
export const FORMULA_VARIABLES: Readonly<Record<FormulaKind, readonly FormulaVariable[]>> = { activation: ['x'], loss: ['y', 'p'] };

/** The variable each kind differentiates by: d/dx for activations, d/dp for losses. */
export const DIFFERENTIATION_VARIABLE: Readonly<Record<FormulaKind, FormulaVariable>> = { activation: 'x', loss: 'p' };

/** An example formula of each kind, for messages. */
export const FORMULA_EXAMPLES: Readonly<Record<FormulaKind, string>> = { activation: 'x * sigmoid(1.702 * x)', loss: '(y - p)^2' };

/** Named constants. */
export const FORMULA_CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/** The longest formula accepted, in characters (UTF-16 code units). */
export const FORMULA_MAX_LENGTH = 500;

/** The deepest bracket nesting accepted. */
export const FORMULA_MAX_DEPTH = 50;

/** The largest derivative (in expression-tree nodes) that is simplified and compiled. */
export const FORMULA_MAX_DERIVATIVE_NODES = 20000;

/** True when `name` is a variable of formulas of this kind. */
export function isVariableOf(kind: FormulaKind, name: string): name is FormulaVariable {
  return (FORMULA_VARIABLES[kind] as readonly string[]).includes(name);
}

/** True when `name` is a named constant (pi, e). */
export function isConstantName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FORMULA_CONSTANTS, name);
}
