/**
 * Symbolic differentiation with mathjs's `derivative`, extended to the functions it does not know
 * (the catalog activations, erf, step, min, max...) by the multivariable chain rule:
 *
 *   each outermost call f(u₁..uₙ) that mathjs cannot differentiate is replaced by a fresh symbol g,
 *   then  dE/dv = ∂E/∂v + Σ_g ∂E/∂g · Σᵢ ∂f/∂uᵢ(u) · duᵢ/dv,
 *
 * where ∂E/∂v and ∂E/∂g come from mathjs (with g, resp. v, held constant), ∂f/∂uᵢ from the
 * function's rule template in `functions.ts`, and duᵢ/dv recursively. The result is then tidied
 * (`tidy.ts`) for display.
 */
import type { FormulaMath, MathNode } from './mathjsSubset';
import { getFormulaFunction } from './functions';
import type { FormulaFunction } from './functions';
import { Tidier } from './tidy';

/** Placeholder symbols cannot clash with user names: formulas only reach x, y, p, pi and e. */
const PLACEHOLDER_PREFIX = '__formula_lens_g';

/** mathjs node fields read here. */
interface LooseNode {
  readonly type: string;
  readonly name?: string;
  readonly fn?: LooseNode | string;
  readonly op?: string;
  readonly args?: readonly MathNode[];
  readonly value?: unknown;
  readonly content?: MathNode;
}

function loose(node: MathNode): LooseNode {
  return node as unknown as LooseNode;
}

function callName(node: MathNode): string | undefined {
  const n = loose(node);
  if (n.type !== 'FunctionNode' || typeof n.fn !== 'object') return undefined;
  return n.fn.name;
}

function dependsOn(node: MathNode, variable: string): boolean {
  return node.filter((n) => loose(n).type === 'SymbolNode' && loose(n).name === variable).length > 0;
}

/** Argument names of rule templates: `u` for one-input functions, `a`, `b`, `c` otherwise. */
function templateBindings(spec: FormulaFunction, args: readonly MathNode[], math: FormulaMath): Map<string, MathNode> {
  const bindings = new Map<string, MathNode>();
  if (spec.parameter) {
    bindings.set('u', args[0]!);
    bindings.set(spec.parameter.name, args[1] ?? math.constant(spec.parameter.default));
  } else if (args.length === 1) {
    bindings.set('u', args[0]!);
  } else {
    ['a', 'b', 'c'].slice(0, args.length).forEach((name, i) => bindings.set(name, args[i]!));
  }
  return bindings;
}

/** Differentiates mathjs expression trees; templates are parsed once per instance. */
export class Differentiator {
  private readonly templates = new Map<string, MathNode>();
  private readonly tidier: Tidier;

  constructor(private readonly math: FormulaMath) {
    this.tidier = new Tidier(math);
  }

  /** The tidied derivative of `expression` with respect to `variable`. */
  derivative(expression: MathNode, variable: string): MathNode {
    return this.tidier.tidy(this.differentiate(expression, variable));
  }

  private template(text: string): MathNode {
    let parsed = this.templates.get(text);
    if (!parsed) {
      parsed = this.math.parse(text);
      this.templates.set(text, parsed);
    }
    return parsed;
  }

  private differentiate(expression: MathNode, variable: string): MathNode {
    const { math } = this;
    const placeholders = new Map<string, MathNode>();
    const byText = new Map<string, string>();
    // transform() visits parents first and does not descend into a replaced node, so only the
    // outermost unknown calls become placeholders; inner ones are handled by the recursion.
    const opaque = expression.transform((node) => {
      const name = callName(node);
      const spec = name === undefined ? undefined : getFormulaFunction(name);
      if (!spec || spec.derivative === 'mathjs' || !dependsOn(node, variable)) return node;
      const key = node.toString();
      let symbol = byText.get(key);
      if (!symbol) {
        symbol = `${PLACEHOLDER_PREFIX}${placeholders.size}`;
        byText.set(key, symbol);
        placeholders.set(symbol, node);
      }
      return math.symbol(symbol);
    });
    let result = math.derivative(opaque, variable);
    for (const [symbol, call] of placeholders) {
      const inner = this.chainRule(call, variable);
      if (inner) result = math.binary('+', result, math.binary('*', math.derivative(opaque, symbol), inner));
    }
    if (placeholders.size === 0) return result;
    return result.transform((node) => {
      const n = loose(node);
      return n.type === 'SymbolNode' && n.name !== undefined && placeholders.has(n.name) ? placeholders.get(n.name)!.cloneDeep() : node;
    });
  }

  /** d f(u₁..uₙ)/dv for a call mathjs cannot differentiate, or null when it is identically 0. */
  private chainRule(call: MathNode, variable: string): MathNode | null {
    const { math } = this;
    const spec = getFormulaFunction(callName(call)!)!;
    const args = loose(call).args ?? [];
    const rules = spec.derivative as readonly (string | null)[];
    const bindings = templateBindings(spec, args, math);
    // A parameter (the leaky slope...) is a constant by construction; only inputs carry derivatives.
    const inputs = spec.parameter ? args.slice(0, 1) : args;
    let sum: MathNode | null = null;
    inputs.forEach((arg, i) => {
      const rule = rules[i];
      if (rule === null || rule === undefined || !dependsOn(arg, variable)) return;
      const partial = this.template(rule).transform((node) => {
        const n = loose(node);
        return n.type === 'SymbolNode' && n.name !== undefined && bindings.has(n.name) ? bindings.get(n.name)!.cloneDeep() : node;
      });
      const term = math.binary('*', partial, this.differentiate(arg, variable));
      sum = sum ? math.binary('+', sum, term) : term;
    });
    return sum;
  }
}
