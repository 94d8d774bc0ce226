/**
 * Fuzzing the custom-formula compiler: arbitrary text and token soups give a compiled formula or a
 * FormulaLensError positioned inside the text, never anything else; compiled functions never throw on
 * any float input; random smooth formulas have derivatives that match finite differences and derivative
 * texts that compile back to the same function.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FormulaLensError } from '../../src/core/l10n';
import { loadFormulaCompiler } from '../../src/core/formula/load';
import type { CompiledFormula, FormulaCompiler } from '../../src/core/formula/compiler';
import { positionAt } from '../../src/core/formula/position';
import type { FormulaKind } from '../../src/core/formula/language';
import { argumentCounts, FORMULA_FUNCTIONS, getFormulaFunction, implementationFor } from '../../src/core/formula/functions';
import { compileProgram } from '../../src/core/formula/program';
import type { BinaryOperator, FormulaNode } from '../../src/core/formula/tree';

/** Any float64, with NaN, ±Infinity, -0, subnormals and huge values drawn often. */
const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 5e-324, -1.7976931348623157e308, 1e300, 709.8, -745.2, 0.5, 1, -1, 3, 6),
  fc.double({ min: -10, max: 10, noNaN: true }),
);
const anyInputs = fc.array(anyNumber, { maxLength: 24 });
const anyKind = fc.constantFrom<FormulaKind>('activation', 'loss');

/** Pieces of valid formulas; soups of them often parse, and exercise evaluation. */
const VALID_TOKENS = [
  'x', 'y', 'p', 'pi', 'e', '0', '1', '2.5', '.5', '1e3', '1e-7', '3e', '1e400', '+', '-', '*', '/', '^', '(', ')', ',',
  'sigmoid(', 'exp(', 'log(', 'log1p(', 'sqrt(', 'abs(', 'min(', 'max(', 'clip(', 'pow(', 'erf(', 'gelu(', 'relu(', 'step(',
  'leaky_relu(', 'elu(', 'softplus(', 'tanh(', 'atan2(', 'hypot(', 'mish(', 'hard_swish(', 'squareplus(', 'sech(', 'csc(',
  'floor(', 'sign(', 'cbrt(', 'asin(', 'acosh(', 'log_sigmoid(', 'selu(', 'soft_shrink(',
];
/** Pieces outside the language, mixed in so refusals come from every gate. */
const INVALID_TOKENS = ['z', '.', '=', '==', '[', ']', '{', '}', '"', "'", '?', ':', ';', '!', '%', '&', '|', '~', '#', '$', 'import(', 'evaluate(', 'f(x)', 'mod', 'true', 'α', '\n', '\t', '·', '\u{1F600}'];
function soupOf(tokens: readonly string[]): fc.Arbitrary<string> {
  return fc.array(fc.tuple(fc.constantFrom(...tokens), fc.constantFrom('', '', ' ')), { maxLength: 40 }).map((parts) => parts.map(([token, space]) => token + space).join(''));
}
const soup = fc.oneof(soupOf(VALID_TOKENS), soupOf([...VALID_TOKENS, ...INVALID_TOKENS]));

let compiler: FormulaCompiler | undefined;
async function getCompiler(): Promise<FormulaCompiler> {
  compiler ??= await loadFormulaCompiler();
  return compiler;
}

/** Runs a compiled formula on inputs; it must not throw and must give numbers. */
function exercise(formula: CompiledFormula, inputs: readonly number[]): void {
  const x = Float64Array.from(inputs);
  const out = new Float64Array(x.length);
  if (formula.kind === 'activation') {
    formula.evaluate(x, out);
    formula.derivative(x, out);
    formula.evaluate(x, x);
    for (const v of inputs.slice(0, 4)) {
      assert.equal(typeof formula.valueAt(v), 'number');
      assert.equal(typeof formula.derivativeAt(v), 'number');
    }
  } else {
    const p = x.slice().reverse();
    formula.evaluateLoss(x, p, out);
    formula.derivative(x, p, out);
    for (const v of inputs.slice(0, 4)) {
      assert.equal(typeof formula.valueAt(v, -v), 'number');
      assert.equal(typeof formula.derivativeAt(-v, v), 'number');
    }
  }
  assert.ok(out.every((v) => typeof v === 'number'));
}

/** The contract for any text: a compiled formula, or a FormulaLensError positioned inside the text. */
function compileOrRefuse(compiler: FormulaCompiler, text: string, kind: FormulaKind): CompiledFormula | undefined {
  try {
    return compiler.compile(text, kind);
  } catch (error) {
    if (!(error instanceof FormulaLensError)) throw error;
    const position = error.position;
    assert.ok(position, `no position for ${JSON.stringify(text)}: ${error.message}`);
    assert.ok(position.offset >= 0 && position.offset <= text.length, `offset ${position.offset} outside ${JSON.stringify(text)}`);
    assert.deepEqual(position, positionAt(text, position.offset), 'line and column agree with the offset');
    const end = error.endPosition;
    assert.ok(end && end.offset >= position.offset && end.offset <= text.length, `range ${position.offset}..${end?.offset} outside ${JSON.stringify(text)}`);
    assert.ok(error.localizedMessage('en').length > 0 && error.localizedMessage('zh-cn').length > 0);
    return undefined;
  }
}

