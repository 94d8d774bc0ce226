/**
 * The custom-formula compiler: lazy mathjs, values against plain JavaScript, symbolic derivatives
 * against finite differences, agreement with the catalog kernels, every refusal positioned and
 * localized, the block programs, saved formulas and their catalog entries.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sep } from 'node:path';
import { mismatch } from './helpers/golden';
import { FormulaLensError, localize } from '../../src/core/l10n';
import type { LocalizedText } from '../../src/core/l10n';
import { compileFormula, loadFormulaCompiler } from '../../src/core/formula/load';
import type { CompiledActivationFormula, CompiledLossFormula } from '../../src/core/formula/compiler';
import { precheckFormula } from '../../src/core/formula/parse';
import { formulaMessages } from '../../src/core/formula/messages';
import { FORMULA_FUNCTIONS } from '../../src/core/formula/functions';
import { BLOCK_SIZE, compileProgram } from '../../src/core/formula/program';
import type { FormulaNode } from '../../src/core/formula/tree';
import { isSavedFormula, readSavedFormulas } from '../../src/core/formula/savedFormula';
import { formulaActivationEntry, formulaLossEntry, savedFormulaEntry } from '../../src/core/formula/customEntries';
import { erf, sigmoid as stableSigmoid } from '../../src/core/kernels/stableMath';
import { requireEntry } from '../../src/core/catalog/registry';
import { resolveParams } from '../../src/core/catalog/params';
import type { ParamValue } from '../../src/core/catalog/types';
import { fromNested, scalar } from '../../src/core/tensor';

/** Sample points kept away from every kink of the tested functions (0, ±0.5, ±1, ±3, 6, integers). */
const POINTS = [-5.3, -3.7, -2.9, -2.2, -1.3, -0.77, -0.31, 0.13, 0.42, 0.71, 1.37, 2.06, 2.61, 3.33, 4.4, 5.9];
const X = Float64Array.from(POINTS);
const TIGHT = { rtol: 1e-12, atol: 1e-14 };
const FD = { rtol: 2e-7, atol: 2e-8 };

/** Central differences with one Richardson step: error O(h⁴). */
function finiteDifference(f: (v: number) => number, v: number): number {
  const h = 1e-3 * Math.max(1, Math.abs(v));
  const d1 = (f(v + h) - f(v - h)) / (2 * h);
  const d2 = (f(v + h / 2) - f(v - h / 2)) / h;
  return (4 * d2 - d1) / 3;
}

function sigmoid(v: number): number {
  return 1 / (1 + Math.exp(-v));
}

function evaluateAll(formula: CompiledActivationFormula, x: Float64Array = X): { value: Float64Array; grad: Float64Array } {
  const value = new Float64Array(x.length);
  const grad = new Float64Array(x.length);
  formula.evaluate(x, value);
  formula.derivative(x, grad);
  return { value, grad };
}

function assertRefused(run: () => unknown, text: string, offset: number, messages: readonly LocalizedText[]): FormulaLensError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof FormulaLensError, `${JSON.stringify(text)} should be refused, got ${String(caught)}`);
  assert.ok(messages.includes(caught.text), `${JSON.stringify(text)}: unexpected message "${caught.message}"`);
  assert.equal(caught.position?.offset, offset, `${JSON.stringify(text)}: "${caught.message}" at ${caught.position?.offset}, expected ${offset}`);
  for (const locale of ['en', 'zh-cn'] as const) {
    const message = localize(caught.text, caught.args, locale);
    assert.doesNotMatch(message, /\{\w+\}/, `${JSON.stringify(text)}: unfilled placeholder in ${locale}: ${message}`);
  }
  assert.notEqual(localize(caught.text, caught.args, 'en'), localize(caught.text, caught.args, 'zh-cn'));
  return caught;
}

test('mathjs loads on the first compile, not when the formula modules are imported or prechecked', async () => {
  const mathjsLoaded = () => Object.keys(require.cache).some((path) => path.includes(`${sep}mathjs${sep}`));
  precheckFormula('x * sigmoid(1.702 * x)', 'activation');
  assert.throws(() => precheckFormula('x +* z', 'activation'), FormulaLensError);
  assert.equal(mathjsLoaded(), false, 'mathjs was loaded before any formula was compiled');
  const compiler = await loadFormulaCompiler();
  assert.equal(mathjsLoaded(), true);
  assert.equal(await loadFormulaCompiler(), compiler, 'the compiler is loaded once');
});

