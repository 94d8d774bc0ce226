/** The formula lens core: mention summaries, function charts and lens texts for hovers and CodeLens. Pure. */
export { summarizeMention, reductionOf, catalogReduction, paramsFor, type MentionSummary, type ParamRow, type ParamOrigin, type ReductionInfo } from './mentionSummary';
export { planFunctionChart, ACTIVATION_RANGE, CHART_SAMPLES, type FunctionChart, type PlannedCurve } from './functionChart';
export { renderFunctionChart, type ChartImageOptions } from './chartSvg';
export { describeZones } from './zones';
export { lensTitle, shorten, LENS_FORMULA_LENGTH, type WrittenParam } from './lensTitle';
export { formatParamValue, formatNumber } from './format';
export { lensMessages } from './messages';
