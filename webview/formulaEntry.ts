/**
 * Entry of `dist/formula.js`, the page's formula compiler bundle (with its mathjs subset). The page loads it
 * on first need and calls it through `globalThis.formulaLensFormula` (an iife bundle cannot export). The
 * bundle is itself lazy, so it imports the mathjs subset statically, as the compiler's notes recommend.
 */
import { createFormulaCompiler } from '../src/core/formula/compiler';
import { formulaLossEntry } from '../src/core/formula/customEntries';
import { formulaMath } from '../src/core/formula/mathjsSubset';
import { FormulaLensError, localize, type Locale } from '../src/core/l10n';
import { catalogSweepLoss } from '../src/core/lossCurves';
import type { CompiledFormula, FormulaBundleApi } from './formulaLibrary';

const compiler = createFormulaCompiler(formulaMath);

/** The formula name used while a draft is not saved yet (loss entries need one for their messages). */
const DRAFT_NAME = 'draft';

const api: FormulaBundleApi = {
  compile(kind, text, locale: Locale) {
    try {
      if (kind === 'activation') {
        const compiled = compiler.compile(text, 'activation');
        const formula: CompiledFormula = {
          kind,
          texts: { text: `f(x) = ${compiled.text}`, latex: `f(x) = ${compiled.latex}`, derivativeText: `f′(x) = ${compiled.derivativeText}`, derivativeLatex: `f'(x) = ${compiled.derivativeLatex}` },
          curve: {
            sample(xs, values, derivatives) {
              compiled.evaluate(xs, values);
              compiled.derivative(xs, derivatives);
            },
          },
        };
        return { ok: true, formula };
      }
      const compiled = compiler.compile(text, 'loss');
      // A loss formula is elementwise with torch-style reductions and no framework quirks (customEntries.ts).
      const entry = formulaLossEntry({ name: DRAFT_NAME, kind: 'loss', formula: text }, compiled);
      const formula: CompiledFormula = {
        kind,
        texts: {
          text: `L(y, p) = ${compiled.text}`,
          latex: `L(y, p) = ${compiled.latex}`,
          derivativeText: `∂L/∂p = ${compiled.derivativeText}`,
          derivativeLatex: `\\frac{\\partial L}{\\partial p} = ${compiled.derivativeLatex}`,
        },
        loss: catalogSweepLoss(entry, 'torch', {}),
      };
      return { ok: true, formula };
    } catch (error) {
      if (error instanceof FormulaLensError) {
        return { ok: false, problem: { message: localize(error.text, error.args, locale), start: error.position?.offset, end: error.endPosition?.offset } };
      }
      return { ok: false, problem: { message: error instanceof Error ? error.message : String(error) } };
    }
  },
};

globalThis.formulaLensFormula = api;
