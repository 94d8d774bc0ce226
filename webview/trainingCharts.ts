/**
 * The Training tab's charts: the live loss curves of the current run (train and test loss, optionally on a
 * log scale, with accuracy on a second axis for classifiers), and the overlaid curves of a comparison.
 * Both keep bounded series, so a long run draws a few thousand points at most.
 */
import * as l10n from '@vscode/l10n';
import { DecimatedSeries } from '../src/core/live/series';
import type { ProgressReport } from '../src/protocol/training';
import { applyChartTheme, axisOptions, createLineChart, lineDataset, type LineChart, type Point } from './plot';
import { seriesColor, type ChartTheme } from './theme';

/** Points of a series; on a log axis, values that are not positive become gaps. */
function points(xs: readonly number[], ys: readonly (number | null)[], log: boolean): Point[] {
  return xs.map((x, i) => {
    const y = ys[i];
    return { x, y: y === null || y === undefined || !Number.isFinite(y) || (log && y <= 0) ? NaN : y };
  });
}

/** Ticks kept on an axis: chart.js labels every minor tick of a narrow log range, and they overlap. */
const MAX_TICKS = 7;

/** Keeps at most MAX_TICKS evenly spread ticks (the first and the last included). */
function thinTicks(axis: { ticks: { value: number }[] }): void {
  const ticks = axis.ticks;
  if (ticks.length <= MAX_TICKS) return;
  const stride = (ticks.length - 1) / (MAX_TICKS - 1);
  axis.ticks = Array.from({ length: MAX_TICKS }, (_, i) => ticks[Math.round(i * stride)]!);
}

function lossAxis(theme: ChartTheme, log: boolean) {
  return { type: log ? ('logarithmic' as const) : ('linear' as const), afterBuildTicks: thinTicks, ...axisOptions(theme, log ? l10n.t('loss (log scale)') : l10n.t('loss')) };
}

/** Train/test loss and accuracy of the current run. */
export class LossChart {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly chart: LineChart;
  private readonly overlay: { theme: ChartTheme; crosshairX: number | undefined; strips: [] };
  /** Columns: train loss, test loss, train accuracy, test accuracy. */
  private readonly series = new DecimatedSeries(4);
  private classifier = false;
  private log = true;
  private lastStep = -1;

  constructor(theme: ChartTheme) {
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', l10n.t('Training and test loss by step'));
    this.element = document.createElement('div');
    this.element.className = 'chart-box small';
    this.element.appendChild(this.canvas);
    this.overlay = { theme, crosshairX: undefined, strips: [] };
    this.chart = createLineChart(this.canvas, this.overlay);
    this.configure();
  }

  /** Forgets the curves (a new job); `classifier` adds the accuracy axis. */
  reset(classifier: boolean): void {
    this.series.clear();
    this.classifier = classifier;
    this.lastStep = -1;
    this.configure();
    this.redraw();
  }

  /** Adds the metrics of a report (once per step). */
  add(report: ProgressReport): void {
    if (report.step === this.lastStep) return;
    this.lastStep = report.step;
    this.series.push(report.step, [report.train.loss, report.test?.loss ?? null, report.train.accuracy, report.test?.accuracy ?? null]);
  }

  /** Switches between a linear and a log loss axis. */
  setLogScale(log: boolean): void {
    if (log === this.log) return;
    this.log = log;
    this.configure();
    this.redraw();
  }

