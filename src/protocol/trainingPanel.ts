/**
 * The Training tab's part of the Playground protocol: what the panel persists (the configuration as the
 * user format, so it round-trips through a training config file unchanged), the messages the tab exchanges
 * with the host (data from workspace files and editor selections, saving configs, opening exports), and
 * the guards for all of it.
 */
import { hasExactKeys, isArrayOf, isBoundedString, isFiniteNumber, isIntegerIn, isOneOf, isRecord } from './validate';

/** Bounds of the tab's state and messages. */
export const TRAINING_PANEL_LIMITS = {
  /** Values in a persisted configuration (explicit data included). */
  configNodes: 4_000_000,
  /** Nesting of a configuration. */
  configDepth: 32,
  /** A string inside a configuration. */
  configString: 10_000,
  /** Keys of one object inside a configuration. */
  configKeys: 200,
  /** Text of a data file or selection. */
  dataText: 32 * 1024 * 1024,
  /** Class names of imported labels. */
  classNames: 1000,
  /** A file or source name. */
  name: 260,
  /** An exported document or copied text. */
  document: 32 * 1024 * 1024,
  /** Choices of a comparison. */
  compareChoices: 8,
  /** Steps of a comparison run. */
  compareSteps: 1_000_000,
} as const;

/** A JSON object (the configuration as users write it). */
export type JsonObject = { readonly [key: string]: JsonValue };
/** Any JSON value. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** Where the tab's data came from, for its labels (the configuration holds the data itself). */
export type TrainingDataSource =
  | { readonly kind: 'builtin' }
  | { readonly kind: 'file' | 'selection'; readonly name: string; readonly classNames: readonly string[] | null };

/** What a comparison varies. */
export type CompareDimension = 'activation' | 'loss';
/** Every comparison dimension. */
export const COMPARE_DIMENSIONS: readonly CompareDimension[] = ['activation', 'loss'];

/** The comparison's settings. */
export interface CompareSettings {
  readonly dimension: CompareDimension;
  /** Hidden-layer activations to compare (catalog ids). */
  readonly activations: readonly string[];
  /** Losses to compare (catalog ids). */
  readonly losses: readonly string[];
  readonly steps: number;
}

/** The Training tab's persisted state. */
export interface TrainingPanelState {
  /** The configuration in the user format (a training config file holds exactly this). */
  readonly config: JsonObject;
  readonly source: TrainingDataSource;
  /** Steps per second; 0 trains as fast as possible. */
  readonly speed: number;
  readonly logScale: boolean;
  readonly compare: CompareSettings;
}

/** Formats a saved configuration can take. */
export type ConfigFormat = 'yaml' | 'json';

/** Webview → host: read a CSV/JSON file of the workspace, or the selection of the editor, as data. */
export interface RequestDataMessage {
  readonly type: 'requestData';
  readonly source: 'file' | 'selection';
}
/** Webview → host: save the configuration as a training config file (the host asks where). */
export interface SaveTrainingConfigMessage {
  readonly type: 'saveTrainingConfig';
  readonly config: JsonObject;
  readonly format: ConfigFormat;
  readonly fileName: string;
}
/** Webview → host: open generated text (Keras or PyTorch code, weights JSON, a config) in an untitled editor. */
export interface OpenDocumentMessage {
  readonly type: 'openDocument';
  readonly language: 'python' | 'json' | 'yaml';
  readonly content: string;
}
/** Webview → host: put text on the clipboard. */
export interface CopyTextMessage {
  readonly type: 'copyText';
  readonly text: string;
}
/** The Training tab's messages to the host. */
export type TrainingWebviewMessage = RequestDataMessage | SaveTrainingConfigMessage | OpenDocumentMessage | CopyTextMessage;

/** Host → webview: train this configuration (the "Train in Playground" CodeLens of a config file). */
export interface TrainConfigMessage {
  readonly type: 'trainConfig';
  readonly config: JsonObject;
  /** The file it came from, as the workspace shows it. */
  readonly source: string;
}
/** Host → webview: the text of a data file or an editor selection the tab asked for. */
export interface DataTextMessage {
  readonly type: 'dataText';
  readonly source: 'file' | 'selection';
  readonly name: string;
  readonly text: string;
  /** 0-based line where the text starts in its document (a selection's first line; 0 for files). */
  readonly firstLine: number;
}
/** The host's messages to the Training tab. */
export type TrainingHostMessage = TrainConfigMessage | DataTextMessage;

/** File names of training configs: the pattern the schema, the CodeLens and the diagnostics serve. */
export const TRAINING_CONFIG_FILE = /\.fltrain\.(json|jsonc|ya?ml)$/i;

/** True for a training config file name (`*.fltrain.json`, `.jsonc`, `.yaml`, `.yml`). */
export function isTrainingConfigFile(fileName: string): boolean {
  return TRAINING_CONFIG_FILE.test(fileName);
}

