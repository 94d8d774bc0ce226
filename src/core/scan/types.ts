/**
 * Shapes of what the scanner finds: mentions of activations and losses in code and configs,
 * and misuse warnings with their quick fixes. Plain JSON data, so results can cross a worker
 * or webview boundary unchanged.
 */
import type { Framework, ParamValue } from '../catalog/types';
import type { LocalizedText } from '../l10n';

/** A span of the scanned text: UTF-16 offsets plus 0-based line/character (VS Code's units). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/** Languages the scanner reads (VS Code language ids, plus `jupyter` for raw `.ipynb` JSON). */
export type ScanLanguage = 'python' | 'javascript' | 'typescript' | 'javascriptreact' | 'typescriptreact' | 'json' | 'jsonc' | 'yaml' | 'jupyter';

/** How a mention was written. */
export type MentionSource =
  /** A call of a framework API: `nn.LeakyReLU(0.1)`, `F.relu(x)`, `tf.layers.leakyReLU({...})`. */
  | 'call'
  /** A framework function passed without calling it: `activation=tf.nn.relu`, `loss: tf.losses.huberLoss`. */
  | 'reference'
  /** A tensor method: `x.relu()`, `logits.softmax(dim=1)`. */
  | 'method'
  /** A name in a string: `activation='relu'`, `loss: 'binaryCrossentropy'`, `layers.Activation('gelu')`. */
  | 'string'
  /** A serialized Keras object in JSON/YAML: `{"class_name": "LeakyReLU", "config": {...}}`. */
  | 'config';

/** One argument as written at a mention, for hovers and quick fixes. */
export interface MentionArg {
  /** Keyword (or config key) as written; absent for positional arguments. */
  readonly name?: string;
  /** 0-based position for positional arguments. */
  readonly position?: number;
  /** The API's own name for the argument (`input`, `target`, `negative_slope`), from its keyword or position. */
  readonly slot?: string;
  /** The canonical parameter this argument sets, when it sets one. */
  readonly param?: string;
  /** `param`: a function parameter; `data`: an input tensor; `reduction`; `other`: layer options, `inplace`, `name`... */
  readonly role: 'param' | 'data' | 'reduction' | 'other';
  /** The literal value as written (before conversion), when the argument is a literal. */
  readonly value?: ParamValue;
  /** Source text of the value. */
  readonly text: string;
  /** Range of the value. */
  readonly range: TextRange;
}

/** The call or layer a string/reference mention is an argument of (`layers.Dense` for `activation='relu'`). */
export interface MentionOwner {
  /** Callee (or Keras `class_name`) as written, e.g. `layers.Dense`, `tf.layers.dense`, `Dense`. */
  readonly api: string;
  /** Range of the callee's last name token. */
  readonly range: TextRange;
  /** Range of the whole call, when the owner is a call. */
  readonly callRange?: TextRange;
}

/** One place where code or a config names an activation or a loss. */
export interface Mention {
  readonly kind: 'activation' | 'loss';
  /** Canonical catalog id (`leaky_relu`, `binary_crossentropy`...). */
  readonly id: string;
  readonly framework: Framework;
  /** The API or name as written: `nn.LeakyReLU`, `keras.activations.gelu`, `relu` (string), `LeakyReLU` (class_name). */
  readonly api: string;
  readonly source: MentionSource;
  /** Exactly the name token: `LeakyReLU` in `nn.LeakyReLU(...)`, `relu` inside `'relu'`. */
  readonly range: TextRange;
  /** The whole dotted name (`nn.LeakyReLU`); equals `range` for strings. */
  readonly apiRange: TextRange;
  /** The whole call or expression (`nn.LeakyReLU(0.1)`), when the mention is a call. */
  readonly callRange?: TextRange;
  /** Literal parameter values given in the code, under canonical names, converted to catalog form. */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Parameters given as expressions (not evaluated): canonical name to source text. */
  readonly expressions: Readonly<Record<string, string>>;
  /** Defaults this particular API applies that can differ from the function's (Keras `LeakyReLU` layer: 0.3). */
  readonly defaults: Readonly<Record<string, ParamValue>>;
  /** Loss reduction as written (`'sum'`, `'batchmean'`, Keras `'sum_over_batch_size'`), when given as a literal. */
  readonly reduction?: string;
  /** Every argument as written, in order. */
  readonly rawArgs?: readonly MentionArg[];
  /** The call or layer this mention is an argument of. */
  readonly owner?: MentionOwner;
  /** Notebook cell index (among all cells) when the mention comes from a notebook; ranges are then cell-relative. */
  readonly cell?: number;
}

