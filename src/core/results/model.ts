/**
 * What the results view shows, as plain data: one section per evaluated function (from a selection,
 * a config entry, a framework comparison or a foreign config). Texts are localized when a section is
 * built; numbers stay tensors until rendered or copied.
 */
import { FormulaLensError, localize } from '../l10n';
import type { ActivationEvaluation, LossEvaluation } from '../evaluate';
import type { ActivationEntry, CatalogEntry, Framework, LossEntry, LossInputs, ParamValue, Reduction, ResolvedParams } from '../catalog/types';
import type { Tensor } from '../tensor';
import { differingParams, disagreements, type FrameworkOutcome } from './compare';
import type { LossRole } from './lossInputs';
import { lossInputWarnings } from './lossWarnings';
import { applicableParams } from './paramText';
import { activationStatistics, lossContributions, type ActivationStatistics } from './statistics';

/** Where the framework of an evaluation came from. */
export type FrameworkSource = 'argument' | 'picker' | 'imports' | 'setting' | 'entry' | 'file';

/** Fields every function section has. */
interface FunctionSectionBase {
  readonly id: string;
  readonly title: string;
  /** Where the values came from: a variable name, `evaluations[3]`, … */
  readonly label?: string;
  readonly formula: string;
  readonly derivativeFormula: string;
}

/** An activation applied to one array. */
export interface ActivationSection extends FunctionSectionBase {
  readonly kind: 'activation';
  readonly framework: Framework;
  readonly frameworkSource: FrameworkSource;
  /** The parameters that apply under the framework, defaults filled in. */
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly input: Tensor;
  readonly output: Tensor;
  readonly derivative: Tensor;
  readonly statistics: ActivationStatistics;
  readonly notes: readonly string[];
}

/** A loss on y_true / y_pred. */
export interface LossSection extends FunctionSectionBase {
  readonly kind: 'loss';
  readonly framework: Framework;
  readonly frameworkSource: FrameworkSource;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly reduction: Reduction;
  readonly yTrue: Tensor | null;
  readonly yPred: Tensor;
  readonly yPred2?: Tensor;
  readonly yPred3?: Tensor;
  /** The loss under the reduction (a scalar, or the unreduced tensor for `none`). */
  readonly value: Tensor;
  /** Unreduced terms (per element or per sample, as the framework's `none` returns them). */
  readonly terms: Tensor;
  /** Each term's share of `value` (they add up to it). */
  readonly contributions: Float64Array;
  /** d loss / d y_pred under the reduction. */
  readonly grad: Tensor;
  /** The name each slot's array had, when it had one. */
  readonly sourceNames: Readonly<Partial<Record<LossRole, string>>>;
  /** True when some slot was filled by position (y_true first). */
  readonly positional: boolean;
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
}

/** One framework's column of a comparison. */
export type CompareColumn =
  | { readonly framework: Framework; readonly ok: true; readonly params: Readonly<Record<string, ParamValue>>; readonly value: Tensor; readonly grad: Tensor }
  | { readonly framework: Framework; readonly ok: false; readonly error: string };

/** The same function under every framework. */
export interface CompareSection extends FunctionSectionBase {
  readonly kind: 'compare';
  readonly functionKind: 'activation' | 'loss';
  /** The activation's input, or y_pred for a loss. */
  readonly input: Tensor;
  readonly yTrue?: Tensor | null;
  readonly reduction?: Reduction;
  readonly columns: readonly CompareColumn[];
  /** 1 where the frameworks' values (and gradients) disagree. */
  readonly valueDiffers: Uint8Array;
  readonly gradDiffers: Uint8Array;
  /** Parameters whose defaults (or values) differ between the frameworks. */
  readonly differingParams: readonly string[];
  readonly notes: readonly { readonly frameworks: readonly Framework[]; readonly text: string }[];
}

/** An activation or loss found in a config that is not an evaluation file. */
export interface FoundFunction {
  readonly kind: 'activation' | 'loss';
  readonly name: string;
  readonly id?: string;
  readonly title?: string;
  readonly formula?: string;
  readonly path: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly reduction?: Reduction;
  readonly framework?: Framework;
  /** Offsets of the name in the file, to reveal it. */
  readonly start: number;
  readonly end: number;
}

/** Every activation and loss of a foreign config. */
export interface ForeignSection {
  readonly kind: 'foreign';
  readonly fileKind: 'keras-model' | 'training-config';
  readonly framework?: Framework;
  readonly findings: readonly FoundFunction[];
  readonly problems: readonly string[];
}

/** An evaluation that failed, with the message saying what to fix. */
export interface FailureSection {
  readonly kind: 'failure';
  readonly title: string;
  readonly label?: string;
  readonly message: string;
}

