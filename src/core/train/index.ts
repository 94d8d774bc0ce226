/** The training engine's public API, shared by the playground worker, the CLI and the tests. */
export type { ActivationConfig, BuiltinDataConfig, ConfigWarning, DataConfig, ExplicitDataConfig, LayerConfig, LinearParams, LossConfig, ModelConfig, RawTrainingConfig, TrainingConfig } from './config';
export { prepareData, type DataSplit, type PreparedData } from './data';
export { DATASET_NAMES, datasetInfo, generateDataset, type DatasetInfo, type DatasetName, type GeneratedData } from './datasets';
export { INITIALIZER_NAMES, type InitializerName, type InitializerSpec } from './initializers';
export { createTrainingLoss, TRAINING_LOSS_IDS, type Task, type TrainingLoss, type TrainingLossKind } from './losses';
export { trainMessages } from './messages';
export { createNetwork, initializeNetwork, readParams } from './model';
export { backward, forward, Network, Workspace, type DenseLayer } from './network';
export { createOptimizer, OPTIMIZER_DEFAULTS, OPTIMIZER_NAMES, type Optimizer, type OptimizerName, type OptimizerSettings } from './optimizers';
export { predictCurve, predictGrid, type PredictionModel } from './predict';
export { createRandom, deriveSeed, type Random } from './random';
export { runTraining, type RunOptions, type RunProgress, type RunResult } from './run';
export { SATURATION_THRESHOLD, Trainer, type Divergence, type Metrics, type SplitMetrics, type StepDiagnostics } from './trainer';
export { formatPath, TrainingConfigError, type PathSegment } from './configReader';
export { isValidatedConfig, parseTrainingConfig } from './validate';
export { toWeightsJson, type WeightsJson } from './weights';
