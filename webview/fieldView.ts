/**
 * The decision boundary or regression surface over the input plane: the worker's 100 x 100 prediction grid
 * painted into an ImageData (scaled up smoothly), with the training points filled and the test points as
 * rings on top. A 1-D input shows the fitted curve over the points instead.
 */
import * as l10n from '@vscode/l10n';
import { classColor, paintGrid, parseRgb, pointColor, type FieldPalette, type Rgb } from '../src/core/live/fieldColors';
import type { DataView, FieldView as Field } from '../src/protocol/training';
import { el, replaceChildren } from './dom';
import { formatValue } from './format';
import type { ChartTheme } from './theme';

/** CSS pixels of the square plot. */
const SIZE = 320;
/** Room for the axis labels around the plot. */
const MARGIN = 22;

/** Any CSS colour the theme gives, as RGB (the canvas normalizes it), or the fallback. */
function cssRgb(context: CanvasRenderingContext2D, color: string, fallback: Rgb): Rgb {
  context.fillStyle = '#000000';
  context.fillStyle = color;
  return parseRgb(String(context.fillStyle)) ?? fallback;
}

function css(rgb: Rgb, alpha = 1): string {
  return `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${alpha})`;
}

/** The prediction field with the data on top. */
export class FieldCanvas {
  readonly element: HTMLElement;
  private readonly canvas = el('canvas', { class: 'field', role: 'img', tabindex: 0, 'data-testid': 'field' });
  private readonly legend = el('div', { class: 'field-legend' });
  private readonly image = document.createElement('canvas');
  private palette: FieldPalette;
  private foreground: Rgb;
  private data: DataView | null = null;
  private field: Field | null = null;
  private classNames: readonly string[] | null = null;
  private showTest = true;
  /** Paints since the page loaded (the e2e tests watch it change). */
  private paints = 0;

  constructor(theme: ChartTheme) {
    this.canvas.style.width = `${SIZE + MARGIN}px`;
    this.canvas.style.height = `${SIZE + MARGIN}px`;
    const probe = this.image.getContext('2d')!;
    this.palette = this.paletteOf(theme, probe);
    this.foreground = cssRgb(probe, theme.foreground, [204, 204, 204]);
    this.element = el('div', { class: 'field-box' }, this.canvas, this.legend);
  }

  /** New data (a new job): the points and how labels are named. */
  setData(data: DataView, classNames: readonly string[] | null): void {
    this.data = data;
    this.classNames = classNames;
    this.field = null;
    this.renderLegend();
    this.draw();
  }

  /** Shows or hides the test points. */
  setShowTest(show: boolean): void {
    this.showTest = show;
    this.draw();
  }

  /** The latest predictions. */
  setField(field: Field | null): void {
    this.field = field;
    this.draw();
  }

  /** Sets the accessible description (what the picture shows in words). */
  describe(text: string): void {
    this.canvas.setAttribute('aria-label', text);
  }

  /** New theme colours. */
  retheme(theme: ChartTheme): void {
    const probe = this.image.getContext('2d')!;
    this.palette = this.paletteOf(theme, probe);
    this.foreground = cssRgb(probe, theme.foreground, [204, 204, 204]);
    this.renderLegend();
    this.draw();
  }

  private paletteOf(theme: ChartTheme, probe: CanvasRenderingContext2D): FieldPalette {
    const series = theme.series.map((color) => cssRgb(probe, color, [128, 128, 128]));
    return {
      // The Playground's classic pair: orange for class 0, blue for class 1.
      negative: series[4] ?? [209, 134, 22],
      positive: series[0] ?? [55, 148, 255],
      background: cssRgb(probe, theme.background, [30, 30, 30]),
      classes: series,
    };
  }

  /** Paints everything (cheap: one ImageData and a few hundred arcs). */
  draw(): void {
    const ratio = window.devicePixelRatio || 1;
    const pixels = Math.round((SIZE + MARGIN) * ratio);
    if (this.canvas.width !== pixels) {
      this.canvas.width = pixels;
      this.canvas.height = pixels;
    }
    const context = this.canvas.getContext('2d')!;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.fillStyle = css(this.palette.background);
    context.fillRect(0, 0, SIZE + MARGIN, SIZE + MARGIN);
    const data = this.data;
    if (!data) return;
    this.paints++;
    this.canvas.dataset['paints'] = String(this.paints);
    if (data.inputSize === 1) this.drawCurve(context, data);
    else this.drawGrid(context, data);
    this.drawAxes(context, data);
  }

  private toCanvas(data: DataView, x: number, y: number, yRange: readonly [number, number]): [number, number] {
    const [xMin, xMax] = data.domain;
    return [MARGIN + ((x - xMin) / (xMax - xMin)) * SIZE, SIZE - ((y - yRange[0]) / (yRange[1] - yRange[0])) * SIZE];
  }

