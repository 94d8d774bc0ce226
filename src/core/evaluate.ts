/**
 * The core's front door: evaluate an activation or a loss by any name users write,
 * under a framework profile, with parameters checked and defaults filled in.
 */
import { FormulaLensError, localize } from './l10n';
import { catalogMessages } from './catalog/messages';
import { namePresetFor } from './catalog/namePresets';
import { resolveParams } from './catalog/params';
import { requireEntry } from './catalog/registry';
import type { ActivationEntry, ActivationResult, Framework, LossEntry, LossInputs, LossResult, ParamValue, Reduction, ResolvedParams } from './catalog/types';
import type { Tensor } from './tensor';

/** What to evaluate under which semantics. */
export interface EvaluationRequest {
  readonly framework: Framework;
  readonly params?: Readonly<Record<string, ParamValue>>;
}

/** An activation's result with the entry and the parameters actually used. */
export interface ActivationEvaluation extends ActivationResult {
  readonly entry: ActivationEntry;
  readonly params: ResolvedParams;
}

/** A loss's result with the entry, parameters and reduction actually used. */
export interface LossEvaluation extends LossResult {
  readonly entry: LossEntry;
  readonly params: ResolvedParams;
  readonly reduction: Reduction;
}

/** Applies an activation (any spelling of its name) to a tensor. */
export function evaluateActivation(name: string, input: Tensor, request: EvaluationRequest & { readonly upstream?: Tensor }): ActivationEvaluation {
  const entry = requireEntry(name, 'activation');
  // A spelling may imply parameters ('gelu_new' → approximate 'tanh'); what the user passes wins.
  const params = resolveParams(entry, request.framework, { ...namePresetFor(entry, name), ...request.params });
  const result = entry.evaluate(input, { framework: request.framework, params, ...(request.upstream ? { upstream: request.upstream } : {}) });
  return { ...result, entry, params };
}

/** Computes a loss (any spelling of its name) and its gradient with respect to y_pred. */
export function evaluateLoss(name: string, inputs: LossInputs, request: EvaluationRequest & { readonly reduction?: Reduction }): LossEvaluation {
  const entry = requireEntry(name, 'loss');
  const params = resolveParams(entry, request.framework, request.params);
  const reduction = request.reduction ?? 'mean';
  if (!entry.reductions.includes(reduction)) {
    throw new FormulaLensError(catalogMessages.unknownReduction, { function: entry.id, reduction, choices: entry.reductions.join(', ') });
  }
  const result = entry.evaluate(inputs, { framework: request.framework, params, reduction });
  return { ...result, entry, params, reduction };
}

/** The localized kind label ("activation" / "激活函数"). */
export function kindLabel(kind: 'activation' | 'loss'): string {
  return localize(kind === 'activation' ? catalogMessages.kindActivation : catalogMessages.kindLoss);
}
