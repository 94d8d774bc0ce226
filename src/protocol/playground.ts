/**
 * The Playground panel's messages between the extension host and the webview, its persisted state,
 * and the runtime guards that check anything crossing that boundary. Plain JSON only: functions travel
 * by catalog id (or saved-formula name) and are looked up on the other side.
 */
import type { Framework, Reduction } from '../core/catalog/types';
import { FRAMEWORKS } from '../core/catalog/types';
// The saved-formula shape and its checks live with the formula compiler; this file is imported directly
// (not the compiler's index) so neither the page nor the host bundles mathjs through it.
import {
  SAVED_FORMULA_NAME_MAX_LENGTH,
  SAVED_FORMULA_TEXT_MAX_LENGTH,
  isFormulaName as isFormulaNameText,
  isSavedFormula as isSavedFormulaShape,
  readSavedFormulas,
  type SavedFormula,
} from '../core/formula/savedFormula';
import { isTrainingHostMessage, isTrainingPanelState, isTrainingWebviewMessage, type TrainingHostMessage, type TrainingPanelState, type TrainingWebviewMessage } from './trainingPanel';
import { hasExactKeys, isArrayOf, isBoundedString, isFiniteNumber, isIntegerIn, isOneOf, isRecord } from './validate';

/** The webview panel type, also the `onWebviewPanel:` activation event suffix. */
export const PLAYGROUND_VIEW_TYPE = 'formulaLens.playground';

/** The panel's sections. The training issue adds its own tab id here. */
export type PlaygroundTab = 'curves' | 'loss' | 'custom' | 'training';
/** Every tab, in display order. */
export const PLAYGROUND_TABS: readonly PlaygroundTab[] = ['curves', 'loss', 'custom', 'training'];

/** Limits that keep a malformed or hostile message from costing memory or time. */
export const LIMITS = {
  /** Catalog ids, aliases and framework spellings are short. */
  name: 100,
  /** Saved-formula names (the setting's limit). */
  formulaName: SAVED_FORMULA_NAME_MAX_LENGTH,
  /** A typed formula as stored (the compiler itself refuses more than 500 characters, with a message). */
  formulaText: SAVED_FORMULA_TEXT_MAX_LENGTH,
  /** Curves or losses drawn at once. */
  plotted: 16,
  /** Parameters of one function. */
  params: 32,
  /** Elements of a number-list parameter (class weights...). */
  listLength: 1024,
  /** A string parameter value. */
  paramString: 200,
  /** Saved formulas in settings. */
  savedFormulas: 200,
  /** Classes in the loss explorer's categorical target. */
  classes: 100,
  /** Exported PNG data URL / CSV text (a chart at 4K is about 2 MB). */
  exportBytes: 32 * 1024 * 1024,
  /** Copied LaTeX. */
  latex: 20_000,
  /** A log line from the webview. */
  logMessage: 4000,
  /** Suggested file names. */
  fileName: 120,
  /** |x| bound for ranges: far beyond any useful plot, small enough to keep sampling finite. */
  range: 1e6,
} as const;

/** A parameter value as the panel edits it (finite numbers only: JSON state cannot hold NaN/Infinity). */
export type PanelParamValue = number | boolean | string | null | readonly number[];
/** Parameter values keyed by canonical name; missing ones take the framework default. */
export type PanelParams = Readonly<Record<string, PanelParamValue>>;

/** Where a plotted function comes from: the catalog (by canonical id) or a saved custom formula (by name). */
export type FunctionSource =
  | { readonly kind: 'catalog'; readonly id: string }
  | { readonly kind: 'custom'; readonly name: string };

/** One drawn function: its source, an optional framework override (null: the panel's), its parameters. */
export interface PlottedFunction {
  readonly source: FunctionSource;
  readonly framework: Framework | null;
  readonly params: PanelParams;
}

/** The Curves tab. */
export interface CurvesState {
  readonly functions: readonly PlottedFunction[];
  readonly showDerivative: boolean;
  readonly showMarkers: boolean;
  readonly xMin: number;
  readonly xMax: number;
  /** Fixed y range; null means automatic. */
  readonly yMin: number | null;
  readonly yMax: number | null;
}

