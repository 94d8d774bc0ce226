/**
 * Colours of the live training views, as plain numbers so they are computed (and tested) anywhere: the
 * prediction grid painted into RGBA pixels (two colours around the decision boundary, one colour per class
 * with its confidence, or a diverging scale for regressions) and the colour of each data point.
 */

/** An sRGB colour, 0-255 per channel. */
export type Rgb = readonly [number, number, number];

/** The colours a field is painted with (taken from the editor theme by the page). */
export interface FieldPalette {
  /** Class 0, or values below the centre of a regression. */
  readonly negative: Rgb;
  /** Class 1, or values above the centre. */
  readonly positive: Rgb;
  /** Where the prediction is undecided. */
  readonly background: Rgb;
  /** One colour per class of a multi-class problem (cycled). */
  readonly classes: readonly Rgb[];
}

/** A prediction grid as the worker sends it. */
export interface PaintableGrid {
  readonly resolution: number;
  readonly outputs: number;
  readonly values: Float64Array;
  readonly threshold: number;
  readonly scale: number;
}

/** Strongest tint of a cell: the points drawn on top must stay visible. */
const MAX_TINT = 0.75;

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/** `background` tinted towards `color` by `amount` (0-1), written at `offset` with full opacity. */
function writeMix(out: Uint8ClampedArray, offset: number, background: Rgb, color: Rgb, amount: number): void {
  out[offset] = background[0] + (color[0] - background[0]) * amount;
  out[offset + 1] = background[1] + (color[1] - background[1]) * amount;
  out[offset + 2] = background[2] + (color[2] - background[2]) * amount;
  out[offset + 3] = 255;
}

/** The colour of class `index` (binary problems use the negative/positive pair). */
export function classColor(palette: FieldPalette, classes: number, index: number): Rgb {
  if (classes <= 2) return index > 0 ? palette.positive : palette.negative;
  return palette.classes[index % palette.classes.length]!;
}

/**
 * Paints a grid into `out` (resolution^2 RGBA pixels). The image has y pointing up: grid row 0 (the lowest y)
 * is the image's bottom row. Several outputs show the most likely class, tinted by how sure the network is;
 * one output shows the side of the threshold, tinted by the distance from it in units of `scale`. Cells with
 * a non-finite prediction stay the background colour.
 */
export function paintGrid(grid: PaintableGrid, classes: number, palette: FieldPalette, out: Uint8ClampedArray): void {
  const { resolution, outputs, values, threshold, scale } = grid;
  const argmax = outputs > 1 && classes > 0;
  for (let j = 0; j < resolution; j++) {
    const row = resolution - 1 - j;
    for (let i = 0; i < resolution; i++) {
      const cell = (j * resolution + i) * outputs;
      const offset = (row * resolution + i) * 4;
      if (argmax) {
        let best = 0;
        for (let c = 1; c < outputs; c++) if (values[cell + c]! > values[cell + best]!) best = c;
        const top = values[cell + best]!;
        // Confidence: how far the top probability is above a uniform guess.
        const uniform = 1 / outputs;
        const confidence = Number.isFinite(top) ? clamp01((top - uniform) / (1 - uniform)) : 0;
        writeMix(out, offset, palette.background, classColor(palette, classes, best), MAX_TINT * confidence);
        continue;
      }
      const value = values[cell]!;
      const signed = Number.isFinite(value) ? Math.max(-1, Math.min(1, (value - threshold) / scale)) : 0;
      writeMix(out, offset, palette.background, signed >= 0 ? palette.positive : palette.negative, MAX_TINT * Math.abs(signed));
    }
  }
}

/** The colour of a data point: its class, or its value on the diverging scale of a regression. */
export function pointColor(label: number, classes: number, palette: FieldPalette, labelScale: number): Rgb {
  if (classes > 0) return classColor(palette, classes, Math.round(label));
  const signed = Math.max(-1, Math.min(1, label / (labelScale || 1)));
  const target = signed >= 0 ? palette.positive : palette.negative;
  const amount = 0.35 + 0.65 * Math.abs(signed);
  return [0, 1, 2].map((k) => Math.round(palette.background[k]! + (target[k]! - palette.background[k]!) * amount)) as unknown as Rgb;
}

/** Reads `#rgb`, `#rrggbb`, `#rrggbbaa` or `rgb()/rgba()` text; undefined for anything else. */
export function parseRgb(text: string): Rgb | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(text.trim());
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!.slice(0, 6);
    return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const rgb = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)/i.exec(text.trim());
  if (rgb) return [rgb[1], rgb[2], rgb[3]].map((part) => Math.round(Math.min(255, Number(part)))) as unknown as Rgb;
  return undefined;
}
