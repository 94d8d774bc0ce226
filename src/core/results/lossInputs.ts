/**
 * Which selected array is y_true and which is y_pred: by name (`y_true = ...`, `target`, `logits`,
 * `labels`, in any order), else by position in Keras order (y_true first, then y_pred).
 */
import { FormulaLensError } from '../l10n';
import type { LossEntry, LossInputs } from '../catalog/types';
import type { Tensor } from '../tensor';
import { resultMessages } from './messages';

/** An input slot of a loss. */
export type LossRole = 'y_true' | 'y_pred' | 'y_pred2' | 'y_pred3';

/** An array found in the selection (or the clipboard), with the name it was assigned to. */
export interface NamedArray {
  readonly tensor: Tensor;
  readonly name?: string;
}

/** The arrays assigned to a loss's slots, and how the assignment was made. */
export interface LossInputAssignment {
  readonly inputs: LossInputs;
  /** For each slot, the index of the array that fills it. */
  readonly sources: Readonly<Partial<Record<LossRole, number>>>;
  /** True when at least one slot was filled by position rather than by name. */
  readonly positional: boolean;
}

/** The slots a loss reads, in positional order. */
export function lossRoles(entry: LossEntry): LossRole[] {
  const predictions: LossRole[] = ['y_pred', 'y_pred2', 'y_pred3'].slice(0, entry.predictionInputs) as LossRole[];
  return entry.targetKind === 'none' ? predictions : ['y_true', ...predictions];
}

const EXACT_ROLES: ReadonlyMap<string, LossRole> = new Map([
  ['ytrue', 'y_true'], ['y', 'y_true'], ['target', 'y_true'], ['targets', 'y_true'], ['label', 'y_true'], ['labels', 'y_true'],
  ['truth', 'y_true'], ['groundtruth', 'y_true'], ['gt', 'y_true'], ['expected', 'y_true'],
  ['ypred', 'y_pred'], ['pred', 'y_pred'], ['preds', 'y_pred'], ['prediction', 'y_pred'], ['predictions', 'y_pred'], ['input', 'y_pred'],
  ['input1', 'y_pred'], ['x1', 'y_pred'], ['output', 'y_pred'], ['outputs', 'y_pred'], ['logits', 'y_pred'], ['probs', 'y_pred'],
  ['probabilities', 'y_pred'], ['scores', 'y_pred'], ['yhat', 'y_pred'], ['anchor', 'y_pred'],
  ['ypred2', 'y_pred2'], ['input2', 'y_pred2'], ['x2', 'y_pred2'], ['positive', 'y_pred2'],
  ['ypred3', 'y_pred3'], ['negative', 'y_pred3'],
]);

const TRUE_WORDS = new Set(['true', 'target', 'targets', 'label', 'labels', 'gt', 'truth']);
const PRED_WORDS = new Set(['pred', 'preds', 'prediction', 'predictions', 'logits', 'probs', 'probabilities', 'output', 'outputs', 'scores', 'hat']);

/** The slot a variable name announces (`y_true`, `binary_labels`, `logits`), or undefined. */
export function roleOfName(name: string): LossRole | undefined {
  const last = name.split('.').pop() ?? name;
  const exact = EXACT_ROLES.get(last.toLowerCase().replace(/[^a-z0-9]/g, ''));
  if (exact) return exact;
  // `binary_labels`, `yTrue`, `class_logits`: look at the words of the name.
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const isTrue = words.some((word) => TRUE_WORDS.has(word));
  const isPred = words.some((word) => PRED_WORDS.has(word));
  if (isTrue === isPred) return undefined;
  return isTrue ? 'y_true' : 'y_pred';
}

/**
 * Fills a loss's slots from the arrays found: named ones go to their slot, the rest fill the
 * remaining slots in order. Throws a localized error when the count or the names do not fit.
 */
export function assignLossInputs(entry: LossEntry, arrays: readonly NamedArray[]): LossInputAssignment {
  const roles = lossRoles(entry);
  const rolesText = roles.join(', ');
  if (arrays.length < roles.length) {
    throw new FormulaLensError(resultMessages.tooFewLossInputs, { function: entry.id, count: roles.length, roles: rolesText, found: arrays.length });
  }
  const sources: Partial<Record<LossRole, number>> = {};
  const unnamed: number[] = [];
  arrays.forEach((array, index) => {
    const role = array.name === undefined ? undefined : roleOfName(array.name);
    if (role === undefined || !roles.includes(role)) {
      unnamed.push(index);
      return;
    }
    const existing = sources[role];
    if (existing !== undefined) {
      throw new FormulaLensError(resultMessages.sameRoleTwice, { role, first: arrays[existing]!.name ?? '', second: array.name ?? '' });
    }
    sources[role] = index;
  });
  const open = roles.filter((role) => sources[role] === undefined);
  // Extra unnamed arrays are ignored only when names filled every slot; otherwise which to use is a guess.
  if (unnamed.length > open.length && open.length > 0) {
    throw new FormulaLensError(resultMessages.tooManyLossInputs, { function: entry.id, count: roles.length, roles: rolesText, found: arrays.length });
  }
  open.forEach((role, i) => {
    sources[role] = unnamed[i]!;
  });
  const tensorFor = (role: LossRole): Tensor | undefined => {
    const index = sources[role];
    return index === undefined ? undefined : arrays[index]!.tensor;
  };
  const yPred2 = tensorFor('y_pred2');
  const yPred3 = tensorFor('y_pred3');
  const inputs: LossInputs = {
    yTrue: tensorFor('y_true') ?? null,
    yPred: tensorFor('y_pred')!,
    ...(yPred2 ? { yPred2 } : {}),
    ...(yPred3 ? { yPred3 } : {}),
  };
  return { inputs, sources, positional: open.length > 0 };
}
