/**
 * Turns the rows of the state (catalog ids and saved-formula names, with parameters and framework) into
 * things the core can sample: curves for activations, sweep losses for the loss explorer. Problems
 * (unknown name, bad parameter, formula still loading) come back as localized text for the row.
 */
import * as l10n from '@vscode/l10n';
import { resolveParams } from '../src/core/catalog/params';
import { CATALOG, resolveName } from '../src/core/catalog/registry';
import type { ActivationEntry, Framework, LossEntry, Reduction, ResolvedParams } from '../src/core/catalog/types';
import { activationCurve, isElementwiseActivation, type CurveFunction } from '../src/core/curves';
import { catalogSweepLoss, type SweepLoss } from '../src/core/lossCurves';
import { FormulaLensError } from '../src/core/l10n';
import type { PlottedFunction } from '../src/protocol/playground';
import type { FormulaLibrary } from './formulaLibrary';

/** A row that can be drawn, or why not. `pending` means a custom formula is still being compiled. */
export type Resolved<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string; readonly pending?: boolean };

/** Formula texts shown with a row and copied as LaTeX. */
export interface FormulaTexts {
  readonly text: string;
  readonly latex: string;
  readonly derivativeText: string;
  readonly derivativeLatex: string;
}

/** An activation row ready to sample. */
export interface ResolvedCurve {
  readonly label: string;
  readonly framework: Framework;
  readonly curve: CurveFunction;
  readonly formula: FormulaTexts;
  readonly entry?: ActivationEntry;
}

/** A loss row ready to sweep. */
export interface ResolvedLoss {
  readonly label: string;
  readonly framework: Framework;
  readonly loss: SweepLoss;
  readonly predictionInputs: number;
  readonly reductions: readonly Reduction[];
  readonly formula: FormulaTexts;
  readonly entry?: LossEntry;
}

/** The message of an error for the user, in the page's language. */
export function errorText(error: unknown): string {
  if (error instanceof FormulaLensError) return error.localizedMessage();
  return error instanceof Error ? error.message : String(error);
}

/** Activations that have a curve y = f(x) (elementwise ones), in catalog order. */
export function curveActivations(framework: Framework): ActivationEntry[] {
  return CATALOG.filter((entry): entry is ActivationEntry => entry.kind === 'activation' && isElementwiseActivation(entry, framework, safeDefaults(entry, framework)));
}

/** Every catalog loss, in catalog order. */
export function catalogLosses(): LossEntry[] {
  return CATALOG.filter((entry): entry is LossEntry => entry.kind === 'loss');
}

function safeDefaults(entry: ActivationEntry, framework: Framework): ResolvedParams {
  try {
    return resolveParams(entry, framework);
  } catch {
    return {};
  }
}

/** The framework a row uses: its own override, else the panel's. */
export function rowFramework(row: PlottedFunction, panelFramework: Framework): Framework {
  return row.framework ?? panelFramework;
}

/** The row's label: the function's title, with the framework when the row overrides the panel's. */
function rowLabel(title: string, row: PlottedFunction): string {
  return row.framework ? `${title} (${row.framework})` : title;
}

/** Resolves an activation row to a curve. */
export function resolveCurveRow(row: PlottedFunction, panelFramework: Framework, formulas: FormulaLibrary): Resolved<ResolvedCurve> {
  const framework = rowFramework(row, panelFramework);
  if (row.source.kind === 'custom') {
    const lookup = formulas.lookup(row.source.name, 'activation');
    if (!lookup.ok) return lookup;
    const compiled = lookup.value;
    if (!compiled.curve) return { ok: false, message: l10n.t('"{0}" is a loss formula, not an activation.', row.source.name) };
    return { ok: true, value: { label: row.source.name, framework, curve: compiled.curve, formula: compiled.texts } };
  }
  const entry = resolveName(row.source.id);
  if (!entry || entry.kind !== 'activation') return { ok: false, message: l10n.t('Unknown activation "{0}".', row.source.id) };
  try {
    const params = resolveParams(entry, framework, row.params);
    if (!isElementwiseActivation(entry, framework, params)) {
      return { ok: false, message: l10n.t('{0} works on whole vectors, so it has no single curve.', entry.title) };
    }
    return { ok: true, value: { label: rowLabel(entry.title, row), framework, curve: activationCurve(entry, framework, params), formula: entry.formula, entry } };
  } catch (error) {
    return { ok: false, message: errorText(error) };
  }
}

/** Resolves a loss row to a sweepable loss. */
export function resolveLossRow(row: PlottedFunction, panelFramework: Framework, formulas: FormulaLibrary): Resolved<ResolvedLoss> {
  const framework = rowFramework(row, panelFramework);
  if (row.source.kind === 'custom') {
    const lookup = formulas.lookup(row.source.name, 'loss');
    if (!lookup.ok) return lookup;
    const compiled = lookup.value;
    if (!compiled.loss) return { ok: false, message: l10n.t('"{0}" is an activation formula, not a loss.', row.source.name) };
    return { ok: true, value: { label: row.source.name, framework, loss: compiled.loss, predictionInputs: 1, reductions: ['mean', 'sum', 'none'], formula: compiled.texts } };
  }
  const entry = resolveName(row.source.id);
  if (!entry || entry.kind !== 'loss') return { ok: false, message: l10n.t('Unknown loss "{0}".', row.source.id) };
  try {
    const params = resolveParams(entry, framework, row.params);
    return {
      ok: true,
      value: { label: rowLabel(entry.title, row), framework, loss: catalogSweepLoss(entry, framework, params), predictionInputs: entry.predictionInputs, reductions: entry.reductions, formula: entry.formula, entry },
    };
  } catch (error) {
    return { ok: false, message: errorText(error) };
  }
}
