/**
 * The page's state: one `PlaygroundState` (persisted with setState on every change, so hiding the panel
 * or reloading the window restores it) plus the saved custom formulas from settings. Views subscribe and
 * redraw the slices they show. The state transitions themselves are pure (src/protocol/playgroundState.ts).
 */
import type { PlaygroundState, SavedFormula } from '../src/protocol/playground';

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
