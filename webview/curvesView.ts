/**
 * The Curves tab: any number of activations, each with its derivative, over an adjustable range, with
 * parameters per framework; a crosshair that reads every curve exactly at x; strips and text marking
 * dead (f' = 0) and saturated (|f'| < 1e-3) regions; PNG and CSV export and LaTeX copy.
 */
import * as l10n from '@vscode/l10n';
import { curveAt, findFlatRegions, linspace, sampleCurve, SATURATION_THRESHOLD, classifyDerivative, type CurveSamples, type FlatRegion } from '../src/core/curves';
import { LIMITS, type CurvesState, type PlottedFunction } from '../src/protocol/playground';
import { button, checkbox, el, labelled, replaceChildren } from './dom';
import { copyLatex, exportCsv, exportPng } from './exporters';
import { formatBoundary, formatValue } from './format';
import type { FormulaLibrary } from './formulaLibrary';
import { curveActivations, errorText, resolveCurveRow, type Resolved, type ResolvedCurve } from './functions';
import { functionRows, rebuildKeepingFocus, refreshRowStatus } from './functionRows';
import { applyChartTheme, axisOptions, createLineChart, lineDataset, toPoints, type LineChart, type PlotOverlay } from './plot';
import type { PlaygroundStore } from './state';
import { seriesColor, type ChartTheme } from './theme';

/** Samples per curve: fine enough for kinks at the default span, cheap enough to redraw on every slider step. */
const SAMPLES = 801;

interface DrawnCurve {
  readonly resolved: ResolvedCurve;
  readonly samples: CurveSamples;
  readonly regions: readonly FlatRegion[];
  readonly color: string;
}

/** A number input that commits finite values (or null when blank and `allowBlank`). */
function numberField(label: string, value: number | null, focusKey: string, allowBlank: boolean, onCommit: (value: number | null) => boolean): HTMLElement {
  const input = el('input', { type: 'number', step: 'any', 'data-focus-key': focusKey, placeholder: allowBlank ? l10n.t('auto') : undefined });
  if (value !== null) input.value = String(value);
  input.addEventListener('change', () => {
    const blank = input.value.trim() === '';
    const parsed = input.valueAsNumber;
    const ok = blank ? allowBlank && onCommit(null) : Number.isFinite(parsed) && Math.abs(parsed) <= LIMITS.range && onCommit(parsed);
    input.setAttribute('aria-invalid', String(!ok));
  });
  return labelled(label, input);
}

/** Text for a region's x interval. */
function intervalText(region: FlatRegion, span: number): string {
  const from = formatBoundary(region.from, span);
  const to = formatBoundary(region.to, span);
  if (region.openStart && region.openEnd) return l10n.t('the whole plotted range');
  if (region.openStart) return l10n.t('x ≤ {0}', to);
  if (region.openEnd) return l10n.t('x ≥ {0}', from);
  return l10n.t('{0} ≤ x ≤ {1}', from, to);
}

/** The Curves tab. */
export class CurvesView {
  readonly element: HTMLElement;
  private readonly controls = el('div', { class: 'controls' });
  private readonly canvas = el('canvas', { tabindex: 0, role: 'img' });
  private readonly readout = el('div', { class: 'readout', 'aria-live': 'off' });
  private readonly regionList = el('div', { class: 'regions' });
  private readonly emptyHint = el('p', { class: 'hint empty' }, l10n.t('Add an activation to draw it.'));
  private readonly chart: LineChart;
  private readonly overlay: PlotOverlay;
  private drawn: DrawnCurve[] = [];
  /** Rows whose function threw while sampling (a custom formula outside its domain), with the message. */
  private sampleErrors = new Map<PlottedFunction, string>();
  private crosshairX: number;
  /** Set while this view commits an edit its controls already show, so they are not rebuilt under the pointer. */
  private editingInPlace = false;
  private lastControlsKey = '';

  constructor(
    private readonly store: PlaygroundStore,
    private readonly formulas: FormulaLibrary,
    theme: ChartTheme,
  ) {
    const state = store.current.curves;
    this.crosshairX = (state.xMin + state.xMax) / 2;
    this.overlay = { theme, crosshairX: this.crosshairX, strips: [] };
    const toolbar = el('div', { class: 'toolbar' },
      button(l10n.t('Export PNG'), () => exportPng(this.chart, 'formula-lens-curves.png'), { class: 'secondary' }),
      button(l10n.t('Export CSV'), () => this.exportData(), { class: 'secondary' }));
    const why = el('p', { class: 'why' }, l10n.t('Why it matters: backpropagation multiplies by f′ at every layer. Where f′ = 0 (dead) no gradient flows, so the weights before the unit stop learning ("dying ReLU"). Where |f′| < 0.001 (saturated) the gradient shrinks a thousandfold per layer and vanishes in deep networks.'));
    const legendHint = el('p', { class: 'hint' }, l10n.t('Strips under the curves: solid = dead (f′ = 0), faint = saturated (|f′| < 0.001).'));
    this.element = el('div', { class: 'layout' },
      this.controls,
      el('div', { class: 'plot' }, this.emptyHint, el('div', { class: 'chart-box' }, this.canvas), toolbar, this.readout, this.regionList, legendHint, why));
    this.chart = createLineChart(this.canvas, this.overlay);
    this.canvas.addEventListener('pointermove', (event) => this.moveCrosshairToPixel(event.offsetX));
    this.canvas.addEventListener('keydown', (event) => this.onKey(event));
    this.render();
  }

