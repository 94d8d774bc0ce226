/**
 * The line chart both tabs draw with: chart.js with only the pieces used registered (keeps the bundle
 * small), plus three small plugins: a themed background (so an exported PNG looks like the panel), a
 * crosshair at the x being read, and strips that mark dead and saturated regions under the curves.
 */
import { Chart, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, type ChartDataset, type Plugin } from 'chart.js';
import type { FlatRegion } from '../src/core/curves';
import { withAlpha, type ChartTheme } from './theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend);

/** A chart point. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Regions of one curve, drawn as a strip in its colour. */
export interface RegionStrip {
  readonly color: string;
  readonly regions: readonly FlatRegion[];
}

/** What the plugins draw on top of the datasets; views mutate it and call `chart.draw()`. */
export interface PlotOverlay {
  theme: ChartTheme;
  crosshairX: number | undefined;
  strips: readonly RegionStrip[];
}

/** The chart type every view uses. */
export type LineChart = Chart<'line', Point[]>;

const STRIP_HEIGHT = 5;
const STRIP_GAP = 2;

function overlayPlugins(overlay: PlotOverlay): Plugin<'line'>[] {
  return [
    {
      id: 'formulaLensBackground',
      beforeDraw(chart) {
        const { ctx, width, height } = chart;
        ctx.save();
        ctx.fillStyle = overlay.theme.background;
        ctx.fillRect(0, 0, width, height);
        ctx.restore();
      },
    },
    {
      id: 'formulaLensRegions',
      beforeDatasetsDraw(chart) {
        const { ctx, chartArea } = chart;
        const x = chart.scales['x'];
        if (!x) return;
        ctx.save();
        overlay.strips.forEach((strip, index) => {
          const top = chartArea.bottom - (index + 1) * (STRIP_HEIGHT + STRIP_GAP);
          for (const region of strip.regions) {
            const left = Math.max(chartArea.left, x.getPixelForValue(region.from));
            const right = Math.min(chartArea.right, x.getPixelForValue(region.to));
            if (right < left) continue;
            // Dead regions (no gradient at all) solid, saturated ones (vanishing gradient) faint.
            ctx.fillStyle = withAlpha(strip.color, region.kind === 'dead' ? 0.9 : 0.35);
            ctx.fillRect(left, top, Math.max(1, right - left), STRIP_HEIGHT);
          }
        });
        ctx.restore();
      },
    },
    {
      id: 'formulaLensCrosshair',
      afterDatasetsDraw(chart) {
        const x = chart.scales['x'];
        if (overlay.crosshairX === undefined || !x) return;
        const pixel = x.getPixelForValue(overlay.crosshairX);
        const { ctx, chartArea } = chart;
        if (pixel < chartArea.left || pixel > chartArea.right) return;
        ctx.save();
        ctx.strokeStyle = overlay.theme.crosshair;
        ctx.setLineDash([4, 3]);
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(pixel, chartArea.top);
        ctx.lineTo(pixel, chartArea.bottom);
        ctx.stroke();
        ctx.restore();
      },
    },
  ];
}

/** Points for chart.js: non-finite values become gaps (an infinity would break the axis range). */
export function toPoints(xs: Float64Array, ys: Float64Array): Point[] {
  const points: Point[] = new Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i]!;
    points[i] = { x: xs[i]!, y: Number.isFinite(y) ? y : NaN };
  }
  return points;
}

/** A line dataset styled for the theme; derivatives and gradients are dashed. */
export function lineDataset(label: string, data: Point[], color: string, theme: ChartTheme, options: { readonly dashed?: boolean; readonly yAxisID?: string } = {}): ChartDataset<'line', Point[]> {
  return {
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: theme.lineWidth,
    borderDash: options.dashed ? [6, 4] : [],
    pointRadius: 0,
    pointHoverRadius: 0,
    tension: 0,
    spanGaps: false,
    parsing: false,
    normalized: true,
    yAxisID: options.yAxisID ?? 'y',
  };
}

/** Axis options for the theme. */
export function axisOptions(theme: ChartTheme, title: string) {
  return {
    title: { display: title !== '', text: title, color: theme.axis, font: { family: theme.fontFamily, size: theme.fontSize } },
    grid: { color: withAlpha(theme.grid, theme.kind.startsWith('high-contrast') ? 0.6 : 0.5) },
    border: { color: theme.grid },
    ticks: { color: theme.axis, font: { family: theme.fontFamily, size: theme.fontSize - 1 } },
  };
}

/** Creates a line chart on a canvas; the view sets datasets and scales on every render. */
export function createLineChart(canvas: HTMLCanvasElement, overlay: PlotOverlay): LineChart {
  return new Chart<'line', Point[]>(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      // The page reads values itself (exact values at x, keyboard reachable): no chart.js hover handling.
      events: [],
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: false, boxHeight: 2 } },
      },
      scales: {
        x: { type: 'linear' },
        y: { type: 'linear' },
      },
    },
    plugins: overlayPlugins(overlay),
  });
}

/** Applies the theme to chart-wide options (legend text, fonts). */
export function applyChartTheme(chart: LineChart, theme: ChartTheme): void {
  const legend = chart.options.plugins?.legend;
  if (legend?.labels) {
    legend.labels.color = theme.foreground;
    legend.labels.font = { family: theme.fontFamily, size: theme.fontSize - 1 };
  }
}
