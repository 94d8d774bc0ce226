/** What the config readers return: entries and findings with exact ranges, and problems. */
import { localize, type Locale, type LocalizedText } from '../l10n';
import type { Framework, ParamValue, Reduction } from '../catalog/types';
import type { TextRange } from '../parse/position';
import type { Tensor } from '../tensor';

/** Kinds of problems, for quick fixes and tests. */
export type ConfigProblemCode =
  | 'syntax'
  | 'rootNotObject'
  | 'missingEvaluations'
  | 'evaluationsNotArray'
  | 'entryNotObject'
  | 'missingKind'
  | 'bothKinds'
  | 'nameNotString'
  | 'unknownFunction'
  | 'wrongKind'
  | 'badFramework'
  | 'badParams'
  | 'unknownParam'
  | 'badParamValue'
  | 'badReduction'
  | 'missingField'
  | 'fieldWrongKind'
  | 'fieldUnused'
  | 'unknownField'
  | 'badTensor'
  | 'evaluationFailed';

/** A problem in a file, with the exact range it concerns. */
export interface ConfigProblem {
  readonly code: ConfigProblemCode;
  readonly severity: 'error' | 'warning';
  readonly range: TextRange;
  readonly text: LocalizedText;
  readonly args: Readonly<Record<string, string | number>>;
  /** Index of the entry in `evaluations`, when the problem belongs to one. */
  readonly entryIndex?: number;
  /** Replacements a quick fix may offer (function ids for unknownFunction, field names for unknownField). */
  readonly suggestions?: readonly string[];
}

/** A problem's message in the given (or current) locale. */
export function problemMessage(problem: ConfigProblem, locale?: Locale): string {
  return localize(problem.text, problem.args, locale);
}

/** Where a field's key and value stand. */
export interface FieldRange {
  readonly key: TextRange;
  readonly value: TextRange;
}

/** Fields shared by activation and loss entries of an evaluation file. */
export interface ConfigEntryBase {
  /** Position in the `evaluations` list. */
  readonly index: number;
  /** The whole entry object. */
  readonly range: TextRange;
  /** The function name as written, and where (the value of `activation` / `loss`). */
  readonly name: string;
  readonly nameRange: TextRange;
  /** The canonical catalog id the name resolves to. */
  readonly id: string;
  readonly framework: Framework;
  /** Where the framework came from: the entry, the file-level default, or the reader's default. */
  readonly frameworkFrom: 'entry' | 'file' | 'default';
  /** Parameters as written (checked; `resolveParams` fills defaults when running). */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Every field of the entry by key. */
  readonly fields: Readonly<Record<string, FieldRange>>;
  readonly description?: string;
}

/** `{"activation": ..., "x": ...}` */
export interface ActivationConfigEntry extends ConfigEntryBase {
  readonly kind: 'activation';
  readonly x: Tensor;
  /** Upstream gradient for softmax-family vector-Jacobian products. */
  readonly upstream?: Tensor;
}

/** `{"loss": ..., "y_true": ..., "y_pred": ...}` */
export interface LossConfigEntry extends ConfigEntryBase {
  readonly kind: 'loss';
  /** Absent means the loss's default (`mean`). */
  readonly reduction?: Reduction;
  readonly yTrue: Tensor | null;
  readonly yPred: Tensor;
  readonly yPred2?: Tensor;
  readonly yPred3?: Tensor;
}

/** A runnable entry of an evaluation file. */
export type ConfigEntry = ActivationConfigEntry | LossConfigEntry;

/** An evaluation file as read: the runnable entries and every problem found. */
export interface EvaluationConfig {
  readonly format: 'json' | 'yaml';
  /** The file-level default framework, when set and valid. */
  readonly framework?: Framework;
  /** Entries without errors, in file order (an entry whose evaluation fails is still listed). */
  readonly entries: readonly ConfigEntry[];
  /** Ranges of every entry object, runnable or not, by index. */
  readonly entryRanges: readonly TextRange[];
  readonly problems: readonly ConfigProblem[];
}

/** An activation or loss found in a file that is not ours (Keras model JSON, training YAML). */
export interface ForeignFinding {
  readonly kind: 'activation' | 'loss';
  /** The name as written (`gelu`, `LeakyReLU`, `torch.nn.CrossEntropyLoss`). */
  readonly name: string;
  /** The canonical catalog id, when the name is known. */
  readonly id?: string;
  /** Where the name is written. */
  readonly range: TextRange;
  /** The whole value that describes it (the string, or the object holding name and parameters). */
  readonly valueRange: TextRange;
  /** Parameters the catalog entry knows, keyed as written. */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Keys next to the name that are not parameters of the function (kept for hovers and warnings). */
  readonly otherKeys: readonly string[];
  /** The reduction, when the config states one (Keras `reduction`, a `reduction:` key). */
  readonly reduction?: Reduction;
  /** The framework the file or the spelling implies. */
  readonly framework?: Framework;
  /** Where it was found, as a path: `model.layers[2].activation`. */
  readonly path: string;
}

/** A foreign config as read. */
export interface ForeignConfig {
  readonly format: 'json' | 'yaml';
  /** `keras-model` for model.to_json() / config.json files, `training-config` otherwise. */
  readonly kind: 'keras-model' | 'training-config';
  readonly framework?: Framework;
  readonly findings: readonly ForeignFinding[];
  readonly problems: readonly ConfigProblem[];
}