  /** Draws the series as they are now. */
  redraw(): void {
    const theme = this.overlay.theme;
    const [train, test, trainAccuracy, testAccuracy] = this.series.columns as [(number | null)[], (number | null)[], (number | null)[], (number | null)[]];
    const xs = this.series.xs;
    const datasets = [
      lineDataset(l10n.t('train loss'), points(xs, train, this.log), seriesColor(theme, 0), theme),
      lineDataset(l10n.t('test loss'), points(xs, test, this.log), seriesColor(theme, 1), theme),
    ];
    if (this.classifier) {
      datasets.push(
        lineDataset(l10n.t('train accuracy'), points(xs, trainAccuracy, false), seriesColor(theme, 2), theme, { dashed: true, yAxisID: 'y1' }),
        lineDataset(l10n.t('test accuracy'), points(xs, testAccuracy, false), seriesColor(theme, 3), theme, { dashed: true, yAxisID: 'y1' }),
      );
    }
    this.chart.data.datasets = datasets;
    this.chart.update('none');
  }

  /** New theme colours. */
  retheme(theme: ChartTheme): void {
    this.overlay.theme = theme;
    this.configure();
    this.redraw();
  }

  private configure(): void {
    const theme = this.overlay.theme;
    this.chart.options.scales = {
      x: { type: 'linear', min: 0, ...axisOptions(theme, l10n.t('step')) },
      y: lossAxis(theme, this.log),
      ...(this.classifier ? { y1: { type: 'linear' as const, position: 'right' as const, min: 0, max: 1, ...axisOptions(theme, l10n.t('accuracy')), grid: { drawOnChartArea: false } } } : {}),
    };
    applyChartTheme(this.chart, theme);
  }
}

/** One run of a comparison as drawn. */
interface CompareCurve {
  readonly label: string;
  readonly series: DecimatedSeries;
}

/** Overlaid loss curves of a comparison: train loss solid, test loss dashed, one colour per variant. */
export class CompareChart {
  readonly element: HTMLElement;
  private readonly chart: LineChart;
  private readonly overlay: { theme: ChartTheme; crosshairX: number | undefined; strips: [] };
  private curves: CompareCurve[] = [];
  private log = true;

  constructor(theme: ChartTheme) {
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', l10n.t('Loss curves of the compared runs'));
    this.element = document.createElement('div');
    this.element.className = 'chart-box small';
    this.element.appendChild(canvas);
    this.overlay = { theme, crosshairX: undefined, strips: [] };
    this.chart = createLineChart(canvas, this.overlay);
    this.configure();
  }

  /** Starts a comparison of these variants. */
  reset(labels: readonly string[]): void {
    this.curves = labels.map((label) => ({ label, series: new DecimatedSeries(2) }));
    this.redraw();
  }

  /** Adds samples of one variant. */
  add(variant: number, steps: readonly number[], train: readonly number[], test: readonly (number | null)[]): void {
    const curve = this.curves[variant];
    if (!curve) return;
    steps.forEach((step, i) => curve.series.push(step, [train[i]!, test[i] ?? null]));
  }

  /** Switches between a linear and a log loss axis. */
  setLogScale(log: boolean): void {
    if (log === this.log) return;
    this.log = log;
    this.configure();
    this.redraw();
  }

  /** Draws the curves as they are now. */
  redraw(): void {
    const theme = this.overlay.theme;
    this.chart.data.datasets = this.curves.flatMap((curve, index) => {
      const color = seriesColor(theme, index);
      const sets = [lineDataset(l10n.t('{0} (train)', curve.label), points(curve.series.xs, curve.series.columns[0]!, this.log), color, theme)];
      if (curve.series.columns[1]!.some((value) => value !== null)) sets.push(lineDataset(l10n.t('{0} (test)', curve.label), points(curve.series.xs, curve.series.columns[1]!, this.log), color, theme, { dashed: true }));
      return sets;
    });
    this.chart.update('none');
  }

  /** New theme colours. */
  retheme(theme: ChartTheme): void {
    this.overlay.theme = theme;
    this.configure();
    this.redraw();
  }

  private configure(): void {
    const theme = this.overlay.theme;
    this.chart.options.scales = { x: { type: 'linear', min: 0, ...axisOptions(theme, l10n.t('step')) }, y: lossAxis(theme, this.log) };
    applyChartTheme(this.chart, theme);
  }
}
