/**
 * The validated training configuration: plain JSON-compatible data (it travels to the worker as is),
 * with every name resolved to a catalog id, every default filled in and every size known.
 * `parseTrainingConfig` (validate.ts) builds it from what users write.
 */
import type { Framework, ParamValue, ResolvedParams } from '../catalog/types';
import type { LocalizedText } from '../l10n';
import type { DatasetName } from './datasets';
import type { InitializerSpec } from './initializers';
import type { Task, TrainingLossKind, TrainingReduction } from './losses';
import type { OptimizerSettings } from './optimizers';

/** A built-in, seeded data set. */
export interface BuiltinDataConfig {
  readonly kind: 'builtin';
  readonly name: DatasetName;
  readonly samples: number;
  /** Playground noise fraction (0-0.5 on its slider). */
  readonly noise: number;
  /** Classes of `blobs`; the fixed class count (2) or 0 for regression sets otherwise. */
  readonly classes: number;
  /** Share of the points held out for testing, after a seeded shuffle. */
  readonly testFraction: number;
  readonly seed: number;
}

/** Points and labels given in the config. Labels are class indices, 0/1, values, or rows of them. */
export interface ExplicitDataConfig {
  readonly kind: 'explicit';
  readonly points: readonly (readonly number[])[];
  readonly labels: readonly (number | readonly number[])[];
  readonly testPoints: readonly (readonly number[])[] | null;
  readonly testLabels: readonly (number | readonly number[])[] | null;
  /** Share of `points` held out for testing when no test points are given (0 keeps all for training). */
  readonly testFraction: number;
  /** Number of classes for class-index labels (0 for values). */
  readonly classes: number;
  readonly seed: number;
}

/** Where the training data come from. */
export type DataConfig = BuiltinDataConfig | ExplicitDataConfig;

/** An activation: catalog id (or `linear`) with resolved parameters. */
export interface ActivationConfig {
  readonly id: string;
  readonly params: ResolvedParams;
}

/** A hidden dense layer. */
export interface LayerConfig {
  readonly units: number;
  readonly activation: ActivationConfig;
}

/** Initial parameters of one nn.Linear layer, torch layout: weight [out][in], bias [out]. */
export interface LinearParams {
  readonly weight: readonly (readonly number[])[];
  readonly bias: readonly number[];
}

/** The multi-layer perceptron. */
export interface ModelConfig {
  readonly inputSize: number;
  readonly layers: readonly LayerConfig[];
  readonly outputUnits: number;
  readonly outputActivation: ActivationConfig;
  readonly weightInitializer: InitializerSpec;
  readonly biasInitializer: InitializerSpec;
  /** Explicit initial parameters for every linear layer (hidden layers, then the output layer), or null to draw them. */
  readonly initialParams: readonly LinearParams[] | null;
}

/** The loss and how it meets the output activation. */
export interface LossConfig {
  /** Catalog id, e.g. `binary_crossentropy`. */
  readonly id: string;
  readonly kind: TrainingLossKind;
  readonly params: ResolvedParams;
  readonly framework: Framework;
  readonly reduction: TrainingReduction;
  /**
   * True when an output sigmoid/softmax is fused with a cross-entropy on probabilities: the loss is
   * computed from the logits and its gradient is p - t (Keras on TensorFlow does this; torch computes
   * exactly what is written, clamping included).
   */
  readonly fused: boolean;
}

/** A non-fatal remark about a configuration (a softmax applied twice...). */
export interface ConfigWarning {
  readonly path: string;
  readonly text: LocalizedText;
  readonly args: Readonly<Record<string, string | number>>;
}

/** A validated training configuration. */
export interface TrainingConfig {
  /** Semantics of activation and loss defaults (leaky slope, from_logits...). */
  readonly framework: Framework;
  readonly seed: number;
  readonly task: Task;
  readonly data: DataConfig;
  readonly model: ModelConfig;
  readonly loss: LossConfig;
  readonly optimizer: OptimizerSettings;
  /** Penalties on weights (not biases): l1 * sum|w| + l2 * sum w^2, added to the loss. */
  readonly regularization: { readonly l1: number; readonly l2: number };
  /** Samples per step; null trains on the whole training set at once. */
  readonly batchSize: number | null;
  readonly epochs: number | null;
  readonly steps: number | null;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  readonly warnings: readonly ConfigWarning[];
}

/** What users write: a JSON/YAML object (checked field by field by `parseTrainingConfig`). */
export type RawTrainingConfig = Readonly<Record<string, unknown>>;

/** Parameter values as users write them. */
export type RawParams = Readonly<Record<string, ParamValue>>;
