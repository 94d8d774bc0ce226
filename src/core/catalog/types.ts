/**
 * The shape of a catalog entry: everything Formula Lens knows about one activation or loss,
 * as plain data plus the pure functions that evaluate it. Entries live one per file under
 * `src/core/catalog/activations/` and `src/core/catalog/losses/` and are listed in `registry.ts`.
 */
import type { LocalizedText } from '../l10n';
import type { Tensor } from '../tensor';

/** Framework profiles. `keras` is Keras 3; `tfjs` is TF.js layers (which keeps Keras 2 behaviour). */
export type Framework = 'torch' | 'keras' | 'tfjs';

/** Every framework profile, in display order. */
export const FRAMEWORKS: readonly Framework[] = ['torch', 'keras', 'tfjs'];

/** A parameter value as users write it in code or config. */
export type ParamValue = number | boolean | string | null | readonly number[] | readonly (readonly number[])[];

/** Parameter values after framework defaults were filled in, keyed by canonical name. */
export type ResolvedParams = Readonly<Record<string, ParamValue>>;

/** How a parameter is typed, validated and edited. */
export type ParamType = 'number' | 'integer' | 'boolean' | 'choice' | 'numberList' | 'string';

/** One parameter of a function. */
export interface ParamSpec {
  /** Canonical snake_case name (matches the reference data: `negative_slope`, `lambd`, `delta`...). */
  readonly name: string;
  readonly type: ParamType;
  /** Default when a framework has no default of its own. `null` means "not set" (e.g. no class weights). */
  readonly default: ParamValue;
  /** Framework-specific defaults that differ from `default` (leaky slope 0.01 torch / 0.3 tfjs layer...). */
  readonly frameworkDefaults?: Partial<Record<Framework, ParamValue>>;
  /** The name each framework uses where it differs (`alpha` for TF.js leaky slope, `threshold` for Keras shrink). */
  readonly frameworkNames?: Partial<Record<Framework, readonly string[]>>;
  /** Other accepted spellings (aliases users write, informational keys of the reference data). */
  readonly aliases?: readonly string[];
  /** Allowed values for `choice`. */
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** True when `min` itself is not allowed. */
  readonly exclusiveMin?: boolean;
  /** Frameworks that expose this parameter; absent means all that have the function. */
  readonly frameworks?: readonly Framework[];
  readonly description: LocalizedText;
}

/**
 * Formula texts. Unicode text is what hovers and the CLI show (VS Code hovers do not render LaTeX), in every
 * display language, so it is notation only: pieces as `x (x > 0); α·x (x ≤ 0)`, definitions after `, `.
 */
export interface FormulaText {
  readonly latex: string;
  readonly text: string;
  readonly derivativeLatex: string;
  readonly derivativeText: string;
}

/** A note on where frameworks differ in a way that changes numbers. */
export interface FrameworkNote {
  readonly frameworks: readonly Framework[];
  readonly text: LocalizedText;
}

/**
 * The names users write for a function, per ecosystem, exactly as spelled in code:
 * Keras strings/classes/functions, torch `nn.X` / `F.x` / `torch.x`, `tf.nn.x`, TF.js strings and ops.
 */
export interface FunctionNames {
  readonly torch?: readonly string[];
  readonly keras?: readonly string[];
  readonly tensorflow?: readonly string[];
  readonly tfjs?: readonly string[];
}

/** Fields shared by activations and losses. */
export interface CatalogEntryBase {
  /** Canonical snake_case id, e.g. `leaky_relu`, `binary_crossentropy`. */
  readonly id: string;
  /** Short display title, e.g. "Leaky ReLU". */
  readonly title: string;
  /** Other ids and short names that resolve to this entry (`bce`, `swish`, `l1_loss`...). */
  readonly aliases: readonly string[];
  readonly names: FunctionNames;
  /**
   * Parameter values that a particular spelling implies: TF.js 'gelu_new' means approximate 'tanh',
   * Keras `layers.LeakyReLU` means negative_slope 0.3. Keys are names as written, matched exactly or
   * by `normalizeName` of the whole spelling (never by its last segment); the user's own parameters win.
   */
  readonly namePresets?: Readonly<Record<string, Readonly<Record<string, ParamValue>>>>;
  /** Frameworks that have this function natively. Evaluation works under any profile. */
  readonly frameworks: readonly Framework[];
  readonly params: readonly ParamSpec[];
  readonly description: LocalizedText;
  readonly formula: FormulaText;
  /** Output range in notation only, no prose (every display language shows it), e.g. `(0, 1)`, `[0, ∞)`. */
  readonly range: string;
  readonly notes: readonly FrameworkNote[];
}

/** Output of evaluating an activation. */
export interface ActivationResult {
  readonly value: Tensor;
  /**
   * Elementwise derivative d f(x_i)/d x_i for elementwise functions. For softmax-family and glu:
   * the vector-Jacobian product `upstream^T J` along the axis (upstream defaults to all ones).
   */
  readonly grad: Tensor;
  /** Gradients of sum(f(x)) (or of upstream·f) with respect to learnable parameters (prelu `weight`). */
  readonly gradParams?: Readonly<Record<string, Tensor>>;
}

