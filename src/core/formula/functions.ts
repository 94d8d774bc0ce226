/**
 * The whitelist of functions a formula may call, with their float64 implementations and derivative rules.
 * Nothing outside this table is callable from a formula.
 *
 * Each implementation has a scalar function (for constant folding and single values) and a block kernel:
 * a loop over Float64Array written out per function, so V8 inlines the scalar call in the loop instead of
 * going through one shared megamorphic call site.
 *
 * Derivative rules are either `'mathjs'` (mathjs's `derivative` knows the function) or one template per
 * argument in the formula language itself, written in `u` (one argument) or `a`, `b`, `c`, plus the
 * function's parameter name; `null` marks a zero partial derivative (step, sign, floor...).
 */
import * as scalar from './scalarMath';
import { editDistance } from '../text/editDistance';

/** out[i] = f(a[i]) for i < n. */
export type UnaryKernel = (a: Float64Array, out: Float64Array, n: number) => void;
/** out[i] = f(a[i]) and mirrored[i] = f(−a[i]) for i < n, computed together (σ(u) and σ(−u) share one exponential). */
export type MirroredKernel = (a: Float64Array, out: Float64Array, mirrored: Float64Array, n: number) => void;
/** out[i] = f(a[i], param) for i < n, with a constant parameter. */
export type ParamKernel = (a: Float64Array, out: Float64Array, n: number, param: number) => void;
/** out[i] = f(a[i], b[i]) for i < n. */
export type BinaryKernel = (a: Float64Array, b: Float64Array, out: Float64Array, n: number) => void;
/** out[i] = f(a[i], b[i], c[i]) for i < n. */
export type TernaryKernel = (a: Float64Array, b: Float64Array, c: Float64Array, out: Float64Array, n: number) => void;

/** How one arity of a function is evaluated. */
export type FunctionImplementation =
  | {
      readonly kind: 'unary';
      readonly scalar: (v: number) => number;
      readonly kernel: UnaryKernel;
      /** Computes f(u) and f(−u) at once, equal to two `kernel` runs bit for bit; needs f(+0) = f(−0). */
      readonly mirrored?: MirroredKernel;
    }
  | { readonly kind: 'param'; readonly scalar: (v: number, param: number) => number; readonly kernel: ParamKernel }
  | { readonly kind: 'binary'; readonly scalar: (a: number, b: number) => number; readonly kernel: BinaryKernel }
  | { readonly kind: 'ternary'; readonly scalar: (a: number, b: number, c: number) => number; readonly kernel: TernaryKernel };

/** A trailing constant parameter of an activation (the leaky slope, ELU's alpha...). */
export interface FunctionParameter {
  readonly name: string;
  readonly default: number;
}

/** One callable function of the formula language. */
export interface FormulaFunction {
  readonly name: string;
  /** `activation` for the catalog's elementwise activations, `math` for the rest. */
  readonly category: 'math' | 'activation';
  /** How to call it, as code for help lists: `leaky_relu(x, slope = 0.01)`. */
  readonly signature: string;
  /** Implementations by argument count; a function with `parameter` is keyed by 2 and also accepts 1. */
  readonly implementations: Readonly<Partial<Record<1 | 2 | 3, FunctionImplementation>>>;
  readonly parameter?: FunctionParameter;
  /** `'mathjs'`, or one template per non-parameter argument (`null` = zero partial). */
  readonly derivative: 'mathjs' | readonly (string | null)[];
}

function unary(f: (v: number) => number, kernel: UnaryKernel, mirrored?: MirroredKernel): FunctionImplementation {
  return mirrored ? { kind: 'unary', scalar: f, kernel, mirrored } : { kind: 'unary', scalar: f, kernel };
}
function param(f: (v: number, p: number) => number, kernel: ParamKernel): FunctionImplementation {
  return { kind: 'param', scalar: f, kernel };
}
function binary(f: (a: number, b: number) => number, kernel: BinaryKernel): FunctionImplementation {
  return { kind: 'binary', scalar: f, kernel };
}

/** A function whose derivative mathjs knows. */
function mathjsRule(name: string, signature: string, implementations: FormulaFunction['implementations']): FormulaFunction {
  return { name, category: 'math', signature, implementations, derivative: 'mathjs' };
}

/** A math function with our own derivative rule. */
function math(name: string, signature: string, implementations: FormulaFunction['implementations'], derivative: readonly (string | null)[]): FormulaFunction {
  return { name, category: 'math', signature, implementations, derivative };
}

/** A catalog activation, with an optional constant parameter. */
function activation(name: string, signature: string, implementation: FunctionImplementation, derivative: string, parameter?: FunctionParameter): FormulaFunction {
  return {
    name,
    category: 'activation',
    signature,
    implementations: parameter ? { 2: implementation } : { 1: implementation },
    ...(parameter ? { parameter } : {}),
    derivative: [derivative],
  };
}