const ACTIVATION_VALUES: readonly (readonly [string, (x: number) => number])[] = [
  ['x * sigmoid(1.702 * x)', (x) => x / (1 + Math.exp(-1.702 * x))],
  ['log(1 + exp(x))', (x) => Math.log(1 + Math.exp(x))],
  ['softplus(x)', (x) => Math.log1p(Math.exp(x))],
  ['tanh(x)^2', (x) => Math.tanh(x) ** 2],
  ['2x + 3', (x) => 2 * x + 3],
  ['x^3 - 2*x^2 + x/4 - 1', (x) => x ** 3 - 2 * x ** 2 + x / 4 - 1],
  ['-x^2 + 2^-x', (x) => -(x ** 2) + 2 ** -x],
  ['e^x - exp(x) + pi * x', (x) => Math.E ** x - Math.exp(x) + Math.PI * x],
  ['sqrt(x^2 + 1) + cbrt(x)', (x) => Math.sqrt(x * x + 1) + Math.cbrt(x)],
  ['abs(x) + sign(x) + floor(x) * ceil(x)', (x) => Math.abs(x) + Math.sign(x) + Math.floor(x) * Math.ceil(x)],
  ['min(x, 1) * max(x, -1) + clip(x, -1, 2)', (x) => Math.min(x, 1) * Math.max(x, -1) + Math.min(Math.max(x, -1), 2)],
  ['log(x^2 + 1, 2) + log10(x^2 + 1) - log2(x^2 + 1)', (x) => Math.log(x * x + 1) / Math.log(2) + Math.log10(x * x + 1) - Math.log2(x * x + 1)],
  ['log1p(x^2) - expm1(-x^2)', (x) => Math.log1p(x * x) - Math.expm1(-x * x)],
  ['sin(x) + cos(x) * tan(x / 4)', (x) => Math.sin(x) + Math.cos(x) * Math.tan(x / 4)],
  ['sec(x / 5) + csc(x / 8 + 1.5) + cot(x / 8 + 1.5)', (x) => 1 / Math.cos(x / 5) + 1 / Math.sin(x / 8 + 1.5) + 1 / Math.tan(x / 8 + 1.5)],
  ['asin(x / 10) * acos(x / 10) + atan(x) + atan2(x, 2)', (x) => Math.asin(x / 10) * Math.acos(x / 10) + Math.atan(x) + Math.atan2(x, 2)],
  ['sinh(x / 2) + cosh(x / 2) - tanh(x)', (x) => Math.sinh(x / 2) + Math.cosh(x / 2) - Math.tanh(x)],
  ['sech(x) + csch(abs(x) + 1) + coth(x + 8)', (x) => 1 / Math.cosh(x) + 1 / Math.sinh(Math.abs(x) + 1) + 1 / Math.tanh(x + 8)],
  ['asinh(x) + acosh(abs(x) + 1) + atanh(x / 10)', (x) => Math.asinh(x) + Math.acosh(Math.abs(x) + 1) + Math.atanh(x / 10)],
  ['erf(x) + erfc(x)', () => 1],
  ['hypot(x, 3) + pow(x, 2) + step(x)', (x) => Math.hypot(x, 3) + x * x + (x > 0 ? 1 : 0)],
  ['sigmoid(x) + log_sigmoid(x)', (x) => sigmoid(x) + Math.log(sigmoid(x))],
  ['relu(x) + relu6(2 * x)', (x) => Math.max(x, 0) + Math.min(Math.max(2 * x, 0), 6)],
  ['leaky_relu(x) + leaky_relu(x, 0.2)', (x) => (x > 0 ? 2 * x : 0.21 * x)],
  ['elu(x) + elu(x, 0.5) + celu(x, 2)', (x) => (x > 0 ? 3 * x : Math.expm1(x) + 0.5 * Math.expm1(x) + 2 * Math.expm1(x / 2))],
  ['selu(x)', (x) => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * Math.expm1(x))],
  ['gelu(x)', (x) => 0.5 * x * (1 + erf(x / Math.SQRT2))],
  ['gelu_tanh(x)', (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)))],
  ['silu(x) + swish(x)', (x) => 2 * x * sigmoid(x)],
  ['mish(x)', (x) => x * Math.tanh(Math.log1p(Math.exp(x)))],
  ['softsign(x)', (x) => x / (1 + Math.abs(x))],
  ['hard_sigmoid(x) + hard_tanh(x)', (x) => Math.min(Math.max(x / 6 + 0.5, 0), 1) + Math.min(Math.max(x, -1), 1)],
  ['hard_swish(x) + hard_silu(x)', (x) => (2 * x * Math.min(Math.max(x + 3, 0), 6)) / 6],
  ['tanh_shrink(x)', (x) => x - Math.tanh(x)],
  ['soft_shrink(x) + hard_shrink(x, 1)', (x) => (x > 0.5 ? x - 0.5 : x < -0.5 ? x + 0.5 : 0) + (Math.abs(x) > 1 ? x : 0)],
  ['squareplus(x) + squareplus(x, 1)', (x) => (x + Math.sqrt(x * x + 4)) / 2 + (x + Math.sqrt(x * x + 1)) / 2],
  ['x *\n  sigmoid(x)', (x) => x * sigmoid(x)],
];

