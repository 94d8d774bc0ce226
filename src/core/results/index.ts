/** Evaluating selections: parameter lines, loss inputs, warnings, statistics, comparisons and the results model. */
export { applicableParams, defaultParamText, formatParamText, formatParamValue, parseParamText, parseParamValue, type ParamTextValues } from './paramText';
export { activationStatistics, lossContributions, valueRange, type ActivationStatistics, type ValueRange } from './statistics';
export { countNumerals } from './numerals';
export { previewNumber, previewTensor, PREVIEW_DIGITS } from './preview';
export { assignLossInputs, lossRoles, roleOfName, type LossInputAssignment, type LossRole, type NamedArray } from './lossInputs';
export { expectedPrediction, lossInputWarnings, type InputWarning } from './lossWarnings';
export { compareActivation, compareLoss, disagreements, differingParams, valuesAgree, AGREEMENT_ATOL, AGREEMENT_RTOL, type FrameworkOutcome } from './compare';
export {
  activationSection, compareSection, errorText, lossSection,
  type ActivationSection, type CompareColumn, type CompareSection, type FailureSection, type ForeignSection, type FoundFunction,
  type FrameworkSource, type LossSection, type ResultSection,
} from './model';
export { resultMessages } from './messages';
