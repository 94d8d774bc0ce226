/**
 * The custom-formula compiler's public entry. The extension host loads it as its own bundle
 * (`dist/formulaCompiler.js`) only when a formula is first used; mathjs (`dist/mathjsSubset.js`)
 * loads on the first compile.
 */
export { createFormulaCompiler } from './compiler';
export { compileFormula, loadFormulaCompiler } from './load';
export type { CompiledActivationFormula, CompiledFormula, CompiledFormulaInfo, CompiledLossFormula, FormulaCompiler } from './compiler';
export { formulaActivationEntry, formulaKernel, formulaLossEntry, savedFormulaEntry } from './customEntries';
export { FORMULA_FUNCTIONS, getFormulaFunction } from './functions';
export type { FormulaFunction } from './functions';
export {
  DIFFERENTIATION_VARIABLE,
  FORMULA_CONSTANTS,
  FORMULA_EXAMPLES,
  FORMULA_KINDS,
  FORMULA_MAX_DEPTH,
  FORMULA_MAX_DERIVATIVE_NODES,
  FORMULA_MAX_LENGTH,
  FORMULA_VARIABLES,
} from './language';
export type { FormulaKind, FormulaVariable } from './language';
export { formulaMessages } from './messages';
export { precheckFormula } from './parse';
export type { FormulaToken } from './scanner';
export { isFormulaName, isSavedFormula, readSavedFormulas, SAVED_FORMULA_DESCRIPTION_MAX_LENGTH, SAVED_FORMULA_NAME_MAX_LENGTH, SAVED_FORMULA_TEXT_MAX_LENGTH } from './savedFormula';
export type { SavedFormula, SavedFormulaProblem } from './savedFormula';
