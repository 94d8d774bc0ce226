/**
 * The checked expression tree the evaluator compiles: numbers, variables, the five arithmetic
 * operators, negation, and calls of whitelisted functions. Nothing else can be represented.
 */
import type { FormulaVariable } from './language';

/** Binary arithmetic operators. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

/** A node of a checked formula. Named constants are already numbers; unary plus and parentheses are gone. */
export type FormulaNode =
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'variable'; readonly name: FormulaVariable }
  | { readonly type: 'negate'; readonly argument: FormulaNode }
  | { readonly type: 'binary'; readonly operator: BinaryOperator; readonly left: FormulaNode; readonly right: FormulaNode }
  | { readonly type: 'call'; readonly name: string; readonly args: readonly FormulaNode[] };

/** Number of nodes in a tree. */
export function nodeCount(node: FormulaNode): number {
  switch (node.type) {
    case 'number':
    case 'variable':
      return 1;
    case 'negate':
      return 1 + nodeCount(node.argument);
    case 'binary':
      return 1 + nodeCount(node.left) + nodeCount(node.right);
    case 'call':
      return node.args.reduce((sum, arg) => sum + nodeCount(arg), 1);
  }
}

/** True when the tree mentions any of the variables. */
export function mentionsVariable(node: FormulaNode): boolean {
  switch (node.type) {
    case 'number':
      return false;
    case 'variable':
      return true;
    case 'negate':
      return mentionsVariable(node.argument);
    case 'binary':
      return mentionsVariable(node.left) || mentionsVariable(node.right);
    case 'call':
      return node.args.some(mentionsVariable);
  }
}
