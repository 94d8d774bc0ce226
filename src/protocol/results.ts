/**
 * Messages of the "Formula Lens Results" view and the arguments of the evaluation commands, with the
 * guards the host runs before acting on them. The page is rendered by the host; it only posts
 * actions (copy, insert, replace, reveal) that name a result and a section.
 */
import type { Framework, ParamValue, Reduction } from '../core/catalog/types';
import { FRAMEWORKS } from '../core/catalog/types';
import { hasExactKeys, isArrayOf, isBoundedString, isFiniteNumber, isIntegerIn, isOneOf, isRecord } from './validate';

/** The webview panel's view type (also its state key in VS Code). */
export const RESULTS_VIEW_TYPE = 'formulaLens.results';

/** Literal styles results can be copied as. */
export const COPY_FORMATS = ['json', 'python', 'numpy'] as const;
/** A literal style of the copy actions. */
export type CopyFormat = (typeof COPY_FORMATS)[number];

/** What a button of the view asks for. */
export const RESULT_ACTIONS = ['copy', 'insertBelow', 'replaceSelection', 'reveal'] as const;
/** An action of the view. */
export type ResultAction = (typeof RESULT_ACTIONS)[number];

/** Bounds of what the page may send. */
const LIMITS = { resultId: 2 ** 31, sections: 10_000, items: 1_000_000, name: 200, params: 32, paramString: 200, listLength: 10_000 } as const;

/** Which tensor of a section a copy or an insert writes: the result, or its derivative / gradient. */
export const RESULT_PARTS = ['value', 'gradient'] as const;
/** A part of a section's result. */
export type ResultPart = (typeof RESULT_PARTS)[number];

/** A click on an action button. `item` picks a finding (reveal) within the section. */
export interface ResultActionMessage {
  readonly type: 'action';
  readonly resultId: number;
  readonly section: number;
  readonly action: ResultAction;
  readonly format?: CopyFormat;
  readonly part?: ResultPart;
  readonly item?: number;
}

/** Everything the results page posts. */
export type ResultsWebviewMessage = ResultActionMessage;

/** Checks a message from the results page before the host acts on it. */
export function isResultsWebviewMessage(value: unknown): value is ResultsWebviewMessage {
  if (!isRecord(value) || value.type !== 'action') return false;
  if (!hasExactKeys(value, ['type', 'resultId', 'section', 'action'], ['format', 'part', 'item'])) return false;
  if (!isIntegerIn(value.resultId, 0, LIMITS.resultId) || !isIntegerIn(value.section, 0, LIMITS.sections)) return false;
  if (!isOneOf(value.action, RESULT_ACTIONS)) return false;
  if (value.format !== undefined && !isOneOf(value.format, COPY_FORMATS)) return false;
  if (value.item !== undefined && !isIntegerIn(value.item, 0, LIMITS.items)) return false;
  if (value.part !== undefined && !isOneOf(value.part, RESULT_PARTS)) return false;
  // A copy names its format; the other actions carry none. Only copies and inserts write a part; only reveal names an item.
  if ((value.action === 'copy') !== (value.format !== undefined)) return false;
  if (value.part !== undefined && value.action !== 'copy' && value.action !== 'insertBelow') return false;
  return (value.action === 'reveal') === (value.item !== undefined);
}

/** Where a loss takes the array that the selection lacks. */
export const CLIPBOARD_ROLES = ['y_true', 'y_pred'] as const;

/**
 * The optional argument of the evaluation commands, so tests, links and keybindings can skip the
 * pickers: with `name` no function picker and no parameter box are shown (defaults apply unless
 * `params` is given).
 */
export interface EvaluationArgs {
  readonly name?: string;
  readonly params?: Readonly<Record<string, ParamValue>>;
  readonly framework?: Framework;
  readonly reduction?: Reduction;
  /** Compute Loss: read this input from the clipboard (the selection holds the other one). */
  readonly clipboard?: (typeof CLIPBOARD_ROLES)[number];
  /** Apply Activation / Compare: which array of the selection (0-based) when it holds several. */
  readonly literal?: number;
  /** Compare Frameworks: compare an activation or a loss (default: one array → activation, more → loss). */
  readonly kind?: 'activation' | 'loss';
}