/**
 * What the loss explorer sweeps: a prediction against a binary, categorical or regression target, or for
 * losses of several predictions the one quantity they compare (a score pair, an embedding pair, a triplet).
 */
export type LossProblem = 'binary' | 'categorical' | 'regression' | 'rankingPair' | 'embeddingPair' | 'triplet';
/** Every loss problem kind. */
export const LOSS_PROBLEMS: readonly LossProblem[] = ['binary', 'categorical', 'regression', 'rankingPair', 'embeddingPair', 'triplet'];
/** The anchor–negative distance of the triplet problem in states saved before it existed. */
export const DEFAULT_NEGATIVE_DISTANCE = 2;
/** Every loss reduction the panel offers. */
export const PANEL_REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none', 'batchmean'];

/** The Loss explorer tab. */
export interface LossExplorerState {
  readonly losses: readonly PlottedFunction[];
  readonly problem: LossProblem;
  /** y_true for binary problems; the pair problems' ±1 label as 1 or 0 (for −1), as sign targets read it. */
  readonly binaryTarget: 0 | 1;
  /** Number of classes and the true class for categorical problems. */
  readonly classCount: number;
  readonly trueClass: number;
  /** y_true for regression problems. */
  readonly regressionTarget: number;
  /** The fixed anchor–negative distance of the triplet problem (absent in older states: DEFAULT_NEGATIVE_DISTANCE). */
  readonly negativeDistance?: number;
  /** Catalog id of the output activation the logit z goes through; null sweeps the prediction itself. */
  readonly outputActivation: string | null;
  readonly reduction: Reduction;
  readonly showGradient: boolean;
  readonly logScale: boolean;
  readonly xMin: number;
  readonly xMax: number;
}

/** The formula being typed in the Custom formulas tab. */
export interface FormulaDraft {
  readonly kind: 'activation' | 'loss';
  readonly name: string;
  readonly text: string;
}

/** Everything the panel restores after a reload (webview state and `WebviewPanelSerializer`). */
export interface PlaygroundState {
  readonly version: 1;
  readonly tab: PlaygroundTab;
  readonly framework: Framework;
  readonly curves: CurvesState;
  readonly loss: LossExplorerState;
  readonly draft: FormulaDraft;
  /** The Training tab (absent until it is first used, and in states saved before it existed). */
  readonly training?: TrainingPanelState;
}

/** A formula saved in the `formulaLens.customFormulas` setting (the formula compiler's own shape). */
export type { SavedFormula };

/** A function to show when the panel opens (hover and CodeLens links). */
export interface PlaygroundFocus {
  readonly kind: 'activation' | 'loss';
  /** Any spelling the catalog resolves (`leaky_relu`, `nn.LeakyReLU`, `binaryCrossentropy`). */
  readonly id: string;
  readonly params?: PanelParams;
  readonly framework?: Framework;
}

/** The optional argument of the `formulaLens.openPlayground` command. */
export interface OpenPlaygroundArgs {
  readonly focus?: PlaygroundFocus;
}

/** Data the host embeds in the page, read once by the webview before anything is drawn. */
export interface PlaygroundBootData {
  readonly locale: 'en' | 'zh-cn';
  /** Contents of `vscode.l10n.bundle` (undefined in English), for `@vscode/l10n` in the webview. */
  readonly l10nBundle: Readonly<Record<string, string>> | null;
  /** State restored by the serializer; null for a new panel. */
  readonly state: PlaygroundState | null;
  readonly focus: PlaygroundFocus | null;
  /** The `formulaLens.defaultFramework` setting. */
  readonly defaultFramework: Framework;
  readonly customFormulas: readonly SavedFormula[];
  /** Webview URI of the lazily loaded formula-compiler bundle. */
  readonly formulaScriptUri: string;
  /** Webview URI of the training worker bundle (fetched and started from a Blob URL); absent, the Training tab says it cannot train. */
  readonly workerScriptUri?: string;
}

