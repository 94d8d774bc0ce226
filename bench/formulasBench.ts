/**
 * Section 1b: custom formulas compiled by the playground's formula compiler, against a tight
 * loop written for the same formula (target: at most 2x), forward and derivative.
 */
import { compileFormula } from '../src/core/formula/index';
import type { Comparison } from './harness';
import { uniform } from './inputs';

interface FormulaCase {
  readonly formula: string;
  readonly forward: (x: Float64Array, out: Float64Array) => void;
  readonly derivative: (x: Float64Array, out: Float64Array) => void;
}

/** The formulas timed, each with its hand-written loops (exported for the honesty test). */
export const FORMULA_CASES: readonly FormulaCase[] = [
  {
    formula: 'x * sigmoid(1.702 * x)',
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v / (1 + Math.exp(-1.702 * v)); } },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; const s = 1 / (1 + Math.exp(-1.702 * v)); out[i] = s + 1.702 * v * s * (1 - s); } },
  },
  {
    formula: 'log(1 + exp(x))',
    forward(x, out) { for (let i = 0; i < x.length; i++) out[i] = Math.log(1 + Math.exp(x[i]!)); },
    derivative(x, out) { for (let i = 0; i < x.length; i++) { const e = Math.exp(x[i]!); out[i] = e / (1 + e); } },
  },
  {
    formula: 'x * tanh(softplus(x))',
    forward(x, out) { for (let i = 0; i < x.length; i++) { const v = x[i]!; out[i] = v * Math.tanh(Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)))); } },
    derivative(x, out) {
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        const t = Math.tanh(Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))));
        out[i] = t + v * (1 - t * t) / (1 + Math.exp(-v));
      }
    },
  },
];

/** Builds the custom-formula comparisons at the given sizes. */
export async function formulaComparisons(sizes: readonly number[]): Promise<Comparison[]> {
  const comparisons: Comparison[] = [];
  for (const formulaCase of FORMULA_CASES) {
    const compiled = await compileFormula(formulaCase.formula, 'activation');
    for (const n of sizes) {
      const x = uniform(n, -6, 6, 17);
      const out = new Float64Array(n);
      for (const pass of ['forward', 'derivative'] as const) {
        comparisons.push({
          group: 'formulas', name: `${formulaCase.formula} ${pass} n=${n.toExponential(0)}`, unit: 'element', units: n, baseline: 'tight loop', subject: 'formula-lens', target: 2,
          implementations: [
            { name: 'formula-lens', run: () => { if (pass === 'forward') compiled.evaluate(x, out); else compiled.derivative(x, out); return out; } },
            { name: 'tight loop', run: () => { formulaCase[pass](x, out); return out; } },
          ],
        });
      }
    }
  }
  return comparisons;
}