/**
 * A JSON value within the configuration bounds: finite numbers only, bounded strings, keys, nesting and
 * total size. `budget` counts the values still allowed (shared across the whole tree).
 */
function isBoundedJson(value: unknown, depth: number, budget: { left: number }): value is JsonValue {
  if (--budget.left < 0) return false;
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= TRAINING_PANEL_LIMITS.configString;
  if (depth >= TRAINING_PANEL_LIMITS.configDepth) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!isBoundedJson(item, depth + 1, budget)) return false;
    return true;
  }
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  if (keys.length > TRAINING_PANEL_LIMITS.configKeys) return false;
  for (const key of keys) if (key.length > TRAINING_PANEL_LIMITS.name || !isBoundedJson(value[key], depth + 1, budget)) return false;
  return true;
}

/** A configuration object within the bounds. */
export function isJsonObject(value: unknown): value is JsonObject {
  return isRecord(value) && isBoundedJson(value, 0, { left: TRAINING_PANEL_LIMITS.configNodes });
}

function isName(value: unknown): value is string {
  return isBoundedString(value, TRAINING_PANEL_LIMITS.name, 1);
}

function isDataSource(value: unknown): value is TrainingDataSource {
  if (!isRecord(value)) return false;
  if (value.kind === 'builtin') return hasExactKeys(value, ['kind']);
  return (value.kind === 'file' || value.kind === 'selection') && hasExactKeys(value, ['kind', 'name', 'classNames'])
    && isName(value.name)
    && (value.classNames === null || isArrayOf(value.classNames, TRAINING_PANEL_LIMITS.classNames, (item): item is string => isBoundedString(item, TRAINING_PANEL_LIMITS.name)));
}

function isIdList(value: unknown): value is string[] {
  return isArrayOf(value, TRAINING_PANEL_LIMITS.compareChoices, (item): item is string => isBoundedString(item, 100, 1));
}

function isCompareSettings(value: unknown): value is CompareSettings {
  return isRecord(value) && hasExactKeys(value, ['dimension', 'activations', 'losses', 'steps'])
    && isOneOf(value.dimension, COMPARE_DIMENSIONS)
    && isIdList(value.activations) && isIdList(value.losses)
    && isIntegerIn(value.steps, 1, TRAINING_PANEL_LIMITS.compareSteps);
}

/** The Training tab's persisted state, checked field by field. */
export function isTrainingPanelState(value: unknown): value is TrainingPanelState {
  return isRecord(value) && hasExactKeys(value, ['config', 'source', 'speed', 'logScale', 'compare'])
    && isJsonObject(value.config)
    && isDataSource(value.source)
    && isFiniteNumber(value.speed, 0, 100_000)
    && typeof value.logScale === 'boolean'
    && isCompareSettings(value.compare);
}

/** A file name to suggest when saving a config: no folders, the training config pattern. */
function isConfigFileName(value: unknown): value is string {
  return isBoundedString(value, 120, 8) && /^[\p{L}\p{N}_. -]+$/u.test(value) && !value.startsWith('.') && isTrainingConfigFile(value);
}

/** Checks a Training tab message from the webview. */
export function isTrainingWebviewMessage(value: unknown): value is TrainingWebviewMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'requestData':
      return hasExactKeys(value, ['type', 'source']) && (value.source === 'file' || value.source === 'selection');
    case 'saveTrainingConfig':
      return hasExactKeys(value, ['type', 'config', 'format', 'fileName']) && isJsonObject(value.config) && (value.format === 'yaml' || value.format === 'json') && isConfigFileName(value.fileName);
    case 'openDocument':
      return hasExactKeys(value, ['type', 'language', 'content']) && isOneOf(value.language, ['python', 'json', 'yaml'] as const) && isBoundedString(value.content, TRAINING_PANEL_LIMITS.document, 1);
    case 'copyText':
      return hasExactKeys(value, ['type', 'text']) && isBoundedString(value.text, TRAINING_PANEL_LIMITS.document, 1);
    default:
      return false;
  }
}

/** Checks a Training tab message from the host. */
export function isTrainingHostMessage(value: unknown): value is TrainingHostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'trainConfig':
      return hasExactKeys(value, ['type', 'config', 'source']) && isJsonObject(value.config) && isBoundedString(value.source, TRAINING_PANEL_LIMITS.name);
    case 'dataText':
      return hasExactKeys(value, ['type', 'source', 'name', 'text', 'firstLine'])
        && (value.source === 'file' || value.source === 'selection')
        && isBoundedString(value.name, TRAINING_PANEL_LIMITS.name)
        && isBoundedString(value.text, TRAINING_PANEL_LIMITS.dataText)
        && isIntegerIn(value.firstLine, 0, Number.MAX_SAFE_INTEGER);
    default:
      return false;
  }
}
