/**
 * Warnings about inputs that look wrong for a loss: probabilities outside [0, 1], logits where
 * probabilities are read (and the reverse), targets that are not one-hot or not class indices.
 * Each is a hint, never an error: the loss is still computed as the framework would.
 */
import type { LocalizedText } from '../l10n';
import type { LossEntry, LossInputs, ResolvedParams } from '../catalog/types';
import { effectivePredictionKind, type PredictionKind } from '../lossCurves';
import { shapeText, type Tensor } from '../tensor';
import { resultMessages } from './messages';
import { previewNumber } from './preview';
import { valueRange } from './statistics';

/** One warning, with the input it concerns. */
export interface InputWarning {
  readonly input: 'y_true' | 'y_pred';
  readonly text: LocalizedText;
  readonly args: Readonly<Record<string, string | number>>;
}

/** Rows reported by name before the list is cut short. */
const MAX_ROWS_LISTED = 5;

/** Row sums this close to 1 count as a distribution (float32 softmax outputs sum to 1 within ~1e-6). */
const SUM_TOLERANCE = 1e-4;

/** What y_pred holds under the resolved parameters: `from_logits`, and `input_is_log_prob` for KL divergence. */
export function expectedPrediction(entry: LossEntry, params: ResolvedParams): PredictionKind {
  if (params['input_is_log_prob'] === true) return 'log_probabilities';
  return effectivePredictionKind(entry.predictionKind, params);
}

function rowCount(t: Tensor): number {
  return t.shape.length === 2 ? t.shape[0]! : 1;
}

function rowLength(t: Tensor): number {
  return t.shape.length === 0 ? 1 : t.shape[t.shape.length - 1]!;
}

/** 1-based numbers of the rows failing `test`, as `2, 3, 7…`; empty when none fails. */
function failingRows(t: Tensor, test: (data: Float64Array, start: number, length: number) => boolean): string {
  const rows: number[] = [];
  let more = false;
  const length = rowLength(t);
  for (let r = 0; r < rowCount(t); r++) {
    if (test(t.data, r * length, length)) continue;
    if (rows.length === MAX_ROWS_LISTED) {
      more = true;
      break;
    }
    rows.push(r + 1);
  }
  return rows.join(', ') + (more ? '…' : '');
}

function isOneHotRow(data: Float64Array, start: number, length: number): boolean {
  let ones = 0;
  for (let i = start; i < start + length; i++) {
    const v = data[i]!;
    if (v === 1) ones++;
    else if (v !== 0) return false;
  }
  return ones === 1;
}

function isDistributionRow(data: Float64Array, start: number, length: number): boolean {
  let sum = 0;
  for (let i = start; i < start + length; i++) {
    const v = data[i]!;
    if (!(v >= 0 && v <= 1)) return false;
    sum += v;
  }
  return Math.abs(sum - 1) <= SUM_TOLERANCE;
}

/** The first value `isValid` rejects, or undefined when all pass. */
function firstInvalid(data: Float64Array, isValid: (value: number) => boolean): number | undefined {
  for (let i = 0; i < data.length; i++) if (!isValid(data[i]!)) return data[i]!;
  return undefined;
}

function hasParam(entry: LossEntry, name: string): boolean {
  return entry.params.some((spec) => spec.name === name);
}

/** Warnings for y_pred: what it holds against what the loss reads under these parameters. */
function predictionWarnings(entry: LossEntry, params: ResolvedParams, yPred: Tensor, warnings: InputWarning[]): void {
  const expects = expectedPrediction(entry, params);
  const range = valueRange(yPred.data);
  if (Number.isNaN(range.min)) return;
  const args = { function: entry.id, min: previewNumber(range.min), max: previewNumber(range.max) };
  if (expects === 'probabilities' && (range.min < 0 || range.max > 1)) {
    warnings.push({ input: 'y_pred', text: hasParam(entry, 'from_logits') ? resultMessages.warnNotProbabilities : resultMessages.warnNotProbabilitiesNoOption, args });
  } else if (expects === 'log_probabilities' && range.max > 0) {
    warnings.push({ input: 'y_pred', text: resultMessages.warnNotLogProbabilities, args });
  } else if (expects === 'logits' && yPred.shape.length === 2 && rowLength(yPred) > 1 && failingRows(yPred, isDistributionRow) === '') {
    // A 1-D prediction in [0, 1] may well be logits; whole rows summing to 1 are a softmax output.
    warnings.push({ input: 'y_pred', text: hasParam(entry, 'from_logits') ? resultMessages.warnProbabilitiesAsLogits : resultMessages.warnProbabilitiesAsLogitsNoOption, args });
  }
}

/** Warnings for y_true: its values against the loss's target kind. */
function targetWarnings(entry: LossEntry, params: ResolvedParams, yTrue: Tensor, yPred: Tensor, warnings: InputWarning[]): void {
  const range = valueRange(yTrue.data);
  if (Number.isNaN(range.min)) return;
  const fn = entry.id;
  switch (entry.targetKind) {
    case 'one_hot': {
      if (yTrue.shape.length < yPred.shape.length) {
        warnings.push({ input: 'y_true', text: resultMessages.warnClassIndicesForOneHot, args: { function: fn, trueShape: shapeText(yTrue.shape), predShape: shapeText(yPred.shape) } });
        return;
      }
      const rows = failingRows(yTrue, isOneHotRow);
      if (rows !== '') warnings.push({ input: 'y_true', text: resultMessages.warnNotOneHot, args: { function: fn, rows } });
      return;
    }
    case 'binary':
      if (range.min < 0 || range.max > 1) {
        warnings.push({ input: 'y_true', text: resultMessages.warnLabelsOutsideUnit, args: { function: fn, min: previewNumber(range.min), max: previewNumber(range.max) } });
      }
      return;
    case 'class_indices': {
      const wrong = firstInvalid(yTrue.data, (v) => Number.isInteger(v) && v >= 0);
      if (wrong !== undefined) warnings.push({ input: 'y_true', text: resultMessages.warnNotClassIndices, args: { value: previewNumber(wrong) } });
      return;
    }
    case 'class_index_lists': {
      // Negative entries end a row's list, so only fractions are wrong here.
      const wrong = firstInvalid(yTrue.data, Number.isInteger);
      if (wrong !== undefined) warnings.push({ input: 'y_true', text: resultMessages.warnNotClassIndexLists, args: { value: previewNumber(wrong) } });
      return;
    }
    case 'probabilities': {
      // With log_target the rows hold log p, which need not sum to 1.
      if (yTrue.shape.length !== 2 || params['log_target'] === true) return;
      const rows = failingRows(yTrue, isDistributionRow);
      if (rows !== '') warnings.push({ input: 'y_true', text: resultMessages.warnTargetNotDistribution, args: { function: fn, rows } });
      return;
    }
    case 'values':
    case 'signs':
    case 'log_probabilities':
    case 'none':
      return;
  }
}

/** Every warning for a loss's inputs under resolved parameters, y_true first. */
export function lossInputWarnings(entry: LossEntry, params: ResolvedParams, inputs: LossInputs): InputWarning[] {
  const warnings: InputWarning[] = [];
  if (inputs.yTrue) targetWarnings(entry, params, inputs.yTrue, inputs.yPred, warnings);
  predictionWarnings(entry, params, inputs.yPred, warnings);
  return warnings;
}