test('activation formulas evaluate like the same formula written in JavaScript', async () => {
  for (const [text, reference] of ACTIVATION_VALUES) {
    const formula = await compileFormula(text, 'activation');
    const { value } = evaluateAll(formula);
    const expected = POINTS.map(reference);
    const problem = mismatch(value, expected, { rtol: 1e-12, atol: 1e-13 });
    assert.equal(problem, null, `${text}: ${problem}`);
    POINTS.forEach((x, i) => assert.equal(formula.valueAt(x), value[i], `${text}: valueAt(${x}) differs from the array evaluation`));
  }
});

test('activation derivatives match central finite differences at every sample point', async () => {
  for (const [text] of ACTIVATION_VALUES) {
    const formula = await compileFormula(text, 'activation');
    const { grad } = evaluateAll(formula);
    const expected = POINTS.map((x) => finiteDifference((v) => formula.valueAt(v), x));
    const problem = mismatch(grad, expected, FD);
    assert.equal(problem, null, `d/dx ${text} = ${formula.derivativeText}: ${problem}`);
    POINTS.forEach((x, i) => assert.equal(formula.derivativeAt(x), grad[i], `${text}: derivativeAt(${x}) differs from the array evaluation`));
  }
});

test('every activation of the formula language has a derivative that matches finite differences, composed too', async () => {
  const activations = FORMULA_FUNCTIONS.filter((fn) => fn.category === 'activation');
  assert.ok(activations.length >= 20);
  for (const fn of activations) {
    for (const text of [`${fn.name}(x)`, `${fn.name}(1.3 * x - 0.2) * x`, `exp(-${fn.name}(x) / 4)`]) {
      const formula = await compileFormula(text, 'activation');
      const { grad } = evaluateAll(formula);
      const expected = POINTS.map((x) => finiteDifference((v) => formula.valueAt(v), x));
      const problem = mismatch(grad, expected, FD);
      assert.equal(problem, null, `d/dx ${text} = ${formula.derivativeText}: ${problem}`);
    }
  }
});