  private drawGrid(context: CanvasRenderingContext2D, data: DataView): void {
    const field = this.field;
    if (field?.kind === 'grid') {
      const resolution = field.resolution;
      if (this.image.width !== resolution) {
        this.image.width = resolution;
        this.image.height = resolution;
      }
      const imageContext = this.image.getContext('2d')!;
      const pixels = imageContext.createImageData(resolution, resolution);
      paintGrid(field, data.classes, this.palette, pixels.data);
      imageContext.putImageData(pixels, 0, 0);
      context.imageSmoothingEnabled = true;
      context.drawImage(this.image, MARGIN, 0, SIZE, SIZE);
    }
    const yRange: [number, number] = [data.domain[2], data.domain[3]];
    const labelScale = Math.max(Math.abs(data.labelRange[0]), Math.abs(data.labelRange[1]));
    const point = (points: Float64Array, labels: Float64Array, filled: boolean) => {
      for (let r = 0; r < labels.length; r++) {
        const [cx, cy] = this.toCanvas(data, points[2 * r]!, points[2 * r + 1]!, yRange);
        if (cx < MARGIN || cx > MARGIN + SIZE || cy < 0 || cy > SIZE) continue;
        const color = pointColor(labels[r]!, data.classes, this.palette, labelScale);
        context.beginPath();
        context.arc(cx, cy, filled ? 3 : 3.5, 0, 2 * Math.PI);
        if (filled) {
          context.fillStyle = css(color);
          context.fill();
          context.strokeStyle = css(this.foreground, 0.7);
          context.lineWidth = 0.75;
          context.stroke();
        } else {
          context.strokeStyle = css(color);
          context.lineWidth = 1.5;
          context.stroke();
        }
      }
    };
    point(data.trainPoints, data.trainLabels, true);
    if (this.showTest) point(data.testPoints, data.testLabels, false);
  }

  private drawCurve(context: CanvasRenderingContext2D, data: DataView): void {
    const field = this.field;
    let low = data.labelRange[0];
    let high = data.labelRange[1];
    if (field?.kind === 'curve') {
      for (const value of field.values) {
        if (!Number.isFinite(value)) continue;
        low = Math.min(low, value);
        high = Math.max(high, value);
      }
    }
    const pad = high > low ? (high - low) * 0.1 : 1;
    const yRange: [number, number] = [low - pad, high + pad];
    const dots = (points: Float64Array, labels: Float64Array, filled: boolean) => {
      context.fillStyle = css(this.foreground, 0.55);
      context.strokeStyle = css(this.foreground, 0.55);
      for (let r = 0; r < labels.length; r++) {
        const [cx, cy] = this.toCanvas(data, points[2 * r]!, labels[r]!, yRange);
        context.beginPath();
        context.arc(cx, cy, 2.5, 0, 2 * Math.PI);
        if (filled) context.fill();
        else context.stroke();
      }
    };
    dots(data.trainPoints, data.trainLabels, true);
    if (this.showTest) dots(data.testPoints, data.testLabels, false);
    if (field?.kind !== 'curve') return;
    context.beginPath();
    const [xMin, xMax] = data.domain;
    field.values.forEach((value, i) => {
      const x = xMin + ((xMax - xMin) * i) / (field.resolution - 1);
      const [cx, cy] = this.toCanvas(data, x, Number.isFinite(value) ? value : 0, yRange);
      if (i === 0) context.moveTo(cx, cy);
      else context.lineTo(cx, cy);
    });
    context.strokeStyle = css(this.palette.positive);
    context.lineWidth = 2;
    context.stroke();
  }

  private drawAxes(context: CanvasRenderingContext2D, data: DataView): void {
    const [xMin, xMax, yMin, yMax] = data.domain;
    context.strokeStyle = css(this.foreground, 0.4);
    context.lineWidth = 1;
    context.strokeRect(MARGIN + 0.5, 0.5, SIZE - 1, SIZE - 1);
    context.fillStyle = css(this.foreground, 0.8);
    context.font = '10px sans-serif';
    context.textBaseline = 'top';
    context.textAlign = 'left';
    context.fillText(formatValue(xMin), MARGIN, SIZE + 4);
    context.textAlign = 'right';
    context.fillText(formatValue(xMax), MARGIN + SIZE, SIZE + 4);
    context.textAlign = 'center';
    context.fillText('x₁', MARGIN + SIZE / 2, SIZE + 4);
    if (data.inputSize === 1) return;
    context.save();
    context.translate(MARGIN - 4, SIZE);
    context.rotate(-Math.PI / 2);
    context.textBaseline = 'bottom';
    context.textAlign = 'left';
    context.fillText(formatValue(yMin), 0, 0);
    context.textAlign = 'right';
    context.fillText(formatValue(yMax), SIZE, 0);
    context.textAlign = 'center';
    context.fillText('x₂', SIZE / 2, 0);
    context.restore();
  }

  private renderLegend(): void {
    const data = this.data;
    if (!data) {
      replaceChildren(this.legend);
      return;
    }
    const swatch = (rgb: Rgb, label: string, ring = false) => {
      const mark = el('span', { class: ring ? 'swatch ring' : 'swatch', 'aria-hidden': 'true' });
      if (ring) mark.style.borderColor = css(rgb);
      else mark.style.backgroundColor = css(rgb);
      return el('span', { class: 'legend-item' }, mark, label);
    };
    const items: HTMLElement[] = [];
    if (data.classes > 0) {
      for (let c = 0; c < data.classes && c < 12; c++) items.push(swatch(classColor(this.palette, data.classes, c), this.classNames?.[c] ?? l10n.t('class {0}', c)));
    } else if (data.inputSize > 1) {
      items.push(swatch(this.palette.negative, l10n.t('low ({0})', formatValue(data.labelRange[0]))), swatch(this.palette.positive, l10n.t('high ({0})', formatValue(data.labelRange[1]))));
    }
    items.push(el('span', { class: 'legend-item hint' }, data.inputSize === 1 ? l10n.t('filled: training points, rings: test points, line: the network') : l10n.t('filled: training points, rings: test points')));
    replaceChildren(this.legend, ...items);
  }
}
