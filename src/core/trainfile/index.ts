/** Training config files (`*.fltrain.json|yaml`): their problems as text ranges, and writing a configuration as one. */
export { checkTrainingConfigText, pathSegments, type TrainingFileCheck, type TrainingFileProblem } from './problems';
export { writeTrainingConfig, type TrainingFileFormat } from './write';