test('catalog functions inside formulas agree with the catalog kernels (torch defaults), values and derivatives', async () => {
  const pairs: readonly (readonly [string, string, Readonly<Record<string, ParamValue>>])[] = [
    ['sigmoid(x)', 'sigmoid', {}],
    ['tanh(x)', 'tanh', {}],
    ['relu(x)', 'relu', {}],
    ['leaky_relu(x)', 'leaky_relu', {}],
    ['leaky_relu(x, 0.2)', 'leaky_relu', { negative_slope: 0.2 }],
    ['elu(x, 0.7)', 'elu', { alpha: 0.7 }],
    ['selu(x)', 'selu', {}],
    ['celu(x, 1.5)', 'celu', { alpha: 1.5 }],
    ['gelu(x)', 'gelu', {}],
    ['gelu_tanh(x)', 'gelu', { approximate: 'tanh' }],
    ['silu(x)', 'silu', {}],
    ['mish(x)', 'mish', {}],
    ['softplus(x)', 'softplus', {}],
    ['softsign(x)', 'softsign', {}],
    ['hard_sigmoid(x)', 'hard_sigmoid', {}],
    ['hard_swish(x)', 'hard_swish', {}],
    ['hard_tanh(x)', 'hard_tanh', {}],
    ['relu6(x)', 'relu6', {}],
    ['log_sigmoid(x)', 'log_sigmoid', {}],
    ['tanh_shrink(x)', 'tanh_shrink', {}],
    ['soft_shrink(x)', 'soft_shrink', {}],
    ['hard_shrink(x, 1)', 'hard_shrink', { lambd: 1 }],
  ];
  for (const [text, id, given] of pairs) {
    const entry = requireEntry(id, 'activation');
    assert.ok(entry.kernel, `${id} has a kernel`);
    const params = resolveParams(entry, 'torch', given);
    const value = new Float64Array(X.length);
    const grad = new Float64Array(X.length);
    entry.kernel.forward(X, value, params, 'torch');
    entry.kernel.derivative(X, grad, params, 'torch');
    const formula = await compileFormula(text, 'activation');
    const ours = evaluateAll(formula);
    // torch's float32 constant 1/6 in the hardsigmoid backward pass is the one known 3e-8 difference.
    const gradTolerance = id === 'hard_sigmoid' || id === 'hard_swish' ? { rtol: 1e-7, atol: 1e-12 } : { rtol: 1e-10, atol: 1e-12 };
    assert.equal(mismatch(ours.value, Array.from(value), { rtol: 1e-10, atol: 1e-12 }), null, `${text} vs catalog ${id}`);
    assert.equal(mismatch(ours.grad, Array.from(grad), gradTolerance), null, `d/dx ${text} = ${formula.derivativeText} vs catalog ${id}`);
  }
});

const LOSS_CASES: readonly (readonly [string, (y: number, p: number) => number, readonly (readonly [number, number])[]])[] = [
  ['(y - p)^2', (y, p) => (y - p) ** 2, [[0.3, -1.2], [1.7, 0.4], [-2, 3.1]]],
  ['-(y*log(p) + (1-y)*log(1-p))', (y, p) => -(y * Math.log(p) + (1 - y) * Math.log(1 - p)), [[0, 0.07], [1, 0.31], [0.3, 0.55], [1, 0.83], [0, 0.96]]],
  ['abs(y - p) + log(cosh(p - y))', (y, p) => Math.abs(y - p) + Math.log(Math.cosh(p - y)), [[0.2, 1.3], [-1, 0.6], [2, -0.4]]],
  ['max(0, 1 - y * p)^2', (y, p) => Math.max(0, 1 - y * p) ** 2, [[1, -1.7], [1, 0.3], [-1, 0.4], [-1, 1.6]]],
  ['p - y * log(p + 1e-7)', (y, p) => p - y * Math.log(p + 1e-7), [[0, 0.5], [2, 1.3], [5, 3.3]]],
  ['softplus(-y * p) + sigmoid(p) * y', (y, p) => Math.log1p(Math.exp(-y * p)) + y / (1 + Math.exp(-p)), [[1, -2.3], [-1, 0.8], [1, 4.1]]],
];

test('loss formulas evaluate like JavaScript and their d/dp matches finite differences', async () => {
  for (const [text, reference, pairs] of LOSS_CASES) {
    const formula: CompiledLossFormula = await compileFormula(text, 'loss');
    assert.equal(formula.derivativeVariable, 'p');
    const y = Float64Array.from(pairs.map(([yy]) => yy));
    const p = Float64Array.from(pairs.map(([, pp]) => pp));
    const value = new Float64Array(pairs.length);
    const grad = new Float64Array(pairs.length);
    formula.evaluateLoss(y, p, value);
    formula.derivative(y, p, grad);
    assert.equal(mismatch(value, pairs.map(([yy, pp]) => reference(yy, pp)), TIGHT), null, text);
    const expected = pairs.map(([yy, pp]) => finiteDifference((v) => formula.valueAt(yy, v), pp));
    assert.equal(mismatch(grad, expected, FD), null, `d/dp ${text} = ${formula.derivativeText}`);
    pairs.forEach(([yy, pp], i) => {
      assert.equal(formula.valueAt(yy, pp), value[i]);
      assert.equal(formula.derivativeAt(yy, pp), grad[i]);
    });
  }
});