/** Any section of the results view. */
export type ResultSection = ActivationSection | LossSection | CompareSection | ForeignSection | FailureSection;

/** Notes of an entry that concern a framework, localized. */
function notesFor(entry: CatalogEntry, frameworks: readonly Framework[]): string[] {
  return entry.notes.filter((note) => note.frameworks.some((framework) => frameworks.includes(framework))).map((note) => localize(note.text));
}

/** The applicable parameters of a resolved set (those another framework alone has are dropped). */
function shownParams(entry: CatalogEntry, framework: Framework, params: ResolvedParams): Record<string, ParamValue> {
  return Object.fromEntries(applicableParams(entry, framework).map((spec) => [spec.name, params[spec.name] ?? null]));
}

/** The section of an activation evaluation. */
export function activationSection(
  evaluation: ActivationEvaluation,
  input: Tensor,
  framework: Framework,
  frameworkSource: FrameworkSource,
  label?: string,
): ActivationSection {
  const entry = evaluation.entry;
  return {
    kind: 'activation',
    id: entry.id,
    title: entry.title,
    ...(label ? { label } : {}),
    formula: entry.formula.text,
    derivativeFormula: entry.formula.derivativeText,
    framework,
    frameworkSource,
    params: shownParams(entry, framework, evaluation.params),
    input,
    output: evaluation.value,
    derivative: evaluation.grad,
    statistics: activationStatistics(input, evaluation.value, evaluation.grad),
    notes: notesFor(entry, [framework]),
  };
}

/**
 * The section of a loss evaluation. `terms` is the same loss with reduction `none` (the caller
 * evaluates it, so a failure there is reported like any other).
 */
export function lossSection(
  evaluation: LossEvaluation,
  inputs: LossInputs,
  terms: Tensor,
  framework: Framework,
  frameworkSource: FrameworkSource,
  sources: { readonly names: Readonly<Partial<Record<LossRole, string>>>; readonly positional: boolean },
  label?: string,
): LossSection {
  const entry: LossEntry = evaluation.entry;
  return {
    kind: 'loss',
    id: entry.id,
    title: entry.title,
    ...(label ? { label } : {}),
    formula: entry.formula.text,
    derivativeFormula: entry.formula.derivativeText,
    framework,
    frameworkSource,
    params: shownParams(entry, framework, evaluation.params),
    reduction: evaluation.reduction,
    yTrue: inputs.yTrue,
    yPred: inputs.yPred,
    ...(inputs.yPred2 ? { yPred2: inputs.yPred2 } : {}),
    ...(inputs.yPred3 ? { yPred3: inputs.yPred3 } : {}),
    value: evaluation.value,
    terms,
    contributions: lossContributions(terms, evaluation.value),
    grad: evaluation.grad,
    sourceNames: sources.names,
    positional: sources.positional,
    warnings: lossInputWarnings(entry, evaluation.params, inputs).map((warning) => localize(warning.text, warning.args)),
    notes: notesFor(entry, [framework]),
  };
}

/** The message of an error for the view: localized for expected errors, the plain message otherwise. */
export function errorText(error: Error): string {
  return error instanceof FormulaLensError ? error.localizedMessage() : error.message;
}

/** The section comparing one function across frameworks. */
export function compareSection(
  entry: ActivationEntry | LossEntry,
  input: Tensor,
  outcomes: readonly FrameworkOutcome[],
  extra: { readonly yTrue?: Tensor | null; readonly reduction?: Reduction; readonly label?: string } = {},
): CompareSection {
  const succeeded = outcomes.filter((outcome): outcome is Extract<FrameworkOutcome, { ok: true }> => outcome.ok);
  const columns: CompareColumn[] = outcomes.map((outcome) => (outcome.ok
    ? { framework: outcome.framework, ok: true, params: shownParams(entry, outcome.framework, outcome.params), value: outcome.value, grad: outcome.grad }
    : { framework: outcome.framework, ok: false, error: errorText(outcome.error) }));
  return {
    kind: 'compare',
    functionKind: entry.kind,
    id: entry.id,
    title: entry.title,
    ...(extra.label ? { label: extra.label } : {}),
    formula: entry.formula.text,
    derivativeFormula: entry.formula.derivativeText,
    input,
    ...(extra.yTrue !== undefined ? { yTrue: extra.yTrue } : {}),
    ...(extra.reduction ? { reduction: extra.reduction } : {}),
    columns,
    valueDiffers: disagreements(succeeded.map((outcome) => outcome.value.data)),
    gradDiffers: disagreements(succeeded.map((outcome) => outcome.grad.data)),
    differingParams: differingParams(columns.flatMap((column) => (column.ok ? [column.params] : []))),
    notes: entry.notes.map((note) => ({ frameworks: note.frameworks, text: localize(note.text) })),
  };
}
