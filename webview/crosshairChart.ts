/**
 * The chart the Curves and Loss explorer tabs share: a themed line chart whose crosshair follows the pointer
 * and the arrow keys, a readout table of exact values at the crosshair, and Export PNG / Export CSV buttons.
 * The views decide what is drawn and what the readout holds; this keeps the chart wiring in one place.
 */
import * as l10n from '@vscode/l10n';
import type { ChartDataset } from 'chart.js';
import { button, el, replaceChildren } from './dom';
import { exportCsv, exportPng } from './exporters';
import { formatValue } from './format';
import { applyChartTheme, createLineChart, type LineChart, type PlotOverlay, type Point, type RegionStrip } from './plot';
import type { ChartTheme } from './theme';

/** What a view gives the chart: its x range, what to do when the crosshair moves, and its export names. */
export interface CrosshairChartOptions {
  readonly theme: ChartTheme;
  /** The plotted x range now; the crosshair stays inside it. */
  readonly range: () => readonly [number, number];
  /** Redraws the readout after the crosshair moved. */
  readonly onCrosshairMove: () => void;
  /** Exports the plotted data (the view knows its columns). */
  readonly onExportCsv: () => void;
  /** File name of the exported PNG. */
  readonly pngFileName: string;
}

/** One row of the readout: a series' colour swatch and label, then its value cells. */
export interface ReadoutRow {
  readonly label: string;
  readonly color: string;
  readonly cells: readonly HTMLElement[];
}

/** One exported series: its header and its values at the exported x. */
export interface ExportedSeries {
  readonly label: string;
  readonly values: Float64Array;
}

/** A line chart with a crosshair, a value readout and export buttons. */
export class CrosshairChart {
  /** The canvas in its sized box, for the view's layout. */
  readonly box: HTMLElement;
  readonly toolbar: HTMLElement;
  readonly readout = el('div', { class: 'readout', 'aria-live': 'off' });
  private readonly canvas = el('canvas', { tabindex: 0, role: 'img' });
  private readonly chart: LineChart;
  private readonly overlay: PlotOverlay;
  private crosshairX: number;

  constructor(private readonly options: CrosshairChartOptions) {
    const [xMin, xMax] = options.range();
    this.crosshairX = (xMin + xMax) / 2;
    this.overlay = { theme: options.theme, crosshairX: this.crosshairX, strips: [] };
    this.toolbar = el('div', { class: 'toolbar' },
      button(l10n.t('Export PNG'), () => exportPng(this.chart, options.pngFileName), { class: 'secondary' }),
      button(l10n.t('Export CSV'), () => options.onExportCsv(), { class: 'secondary' }));
    this.box = el('div', { class: 'chart-box' }, this.canvas);
    this.chart = createLineChart(this.canvas, this.overlay);
    this.canvas.addEventListener('pointermove', (event) => this.moveToPixel(event.offsetX));
    this.canvas.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** The x the crosshair reads. */
  get x(): number {
    return this.crosshairX;
  }

  /** The theme the chart is drawn in. */
  get theme(): ChartTheme {
    return this.overlay.theme;
  }

  /** Switches the theme; the view redraws afterwards. */
  set theme(theme: ChartTheme) {
    this.overlay.theme = theme;
  }

  /** Strips under the curves (dead and saturated regions), drawn on the next `draw`. */
  set strips(strips: readonly RegionStrip[]) {
    this.overlay.strips = strips;
  }

  /**
   * Shows new datasets on new scales in the current theme, keeps the crosshair inside the range, names the
   * drawn series for screen readers and redraws the readout.
   */
  draw(datasets: ChartDataset<'line', Point[]>[], scales: NonNullable<LineChart['options']['scales']>, seriesLabels: readonly string[]): void {
    this.chart.data.datasets = datasets;
    this.chart.options.scales = scales;
    applyChartTheme(this.chart, this.overlay.theme);
    this.crosshairX = this.clamp(this.crosshairX);
    this.overlay.crosshairX = this.crosshairX;
    this.chart.update('none');
    this.canvas.setAttribute('aria-label', l10n.t('Chart of {0}. Use the arrow keys to move the crosshair; the values are listed below.', seriesLabels.join(', ') || l10n.t('no function')));
    this.options.onCrosshairMove();
  }

  /** Fills the readout: a table of the values at the crosshair, or nothing when no series is drawn. */
  showReadout(headers: readonly string[], rows: readonly ReadoutRow[]): void {
    const body = rows.map((row) => {
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = row.color;
      return el('tr', {}, el('th', { scope: 'row' }, swatch, row.label), ...row.cells);
    });
    replaceChildren(this.readout, rows.length === 0 ? null : el('table', {},
      el('caption', {}, l10n.t('Values at x = {0}', formatValue(this.crosshairX))),
      el('thead', {}, el('tr', {}, ...headers.map((header) => el('th', { scope: 'col' }, header)))),
      el('tbody', {}, ...body)));
  }

  /** Sends x and each series as CSV for the host to save. */
  exportSeries(xs: Float64Array, series: readonly ExportedSeries[], fileName: string): void {
    exportCsv(['x', ...series.map((item) => item.label)], [xs, ...series.map((item) => item.values)], fileName);
  }

  private clamp(x: number): number {
    const [xMin, xMax] = this.options.range();
    return Math.min(xMax, Math.max(xMin, x));
  }

  private moveToPixel(pixel: number): void {
    this.readout.setAttribute('aria-live', 'off');
    const x = this.chart.scales['x']?.getValueForPixel(pixel);
    if (x === undefined || !Number.isFinite(x)) return;
    this.setCrosshair(x);
  }

  private setCrosshair(x: number): void {
    this.crosshairX = this.clamp(x);
    this.overlay.crosshairX = this.crosshairX;
    this.chart.draw();
    this.options.onCrosshairMove();
  }

  private onKey(event: KeyboardEvent): void {
    const [xMin, xMax] = this.options.range();
    const step = ((xMax - xMin) / 100) * (event.shiftKey ? 10 : 1);
    const moves: Record<string, number> = { ArrowLeft: this.crosshairX - step, ArrowRight: this.crosshairX + step, Home: xMin, End: xMax };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    // Announce values reached by keyboard; pointer moves would flood a screen reader.
    this.readout.setAttribute('aria-live', 'polite');
    this.setCrosshair(target);
  }
}