const SIGMOID_DERIVATIVE = 'sigmoid(u) * sigmoid(-u)';
const SILU_DERIVATIVE = 'sigmoid(u) * (1 + u * sigmoid(-u))';
const HARD_SWISH_DERIVATIVE = 'step(u + 3) * (1 - step(u - 3)) * (u / 3 + 0.5) + step(u - 3)';
const GELU_TANH_ARGUMENT = '2 * sqrt(2 / pi) * (u + 0.044715 * u^3)';

/**
 * σ(a[i]) and σ(−a[i]) from the one exponential e = exp(−|a[i]|) both need: the same branches and
 * operations as `sigmoid` (1 / (1 + e) on the non-negative side, e / (1 + e) on the other), so each
 * output equals a separate sigmoid bit for bit, NaN and ±0 included.
 */
const sigmoidMirrored: MirroredKernel = (a, o, m, n) => {
  for (let i = 0; i < n; i++) {
    const v = a[i];
    const e = Math.exp(-Math.abs(v));
    const d = 1 + e;
    if (v >= 0) {
      o[i] = 1 / d;
      m[i] = e / d;
    } else {
      o[i] = e / d;
      m[i] = 1 / d;
    }
  }
};

const silu = unary(scalar.silu, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.silu(a[i]); });
const hardSwish = unary(scalar.hardSwish, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.hardSwish(a[i]); });