test('derivatives are shown as tidy text and LaTeX that parse back to the same function', async () => {
  const expectations: readonly (readonly [string, 'activation' | 'loss', string])[] = [
    ['x * sigmoid(1.702 * x)', 'activation', 'sigmoid(1.702 * x) + 1.702 * x * sigmoid(1.702 * x) * sigmoid(-1.702 * x)'],
    ['softplus(x)', 'activation', 'sigmoid(x)'],
    ['x^3', 'activation', '3 * x ^ 2'],
    ['(y - p)^2', 'loss', '2 * (p - y)'],
    ['relu(x)', 'activation', 'step(x)'],
  ];
  for (const [text, kind, derivative] of expectations) {
    const formula = await compileFormula(text, kind);
    assert.equal(formula.derivativeText, derivative, text);
  }
  const gelu = await compileFormula('x * sigmoid(1.702 * x)', 'activation');
  assert.equal(gelu.latex, 'x\\cdot\\sigma\\left(1.702\\cdot x\\right)');
  assert.match(gelu.derivativeLatex, /\\sigma\\left\(-1\.702\\cdot x\\right\)/);
  const leaky = await compileFormula('leaky_relu(x, 0.2) + sqrt(abs(x))', 'activation');
  assert.match(leaky.latex, /\\operatorname\{leaky\\_relu\}/);
  assert.match(leaky.latex, /\\sqrt\{\\left\| x\\right\|\}/);
  for (const [text] of ACTIVATION_VALUES) {
    const formula = await compileFormula(text, 'activation');
    const reparsed = await compileFormula(formula.derivativeText, 'activation');
    const again = await compileFormula(formula.text, 'activation');
    assert.equal(mismatch(evaluateAll(reparsed).value, Array.from(evaluateAll(formula).grad), TIGHT), null, `${text}: derivative text ${formula.derivativeText}`);
    assert.equal(mismatch(evaluateAll(again).value, Array.from(evaluateAll(formula).value), { rtol: 0, atol: 0 }), null, `${text}: text ${formula.text}`);
  }
});