/** Host → webview: show a function (the command ran with a `focus` argument while the panel was open). */
export interface FocusMessage {
  readonly type: 'focus';
  readonly focus: PlaygroundFocus;
}
/** Host → webview: the `formulaLens.customFormulas` setting changed. */
export interface CustomFormulasMessage {
  readonly type: 'customFormulas';
  readonly formulas: readonly SavedFormula[];
}
/** Every message the host posts to the webview. */
export type HostToWebviewMessage = FocusMessage | CustomFormulasMessage | TrainingHostMessage;

/** Webview → host: the page has loaded and listens; the host sends what was pending while it was hidden. */
export interface ReadyMessage {
  readonly type: 'ready';
}
/** Webview → host: save a chart image (downloads do not work in webviews, so the host shows a save dialog). */
export interface SavePngMessage {
  readonly type: 'savePng';
  /** `data:image/png;base64,...` from `chart.toBase64Image()`. */
  readonly dataUrl: string;
  readonly fileName: string;
}
/** Webview → host: save sampled data as CSV. */
export interface SaveCsvMessage {
  readonly type: 'saveCsv';
  readonly csv: string;
  readonly fileName: string;
}
/** Webview → host: copy a formula's LaTeX to the clipboard. */
export interface CopyLatexMessage {
  readonly type: 'copyLatex';
  readonly latex: string;
}
/** Webview → host: add or replace (by name) a formula in the `formulaLens.customFormulas` setting. */
export interface SaveFormulaMessage {
  readonly type: 'saveFormula';
  readonly formula: SavedFormula;
}
/** Webview → host: remove a saved formula by name. */
export interface DeleteFormulaMessage {
  readonly type: 'deleteFormula';
  readonly name: string;
}
/** Webview → host: a diagnostic line for the extension's log (errors inside the webview). */
export interface LogMessage {
  readonly type: 'log';
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
}
/** Every message the webview posts to the host. */
export type WebviewToHostMessage = ReadyMessage | SavePngMessage | SaveCsvMessage | CopyLatexMessage | SaveFormulaMessage | DeleteFormulaMessage | LogMessage | TrainingWebviewMessage;

const FORMULA_KINDS = ['activation', 'loss'] as const;
const LOG_LEVELS = ['info', 'warn', 'error'] as const;
/** File names the webview may suggest: no path separators, the expected extension. */
const FILE_NAME = /^[\p{L}\p{N}_. -]+$/u;
const PNG_PREFIX = 'data:image/png;base64,';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A framework profile id. */
export function isFramework(value: unknown): value is Framework {
  return isOneOf(value, FRAMEWORKS);
}

function isName(value: unknown): value is string {
  return isBoundedString(value, LIMITS.name, 1);
}

function isNumberList(value: unknown): value is number[] {
  return isArrayOf(value, LIMITS.listLength, (item): item is number => isFiniteNumber(item));
}

/** A parameter value: finite number, boolean, short string, null or a bounded list of finite numbers. */
export function isPanelParamValue(value: unknown): value is PanelParamValue {
  return value === null || typeof value === 'boolean' || isFiniteNumber(value) || isBoundedString(value, LIMITS.paramString) || isNumberList(value);
}

/** A parameter record: at most `LIMITS.params` entries with short names. */
export function isPanelParams(value: unknown): value is PanelParams {
  if (!isRecord(value)) return false;
  const entries = Object.entries(value);
  if (entries.length > LIMITS.params) return false;
  return entries.every(([key, item]) => isBoundedString(key, LIMITS.name, 1) && isPanelParamValue(item));
}

/** A saved-formula name. */
export function isFormulaName(value: unknown): value is string {
  return isBoundedString(value, LIMITS.formulaName, 1) && isFormulaNameText(value);
}

function isFunctionSource(value: unknown): value is FunctionSource {
  if (!isRecord(value)) return false;
  if (value.kind === 'catalog') return hasExactKeys(value, ['kind', 'id']) && isName(value.id);
  if (value.kind === 'custom') return hasExactKeys(value, ['kind', 'name']) && isFormulaName(value.name);
  return false;
}

function isPlottedFunction(value: unknown): value is PlottedFunction {
  return isRecord(value) && hasExactKeys(value, ['source', 'framework', 'params'])
    && isFunctionSource(value.source)
    && (value.framework === null || isFramework(value.framework))
    && isPanelParams(value.params);
}

