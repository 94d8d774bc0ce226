/**
 * Text and LaTeX of formula trees. Every function call is rendered here rather than by mathjs:
 * mathjs's FunctionNode renders its arguments twice (once eagerly, once in its template), which is
 * exponential in the nesting depth; operators and symbols keep mathjs's rendering.
 */
import type { MathNode } from './mathjsSubset';

interface LooseCall {
  readonly type: string;
  readonly fn?: { readonly name?: string };
  readonly args?: readonly MathNode[];
}

/** Functions written as a named operator applied to parenthesized arguments. */
const OPERATOR_NAMES: Readonly<Record<string, string>> = {
  exp: '\\exp',
  log: '\\ln',
  log10: '\\log_{10}',
  log2: '\\log_{2}',
  sin: '\\sin',
  cos: '\\cos',
  tan: '\\tan',
  sec: '\\sec',
  csc: '\\csc',
  cot: '\\cot',
  asin: '\\arcsin',
  acos: '\\arccos',
  atan: '\\arctan',
  sinh: '\\sinh',
  cosh: '\\cosh',
  tanh: '\\tanh',
  coth: '\\coth',
  sech: '\\operatorname{sech}',
  csch: '\\operatorname{csch}',
  asinh: '\\sinh^{-1}',
  acosh: '\\cosh^{-1}',
  atanh: '\\tanh^{-1}',
  min: '\\min',
  max: '\\max',
  sigmoid: '\\sigma',
  log_sigmoid: '\\log\\sigma',
};

/** Functions with a notation of their own. */
const NOTATIONS: Readonly<Record<string, (args: readonly string[]) => string>> = {
  sqrt: ([a]) => `\\sqrt{${a}}`,
  cbrt: ([a]) => `\\sqrt[3]{${a}}`,
  abs: ([a]) => `\\left|${a}\\right|`,
  floor: ([a]) => `\\left\\lfloor${a}\\right\\rfloor`,
  ceil: ([a]) => `\\left\\lceil${a}\\right\\rceil`,
  pow: ([a, b]) => `{\\left(${a}\\right)}^{${b}}`,
};

function callTex(name: string, args: readonly string[]): string {
  const notation = NOTATIONS[name];
  if (notation) return notation(args);
  if (name === 'log' && args.length === 2) return `\\log_{${args[1]}}\\left(${args[0]}\\right)`;
  const operator = OPERATOR_NAMES[name] ?? `\\operatorname{${name.replace(/_/g, '\\_')}}`;
  return `${operator}\\left(${args.join(',')}\\right)`;
}

const texOptions = {
  parenthesis: 'keep',
  implicit: 'hide',
  handler(node: MathNode, options: object): string | undefined {
    const call = node as unknown as LooseCall;
    if (call.type !== 'FunctionNode' || !call.fn?.name) return undefined;
    return callTex(call.fn.name, (call.args ?? []).map((arg) => arg.toTex(options)));
  },
};

/** LaTeX of a formula tree. */
export function formulaToTex(node: MathNode): string {
  return node.toTex(texOptions).trim();
}

/** Plain text of a formula tree in the formula language itself (it parses back to the same formula). */
export function formulaToText(node: MathNode): string {
  return node.toString({ parenthesis: 'keep', implicit: 'show' });
}