/** Result of scanning one document. */
export interface ScanResult {
  readonly languageId: string;
  /** Framework the document as a whole uses (from imports, config keys or API usage), if known. */
  readonly framework?: Framework;
  /** Mentions in document order. */
  readonly mentions: readonly Mention[];
}

/** Import bindings of Python or JS code: local name to module path (`F` to `torch.nn.functional`). */
export interface ImportContext {
  readonly aliases: ReadonlyMap<string, string>;
  /** Modules imported with `from m import *`. */
  readonly starModules: readonly string[];
  /** Frameworks imported, in order of first import. */
  readonly frameworks: readonly Framework[];
}

/** Options for scanning. */
export interface ScanOptions {
  /** Framework for bare strings when nothing in the document tells (the user's `formulaLens.defaultFramework`). */
  readonly defaultFramework?: Framework;
  /** Imports seen elsewhere (other notebook cells), merged under the document's own. */
  readonly context?: ImportContext;
}

/** A notebook cell as the host sees it. */
export interface NotebookCellInput {
  readonly text: string;
  /** `python`, `markdown`, `raw`...; only code cells in a supported language are scanned. */
  readonly languageId: string;
  readonly kind: 'code' | 'markup';
}

/** Mentions of one notebook cell, ranges relative to the cell text. */
export interface NotebookCellScan {
  readonly cell: number;
  readonly languageId: string;
  readonly mentions: readonly Mention[];
}

/** Result of scanning a notebook. */
export interface NotebookScanResult {
  readonly framework?: Framework;
  readonly cells: readonly NotebookCellScan[];
  /** Every mention of every cell, each with its `cell`. */
  readonly mentions: readonly Mention[];
}

/** Stable identifiers of misuse rules, so each can be turned off by a setting. */
export type MisuseCode =
  | 'activation-before-logits-loss'
  | 'softmax-before-cross-entropy'
  | 'bce-without-sigmoid'
  | 'single-unit-softmax'
  | 'kl-div-mean-reduction'
  | 'softmax-without-dim'
  | 'tfjs-unsupported-name';

/** Every misuse code, for settings and documentation. */
export const MISUSE_CODES: readonly MisuseCode[] = [
  'activation-before-logits-loss',
  'softmax-before-cross-entropy',
  'bce-without-sigmoid',
  'single-unit-softmax',
  'kl-div-mean-reduction',
  'softmax-without-dim',
  'tfjs-unsupported-name',
];

/** A one-edit quick fix. Its title uses the same `args` as the misuse message. */
export interface MisuseFix {
  readonly range: TextRange;
  readonly newText: string;
  readonly title: LocalizedText;
}

/** A likely bug in how an activation and a loss are combined or configured. */
export interface Misuse {
  readonly code: MisuseCode;
  readonly range: TextRange;
  readonly severity: 'warning' | 'information';
  /** One-sentence reason; fill with `localize(message, args)`. */
  readonly message: LocalizedText;
  readonly args: Readonly<Record<string, string | number>>;
  readonly fix?: MisuseFix;
  /** Notebook cell index when found by `findNotebookMisuses`; ranges are then cell-relative. */
  readonly cell?: number;
}