function isRange(min: unknown, max: unknown): boolean {
  return isFiniteNumber(min, -LIMITS.range, LIMITS.range) && isFiniteNumber(max, -LIMITS.range, LIMITS.range) && min < max;
}

function isOptionalRange(min: unknown, max: unknown): boolean {
  const minOk = min === null || isFiniteNumber(min, -Number.MAX_VALUE, Number.MAX_VALUE);
  const maxOk = max === null || isFiniteNumber(max, -Number.MAX_VALUE, Number.MAX_VALUE);
  return minOk && maxOk && (min === null || max === null || (min as number) < (max as number));
}

function isCurvesState(value: unknown): value is CurvesState {
  return isRecord(value) && hasExactKeys(value, ['functions', 'showDerivative', 'showMarkers', 'xMin', 'xMax', 'yMin', 'yMax'])
    && isArrayOf(value.functions, LIMITS.plotted, isPlottedFunction)
    && typeof value.showDerivative === 'boolean'
    && typeof value.showMarkers === 'boolean'
    && isRange(value.xMin, value.xMax)
    && isOptionalRange(value.yMin, value.yMax);
}

function isLossExplorerState(value: unknown): value is LossExplorerState {
  return isRecord(value) && hasExactKeys(value, ['losses', 'problem', 'binaryTarget', 'classCount', 'trueClass', 'regressionTarget', 'outputActivation', 'reduction', 'showGradient', 'logScale', 'xMin', 'xMax'], ['negativeDistance'])
    && isArrayOf(value.losses, LIMITS.plotted, isPlottedFunction)
    && isOneOf(value.problem, LOSS_PROBLEMS)
    && (value.binaryTarget === 0 || value.binaryTarget === 1)
    && isIntegerIn(value.classCount, 2, LIMITS.classes)
    && isIntegerIn(value.trueClass, 0, (value.classCount as number) - 1)
    && isFiniteNumber(value.regressionTarget, -LIMITS.range, LIMITS.range)
    && (value.negativeDistance === undefined || isFiniteNumber(value.negativeDistance, 0, LIMITS.range))
    && (value.outputActivation === null || isName(value.outputActivation))
    && isOneOf(value.reduction, PANEL_REDUCTIONS)
    && typeof value.showGradient === 'boolean'
    && typeof value.logScale === 'boolean'
    && isRange(value.xMin, value.xMax);
}

function isFormulaDraft(value: unknown): value is FormulaDraft {
  return isRecord(value) && hasExactKeys(value, ['kind', 'name', 'text'])
    && isOneOf(value.kind, FORMULA_KINDS)
    && isBoundedString(value.name, LIMITS.formulaName)
    && isBoundedString(value.text, LIMITS.formulaText);
}

/** The persisted panel state, checked field by field (it may come from an older version or be corrupt). */
export function isPlaygroundState(value: unknown): value is PlaygroundState {
  return isRecord(value) && hasExactKeys(value, ['version', 'tab', 'framework', 'curves', 'loss', 'draft'], ['training'])
    && value.version === 1
    && isOneOf(value.tab, PLAYGROUND_TABS)
    && isFramework(value.framework)
    && isCurvesState(value.curves)
    && isLossExplorerState(value.loss)
    && isFormulaDraft(value.draft)
    && (value.training === undefined || isTrainingPanelState(value.training));
}

/** A saved formula as stored in settings, with a non-empty formula text. */
export function isSavedFormula(value: unknown): value is SavedFormula {
  return isSavedFormulaShape(value) && value.formula.length > 0 && value.formula.length <= LIMITS.formulaText;
}

/** A focus target (from a hover/CodeLens link or a command URI). */
export function isPlaygroundFocus(value: unknown): value is PlaygroundFocus {
  return isRecord(value) && hasExactKeys(value, ['kind', 'id'], ['params', 'framework'])
    && isOneOf(value.kind, FORMULA_KINDS)
    && isName(value.id)
    && (value.params === undefined || isPanelParams(value.params))
    && (value.framework === undefined || isFramework(value.framework));
}

