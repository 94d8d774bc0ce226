/**
 * The only module that imports mathjs. It builds a small mathjs instance (parse, derivative and the
 * expression-node classes; no evaluate, import, createUnit or units) and wraps
 * the few operations the formula compiler needs. Load it with `import('./mathjsSubset')` only, so
 * mathjs stays off every start-up path until a formula is first compiled.
 */
import { create, derivativeDependencies, parseDependencies } from 'mathjs';
import type { MathNode } from 'mathjs';

export type { MathNode } from 'mathjs';

const math = create({ parseDependencies, derivativeDependencies });

/** Arithmetic operators the compiler builds nodes for, with mathjs's function names. */
const OPERATOR_FUNCTIONS = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '^': 'pow' } as const;

/** The mathjs operations the formula compiler uses, behind a narrow interface. */
export interface FormulaMath {
  /** Parses text into a mathjs expression tree (throws mathjs SyntaxErrors with a `char` position). */
  parse(text: string): MathNode;
  /** The unsimplified symbolic partial derivative with respect to one symbol (others are constants). */
  derivative(expression: MathNode, variable: string): MathNode;
  constant(value: number): MathNode;
  symbol(name: string): MathNode;
  binary(operator: keyof typeof OPERATOR_FUNCTIONS, left: MathNode, right: MathNode): MathNode;
  negate(argument: MathNode): MathNode;
  call(name: string, args: MathNode[]): MathNode;
}

/** The mathjs subset, created once when this module is first imported. */
export const formulaMath: FormulaMath = {
  parse: (text) => math.parse(text),
  derivative: (expression, variable) => math.derivative(expression, new math.SymbolNode(variable), { simplify: false }),
  constant: (value) => new math.ConstantNode(value),
  symbol: (name) => new math.SymbolNode(name),
  binary: (operator, left, right) => new math.OperatorNode(operator, OPERATOR_FUNCTIONS[operator], [left, right]),
  negate: (argument) => new math.OperatorNode('-', 'unaryMinus', [argument]),
  call: (name, args) => new math.FunctionNode(new math.SymbolNode(name), args),
};