  /** Redraws from the store (called on every change). */
  render(): void {
    const state = this.store.current;
    const key = JSON.stringify([state.framework, state.curves, this.store.savedFormulas, this.formulas.ready]);
    if (key === this.lastControlsKey) return;
    this.lastControlsKey = key;
    if (!this.editingInPlace) rebuildKeepingFocus(this.controls, () => this.buildControls(state.curves));
    this.compute();
    this.draw();
    refreshRowStatus(this.controls, state.curves.functions, (row) => this.resolve(row));
  }

  /** Applies a new theme (colours, line widths) and redraws. */
  retheme(theme: ChartTheme): void {
    this.overlay.theme = theme;
    this.lastControlsKey = '';
    this.render();
  }

  private resolve(row: PlottedFunction): Resolved<ResolvedCurve> {
    const resolved = resolveCurveRow(row, this.store.current.framework, this.formulas);
    const failure = this.sampleErrors.get(row);
    return resolved.ok && failure ? { ok: false, message: failure } : resolved;
  }

  private update(change: (curves: CurvesState) => CurvesState, inPlace = false): void {
    this.editingInPlace = inPlace;
    try {
      this.store.update((state) => ({ ...state, curves: change(state.curves) }));
    } finally {
      this.editingInPlace = false;
    }
  }

  /** Commits an edit the control already shows; returns true for the field's validity mark. */
  private commitInPlace(change: (curves: CurvesState) => CurvesState): true {
    this.update(change, true);
    return true;
  }

  private buildControls(curves: CurvesState): HTMLElement {
    const framework = this.store.current.framework;
    const current = () => this.store.current.curves;
    const range = el('fieldset', { class: 'range' },
      el('legend', {}, l10n.t('Range')),
      numberField(l10n.t('x from'), curves.xMin, 'x-min', false, (value) => value !== null && value < current().xMax && this.commitInPlace((c) => ({ ...c, xMin: value }))),
      numberField(l10n.t('x to'), curves.xMax, 'x-max', false, (value) => value !== null && value > current().xMin && this.commitInPlace((c) => ({ ...c, xMax: value }))),
      numberField(l10n.t('y from'), curves.yMin, 'y-min', true, (value) => (value === null || current().yMax === null || value < current().yMax!) && this.commitInPlace((c) => ({ ...c, yMin: value }))),
      numberField(l10n.t('y to'), curves.yMax, 'y-max', true, (value) => (value === null || current().yMin === null || value > current().yMin!) && this.commitInPlace((c) => ({ ...c, yMax: value }))),
      button(l10n.t('Reset range'), () => this.update((c) => ({ ...c, xMin: -6, xMax: 6, yMin: null, yMax: null })), { class: 'link', 'data-focus-key': 'reset-range' }));
    const toggles = el('div', { class: 'toggles' },
      checkbox(l10n.t('Show derivatives'), curves.showDerivative, (checked) => this.commitInPlace((c) => ({ ...c, showDerivative: checked }))),
      checkbox(l10n.t('Mark dead and saturated regions'), curves.showMarkers, (checked) => this.commitInPlace((c) => ({ ...c, showMarkers: checked }))));
    const rows = functionRows({
      kind: 'activation',
      rows: curves.functions,
      currentRows: () => this.store.current.curves.functions,
      panelFramework: framework,
      catalog: curveActivations(framework),
      savedFormulas: this.store.savedFormulas,
      colorOf: (index) => seriesColor(this.overlay.theme, index),
      resolve: (row) => this.resolve(row),
      onChange: (functions, structural) => this.update((c) => ({ ...c, functions }), !structural),
      onCopyLatex: copyLatex,
    });
    return el('div', {}, range, toggles, rows);
  }

  private compute(): void {
    const curves = this.store.current.curves;
    const xs = linspace(curves.xMin, curves.xMax, SAMPLES);
    this.drawn = [];
    this.sampleErrors = new Map();
    curves.functions.forEach((row, index) => {
      const resolved = this.resolve(row);
      if (!resolved.ok) return;
      try {
        const samples = sampleCurve(resolved.value.curve, xs);
        const derivativeAt = (x: number) => curveAt(resolved.value.curve, x).derivative;
        const regions = findFlatRegions(xs, samples.derivatives, SATURATION_THRESHOLD, derivativeAt);
        this.drawn.push({ resolved: resolved.value, samples, regions, color: seriesColor(this.overlay.theme, index) });
      } catch (error) {
        this.sampleErrors.set(row, errorText(error));
      }
    });
  }

