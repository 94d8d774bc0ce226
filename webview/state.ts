/**
 * The page's state: one `PlaygroundState` (persisted with setState on every change, so hiding the panel
 * or reloading the window restores it) plus the saved custom formulas from settings. Views subscribe and
 * redraw the slices they show.
 */
import { findParamSpec } from '../src/core/catalog/params';
import { resolveName } from '../src/core/catalog/registry';
import type { CatalogEntry, LossEntry } from '../src/core/catalog/types';
import {
  LIMITS,
  defaultPlaygroundState,
  isPlaygroundState,
  type LossProblem,
  type PanelParams,
  type PlaygroundBootData,
  type PlaygroundFocus,
  type PlaygroundState,
  type PlottedFunction,
  type SavedFormula,
} from '../src/protocol/playground';

/** Holds the state, persists it and tells subscribers. */
export class PlaygroundStore {
  private readonly listeners = new Set<() => void>();

  constructor(
    private state: PlaygroundState,
    private formulas: readonly SavedFormula[],
    private readonly persist: (state: PlaygroundState) => void,
  ) {
    persist(state);
  }

  /** The current state (immutable; replace it with `update`). */
  get current(): PlaygroundState {
    return this.state;
  }

  /** Saved custom formulas from `formulaLens.customFormulas`. */
  get savedFormulas(): readonly SavedFormula[] {
    return this.formulas;
  }

  /** Replaces the state, saves it and notifies subscribers. */
  update(change: (state: PlaygroundState) => PlaygroundState): void {
    const next = change(this.state);
    if (next === this.state) return;
    this.state = next;
    this.persist(next);
    this.notify();
  }

  /** Replaces the saved formulas (the setting changed). */
  setSavedFormulas(formulas: readonly SavedFormula[]): void {
    this.formulas = formulas;
    this.notify();
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
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

/** The loss problem a loss's target fits best. */
export function problemFor(entry: LossEntry): LossProblem {
  switch (entry.targetKind) {
    case 'one_hot':
    case 'class_indices':
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
  return {
    ...state,
    tab: 'loss',
    loss: {
      ...loss,
      problem,
      losses: withFocused(keepOthers ? loss.losses : [], row),
      outputActivation: problem === 'regression' ? null : problem === 'categorical' ? (keepOthers ? loss.outputActivation : 'softmax') : (keepOthers ? loss.outputActivation : 'sigmoid'),
    },
  };
}