const EVALUATION_ARG_KEYS = ['name', 'params', 'framework', 'reduction', 'clipboard', 'literal', 'kind'] as const;
const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none', 'batchmean'];

function isParamValue(value: unknown): value is ParamValue {
  if (value === null || typeof value === 'boolean' || isFiniteNumber(value) || isBoundedString(value, LIMITS.paramString)) return true;
  const isNumber = (item: unknown): item is number => isFiniteNumber(item);
  return isArrayOf(value, LIMITS.listLength, isNumber) || isArrayOf(value, LIMITS.listLength, (row): row is number[] => isArrayOf(row, LIMITS.listLength, isNumber));
}

function isParams(value: unknown): value is Record<string, ParamValue> {
  if (!isRecord(value)) return false;
  const entries = Object.entries(value);
  return entries.length <= LIMITS.params && entries.every(([key, item]) => isBoundedString(key, LIMITS.name, 1) && isParamValue(item));
}

/** Checks of each argument field; `framework` accepts only profile ids (the host maps other spellings first). */
const FIELD_CHECKS: Readonly<Record<(typeof EVALUATION_ARG_KEYS)[number], (value: unknown) => boolean>> = {
  name: (value) => isBoundedString(value, LIMITS.name, 1),
  params: isParams,
  framework: (value) => isOneOf(value, FRAMEWORKS),
  reduction: (value) => isOneOf(value, REDUCTIONS),
  clipboard: (value) => isOneOf(value, CLIPBOARD_ROLES),
  literal: (value) => isIntegerIn(value, 0, 10_000),
  kind: (value) => isOneOf(value, ['activation', 'loss'] as const),
};

/**
 * Reads a command's argument. Menus pass the document's Uri and keybindings pass nothing: both mean
 * "no argument". An object made only of known keys is checked field by field; a bad field is returned
 * by name so the host can say which one to fix.
 */
export function readEvaluationArgs(value: unknown): { readonly args: EvaluationArgs } | { readonly invalidField: string } {
  if (!isRecord(value)) return { args: {} };
  const keys = Object.keys(value);
  // A Uri (or any other object) from a menu is not an argument object.
  if (keys.length === 0 || !keys.every((key) => (EVALUATION_ARG_KEYS as readonly string[]).includes(key))) return { args: {} };
  for (const key of EVALUATION_ARG_KEYS) {
    if (value[key] !== undefined && !FIELD_CHECKS[key](value[key])) return { invalidField: key };
  }
  return { args: value as EvaluationArgs };
}

/** The argument of the config CodeLens commands: a document and, for one entry, its index. */
export interface ConfigEntryArgs {
  readonly uri: string;
  readonly index?: number;
}

/** Checks a CodeLens command argument. */
export function isConfigEntryArgs(value: unknown): value is ConfigEntryArgs {
  return isRecord(value) && hasExactKeys(value, ['uri'], ['index']) && isBoundedString(value.uri, 10_000, 1) &&
    (value.index === undefined || isIntegerIn(value.index, 0, LIMITS.sections));
}

/** The argument of the result action commands: which section, which part and, for copies, which format. */
export interface ResultActionArgs {
  readonly section?: number;
  readonly format?: CopyFormat;
  readonly part?: ResultPart;
}

/** Checks a result action argument (absent fields mean the first section, its value, and asking for the format). */
export function isResultActionArgs(value: unknown): value is ResultActionArgs {
  return isRecord(value) && hasExactKeys(value, [], ['section', 'format', 'part']) &&
    (value.section === undefined || isIntegerIn(value.section, 0, LIMITS.sections)) &&
    (value.format === undefined || isOneOf(value.format, COPY_FORMATS)) &&
    (value.part === undefined || isOneOf(value.part, RESULT_PARTS));
}