test('every forbidden construct is refused with a localized message at its position', async () => {
  const compiler = await loadFormulaCompiler();
  const m = formulaMessages;
  const unknownFunction = [m.unknownFunction, m.unknownFunctionNoSuggestion];
  const cases: readonly (readonly [string, number, readonly LocalizedText[], ('activation' | 'loss')?])[] = [
    ['import(x)', 0, unknownFunction],
    ['import("fs")', 0, unknownFunction],
    ['createUnit("x")', 0, unknownFunction],
    ['evaluate("1")', 0, unknownFunction],
    ['parse("1")', 0, unknownFunction],
    ['a = 1', 2, [m.assignmentNotAllowed]],
    ['f(x) = x', 5, [m.assignmentNotAllowed]],
    ['x.y', 1, [m.propertyAccessNotAllowed]],
    ['x.*x', 1, [m.propertyAccessNotAllowed]],
    ['"str"', 0, [m.stringNotAllowed]],
    ["x'", 1, [m.stringNotAllowed]],
    ['[1,2]', 0, [m.matrixNotAllowed]],
    ['x[1]', 1, [m.matrixNotAllowed]],
    ['{a: 1}', 0, [m.objectNotAllowed]],
    ['1:3', 1, [m.rangeNotAllowed]],
    ['x ? 1 : 2', 2, [m.conditionalNotAllowed]],
    ['x; 2', 1, [m.multipleStatements]],
    ['x == 1', 2, [m.comparisonNotAllowed]],
    ['x >= 1', 2, [m.comparisonNotAllowed]],
    ['x!', 1, [m.operatorNotAllowed]],
    ['x % 2', 2, [m.operatorNotAllowed]],
    ['x & 1', 2, [m.operatorNotAllowed]],
    ['foo(x)', 0, unknownFunction],
    ['sigmiod(x)', 0, [m.unknownFunction]],
    ['z', 0, [m.unknownSymbolActivation]],
    ['x + z', 4, [m.unknownSymbolActivation]],
    ['x mod 2', 2, [m.unknownSymbolActivation]],
    ['true', 0, [m.unknownSymbolActivation]],
    ['y * 2', 0, [m.unknownSymbolActivation]],
    ['x + p', 0, [m.unknownSymbolLoss], 'loss'],
    ['sigmoid', 0, [m.functionNeedsCall]],
    ['x (1 + x)', 0, [m.notAFunction]],
    ['sigmoid(x, 2)', 0, [m.wrongArity]],
    ['min(x)', 0, [m.wrongArity]],
    ['2 * leaky_relu(x, x)', 4, [m.parameterNotConstant]],
    ['x +', 3, [m.unexpectedEnd]],
    ['(x + 1', 6, [m.closingParenthesisExpected]],
    ['x +* 2', 3, [m.valueExpected]],
    ['1 2', 2, [m.unexpectedPart]],
    ['x , 2', 2, [m.unexpectedOperator]],
    ['', 0, [m.empty]],
    ['   ', 0, [m.empty]],
    ['x·2', 1, [m.unexpectedCharacter]],
    ['α + x', 0, [m.unexpectedCharacter]],
    ['$x', 0, [m.unexpectedCharacter]],
    ['x # comment', 2, [m.unexpectedCharacter]],
    ['x' + '+x'.repeat(250), 500, [m.tooLong]],
    ['('.repeat(51) + 'x' + ')'.repeat(51), 50, [m.tooDeep]],
    ['sigmoid('.repeat(51) + 'x' + ')'.repeat(51), 407, [m.tooDeep]],
  ];
  for (const [text, offset, messages, kind = 'activation'] of cases) {
    assertRefused(() => compiler.compile(text, kind), text, offset, messages);
  }
  const ranges: readonly (readonly [string, number, number])[] = [['x + zz', 4, 6], ['foo(x)', 0, 3], ['x.y', 1, 2], ['2 * leaky_relu(x, x)', 4, 14], ['x \u{1F600}', 2, 4], ['1 2.5', 2, 5]];
  for (const [text, start, end] of ranges) {
    const error = assertRefused(() => compiler.compile(text, 'activation'), text, start, [m.unknownSymbolActivation, m.unknownFunctionNoSuggestion, m.unknownFunction, m.propertyAccessNotAllowed, m.parameterNotConstant, m.unexpectedCharacter, m.unexpectedPart]);
    assert.equal(error.endPosition?.offset, end, `${text}: the refusal covers ${start}..${error.endPosition?.offset}, expected ..${end}`);
  }
  const suggestion = assertRefused(() => compiler.compile('leakyrelu(x)', 'activation'), 'leakyrelu(x)', 0, [m.unknownFunction]);
  assert.match(suggestion.localizedMessage('en'), /leaky_relu/);
  const secondLine = assertRefused(() => compiler.compile('x + 1\n  + zz', 'activation'), 'x + 1\\n  + zz', 10, [m.unknownSymbolActivation]);
  assert.deepEqual(secondLine.position, { offset: 10, line: 1, column: 4 });
  assert.match(secondLine.localizedMessage('zh-cn'), /^2:5: 未知名称 "zz"/);
});

test('the limits accept exactly 500 characters and 50 nested brackets', async () => {
  const longest = 'x' + '+x'.repeat(249) + ' ';
  assert.equal(longest.length, 500);
  assert.equal((await compileFormula(longest, 'activation')).valueAt(2), 500);
  const deepest = await compileFormula('('.repeat(50) + 'x' + ')'.repeat(50), 'activation');
  assert.equal(deepest.derivativeAt(3), 1);
});