/** Options for evaluating an activation. */
export interface ActivationOptions {
  readonly framework: Framework;
  /** Parameters after `resolveParams` (defaults filled in, values checked). */
  readonly params: ResolvedParams;
  /** For non-elementwise functions: the upstream gradient for the VJP; all ones when absent. */
  readonly upstream?: Tensor;
}

/**
 * Fast elementwise kernels: loops over Float64Array with no allocation per element.
 * The trainer and the benchmark call these directly.
 */
export interface ElementwiseKernel {
  /** Writes f(x[i]) into out[i] for every i. `out` may be `x`. */
  forward(x: Float64Array, out: Float64Array, params: ResolvedParams, framework: Framework): void;
  /** Writes f'(x[i]) into out[i] for every i. `out` may be `x`. */
  derivative(x: Float64Array, out: Float64Array, params: ResolvedParams, framework: Framework): void;
}

/** A catalog activation. */
export interface ActivationEntry extends CatalogEntryBase {
  readonly kind: 'activation';
  /** Present for elementwise functions; absent for softmax, log_softmax, glu (and prelu, which has weights). */
  readonly kernel?: ElementwiseKernel;
  /** Evaluates value and gradient on a 0-, 1- or 2-D tensor. Throws FormulaLensError on bad input. */
  evaluate(input: Tensor, options: ActivationOptions): ActivationResult;
  /** Full Jacobian d y_i / d x_j per row, for non-elementwise functions (shape [rows, n, n] flattened per row). */
  jacobian?(input: Tensor, options: ActivationOptions): Tensor[];
}

/** Loss reductions. `batchmean` is torch KLDivLoss only. */
export type Reduction = 'mean' | 'sum' | 'none' | 'batchmean';

/** Inputs of a loss. Names follow Keras order (y_true, y_pred); torch's `input` is y_pred. */
export interface LossInputs {
  /** Targets; `null` for losses without one (triplet_margin). Class indices are stored as floats. */
  readonly yTrue: Tensor | null;
  readonly yPred: Tensor;
  /** Second input of multi-input torch losses (margin_ranking input2, cosine_embedding input2, triplet positive). */
  readonly yPred2?: Tensor;
  /** Third input (triplet negative). */
  readonly yPred3?: Tensor;
}

/** Output of evaluating a loss. */
export interface LossResult {
  /** Reduced loss: a scalar tensor for mean/sum/batchmean; for `none` the framework's unreduced shape. */
  readonly value: Tensor;
  /** d loss / d y_pred under the reduction (for `none`: d sum(loss) / d y_pred). Same shape as y_pred. */
  readonly grad: Tensor;
  /** Gradients with respect to y_pred2 and y_pred3 for multi-input losses. */
  readonly gradExtra?: { readonly y_pred2?: Tensor; readonly y_pred3?: Tensor };
}

/** Options for evaluating a loss. */
export interface LossOptions {
  readonly framework: Framework;
  readonly params: ResolvedParams;
  readonly reduction: Reduction;
}

/**
 * What a loss's y_true holds, for validation messages and misuse warnings. `class_index_lists` are rows shaped
 * like y_pred that list class indices and end at the first negative entry (torch pads them with −1).
 */
export type TargetKind = 'values' | 'binary' | 'probabilities' | 'one_hot' | 'class_indices' | 'class_index_lists' | 'signs' | 'log_probabilities' | 'none';

/**
 * How a loss with several prediction inputs compares them: by their difference (margin ranking scores x1 − x2),
 * by the cosine of the angle between two vectors (cosine embedding), or by the distances from an anchor to a
 * positive and a negative (triplet). The loss explorer sweeps that one quantity.
 */
export type InputComparison = 'difference' | 'cosine' | 'anchorDistances';

/** A catalog loss. */
export interface LossEntry extends CatalogEntryBase {
  readonly kind: 'loss';
  /** Reductions this loss accepts (torch adds `batchmean` for kl_divergence). */
  readonly reductions: readonly Reduction[];
  /** What y_pred holds by default: probabilities, logits, log-probabilities or plain values. */
  readonly predictionKind: 'values' | 'probabilities' | 'logits' | 'log_probabilities';
  readonly targetKind: TargetKind;
  /** Number of prediction inputs (1; 2 for margin_ranking/cosine_embedding; 3 with triplet). */
  readonly predictionInputs: 1 | 2 | 3;
  /** For losses of several prediction inputs: how the loss compares them. */
  readonly inputComparison?: InputComparison;
  /** Evaluates loss and gradients. Throws FormulaLensError on bad shapes or values. */
  evaluate(inputs: LossInputs, options: LossOptions): LossResult;
}

/** Any catalog entry. */
export type CatalogEntry = ActivationEntry | LossEntry;