test('arbitrary text never crashes the compiler: a formula or a positioned FormulaLensError', async () => {
  const compiler = await getCompiler();
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 600 }), fc.string({ unit: 'binary-ascii', maxLength: 80 }), fc.string({ unit: 'grapheme-ascii', maxLength: 30 })), anyKind, (text, kind) => {
      compileOrRefuse(compiler, text, kind);
    }),
    { numRuns: 1500 },
  );
});

test('token soups compile or are refused in place, and what compiles never throws on any float input', async () => {
  const compiler = await getCompiler();
  let compiled = 0;
  fc.assert(
    fc.property(soup, anyKind, anyInputs, (text, kind, inputs) => {
      const formula = compileOrRefuse(compiler, text, kind);
      if (!formula) return;
      compiled++;
      exercise(formula, inputs);
    }),
    { numRuns: 1500 },
  );
  assert.ok(compiled > 10, `only ${compiled} soups compiled; the generator no longer exercises evaluation`);
});

/** Random well-formed formulas over every function of the language, kinks and poles included. */
function anyFormula(variables: readonly string[]): fc.Arbitrary<string> {
  const calls = FORMULA_FUNCTIONS.flatMap((fn) => argumentCounts(fn).map((count) => ({ fn, count })));
  return fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'medium', maxDepth: 6, withCrossShrink: true },
      fc.constantFrom(...variables, ...variables, 'pi', 'e', '0', '2', '0.5', '1e308', '1e-300', '709'),
      fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
      tie('expr').map((a) => `-${a}`),
      fc.tuple(fc.constantFrom(...calls), fc.array(tie('expr'), { minLength: 3, maxLength: 3 }), fc.constantFrom('0.2', '1', '-3')).map(([{ fn, count }, args, parameter]) =>
        `${fn.name}(${(fn.parameter ? [args[0]!, parameter] : args).slice(0, count).join(', ')})`),
    ),
  })).expr;
}

test('random well-formed formulas compile, and never throw on any float input', async () => {
  const compiler = await getCompiler();
  const formulas = anyKind.chain((kind) => fc.tuple(fc.constant(kind), anyFormula(kind === 'activation' ? ['x'] : ['y', 'p'])));
  fc.assert(
    fc.property(formulas, anyInputs, ([kind, text], inputs) => {
      if (text.length > 500) return;
      let formula: CompiledFormula;
      try {
        formula = compiler.compile(text, kind);
      } catch (error) {
        // Only a derivative too large to compile may refuse a well-formed formula.
        if (error instanceof FormulaLensError && error.text.en.startsWith('The derivative of this formula has')) return;
        throw error;
      }
      exercise(formula, inputs);
    }),
    { numRuns: 600 },
  );
});