test('programs compute shared subexpressions once, fold constants, and run over several blocks in place', () => {
  const x: FormulaNode = { type: 'variable', name: 'x' };
  const sig: FormulaNode = { type: 'call', name: 'sigmoid', args: [x] };
  const shared = compileProgram({ type: 'binary', operator: '+', left: sig, right: sig }, ['x']);
  assert.equal(shared.instructionCount, 2, 'sigmoid(x) + sigmoid(x) is one sigmoid and one add');
  const folded = compileProgram(
    { type: 'binary', operator: '*', left: { type: 'binary', operator: '+', left: { type: 'number', value: 2 }, right: { type: 'call', name: 'exp', args: [{ type: 'number', value: 0 }] } }, right: x },
    ['x'],
  );
  assert.equal(folded.instructionCount, 1, '(2 + exp(0)) * x is one multiply by 3');
  assert.equal(folded.runScalar([2]), 6);
  // σ(1.702x)·σ(−1.702x), the shape of σ′: −1.702·x is never computed, one exponential gives both sigmoids.
  const scaled = (c: number): FormulaNode => ({ type: 'call', name: 'sigmoid', args: [{ type: 'binary', operator: '*', left: { type: 'number', value: c }, right: x }] });
  const mirrored = compileProgram({ type: 'binary', operator: '*', left: scaled(1.702), right: scaled(-1.702) }, ['x']);
  assert.equal(mirrored.instructionCount, 3, 'one multiply by 1.702, one sigmoid pair, one product');
  assert.equal(mirrored.runScalar([2]), stableSigmoid(3.404) * stableSigmoid(-3.404));
  const constant = compileProgram({ type: 'number', value: 5 }, ['x']);
  const identity = compileProgram(x, ['x']);
  const n = BLOCK_SIZE * 2 + 37;
  const input = Float64Array.from({ length: n }, (_, i) => (i - n / 2) / 97);
  const out = new Float64Array(n);
  constant.run([input], out);
  assert.ok(out.every((v) => v === 5));
  identity.run([input], out);
  assert.deepEqual(out, input);
  const program = compileProgram({ type: 'binary', operator: '*', left: x, right: sig }, ['x']);
  program.run([input], out);
  for (let i = 0; i < n; i += 101) assert.equal(out[i], program.runScalar([input[i]!]));
  const inPlace = Float64Array.from(input);
  program.run([inPlace], inPlace);
  assert.deepEqual(inPlace, out, 'out may be the input array');
  // exp(x) · exp(x) reads one register twice; freeing it twice once gave sin(t) and tanh(t) one shared register.
  const t: FormulaNode = { type: 'binary', operator: '*', left: { type: 'call', name: 'exp', args: [x] }, right: { type: 'call', name: 'exp', args: [x] } };
  const twice = compileProgram(
    { type: 'binary', operator: '+', left: { type: 'binary', operator: '*', left: { type: 'call', name: 'sin', args: [t] }, right: { type: 'call', name: 'cos', args: [x] } }, right: { type: 'call', name: 'tanh', args: [t] } },
    ['x'],
  );
  const square = Math.exp(0.3) * Math.exp(0.3);
  assert.equal(twice.runScalar([0.3]), Math.sin(square) * Math.cos(0.3) + Math.tanh(square));
  program.run([new Float64Array(0)], new Float64Array(0));
  assert.throws(() => program.run([new Float64Array(3)], new Float64Array(4)), RangeError);
});

test('compiled formulas never throw on non-finite inputs and propagate NaN', async () => {
  const specials = Float64Array.of(NaN, Infinity, -Infinity, 0, -0, 1e308, -1e308, 5e-324, -5e-324);
  for (const fn of FORMULA_FUNCTIONS) {
    const args = ['x', '0.5', '2'].slice(0, Math.max(...Object.keys(fn.implementations).map(Number)));
    const text = `${fn.name}(${args.join(', ')})`;
    const formula = await compileFormula(text, 'activation');
    const { value, grad } = evaluateAll(formula, specials);
    assert.ok(Number.isNaN(value[0]), `${text} at NaN is ${value[0]}`);
    assert.ok(Number.isNaN(grad[0]) || grad[0] === 0, `d/dx ${text} at NaN is ${grad[0]}`);
  }
});

test('saved formulas: the guard accepts exactly the saved shape, the reader explains what it drops', () => {
  assert.ok(isSavedFormula({ name: 'my_gelu', kind: 'activation', formula: 'x * sigmoid(1.702 * x)' }));
  assert.ok(isSavedFormula({ name: '_L2', kind: 'loss', formula: '(y - p)^2', description: 'squared error' }));
  for (const bad of [
    null,
    [],
    'x',
    { name: 'my gelu', kind: 'activation', formula: 'x' },
    { name: '1st', kind: 'activation', formula: 'x' },
    { name: 'a'.repeat(65), kind: 'activation', formula: 'x' },
    { name: 'f', kind: 'metric', formula: 'x' },
    { name: 'f', kind: 'loss', formula: 3 },
    { name: 'f', kind: 'loss', formula: 'p'.repeat(2001) },
    { name: 'f', kind: 'loss', formula: 'p', description: 4 },
    { name: 'f', kind: 'loss', formula: 'p', extra: true },
    { name: 'f', kind: 'loss' },
  ]) {
    assert.equal(isSavedFormula(bad), false, JSON.stringify(bad));
  }
  const { formulas, problems } = readSavedFormulas([
    { name: 'a', kind: 'activation', formula: 'x' },
    { name: 'bad name', kind: 'activation', formula: 'x' },
    { name: 'a', kind: 'loss', formula: 'p' },
    42,
  ]);
  assert.deepEqual(formulas, [{ name: 'a', kind: 'activation', formula: 'x' }]);
  assert.deepEqual(problems.map((problem) => [problem.index, problem.text]), [
    [1, formulaMessages.savedFormulaName],
    [2, formulaMessages.savedFormulaDuplicate],
    [3, formulaMessages.savedFormulaShape],
  ]);
  assert.deepEqual(readSavedFormulas(undefined), { formulas: [], problems: [] });
  assert.equal(readSavedFormulas({}).problems.length, 1);
});

