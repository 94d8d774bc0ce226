/**
 * The Curves tab: any number of activations, each with its derivative, over an adjustable range, with
 * parameters per framework; a crosshair that reads every curve exactly at x; strips and text marking
 * dead (f' = 0) and saturated (|f'| < 1e-3) regions; PNG and CSV export and LaTeX copy.
 */
import * as l10n from '@vscode/l10n';
import { curveAt, findFlatRegions, linspace, sampleCurve, SATURATION_THRESHOLD, classifyDerivative, type CurveSamples, type FlatRegion } from '../src/core/curves';
import type { CurvesState, PlottedFunction } from '../src/protocol/playground';
import { button, checkbox, el, replaceChildren } from './dom';
import { copyLatex } from './exporters';
import { formatBoundary, formatValue } from './format';
import type { FormulaLibrary } from './formulaLibrary';
import { curveActivations, errorText, resolveCurveRow, type Resolved, type ResolvedCurve } from './functions';
import { functionRows } from './functionRows';
import { numberField } from './numberField';
import { axisOptions, lineDataset, toPoints } from './plot';
import { PlotTab } from './plotTab';
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
export class CurvesView extends PlotTab<'curves'> {
  readonly element: HTMLElement;
  private readonly regionList = el('div', { class: 'regions' });
  private readonly emptyHint = el('p', { class: 'hint empty' }, l10n.t('Add an activation to draw it.'));
  private drawn: DrawnCurve[] = [];
  /** Rows whose function threw while sampling (a custom formula outside its domain), with the message. */
  private sampleErrors = new Map<PlottedFunction, string>();

  constructor(store: PlaygroundStore, formulas: FormulaLibrary, theme: ChartTheme) {
    super(store, formulas, 'curves', theme, 'formula-lens-curves.png');
    const why = el('p', { class: 'why' }, l10n.t('Why it matters: backpropagation multiplies by f′ at every layer. Where f′ = 0 (dead) no gradient flows, so the weights before the unit stop learning ("dying ReLU"). Where |f′| < 0.001 (saturated) the gradient shrinks a thousandfold per layer and vanishes in deep networks.'));
    const legendHint = el('p', { class: 'hint' }, l10n.t('Strips under the curves: solid = dead (f′ = 0), faint = saturated (|f′| < 0.001).'));
    this.element = el('div', { class: 'layout' },
      this.controls,
      el('div', { class: 'plot' }, this.emptyHint, this.chart.box, this.chart.toolbar, this.chart.readout, this.regionList, legendHint, why));
    this.render();
  }

  protected resolveRow(row: PlottedFunction): Resolved<ResolvedCurve> {
    const resolved = resolveCurveRow(row, this.store.current.framework, this.formulas);
    const failure = this.sampleErrors.get(row);
    return resolved.ok && failure ? { ok: false, message: failure } : resolved;
  }

  protected rowsOf(curves: CurvesState): readonly PlottedFunction[] {
    return curves.functions;
  }

  protected buildControls(curves: CurvesState): HTMLElement {
    const framework = this.store.current.framework;
    const current = () => this.current;
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
      currentRows: () => this.current.functions,
      panelFramework: framework,
      catalog: curveActivations(framework),
      savedFormulas: this.store.savedFormulas,
      colorOf: (index) => seriesColor(this.chart.theme, index),
      resolve: (row) => this.resolveRow(row),
      onChange: (functions, structural) => this.update((c) => ({ ...c, functions }), !structural),
      onCopyLatex: copyLatex,
    });
    return el('div', {}, range, toggles, rows);
  }

  protected compute(): void {
    const curves = this.current;
    const xs = linspace(curves.xMin, curves.xMax, SAMPLES);
    this.drawn = [];
    this.sampleErrors = new Map();
    curves.functions.forEach((row, index) => {
      const resolved = this.resolveRow(row);
      if (!resolved.ok) return;
      try {
        const samples = sampleCurve(resolved.value.curve, xs);
        const derivativeAt = (x: number) => curveAt(resolved.value.curve, x).derivative;
        const regions = findFlatRegions(xs, samples.derivatives, SATURATION_THRESHOLD, derivativeAt);
        this.drawn.push({ resolved: resolved.value, samples, regions, color: seriesColor(this.chart.theme, index) });
      } catch (error) {
        this.sampleErrors.set(row, errorText(error));
      }
    });
  }

  protected draw(): void {
    const curves = this.current;
    const theme = this.chart.theme;
    const datasets = this.drawn.flatMap((curve) => {
      const sets = [lineDataset(curve.resolved.label, toPoints(curve.samples.xs, curve.samples.values), curve.color, theme)];
      if (curves.showDerivative) sets.push(lineDataset(l10n.t('{0} (derivative)', curve.resolved.label), toPoints(curve.samples.xs, curve.samples.derivatives), curve.color, theme, { dashed: true }));
      return sets;
    });
    this.chart.strips = curves.showMarkers ? this.drawn.map((curve) => ({ color: curve.color, regions: curve.regions })) : [];
    this.emptyHint.hidden = curves.functions.length > 0;
    this.chart.draw(datasets, {
      x: { type: 'linear', min: curves.xMin, max: curves.xMax, ...axisOptions(theme, 'x') },
      y: { type: 'linear', ...(curves.yMin !== null ? { min: curves.yMin } : {}), ...(curves.yMax !== null ? { max: curves.yMax } : {}), ...axisOptions(theme, curves.showDerivative ? l10n.t("f(x) and f′(x)") : 'f(x)') },
    }, this.drawn.map((curve) => curve.resolved.label));
    this.renderRegions();
  }

  protected renderReadout(): void {
    const x = this.chart.x;
    this.chart.showReadout([l10n.t('Function'), 'f(x)', 'f′(x)', l10n.t('Gradient')], this.drawn.map((curve) => {
      const { value, derivative } = curveAt(curve.resolved.curve, x);
      const kind = classifyDerivative(derivative);
      return {
        label: curve.resolved.label,
        color: curve.color,
        cells: [
          el('td', { 'data-value': 'f' }, formatValue(value)),
          el('td', { 'data-value': 'df' }, formatValue(derivative)),
          el('td', {}, kind === 'dead' ? l10n.t('dead') : kind === 'saturated' ? l10n.t('saturated') : ''),
        ],
      };
    }));
  }

  private renderRegions(): void {
    const curves = this.current;
    const span = curves.xMax - curves.xMin;
    const items = this.drawn.flatMap((curve) => curve.regions.map((region) => el('li', {},
      region.kind === 'dead'
        ? l10n.t('{0}: dead (f′ = 0) for {1}', curve.resolved.label, intervalText(region, span))
        : l10n.t('{0}: saturated (|f′| < 0.001) for {1}', curve.resolved.label, intervalText(region, span)))));
    replaceChildren(this.regionList, curves.showMarkers && items.length > 0 ? el('ul', { 'aria-label': l10n.t('Dead and saturated regions') }, ...items) : null);
  }

  protected exportData(): void {
    const first = this.drawn[0];
    if (!first) return;
    this.chart.exportSeries(first.samples.xs, this.drawn.flatMap((curve) => [
      { label: curve.resolved.label, values: curve.samples.values },
      { label: l10n.t('{0} (derivative)', curve.resolved.label), values: curve.samples.derivatives },
    ]), 'formula-lens-curves.csv');
  }
}