/** Random smooth (C∞) formulas in x: bounded functions, sums, and products with bounded factors. */
const smoothFormula: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'x', '0.5', '1.3', '-0.7', 'pi'),
    fc.tuple(fc.constantFrom('sin', 'cos', 'tanh', 'sigmoid', 'softplus', 'atan', 'erf', 'gelu', 'gelu_tanh', 'silu', 'mish', 'log_sigmoid', 'squareplus', 'asinh', 'erfc', 'tanh_shrink'), tie('expr')).map(([fn, arg]) => `${fn}(${arg})`),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${a} * tanh(${b})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${a} / (1 + ${b}^2)`),
    tie('expr').map((a) => `exp(-(${a})^2 / 4)`),
    tie('expr').map((a) => `log(1 + (${a})^2)`),
    tie('expr').map((a) => `sqrt(2 + sin(${a}))`),
  ),
})).expr;

function finiteDifference(f: (v: number) => number, v: number): number {
  const h = 1e-3;
  const d1 = (f(v + h) - f(v - h)) / (2 * h);
  const d2 = (f(v + h / 2) - f(v - h / 2)) / h;
  return (4 * d2 - d1) / 3;
}

test('random smooth formulas: symbolic derivatives match finite differences and their text compiles back', async () => {
  const compiler = await getCompiler();
  fc.assert(
    fc.property(smoothFormula, fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 4 }), (text, points) => {
      if (text.length > 500) return;
      const formula = compiler.compile(text, 'activation');
      const reparsed = formula.derivativeText.length <= 500 ? compiler.compile(formula.derivativeText, 'activation') : undefined;
      for (const x of points) {
        const derivative = formula.derivativeAt(x);
        const estimate = finiteDifference((v) => formula.valueAt(v), x);
        assert.ok(Math.abs(derivative - estimate) <= 1e-5 * (1 + Math.abs(derivative)), `d/dx ${text} at ${x}: ${derivative} (${formula.derivativeText}) vs ${estimate}`);
        if (reparsed) {
          const again = reparsed.valueAt(x);
          assert.ok(Math.abs(again - derivative) <= 1e-12 * (1 + Math.abs(derivative)), `${formula.derivativeText} at ${x}: ${again} vs ${derivative}`);
        }
      }
    }),
    { numRuns: 300, seed: 20241127 },
  );
});

/** The tree evaluated node by node with the functions' scalar implementations: what a program must equal bit for bit. */
function evaluateTree(node: FormulaNode, x: number): number {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'variable':
      return x;
    case 'negate':
      return -evaluateTree(node.argument, x);
    case 'binary': {
      const [a, b] = [evaluateTree(node.left, x), evaluateTree(node.right, x)];
      return node.operator === '+' ? a + b : node.operator === '-' ? a - b : node.operator === '*' ? a * b : node.operator === '/' ? a / b : Math.pow(a, b);
    }
    case 'call': {
      const implementation = implementationFor(getFormulaFunction(node.name)!, node.args.length)!;
      const args = node.args.map((arg) => evaluateTree(arg, x));
      return implementation.kind === 'ternary' ? implementation.scalar(args[0]!, args[1]!, args[2]!) : implementation.kind === 'unary' ? implementation.scalar(args[0]!) : implementation.scalar(args[0]!, args[1]!);
    }
  }
}

/** Trees rich in ±u pairs (negations, constant products, swapped differences) under sigmoid, the mirrored function. */
const mirrorTree: fc.Arbitrary<FormulaNode> = fc.letrec<{ tree: FormulaNode }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<FormulaNode>({ type: 'variable', name: 'x' }),
    fc.constantFrom(0, -0, 1, -1, 1.702, -1.702, 2, Infinity, NaN).map((value): FormulaNode => ({ type: 'number', value })),
    tie('tree').map((argument): FormulaNode => ({ type: 'negate', argument })),
    fc.tuple(fc.constantFrom<BinaryOperator>('+', '-', '*', '/', '^'), tie('tree'), tie('tree')).map(([operator, left, right]): FormulaNode => ({ type: 'binary', operator, left, right })),
    tie('tree').map((arg): FormulaNode => ({ type: 'call', name: 'sigmoid', args: [arg] })),
    tie('tree').map((arg): FormulaNode => ({ type: 'call', name: 'exp', args: [arg] })),
  ),
})).tree;

/** A tree together with copies of its subtrees negated in the ways tidying writes −u, so pairs really occur. */
const mirroredPairs = fc.tuple(mirrorTree, fc.constantFrom(0, 1, 2, 3)).map(([u, form]): FormulaNode => {
  const x: FormulaNode = { type: 'variable', name: 'x' };
  const inner: FormulaNode = form === 0 ? u : form === 1 ? { type: 'binary', operator: '*', left: { type: 'number', value: 1.702 }, right: u } : form === 2 ? { type: 'binary', operator: '-', left: u, right: x } : { type: 'binary', operator: '/', left: x, right: { type: 'binary', operator: '-', left: u, right: x } };
  const negated: FormulaNode =
    form === 0 ? { type: 'negate', argument: u }
    : form === 1 ? { type: 'binary', operator: '*', left: { type: 'number', value: -1.702 }, right: u }
    : form === 2 ? { type: 'binary', operator: '-', left: x, right: u }
    : { type: 'binary', operator: '/', left: x, right: { type: 'binary', operator: '-', left: x, right: u } };
  const sig = (arg: FormulaNode): FormulaNode => ({ type: 'call', name: 'sigmoid', args: [arg] });
  return { type: 'binary', operator: '+', left: { type: 'binary', operator: '*', left: sig(inner), right: u }, right: { type: 'binary', operator: '/', left: sig(negated), right: sig(inner) } };
});

test('block programs equal the tree evaluated node by node, bit for bit, with shared and mirrored subexpressions', () => {
  const inputs = Float64Array.from([NaN, Infinity, -Infinity, 0, -0, 1, -1, 1.702, 2, 0.5, -3, 40, -40, 710, -746, 5e-324, -1e308]);
  fc.assert(
    fc.property(fc.oneof(mirrorTree, mirroredPairs), (tree) => {
      const program = compileProgram(tree, ['x']);
      const out = new Float64Array(inputs.length);
      program.run([inputs], out);
      inputs.forEach((v, i) => assert.ok(Object.is(out[i], evaluateTree(tree, v)), `${JSON.stringify(tree)} at ${v}: ${out[i]} vs ${evaluateTree(tree, v)}`));
    }),
    { numRuns: 800, seed: 20250611 },
  );
});