const FUNCTIONS: readonly FormulaFunction[] = [
  // Exponentials and logarithms.
  mathjsRule('exp', 'exp(x)', { 1: unary(Math.exp, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.exp(a[i]); }) }),
  math('expm1', 'expm1(x)', { 1: unary(Math.expm1, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.expm1(a[i]); }) }, ['exp(u)']),
  mathjsRule('log', 'log(x) or log(x, base)', {
    1: unary(Math.log, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.log(a[i]); }),
    2: binary(scalar.logBase, (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.logBase(a[i], b[i]); }),
  }),
  math('log1p', 'log1p(x)', { 1: unary(Math.log1p, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.log1p(a[i]); }) }, ['1 / (1 + u)']),
  math('log2', 'log2(x)', { 1: unary(Math.log2, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.log2(a[i]); }) }, ['1 / (u * log(2))']),
  mathjsRule('log10', 'log10(x)', { 1: unary(Math.log10, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.log10(a[i]); }) }),
  mathjsRule('sqrt', 'sqrt(x)', { 1: unary(Math.sqrt, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.sqrt(a[i]); }) }),
  math('cbrt', 'cbrt(x)', { 1: unary(Math.cbrt, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.cbrt(a[i]); }) }, ['1 / (3 * cbrt(u)^2)']),
  mathjsRule('pow', 'pow(x, y)', { 2: binary(Math.pow, (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.pow(a[i], b[i]); }) }),
  math('hypot', 'hypot(x, y)', { 2: binary(Math.hypot, (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.hypot(a[i], b[i]); }) }, ['a / hypot(a, b)', 'b / hypot(a, b)']),
  // Piecewise and rounding.
  math('abs', 'abs(x)', { 1: unary(Math.abs, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.abs(a[i]); }) }, ['sign(u)']),
  math('sign', 'sign(x)', { 1: unary(Math.sign, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.sign(a[i]); }) }, [null]),
  math('step', 'step(x)', { 1: unary(scalar.step, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.step(a[i]); }) }, [null]),
  math('floor', 'floor(x)', { 1: unary(Math.floor, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.floor(a[i]); }) }, [null]),
  math('ceil', 'ceil(x)', { 1: unary(Math.ceil, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.ceil(a[i]); }) }, [null]),
  math('min', 'min(a, b)', { 2: binary(Math.min, (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.min(a[i], b[i]); }) }, ['step(b - a)', '1 - step(b - a)']),
  math('max', 'max(a, b)', { 2: binary(Math.max, (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.max(a[i], b[i]); }) }, ['step(a - b)', '1 - step(a - b)']),
  math('clip', 'clip(x, low, high)', {
    3: { kind: 'ternary', scalar: scalar.clip, kernel: (a, b, c, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.clip(a[i], b[i], c[i]); } },
  }, ['step(a - b) * step(c - a)', 'step(b - a)', 'step(a - c)']),
  // Trigonometric.
  mathjsRule('sin', 'sin(x)', { 1: unary(Math.sin, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.sin(a[i]); }) }),
  mathjsRule('cos', 'cos(x)', { 1: unary(Math.cos, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.cos(a[i]); }) }),
  mathjsRule('tan', 'tan(x)', { 1: unary(Math.tan, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.tan(a[i]); }) }),
  mathjsRule('sec', 'sec(x)', { 1: unary((v) => 1 / Math.cos(v), (a, o, n) => { for (let i = 0; i < n; i++) o[i] = 1 / Math.cos(a[i]); }) }),
  mathjsRule('csc', 'csc(x)', { 1: unary((v) => 1 / Math.sin(v), (a, o, n) => { for (let i = 0; i < n; i++) o[i] = 1 / Math.sin(a[i]); }) }),
  mathjsRule('cot', 'cot(x)', { 1: unary((v) => 1 / Math.tan(v), (a, o, n) => { for (let i = 0; i < n; i++) o[i] = 1 / Math.tan(a[i]); }) }),
  mathjsRule('asin', 'asin(x)', { 1: unary(Math.asin, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.asin(a[i]); }) }),
  mathjsRule('acos', 'acos(x)', { 1: unary(Math.acos, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.acos(a[i]); }) }),
  mathjsRule('atan', 'atan(x)', { 1: unary(Math.atan, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.atan(a[i]); }) }),
  math('atan2', 'atan2(y, x)', { 2: binary(Math.atan2, (a, b, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.atan2(a[i], b[i]); }) }, ['b / (a^2 + b^2)', '-a / (a^2 + b^2)']),
  // Hyperbolic.
  mathjsRule('sinh', 'sinh(x)', { 1: unary(Math.sinh, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.sinh(a[i]); }) }),
  mathjsRule('cosh', 'cosh(x)', { 1: unary(Math.cosh, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.cosh(a[i]); }) }),
  mathjsRule('tanh', 'tanh(x)', { 1: unary(Math.tanh, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.tanh(a[i]); }) }),
  mathjsRule('sech', 'sech(x)', { 1: unary((v) => 1 / Math.cosh(v), (a, o, n) => { for (let i = 0; i < n; i++) o[i] = 1 / Math.cosh(a[i]); }) }),
  mathjsRule('csch', 'csch(x)', { 1: unary((v) => 1 / Math.sinh(v), (a, o, n) => { for (let i = 0; i < n; i++) o[i] = 1 / Math.sinh(a[i]); }) }),
  mathjsRule('coth', 'coth(x)', { 1: unary((v) => 1 / Math.tanh(v), (a, o, n) => { for (let i = 0; i < n; i++) o[i] = 1 / Math.tanh(a[i]); }) }),
  mathjsRule('asinh', 'asinh(x)', { 1: unary(Math.asinh, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.asinh(a[i]); }) }),
  mathjsRule('acosh', 'acosh(x)', { 1: unary(Math.acosh, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.acosh(a[i]); }) }),
  mathjsRule('atanh', 'atanh(x)', { 1: unary(Math.atanh, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = Math.atanh(a[i]); }) }),
  // Error function (float64-accurate, Cody's rational approximations).
  math('erf', 'erf(x)', { 1: unary(scalar.erf, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.erf(a[i]); }) }, ['2 / sqrt(pi) * exp(-u^2)']),
  math('erfc', 'erfc(x)', { 1: unary(scalar.erfc, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.erfc(a[i]); }) }, ['-2 / sqrt(pi) * exp(-u^2)']),
  // The catalog's elementwise activations.
  activation('sigmoid', 'sigmoid(x)', unary(scalar.sigmoid, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.sigmoid(a[i]); }, sigmoidMirrored), SIGMOID_DERIVATIVE),
  activation('log_sigmoid', 'log_sigmoid(x)', unary(scalar.logSigmoid, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.logSigmoid(a[i]); }), 'sigmoid(-u)'),
  activation('softplus', 'softplus(x)', unary(scalar.softplus, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.softplus(a[i]); }), 'sigmoid(u)'),
  activation('relu', 'relu(x)', unary(scalar.relu, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.relu(a[i]); }), 'step(u)'),
  activation('relu6', 'relu6(x)', unary(scalar.relu6, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.relu6(a[i]); }), 'step(u) * step(6 - u)'),
  activation('leaky_relu', 'leaky_relu(x, slope = 0.01)', param(scalar.leakyRelu, (a, o, n, p) => { for (let i = 0; i < n; i++) o[i] = scalar.leakyRelu(a[i], p); }), 'step(u) + slope * (1 - step(u))', { name: 'slope', default: 0.01 }),
  activation('elu', 'elu(x, alpha = 1)', param(scalar.elu, (a, o, n, p) => { for (let i = 0; i < n; i++) o[i] = scalar.elu(a[i], p); }), 'step(u) + alpha * exp(min(u, 0)) * (1 - step(u))', { name: 'alpha', default: 1 }),
  activation('selu', 'selu(x)', unary(scalar.selu, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.selu(a[i]); }), `${scalar.SELU_SCALE} * (step(u) + ${scalar.SELU_ALPHA} * exp(min(u, 0)) * (1 - step(u)))`),
  activation('celu', 'celu(x, alpha = 1)', param(scalar.celu, (a, o, n, p) => { for (let i = 0; i < n; i++) o[i] = scalar.celu(a[i], p); }), 'step(u) + exp(min(u, 0) / alpha) * (1 - step(u))', { name: 'alpha', default: 1 }),
  activation('gelu', 'gelu(x)', unary(scalar.gelu, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.gelu(a[i]); }), '0.5 * erfc(-u / sqrt(2)) + u * exp(-u^2 / 2) / sqrt(2 * pi)'),
  activation('gelu_tanh', 'gelu_tanh(x)', unary(scalar.geluTanh, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.geluTanh(a[i]); }), `sigmoid(${GELU_TANH_ARGUMENT}) * (1 + u * sigmoid(-${GELU_TANH_ARGUMENT}) * 2 * sqrt(2 / pi) * (1 + 0.134145 * u^2))`),
  activation('silu', 'silu(x)', silu, SILU_DERIVATIVE),
  activation('swish', 'swish(x)', silu, SILU_DERIVATIVE),
  activation('mish', 'mish(x)', unary(scalar.mish, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.mish(a[i]); }), 'tanh(softplus(u)) + u * sigmoid(u) * sech(softplus(u))^2'),
  activation('softsign', 'softsign(x)', unary(scalar.softsign, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.softsign(a[i]); }), '1 / (1 + abs(u))^2'),
  activation('hard_sigmoid', 'hard_sigmoid(x)', unary(scalar.hardSigmoid, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.hardSigmoid(a[i]); }), 'step(u + 3) * step(3 - u) / 6'),
  activation('hard_swish', 'hard_swish(x)', hardSwish, HARD_SWISH_DERIVATIVE),
  activation('hard_silu', 'hard_silu(x)', hardSwish, HARD_SWISH_DERIVATIVE),
  activation('hard_tanh', 'hard_tanh(x)', unary(scalar.hardTanh, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.hardTanh(a[i]); }), 'step(u + 1) * step(1 - u)'),
  activation('tanh_shrink', 'tanh_shrink(x)', unary(scalar.tanhShrink, (a, o, n) => { for (let i = 0; i < n; i++) o[i] = scalar.tanhShrink(a[i]); }), 'tanh(u)^2'),
  activation('soft_shrink', 'soft_shrink(x, lambd = 0.5)', param(scalar.softShrink, (a, o, n, p) => { for (let i = 0; i < n; i++) o[i] = scalar.softShrink(a[i], p); }), 'step(u - lambd) + step(-u - lambd)', { name: 'lambd', default: 0.5 }),
  activation('hard_shrink', 'hard_shrink(x, lambd = 0.5)', param(scalar.hardShrink, (a, o, n, p) => { for (let i = 0; i < n; i++) o[i] = scalar.hardShrink(a[i], p); }), 'step(u - lambd) + step(-u - lambd)', { name: 'lambd', default: 0.5 }),
  activation('squareplus', 'squareplus(x, b = 4)', param(scalar.squareplus, (a, o, n, p) => { for (let i = 0; i < n; i++) o[i] = scalar.squareplus(a[i], p); }), '(1 + u / hypot(u, sqrt(b))) / 2', { name: 'b', default: 4 }),
];

