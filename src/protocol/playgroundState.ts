/**
 * Transitions of the Playground's persisted state that do not need a page: the state a page starts from,
 * and a focus request (hover / CodeLens link) applied to a state. Pure, so unit tests cover them.
 */
import { findParamSpec, resolveParams } from '../core/catalog/params';
import { resolveName } from '../core/catalog/registry';
import type { CatalogEntry, LossEntry } from '../core/catalog/types';
import { defaultSweepRange, effectivePredictionKind, type SweepTarget } from '../core/lossCurves';
import { pairedProblemFor } from '../core/pairedSweeps';
import {
  DEFAULT_NEGATIVE_DISTANCE,
  LIMITS,
  defaultPlaygroundState,
  isPlaygroundState,
  type LossExplorerState,
  type LossProblem,
  type PanelParams,
  type PlaygroundBootData,
  type PlaygroundFocus,
  type PlaygroundState,
  type PlottedFunction,
} from './playground';

/** The sweep target a loss explorer state describes. */
export function sweepTargetOf(state: LossExplorerState): SweepTarget {
  switch (state.problem) {
    case 'binary':
      return { problem: 'binary', label: state.binaryTarget };
    case 'categorical':
      return { problem: 'categorical', classCount: state.classCount, trueClass: state.trueClass };
    case 'regression':
      return { problem: 'regression', value: state.regressionTarget };
    case 'rankingPair':
    case 'embeddingPair':
      return { problem: state.problem, sign: state.binaryTarget === 1 ? 1 : -1 };
    case 'triplet':
      return { problem: 'triplet', negativeDistance: state.negativeDistance ?? DEFAULT_NEGATIVE_DISTANCE };
  }
}

/** The output activation a problem starts with: sigmoid or softmax on class scores, none for values and pairs. */
export function defaultOutputActivation(problem: LossProblem): string | null {
  switch (problem) {
    case 'binary':
      return 'sigmoid';
    case 'categorical':
      return 'softmax';
    default:
      return null;
  }
}

/**
 * The state to start from: what this page saved before it was hidden or reloaded, else what the
 * serializer restored, else a new panel's default with the requested focus applied.
 */
export function initialState(boot: PlaygroundBootData, saved: unknown): PlaygroundState {
  if (isPlaygroundState(saved)) return saved;
  const base = boot.state ?? defaultPlaygroundState(boot.defaultFramework);
  return boot.focus ? applyFocus(base, boot.focus) : base;
}

/** Parameters keyed by canonical name; names the entry does not know are dropped. */
function canonicalParams(entry: CatalogEntry, params: PanelParams | undefined): PanelParams {
  const out: Record<string, PanelParams[string]> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    const spec = findParamSpec(entry, name);
    if (spec) out[spec.name] = value;
  }
  return out;
}

/** The loss problem a loss fits best: the pair problem of its input comparison, else by its target. */
export function problemFor(entry: Pick<LossEntry, 'targetKind' | 'predictionKind' | 'inputComparison'>): LossProblem {
  if (entry.inputComparison) return pairedProblemFor(entry.inputComparison);
  switch (entry.targetKind) {
    case 'one_hot':
    case 'class_indices':
    case 'class_index_lists':
      return 'categorical';
    case 'values':
      return entry.predictionKind === 'probabilities' || entry.predictionKind === 'logits' ? 'binary' : 'regression';
    default:
      return 'binary';
  }
}

/** Puts a function first in its list (replacing an existing row for it), keeping the list within limits. */
function withFocused(list: readonly PlottedFunction[], row: PlottedFunction): PlottedFunction[] {
  const id = row.source.kind === 'catalog' ? row.source.id : undefined;
  const others = list.filter((item) => !(item.source.kind === 'catalog' && item.source.id === id));
  return [row, ...others].slice(0, LIMITS.plotted);
}

/**
 * Shows a function the user asked for from a hover or CodeLens: its tab, a row for it first in the list
 * with the given parameters and framework. Unknown names leave the state unchanged.
 */
export function applyFocus(state: PlaygroundState, focus: PlaygroundFocus): PlaygroundState {
  const entry = resolveName(focus.id);
  if (!entry || entry.kind !== focus.kind) return state;
  const row: PlottedFunction = { source: { kind: 'catalog', id: entry.id }, framework: focus.framework ?? null, params: canonicalParams(entry, focus.params) };
  if (entry.kind === 'activation') {
    return { ...state, tab: 'curves', curves: { ...state.curves, functions: withFocused(state.curves.functions, row) } };
  }
  const problem = problemFor(entry);
  const loss = state.loss;
  const keepOthers = loss.problem === problem;
  const outputActivation = keepOthers ? loss.outputActivation : defaultOutputActivation(problem);
  let next: LossExplorerState = { ...loss, problem, outputActivation, losses: withFocused(keepOthers ? loss.losses : [], row) };
  if (!keepOthers) {
    // A new problem means a new x axis: move the range to what suits the focused loss on it.
    let expects = entry.predictionKind;
    try {
      expects = effectivePredictionKind(entry.predictionKind, resolveParams(entry, row.framework ?? state.framework, row.params));
    } catch {
      // Parameters the entry rejects show as the row's error in the page; the range follows the entry's kind.
    }
    const [xMin, xMax] = defaultSweepRange(sweepTargetOf(next), expects, outputActivation !== null);
    next = { ...next, xMin, xMax };
  }
  return { ...state, tab: 'loss', loss: next };
}
