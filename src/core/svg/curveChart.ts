/**
 * A small line chart as an SVG string: curves (solid or dashed), shaded x-intervals, grid, axes through
 * the origin, tick labels and a legend. Pure and deterministic, for hovers (as a data URI) and exports.
 * Lines are clipped exactly at the plot area, non-finite samples break a curve instead of corrupting it,
 * and every text is XML-escaped.
 */
import { clipSegment, type ClipBox } from './clip';
import { robustRange, type Interval } from './range';
import { formatTick, niceTicks } from './ticks';
import { coordinate, escapeXml } from './xml';

/** One curve: samples y = f(x) in order of x. */
export interface ChartCurve {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  readonly color: string;
  /** Legend text; curves without one are drawn but not listed. */
  readonly label?: string;
  readonly dashed?: boolean;
}

/** A shaded band over an x-interval, the full height of the plot. */
export interface ShadedRegion {
  readonly from: number;
  readonly to: number;
  readonly color: string;
  readonly opacity?: number;
  /** Legend text (one entry per distinct label). */
  readonly label?: string;
}

/** Colours of everything that is not a curve. */
export interface ChartColors {
  readonly foreground: string;
  readonly axis: string;
  readonly grid: string;
}

/** What to draw and how big. */
export interface CurveChartOptions {
  readonly curves: readonly ChartCurve[];
  readonly xRange: Interval;
  /** Visible y-interval; by default a robust range of the curves that includes 0. */
  readonly yRange?: Interval;
  readonly shadedRegions?: readonly ShadedRegion[];
  readonly colors: ChartColors;
  readonly width: number;
  readonly height: number;
  readonly lineWidth?: number;
  readonly fontSize?: number;
  readonly fontFamily?: string;
  /** Accessible name of the image (`<title>` and `aria-label`). */
  readonly title?: string;
}

/** Rough advance width of one character relative to the font size, for laying out labels without a font engine. */
const CHAR_WIDTH = 0.6;

function checkInterval(name: string, interval: Interval): void {
  const [low, high] = interval;
  if (!Number.isFinite(low) || !Number.isFinite(high) || !(low < high) || !Number.isFinite(high - low)) throw new RangeError(`renderCurveSvg: ${name} must be finite with min < max, got [${low}, ${high}]`);
}

/** Renders the chart. Throws RangeError for a size or range that cannot be drawn. */
export function renderCurveSvg(options: CurveChartOptions): string {
  const { curves, xRange, colors, width, height } = options;
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) throw new RangeError(`renderCurveSvg: size must be positive, got ${width}×${height}`);
  checkInterval('xRange', xRange);
  const yRange = options.yRange ?? robustRange(curves.map((curve) => curve.ys), { include: 0 });
  checkInterval('yRange', yRange);
  const fontSize = options.fontSize ?? 11;
  const lineWidth = options.lineWidth ?? 2;
  const [xMin, xMax] = xRange;
  const [yMin, yMax] = yRange;

  const yTicks = niceTicks(yMin, yMax, Math.max(2, Math.floor(height / 40)));
  const xTicks = niceTicks(xMin, xMax, Math.max(2, Math.floor(width / 60)));
  const yLabels = yTicks.map(formatTick);
  const legend = legendEntries(options);
  const left = Math.ceil(Math.max(2, ...yLabels.map((label) => label.length)) * fontSize * CHAR_WIDTH) + 8;
  const top = legend.length > 0 ? Math.ceil(fontSize * 1.6) : 6;
  const bottom = Math.ceil(fontSize * 1.5) + 2;
  const right = 10;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  if (plotWidth <= 0 || plotHeight <= 0) throw new RangeError(`renderCurveSvg: ${width}×${height} leaves no room for the plot`);

  const px = (x: number) => left + ((x - xMin) / (xMax - xMin)) * plotWidth;
  const py = (y: number) => top + ((yMax - y) / (yMax - yMin)) * plotHeight;
  const parts: string[] = [];
  const title = options.title ?? '';
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${coordinate(width)}" height="${coordinate(height)}" viewBox="0 0 ${coordinate(width)} ${coordinate(height)}" role="img"${title ? ` aria-label="${escapeXml(title)}"` : ''}>`);
  if (title) parts.push(`<title>${escapeXml(title)}</title>`);

  for (const region of options.shadedRegions ?? []) {
    const from = Math.max(xMin, Math.min(region.from, region.to));
    const to = Math.min(xMax, Math.max(region.from, region.to));
    if (!(Number.isFinite(from) && Number.isFinite(to)) || to <= from) continue;
    parts.push(`<rect x="${coordinate(px(from))}" y="${coordinate(top)}" width="${coordinate(px(to) - px(from))}" height="${coordinate(plotHeight)}" fill="${escapeXml(region.color)}" fill-opacity="${coordinate(region.opacity ?? 0.2)}"/>`);
  }

  const grid: string[] = [];
  for (const y of yTicks) grid.push(`M${coordinate(left)} ${coordinate(py(y))}H${coordinate(left + plotWidth)}`);
  for (const x of xTicks) grid.push(`M${coordinate(px(x))} ${coordinate(top)}V${coordinate(top + plotHeight)}`);
  if (grid.length > 0) parts.push(`<path d="${grid.join('')}" stroke="${escapeXml(colors.grid)}" stroke-width="1" fill="none"/>`);
  const axes: string[] = [];
  if (yMin <= 0 && 0 <= yMax) axes.push(`M${coordinate(left)} ${coordinate(py(0))}H${coordinate(left + plotWidth)}`);
  if (xMin <= 0 && 0 <= xMax) axes.push(`M${coordinate(px(0))} ${coordinate(top)}V${coordinate(top + plotHeight)}`);
  if (axes.length > 0) parts.push(`<path d="${axes.join('')}" stroke="${escapeXml(colors.axis)}" stroke-width="1" fill="none"/>`);

  const box: ClipBox = { xMin, xMax, yMin, yMax };
  for (const curve of curves) {
    const d = curvePath(curve, box, px, py);
    if (!d) continue;
    const dash = curve.dashed ? ` stroke-dasharray="${coordinate(lineWidth * 2.5)} ${coordinate(lineWidth * 1.5)}"` : '';
    parts.push(`<path d="${d}" fill="none" stroke="${escapeXml(curve.color)}" stroke-width="${coordinate(lineWidth)}" stroke-linejoin="round" stroke-linecap="round"${dash}/>`);
  }

  const font = `font-family="${escapeXml(options.fontFamily ?? 'system-ui, -apple-system, Segoe UI, sans-serif')}" font-size="${coordinate(fontSize)}"`;
  const labels: string[] = [];
  yTicks.forEach((y, i) => labels.push(`<text x="${coordinate(left - 4)}" y="${coordinate(py(y) + fontSize * 0.35)}" text-anchor="end">${escapeXml(yLabels[i]!)}</text>`));
  for (const x of xTicks) labels.push(`<text x="${coordinate(px(x))}" y="${coordinate(top + plotHeight + fontSize * 1.2)}" text-anchor="middle">${escapeXml(formatTick(x))}</text>`);
  parts.push(`<g ${font} fill="${escapeXml(colors.foreground)}">${labels.join('')}</g>`);
  if (legend.length > 0) parts.push(renderLegend(legend, left, fontSize, lineWidth, width - right, font, colors.foreground));
  parts.push('</svg>');
  return parts.join('');
}

