/**
 * What the Curves and Loss explorer tabs share: a list of function rows beside a crosshair chart, redrawn from
 * their slice of the Playground state only when that slice, the framework or the saved formulas changed, and
 * without rebuilding controls the user is editing in place (a field or slider is not replaced under the pointer).
 */
import type { PlaygroundState, PlottedFunction } from '../src/protocol/playground';
import { CrosshairChart } from './crosshairChart';
import { el } from './dom';
import type { FormulaLibrary } from './formulaLibrary';
import type { Resolved } from './functions';
import { rebuildKeepingFocus, refreshRowStatus, type RowInfo } from './functionRows';
import type { PlaygroundStore } from './state';
import type { ChartTheme } from './theme';

/** The state slices a plotting tab owns. */
export type PlotSliceKey = 'curves' | 'loss';

/** A plotting tab: subclasses build the controls, compute and draw; this class wires state, chart and redraws. */
export abstract class PlotTab<K extends PlotSliceKey> {
  protected readonly controls = el('div', { class: 'controls' });
  protected readonly chart: CrosshairChart;
  /** Set while the tab commits an edit its controls already show, so they are not rebuilt under the pointer. */
  private editingInPlace = false;
  private lastKey = '';

  constructor(
    protected readonly store: PlaygroundStore,
    protected readonly formulas: FormulaLibrary,
    private readonly key: K,
    theme: ChartTheme,
    pngFileName: string,
  ) {
    this.chart = new CrosshairChart({
      theme,
      range: () => [this.current.xMin, this.current.xMax],
      onCrosshairMove: () => this.renderReadout(),
      onExportCsv: () => this.exportData(),
      pngFileName,
    });
  }

  /** Redraws from the store (called on every change); does nothing when nothing the tab shows changed. */
  render(): void {
    const state = this.store.current;
    const slice = state[this.key];
    const key = JSON.stringify([state.framework, slice, this.store.savedFormulas, this.formulas.ready]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    if (!this.editingInPlace) rebuildKeepingFocus(this.controls, () => this.buildControls(slice));
    this.compute();
    this.draw();
    refreshRowStatus(this.controls, this.rowsOf(slice), (row) => this.resolveRow(row));
  }

  /** Applies a new theme (colours, line widths) and redraws. */
  retheme(theme: ChartTheme): void {
    this.chart.theme = theme;
    this.lastKey = '';
    this.render();
  }

  /** The tab's slice of the state now. */
  protected get current(): PlaygroundState[K] {
    return this.store.current[this.key];
  }

  /** Replaces the tab's slice; `inPlace` keeps the controls (the edit came from them). */
  protected update(change: (slice: PlaygroundState[K]) => PlaygroundState[K], inPlace = false): void {
    this.editingInPlace = inPlace;
    try {
      this.store.update((state) => ({ ...state, [this.key]: change(state[this.key]) }));
    } finally {
      this.editingInPlace = false;
    }
  }

  /** Commits an edit the control already shows; returns true for the field's validity mark. */
  protected commitInPlace(change: (slice: PlaygroundState[K]) => PlaygroundState[K]): true {
    this.update(change, true);
    return true;
  }

  /** The controls for a slice (rebuilt on changes that did not come from them). */
  protected abstract buildControls(slice: PlaygroundState[K]): HTMLElement;
  /** The function rows of a slice, for their status marks. */
  protected abstract rowsOf(slice: PlaygroundState[K]): readonly PlottedFunction[];
  /** A row's function, or why it cannot be drawn. */
  protected abstract resolveRow(row: PlottedFunction): Resolved<RowInfo>;
  /** Samples what the slice shows. */
  protected abstract compute(): void;
  /** Draws what `compute` sampled. */
  protected abstract draw(): void;
  /** Fills the readout for the crosshair's x. */
  protected abstract renderReadout(): void;
  /** Exports the drawn data as CSV. */
  protected abstract exportData(): void;
}
