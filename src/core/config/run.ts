/** Runs one entry of an evaluation file through the core's evaluate functions. */
import type { LossInputs } from '../catalog/types';
import { evaluateActivation, evaluateLoss, type ActivationEvaluation, type LossEvaluation } from '../evaluate';
import type { ActivationConfigEntry, ConfigEntry, LossConfigEntry } from './types';

/** An entry with its result. */
export type ConfigEvaluation =
  | { readonly kind: 'activation'; readonly entry: ActivationConfigEntry; readonly result: ActivationEvaluation }
  | { readonly kind: 'loss'; readonly entry: LossConfigEntry; readonly result: LossEvaluation };

/** Evaluates an entry under its framework; throws FormulaLensError on bad shapes or values. */
export function runEvaluation(entry: ConfigEntry): ConfigEvaluation {
  if (entry.kind === 'activation') {
    const result = evaluateActivation(entry.id, entry.x, { framework: entry.framework, params: entry.params, ...(entry.upstream ? { upstream: entry.upstream } : {}) });
    return { kind: 'activation', entry, result };
  }
  const inputs: LossInputs = {
    yTrue: entry.yTrue,
    yPred: entry.yPred,
    ...(entry.yPred2 ? { yPred2: entry.yPred2 } : {}),
    ...(entry.yPred3 ? { yPred3: entry.yPred3 } : {}),
  };
  const result = evaluateLoss(entry.id, inputs, { framework: entry.framework, params: entry.params, ...(entry.reduction ? { reduction: entry.reduction } : {}) });
  return { kind: 'loss', entry, result };
}
