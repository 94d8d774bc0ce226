/**
 * Saved formulas as catalog entries, so pickers, the playground and the selection commands can use a
 * user's formula wherever they use a built-in activation or loss. A formula has no framework quirks:
 * it evaluates the same under every profile, and a loss formula is elementwise with torch-style
 * reductions (none keeps every term, mean averages all of them, sum adds them).
 */
import { FormulaLensError, localize } from '../l10n';
import type { LocalizedText } from '../l10n';
import type { ActivationEntry, CatalogEntryBase, ElementwiseKernel, LossEntry, Reduction } from '../catalog/types';
import { FRAMEWORKS } from '../catalog/types';
import { sameShape, scalar, shapeText } from '../tensor';
import type { CompiledActivationFormula, CompiledFormula, CompiledLossFormula, FormulaCompiler } from './compiler';
import { formulaMessages } from './messages';
import type { SavedFormula } from './savedFormula';

function description(saved: SavedFormula): LocalizedText {
  if (saved.description) return { en: saved.description, 'zh-cn': saved.description };
  const args = { formula: saved.formula };
  return { en: localize(formulaMessages.customFormulaDescription, args, 'en'), 'zh-cn': localize(formulaMessages.customFormulaDescription, args, 'zh-cn') };
}

function commonFields(saved: SavedFormula, compiled: CompiledFormula): CatalogEntryBase {
  return {
    id: saved.name,
    title: saved.name,
    aliases: [],
    names: {},
    frameworks: FRAMEWORKS,
    params: [],
    description: description(saved),
    formula: { latex: compiled.latex, text: compiled.text, derivativeLatex: compiled.derivativeLatex, derivativeText: compiled.derivativeText },
    range: '',
    notes: [],
  };
}

/** The compiled formula as an elementwise kernel (parameters and framework do not apply). */
export function formulaKernel(compiled: CompiledActivationFormula): ElementwiseKernel {
  return {
    forward: (x, out) => compiled.evaluate(x, out),
    derivative: (x, out) => compiled.derivative(x, out),
  };
}

/** A saved activation formula as a catalog activation entry (id = the formula's name). */
export function formulaActivationEntry(saved: SavedFormula, compiled: CompiledActivationFormula): ActivationEntry {
  const kernel = formulaKernel(compiled);
  return {
    ...commonFields(saved, compiled),
    kind: 'activation',
    kernel,
    evaluate(input) {
      const value = new Float64Array(input.data.length);
      const grad = new Float64Array(input.data.length);
      compiled.evaluate(input.data, value);
      compiled.derivative(input.data, grad);
      return { value: { shape: [...input.shape], data: value }, grad: { shape: [...input.shape], data: grad } };
    },
  };
}

const LOSS_REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];

/** A saved loss formula L(y, p) as a catalog loss entry: elementwise terms, then the reduction. */
export function formulaLossEntry(saved: SavedFormula, compiled: CompiledLossFormula): LossEntry {
  return {
    ...commonFields(saved, compiled),
    kind: 'loss',
    reductions: LOSS_REDUCTIONS,
    predictionKind: 'values',
    targetKind: 'values',
    predictionInputs: 1,
    evaluate(inputs, options) {
      const { yTrue, yPred } = inputs;
      if (!yTrue) throw new FormulaLensError(formulaMessages.targetRequired, { name: saved.name });
      if (!sameShape(yTrue.shape, yPred.shape)) {
        throw new FormulaLensError(formulaMessages.shapeMismatch, { yShape: shapeText(yTrue.shape), pShape: shapeText(yPred.shape) });
      }
      const terms = new Float64Array(yPred.data.length);
      const grad = new Float64Array(yPred.data.length);
      compiled.evaluateLoss(yTrue.data, yPred.data, terms);
      compiled.derivative(yTrue.data, yPred.data, grad);
      if (options.reduction === 'none') return { value: { shape: [...yPred.shape], data: terms }, grad: { shape: [...yPred.shape], data: grad } };
      let sum = 0;
      for (let i = 0; i < terms.length; i++) sum += terms[i]!;
      if (options.reduction === 'sum') return { value: scalar(sum), grad: { shape: [...yPred.shape], data: grad } };
      // mean (and batchmean, which the entry does not offer) divides by the element count.
      const count = terms.length;
      for (let i = 0; i < grad.length; i++) grad[i] = grad[i]! / count;
      return { value: scalar(sum / count), grad: { shape: [...yPred.shape], data: grad } };
    },
  };
}

/** Compiles a saved formula and wraps it as a catalog entry; throws a positioned FormulaLensError when refused. */
export function savedFormulaEntry(compiler: FormulaCompiler, saved: SavedFormula): ActivationEntry | LossEntry {
  return saved.kind === 'activation'
    ? formulaActivationEntry(saved, compiler.compile(saved.formula, 'activation'))
    : formulaLossEntry(saved, compiler.compile(saved.formula, 'loss'));
}
