/**
 * Makes derivatives readable in one bottom-up pass (linear in the tree, unlike mathjs's simplifyCore,
 * which re-simplifies subtrees and goes exponential on nested calls): drops +0, ×1, ÷1, ^1 and
 * parentheses, folds number constants when the result prints short (`2 - 1` → 1, never
 * 0.30000000000000004), gathers a product's constant factors in front (`2 * -1 * (y - p)` →
 * `-2 * (y - p)`), turns `a * (1 / b)` into `a / b`, `a + -b` into `a - b`, `-(a - b)` into `b - a`,
 * and `log(e)` into 1. The rewrites only regroup products and signs, so values change by at most a
 * rounding, never in stability.
 */
import type { FormulaMath, MathNode } from './mathjsSubset';

interface LooseNode {
  readonly type: string;
  readonly op?: string;
  readonly fn?: string | { readonly name?: string };
  readonly args?: readonly MathNode[];
  readonly value?: unknown;
  readonly name?: string;
  readonly content?: MathNode;
}

function loose(node: MathNode): LooseNode {
  return node as unknown as LooseNode;
}

/** A constant is "short" when it prints in at most 12 characters. */
function isShort(value: number): boolean {
  return Number.isFinite(value) && String(value).length <= 12;
}

/** The number a node stands for when it is a constant or the negation of one. */
function constantValue(node: MathNode): number | undefined {
  const n = loose(node);
  if (n.type === 'ConstantNode' && typeof n.value === 'number') return n.value;
  if (n.type === 'OperatorNode' && n.fn === 'unaryMinus') {
    const inner = constantValue(n.args![0]!);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

function isOperator(node: MathNode, fn: string): boolean {
  const n = loose(node);
  return n.type === 'OperatorNode' && n.fn === fn;
}

/** A product seen as constant × numerators / denominators. */
interface Factors {
  constant: number;
  zero: boolean;
  readonly numerators: MathNode[];
  readonly denominators: MathNode[];
}

/** Tidies derivative trees built by mathjs's `derivative` and the chain rule. */
export class Tidier {
  constructor(private readonly math: FormulaMath) {}

  /** The tidied tree; `expression` is not modified. */
  tidy(expression: MathNode): MathNode {
    const n = loose(expression);
    if (n.type === 'ParenthesisNode') return this.tidy(n.content!);
    const node = expression.map((child) => this.tidy(child));
    const args = loose(node).args ?? [];
    if (n.type === 'FunctionNode') {
      const name = typeof n.fn === 'object' ? n.fn.name : undefined;
      const arg = args.length === 1 ? loose(args[0]!) : undefined;
      if (name === 'log' && arg?.type === 'SymbolNode' && arg.name === 'e') return this.math.constant(1);
      return node;
    }
    if (n.type !== 'OperatorNode') return node;
    switch (n.fn) {
      case 'unaryPlus':
        return args[0]!;
      case 'add':
        return args.length === 2 ? this.add(args[0]!, args[1]!) : node;
      case 'subtract':
        return this.subtract(args[0]!, args[1]!);
      case 'unaryMinus':
      case 'multiply':
      case 'divide':
        return this.product(node);
      case 'pow':
        return this.power(args[0]!, args[1]!, node);
      default:
        return node;
    }
  }

  private constant(value: number): MathNode {
    return value < 0 || Object.is(value, -0) ? this.math.negate(this.math.constant(-value)) : this.math.constant(value);
  }

  /** −a without double negations: −c, −(−b) = b, −(a − b) = b − a. */
  private negate(node: MathNode): MathNode {
    const value = constantValue(node);
    if (value !== undefined) return this.constant(-value);
    if (isOperator(node, 'unaryMinus')) return loose(node).args![0]!;
    if (isOperator(node, 'subtract')) {
      const [a, b] = loose(node).args!;
      return this.math.binary('-', b!, a!);
    }
    return this.math.negate(node);
  }

  private add(a: MathNode, b: MathNode): MathNode {
    const [va, vb] = [constantValue(a), constantValue(b)];
    if (va !== undefined && vb !== undefined && isShort(va + vb)) return this.constant(va + vb);
    if (va === 0) return b;
    if (vb === 0) return a;
    if (vb !== undefined && vb < 0) return this.math.binary('-', a, this.math.constant(-vb));
    if (isOperator(b, 'unaryMinus')) return this.math.binary('-', a, loose(b).args![0]!);
    if (isOperator(a, 'unaryMinus')) return this.math.binary('-', b, loose(a).args![0]!);
    return this.math.binary('+', a, b);
  }

  private subtract(a: MathNode, b: MathNode): MathNode {
    const [va, vb] = [constantValue(a), constantValue(b)];
    if (va !== undefined && vb !== undefined && isShort(va - vb)) return this.constant(va - vb);
    if (vb === 0) return a;
    if (va === 0) return this.negate(b);
    if (vb !== undefined && vb < 0) return this.math.binary('+', a, this.math.constant(-vb));
    if (isOperator(b, 'unaryMinus')) return this.math.binary('+', a, loose(b).args![0]!);
    return this.math.binary('-', a, b);
  }

  private power(base: MathNode, exponent: MathNode, node: MathNode): MathNode {
    const [vb, ve] = [constantValue(base), constantValue(exponent)];
    if (ve === 1) return base;
    if (ve === 0) return this.math.constant(1);
    if (vb !== undefined && ve !== undefined) {
      const value = Math.pow(vb, ve);
      if (Number.isInteger(value) && isShort(value)) return this.constant(value);
    }
    return node;
  }

  /** Collects a product's factors; children are already tidy, so nested products are flat already. */
  private collect(node: MathNode, into: Factors, inDenominator: boolean): void {
    const n = loose(node);
    const value = constantValue(node);
    if (value !== undefined) {
      if (value === 0 && !inDenominator) {
        into.zero = true;
        return;
      }
      const next = inDenominator ? into.constant / value : into.constant * value;
      if (value !== 0 && isShort(next)) {
        into.constant = next;
        return;
      }
    }
    if (n.type === 'OperatorNode' && n.fn === 'multiply') {
      for (const arg of n.args ?? []) this.collect(arg, into, inDenominator);
      return;
    }
    if (n.type === 'OperatorNode' && n.fn === 'unaryMinus') {
      into.constant = -into.constant;
      this.collect(n.args![0]!, into, inDenominator);
      return;
    }
    if (n.type === 'OperatorNode' && n.fn === 'divide' && !inDenominator) {
      this.collect(n.args![0]!, into, false);
      this.collect(n.args![1]!, into, true);
      return;
    }
    (inDenominator ? into.denominators : into.numerators).push(node);
  }

  private product(node: MathNode): MathNode {
    const { math } = this;
    const factors: Factors = { constant: 1, zero: false, numerators: [], denominators: [] };
    this.collect(node, factors, false);
    const { constant, numerators, denominators } = factors;
    if (factors.zero) return math.constant(0);
    const negative = constant < 0 || Object.is(constant, -0);
    // The sign goes on the constant (-2 * x) or, for a bare -1, on the first factor (-x / b).
    let terms: MathNode[];
    if (Math.abs(constant) !== 1 || numerators.length === 0) terms = [this.constant(constant), ...numerators];
    else if (negative) terms = [this.negate(numerators[0]!), ...numerators.slice(1)];
    else terms = [...numerators];
    let result = terms.reduce((left, right) => math.binary('*', left, right));
    if (denominators.length > 0) result = math.binary('/', result, denominators.reduce((left, right) => math.binary('*', left, right)));
    return result;
  }
}