const BY_NAME: ReadonlyMap<string, FormulaFunction> = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** Every function a formula may call, in help order (math first, then activations). */
export const FORMULA_FUNCTIONS: readonly FormulaFunction[] = FUNCTIONS;

/** The function with this exact name, or undefined (names are case-sensitive, like in code). */
export function getFormulaFunction(name: string): FormulaFunction | undefined {
  return BY_NAME.get(name);
}

/** The argument counts a function accepts, ascending. */
export function argumentCounts(fn: FormulaFunction): number[] {
  const counts = Object.keys(fn.implementations).map(Number);
  if (fn.parameter) counts.unshift(1);
  return counts.sort((a, b) => a - b);
}

/** The implementation for a call with `count` arguments (a parameter function's default counts as given). */
export function implementationFor(fn: FormulaFunction, count: number): FunctionImplementation | undefined {
  const effective = fn.parameter && count === 1 ? 2 : count;
  return fn.implementations[effective as 1 | 2 | 3];
}

/** Up to three function names close to a misspelled one (`sigmiod` → sigmoid, `leakyrelu` → leaky_relu). */
export function suggestFunctions(name: string): string[] {
  const wanted = name.toLowerCase();
  const squeezed = wanted.replace(/_/g, '');
  const cutoff = Math.max(1, Math.floor(wanted.length / 3));
  return FUNCTIONS.map((f) => ({ name: f.name, distance: Math.min(editDistance(wanted, f.name), editDistance(squeezed, f.name.replace(/_/g, ''))) }))
    .filter((s) => s.distance <= cutoff)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((s) => s.name);
}