test('saved formulas become catalog entries usable wherever a built-in is', async () => {
  const compiler = await loadFormulaCompiler();
  const saved = { name: 'quick_gelu', kind: 'activation', formula: 'x * sigmoid(1.702 * x)', description: 'QuickGELU' } as const;
  const entry = savedFormulaEntry(compiler, saved);
  assert.equal(entry.kind, 'activation');
  assert.equal(entry.id, 'quick_gelu');
  assert.equal(entry.description.en, 'QuickGELU');
  if (entry.kind !== 'activation') return;
  const input = fromNested([[-1, 0.5], [2, 3]]);
  const result = entry.evaluate(input, { framework: 'keras', params: {} });
  assert.deepEqual(result.value.shape, [2, 2]);
  assert.equal(mismatch(result.value.data, [-1, 0.5, 2, 3].map((v) => v * sigmoid(1.702 * v)), TIGHT), null);
  const kernelOut = new Float64Array(4);
  entry.kernel!.derivative(input.data, kernelOut, {}, 'torch');
  assert.deepEqual(kernelOut, result.grad.data);
  assert.equal(entry.formula.derivativeText, 'sigmoid(1.702 * x) + 1.702 * x * sigmoid(1.702 * x) * sigmoid(-1.702 * x)');

  const lossSaved = { name: 'sq', kind: 'loss', formula: '(y - p)^2' } as const;
  const loss = formulaLossEntry(lossSaved, compiler.compile(lossSaved.formula, 'loss'));
  assert.match(loss.description.en, /\(y - p\)\^2/);
  const yTrue = fromNested([1, 2, 3, 4]);
  const yPred = fromNested([1.5, 2, 2, 5]);
  const mean = loss.evaluate({ yTrue, yPred }, { framework: 'torch', params: {}, reduction: 'mean' });
  assert.equal(mean.value.data[0], (0.25 + 0 + 1 + 1) / 4);
  assert.deepEqual(Array.from(mean.grad.data), [0.25, 0, -0.5, 0.5]);
  const sum = loss.evaluate({ yTrue, yPred }, { framework: 'torch', params: {}, reduction: 'sum' });
  assert.equal(sum.value.data[0], 2.25);
  assert.deepEqual(Array.from(sum.grad.data), [1, 0, -2, 2]);
  const none = loss.evaluate({ yTrue, yPred }, { framework: 'torch', params: {}, reduction: 'none' });
  assert.deepEqual(Array.from(none.value.data), [0.25, 0, 1, 1]);
  assert.throws(() => loss.evaluate({ yTrue: scalar(1), yPred }, { framework: 'torch', params: {}, reduction: 'mean' }), (error: unknown) => error instanceof FormulaLensError && error.text === formulaMessages.shapeMismatch);
  assert.throws(() => loss.evaluate({ yTrue: null, yPred }, { framework: 'torch', params: {}, reduction: 'mean' }), (error: unknown) => error instanceof FormulaLensError && error.text === formulaMessages.targetRequired);
  assert.throws(() => savedFormulaEntry(compiler, { name: 'bad', kind: 'loss', formula: 'x' }), FormulaLensError);
  const activation = formulaActivationEntry({ name: 'act', kind: 'activation', formula: 'relu(x)' }, compiler.compile('relu(x)', 'activation'));
  assert.equal(activation.formula.latex, '\\operatorname{relu}\\left( x\\right)');
});
