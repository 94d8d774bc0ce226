/**
 * The custom-formula compiler: text → checked tree → symbolic derivative → two block programs.
 * It works on a mathjs subset passed in; `load.ts` imports that subset lazily. A bundle that is itself
 * loaded lazily (the webview's formula script) may instead import `mathjsSubset` statically and call
 * `createFormulaCompiler`, which keeps esbuild's tree-shaking of mathjs.
 */
import { FormulaLensError } from '../l10n';
import type { FormulaMath, MathNode } from './mathjsSubset';
import { Differentiator } from './differentiate';
import { toFormulaNode } from './convert';
import { DIFFERENTIATION_VARIABLE, FORMULA_MAX_DERIVATIVE_NODES, FORMULA_VARIABLES } from './language';
import type { FormulaKind, FormulaVariable } from './language';
import { formulaToTex, formulaToText } from './latex';
import { formulaMessages } from './messages';
import { parseFormula } from './parse';
import { positionAt } from './position';
import { compileProgram } from './program';
import type { BlockProgram } from './program';
import type { FormulaNode } from './tree';

/** What every compiled formula shows. */
export interface CompiledFormulaInfo {
  readonly kind: FormulaKind;
  /** The formula as the user wrote it. */
  readonly expression: string;
  /** The formula as mathjs prints it (parses back to the same formula). */
  readonly text: string;
  readonly latex: string;
  /** d/dx (activation) or d/dp (loss), simplified, in the formula language. */
  readonly derivativeText: string;
  readonly derivativeLatex: string;
  /** The variable the derivative is taken by: x or p. */
  readonly derivativeVariable: FormulaVariable;
  /** The checked trees behind the two programs. */
  readonly tree: FormulaNode;
  readonly derivativeTree: FormulaNode;
}

/** A compiled activation formula f(x). Evaluation never throws on any float input (NaN/±∞ may come out). */
export interface CompiledActivationFormula extends CompiledFormulaInfo {
  readonly kind: 'activation';
  /** out[i] = f(x[i]). `out` may be `x`; lengths must match. */
  evaluate(x: Float64Array, out: Float64Array): void;
  /** out[i] = f'(x[i]). `out` may be `x`; lengths must match. */
  derivative(x: Float64Array, out: Float64Array): void;
  valueAt(x: number): number;
  derivativeAt(x: number): number;
}

/** A compiled loss formula L(y, p), y the target and p the prediction. */
export interface CompiledLossFormula extends CompiledFormulaInfo {
  readonly kind: 'loss';
  /** out[i] = L(y[i], p[i]). `out` may be `y` or `p`; lengths must match. */
  evaluateLoss(y: Float64Array, p: Float64Array, out: Float64Array): void;
  /** out[i] = ∂L/∂p (y[i], p[i]). */
  derivative(y: Float64Array, p: Float64Array, out: Float64Array): void;
  valueAt(y: number, p: number): number;
  derivativeAt(y: number, p: number): number;
}

/** Either kind of compiled formula. */
export type CompiledFormula = CompiledActivationFormula | CompiledLossFormula;

/** Compiles formula texts; obtained from `loadFormulaCompiler`. */
export interface FormulaCompiler {
  /** Parses, checks, differentiates and compiles; throws a positioned FormulaLensError when the formula is refused. */
  compile(text: string, kind: 'activation'): CompiledActivationFormula;
  compile(text: string, kind: 'loss'): CompiledLossFormula;
  compile(text: string, kind: FormulaKind): CompiledFormula;
}

function countNodes(node: MathNode): number {
  let count = 0;
  node.traverse(() => {
    count++;
  });
  return count;
}

/** Builds a compiler on a mathjs subset (tests may pass their own instance). */
export function createFormulaCompiler(math: FormulaMath): FormulaCompiler {
  const differentiator = new Differentiator(math);

  function compile(text: string, kind: 'activation'): CompiledActivationFormula;
  function compile(text: string, kind: 'loss'): CompiledLossFormula;
  function compile(text: string, kind: FormulaKind): CompiledFormula;
  function compile(text: string, kind: FormulaKind): CompiledFormula {
    const { expression, tree } = parseFormula(math, text, kind);
    try {
      return build(text, kind, expression, tree);
    } catch (error) {
      // Past parsing, only the size limit is an expected refusal; anything else is a bug, still reported in place.
      if (error instanceof FormulaLensError && error.position) throw error;
      const detail = error instanceof FormulaLensError ? error.message : error instanceof Error ? error.message : String(error);
      throw new FormulaLensError(formulaMessages.internalError, { detail }, positionAt(text, 0));
    }
  }

  function build(text: string, kind: FormulaKind, expression: MathNode, tree: FormulaNode): CompiledFormula {
    const variable = DIFFERENTIATION_VARIABLE[kind];
    const derivativeExpression = differentiator.derivative(expression, variable);
    const size = countNodes(derivativeExpression);
    if (size > FORMULA_MAX_DERIVATIVE_NODES) {
      throw new FormulaLensError(formulaMessages.derivativeTooLarge, { size, limit: FORMULA_MAX_DERIVATIVE_NODES }, positionAt(text, 0));
    }
    const derivativeTree = toFormulaNode(derivativeExpression, { kind });
    const variables = FORMULA_VARIABLES[kind];
    const valueProgram = compileProgram(tree, variables);
    const derivativeProgram = compileProgram(derivativeTree, variables);
    const info = {
      expression: text,
      text: formulaToText(expression),
      latex: formulaToTex(expression),
      derivativeText: formulaToText(derivativeExpression),
      derivativeLatex: formulaToTex(derivativeExpression),
      derivativeVariable: variable,
      tree,
      derivativeTree,
    };
    return kind === 'activation' ? activationFormula(info, valueProgram, derivativeProgram) : lossFormula(info, valueProgram, derivativeProgram);
  }

  return { compile };
}

function activationFormula(info: Omit<CompiledFormulaInfo, 'kind'>, value: BlockProgram, derivative: BlockProgram): CompiledActivationFormula {
  const pair: Float64Array[] = [];
  return {
    kind: 'activation',
    ...info,
    evaluate(x, out) {
      pair[0] = x;
      value.run(pair, out);
    },
    derivative(x, out) {
      pair[0] = x;
      derivative.run(pair, out);
    },
    valueAt: (x) => value.runScalar([x]),
    derivativeAt: (x) => derivative.runScalar([x]),
  };
}

function lossFormula(info: Omit<CompiledFormulaInfo, 'kind'>, value: BlockProgram, derivative: BlockProgram): CompiledLossFormula {
  const pair: Float64Array[] = [];
  return {
    kind: 'loss',
    ...info,
    evaluateLoss(y, p, out) {
      pair[0] = y;
      pair[1] = p;
      value.run(pair, out);
    },
    derivative(y, p, out) {
      pair[0] = y;
      pair[1] = p;
      derivative.run(pair, out);
    },
    valueAt: (y, p) => value.runScalar([y, p]),
    derivativeAt: (y, p) => derivative.runScalar([y, p]),
  };
}
