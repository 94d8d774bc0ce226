/** Evaluation files (`*.formulalens.json|yaml`) and foreign configs (Keras model JSON, training YAML). */
export { readEvaluationConfig, CHECK_BY_EVALUATING_LIMIT, type ReadEvaluationOptions } from './read';
export { runEvaluation, type ConfigEvaluation } from './run';
export { readForeignConfig } from './foreign';
export { isEvaluationConfigFile } from './files';
export { configFormatOf } from './tree';
export { configMessages } from './messages';
export { problemMessage } from './types';
export type {
  ActivationConfigEntry, ConfigEntry, ConfigEntryBase, ConfigProblem, ConfigProblemCode, EvaluationConfig, FieldRange,
  ForeignConfig, ForeignFinding, LossConfigEntry,
} from './types';
