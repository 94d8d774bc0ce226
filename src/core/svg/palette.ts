/**
 * Chart colours for each kind of VS Code theme. Hovers show charts as images, which cannot read the
 * theme's CSS variables, so the host picks a palette from the theme kind (light, dark, high contrast).
 */
import type { ChartColors } from './curveChart';

/** The four kinds of VS Code colour themes. */
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** Colours and line weight for one theme kind. */
export interface ChartPalette extends ChartColors {
  /** Curve colours in order of use: the function (or loss for the first target), its derivative, further curves. */
  readonly series: readonly string[];
  /** Shading of dead-gradient regions (f′ = 0) and of saturated ones (|f′| tiny). */
  readonly dead: string;
  readonly saturated: string;
  readonly shadeOpacity: number;
  readonly lineWidth: number;
}

const PALETTES: Readonly<Record<ThemeKind, ChartPalette>> = {
  // The series colours follow VS Code's own chart colours (charts.blue, charts.orange...) for each theme.
  light: {
    foreground: '#3b3b3b', axis: '#6f6f6f', grid: 'rgba(0,0,0,0.12)',
    series: ['#1a85ff', '#d18616', '#388a34', '#652d90'],
    dead: '#e51400', saturated: '#bf8803', shadeOpacity: 0.14, lineWidth: 2,
  },
  dark: {
    foreground: '#cccccc', axis: '#9d9d9d', grid: 'rgba(255,255,255,0.14)',
    series: ['#3794ff', '#d18616', '#89d185', '#b180d7'],
    dead: '#f14c4c', saturated: '#cca700', shadeOpacity: 0.2, lineWidth: 2,
  },
  'high-contrast': {
    foreground: '#ffffff', axis: '#ffffff', grid: 'rgba(255,255,255,0.4)',
    series: ['#ffff00', '#00ffff', '#7fff7f', '#ff80ff'],
    dead: '#ff4040', saturated: '#ffa500', shadeOpacity: 0.3, lineWidth: 3,
  },
  'high-contrast-light': {
    foreground: '#000000', axis: '#000000', grid: 'rgba(0,0,0,0.4)',
    series: ['#0f4a85', '#8f3e00', '#1d6b1d', '#6b2e8a'],
    dead: '#b5200d', saturated: '#7a5a00', shadeOpacity: 0.22, lineWidth: 3,
  },
};

/** The palette for a theme kind. */
export function chartPalette(kind: ThemeKind): ChartPalette {
  return PALETTES[kind];
}