  private draw(): void {
    const curves = this.store.current.curves;
    const theme = this.overlay.theme;
    const datasets = this.drawn.flatMap((curve) => {
      const sets = [lineDataset(curve.resolved.label, toPoints(curve.samples.xs, curve.samples.values), curve.color, theme)];
      if (curves.showDerivative) sets.push(lineDataset(l10n.t('{0} (derivative)', curve.resolved.label), toPoints(curve.samples.xs, curve.samples.derivatives), curve.color, theme, { dashed: true }));
      return sets;
    });
    this.chart.data.datasets = datasets;
    this.chart.options.scales = {
      x: { type: 'linear', min: curves.xMin, max: curves.xMax, ...axisOptions(theme, 'x') },
      y: { type: 'linear', ...(curves.yMin !== null ? { min: curves.yMin } : {}), ...(curves.yMax !== null ? { max: curves.yMax } : {}), ...axisOptions(theme, curves.showDerivative ? l10n.t("f(x) and f′(x)") : 'f(x)') },
    };
    applyChartTheme(this.chart, theme);
    this.overlay.strips = curves.showMarkers ? this.drawn.map((curve) => ({ color: curve.color, regions: curve.regions })) : [];
    this.crosshairX = Math.min(curves.xMax, Math.max(curves.xMin, this.crosshairX));
    this.overlay.crosshairX = this.crosshairX;
    this.chart.update('none');
    this.emptyHint.hidden = curves.functions.length > 0;
    this.canvas.setAttribute('aria-label', l10n.t('Chart of {0}. Use the arrow keys to move the crosshair; the values are listed below.', this.drawn.map((curve) => curve.resolved.label).join(', ') || l10n.t('no function')));
    this.renderReadout();
    this.renderRegions();
  }

  private moveCrosshairToPixel(pixel: number): void {
    this.readout.setAttribute('aria-live', 'off');
    const x = this.chart.scales['x']?.getValueForPixel(pixel);
    if (x === undefined || !Number.isFinite(x)) return;
    this.setCrosshair(x);
  }

  private setCrosshair(x: number): void {
    const curves = this.store.current.curves;
    this.crosshairX = Math.min(curves.xMax, Math.max(curves.xMin, x));
    this.overlay.crosshairX = this.crosshairX;
    this.chart.draw();
    this.renderReadout();
  }

  private onKey(event: KeyboardEvent): void {
    const curves = this.store.current.curves;
    const step = ((curves.xMax - curves.xMin) / 100) * (event.shiftKey ? 10 : 1);
    const moves: Record<string, number> = { ArrowLeft: this.crosshairX - step, ArrowRight: this.crosshairX + step, Home: curves.xMin, End: curves.xMax };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    // Announce values reached by keyboard; pointer moves would flood a screen reader.
    this.readout.setAttribute('aria-live', 'polite');
    this.setCrosshair(target);
  }

  private renderReadout(): void {
    const x = this.crosshairX;
    const rows = this.drawn.map((curve) => {
      const { value, derivative } = curveAt(curve.resolved.curve, x);
      const kind = classifyDerivative(derivative);
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = curve.color;
      return el('tr', {},
        el('th', { scope: 'row' }, swatch, curve.resolved.label),
        el('td', { 'data-value': 'f' }, formatValue(value)),
        el('td', { 'data-value': 'df' }, formatValue(derivative)),
        el('td', {}, kind === 'dead' ? l10n.t('dead') : kind === 'saturated' ? l10n.t('saturated') : ''));
    });
    replaceChildren(this.readout, this.drawn.length === 0 ? null : el('table', {},
      el('caption', {}, l10n.t('Values at x = {0}', formatValue(x))),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, l10n.t('Function')), el('th', { scope: 'col' }, 'f(x)'), el('th', { scope: 'col' }, 'f′(x)'), el('th', { scope: 'col' }, l10n.t('Gradient')))),
      el('tbody', {}, ...rows)));
  }

  private renderRegions(): void {
    const curves = this.store.current.curves;
    const span = curves.xMax - curves.xMin;
    const items = this.drawn.flatMap((curve) => curve.regions.map((region) => el('li', {},
      region.kind === 'dead'
        ? l10n.t('{0}: dead (f′ = 0) for {1}', curve.resolved.label, intervalText(region, span))
        : l10n.t('{0}: saturated (|f′| < 0.001) for {1}', curve.resolved.label, intervalText(region, span)))));
    replaceChildren(this.regionList, curves.showMarkers && items.length > 0 ? el('ul', { 'aria-label': l10n.t('Dead and saturated regions') }, ...items) : null);
  }

  private exportData(): void {
    const headers = ['x'];
    const columns: Float64Array[] = [];
    const first = this.drawn[0];
    if (!first) return;
    columns.push(first.samples.xs);
    for (const curve of this.drawn) {
      headers.push(curve.resolved.label, l10n.t('{0} (derivative)', curve.resolved.label));
      columns.push(curve.samples.values, curve.samples.derivatives);
    }
    exportCsv(headers, columns, 'formula-lens-curves.csv');
  }
}