/** The command argument: undefined, or `{ focus? }`. */
export function isOpenPlaygroundArgs(value: unknown): value is OpenPlaygroundArgs | undefined {
  if (value === undefined) return true;
  return isRecord(value) && hasExactKeys(value, [], ['focus']) && (value.focus === undefined || isPlaygroundFocus(value.focus));
}

function isFileName(value: unknown, extension: string): value is string {
  return isBoundedString(value, LIMITS.fileName, extension.length + 1) && FILE_NAME.test(value) && value.toLowerCase().endsWith(extension) && !value.startsWith('.');
}

/** Checks every field of a message from the webview; anything else is logged and ignored by the host. */
export function isWebviewToHostMessage(value: unknown): value is WebviewToHostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return hasExactKeys(value, ['type']);
    case 'savePng':
      return hasExactKeys(value, ['type', 'dataUrl', 'fileName'])
        && isBoundedString(value.dataUrl, LIMITS.exportBytes, PNG_PREFIX.length + 4)
        && value.dataUrl.startsWith(PNG_PREFIX)
        && BASE64.test(value.dataUrl.slice(PNG_PREFIX.length))
        && isFileName(value.fileName, '.png');
    case 'saveCsv':
      return hasExactKeys(value, ['type', 'csv', 'fileName']) && isBoundedString(value.csv, LIMITS.exportBytes, 1) && isFileName(value.fileName, '.csv');
    case 'copyLatex':
      return hasExactKeys(value, ['type', 'latex']) && isBoundedString(value.latex, LIMITS.latex, 1);
    case 'saveFormula':
      return hasExactKeys(value, ['type', 'formula']) && isSavedFormula(value.formula);
    case 'deleteFormula':
      return hasExactKeys(value, ['type', 'name']) && isFormulaName(value.name);
    case 'log':
      return hasExactKeys(value, ['type', 'level', 'message']) && isOneOf(value.level, LOG_LEVELS) && isBoundedString(value.message, LIMITS.logMessage);
    default:
      return isTrainingWebviewMessage(value);
  }
}

/** Checks a message from the host (the webview trusts its host, but a guard catches version skew). */
export function isHostToWebviewMessage(value: unknown): value is HostToWebviewMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'focus':
      return hasExactKeys(value, ['type', 'focus']) && isPlaygroundFocus(value.focus);
    case 'customFormulas':
      return hasExactKeys(value, ['type', 'formulas']) && isArrayOf(value.formulas, LIMITS.savedFormulas, isSavedFormula);
    default:
      return isTrainingHostMessage(value);
  }
}

/**
 * Keeps the well-formed entries of the `formulaLens.customFormulas` setting (users edit it by hand), the first
 * one per name, at most `LIMITS.savedFormulas`.
 */
export function sanitizeSavedFormulas(value: unknown): SavedFormula[] {
  return readSavedFormulas(value).formulas.filter((formula) => formula.formula.length > 0).slice(0, LIMITS.savedFormulas);
}

/** The state of a new panel: a few classic curves and the MSE-vs-BCE comparison on sigmoid outputs. */
export function defaultPlaygroundState(framework: Framework): PlaygroundState {
  const catalog = (id: string): PlottedFunction => ({ source: { kind: 'catalog', id }, framework: null, params: {} });
  return {
    version: 1,
    tab: 'curves',
    framework,
    curves: { functions: [catalog('relu'), catalog('sigmoid'), catalog('tanh')], showDerivative: true, showMarkers: true, xMin: -6, xMax: 6, yMin: null, yMax: null },
    loss: {
      losses: [catalog('mse'), catalog('binary_crossentropy')],
      problem: 'binary',
      binaryTarget: 1,
      classCount: 3,
      trueClass: 0,
      regressionTarget: 0,
      negativeDistance: DEFAULT_NEGATIVE_DISTANCE,
      outputActivation: 'sigmoid',
      reduction: 'mean',
      showGradient: true,
      logScale: false,
      xMin: -10,
      xMax: 10,
    },
    draft: { kind: 'activation', name: '', text: '' },
  };
}