/** The path data of one curve: runs of finite samples, each segment clipped to the plot box. */
function curvePath(curve: ChartCurve, box: ClipBox, px: (x: number) => number, py: (y: number) => number): string {
  const count = Math.min(curve.xs.length, curve.ys.length);
  const path: string[] = [];
  let penX = NaN;
  let penY = NaN;
  for (let i = 1; i < count; i++) {
    const x0 = curve.xs[i - 1]!;
    const y0 = curve.ys[i - 1]!;
    const x1 = curve.xs[i]!;
    const y1 = curve.ys[i]!;
    if (!(Number.isFinite(x0) && Number.isFinite(y0) && Number.isFinite(x1) && Number.isFinite(y1))) continue;
    const visible = clipSegment({ x0, y0, x1, y1 }, box);
    if (!visible) continue;
    const sx = px(visible.x0);
    const sy = py(visible.y0);
    const ex = px(visible.x1);
    const ey = py(visible.y1);
    // Continue the current run when this segment starts where the pen is; otherwise lift the pen.
    if (!(Math.abs(sx - penX) < 1e-9 && Math.abs(sy - penY) < 1e-9)) path.push(`M${coordinate(sx)} ${coordinate(sy)}`);
    path.push(`L${coordinate(ex)} ${coordinate(ey)}`);
    penX = ex;
    penY = ey;
  }
  return path.join('');
}

interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly kind: 'line' | 'dashed' | 'band';
  readonly opacity: number;
}

function legendEntries(options: CurveChartOptions): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const curve of options.curves) if (curve.label) entries.push({ label: curve.label, color: curve.color, kind: curve.dashed ? 'dashed' : 'line', opacity: 1 });
  const seen = new Set<string>();
  for (const region of options.shadedRegions ?? []) {
    if (!region.label || seen.has(region.label)) continue;
    seen.add(region.label);
    entries.push({ label: region.label, color: region.color, kind: 'band', opacity: Math.min(1, (region.opacity ?? 0.2) * 2) });
  }
  return entries;
}

/** One row of legend entries; entries that would run past the right edge are left out. */
function renderLegend(entries: readonly LegendEntry[], left: number, fontSize: number, lineWidth: number, rightEdge: number, font: string, foreground: string): string {
  const swatch = fontSize * 1.4;
  const y = fontSize * 0.95;
  const parts: string[] = [];
  let x = left;
  for (const entry of entries) {
    const textWidth = entry.label.length * fontSize * CHAR_WIDTH;
    if (x + swatch + 4 + textWidth > rightEdge) break;
    const color = escapeXml(entry.color);
    if (entry.kind === 'band') {
      parts.push(`<rect x="${coordinate(x)}" y="${coordinate(y - fontSize * 0.7)}" width="${coordinate(swatch)}" height="${coordinate(fontSize * 0.8)}" fill="${color}" fill-opacity="${coordinate(entry.opacity)}"/>`);
    } else {
      const dash = entry.kind === 'dashed' ? ` stroke-dasharray="${coordinate(lineWidth * 2)} ${coordinate(lineWidth * 1.2)}"` : '';
      parts.push(`<path d="M${coordinate(x)} ${coordinate(y - fontSize * 0.3)}h${coordinate(swatch)}" stroke="${color}" stroke-width="${coordinate(lineWidth)}"${dash}/>`);
    }
    parts.push(`<text x="${coordinate(x + swatch + 4)}" y="${coordinate(y)}" ${font} fill="${escapeXml(foreground)}">${escapeXml(entry.label)}</text>`);
    x += swatch + 4 + textWidth + fontSize;
  }
  return `<g>${parts.join('')}</g>`;
}
