/** SVG charts for hovers: the renderer, theme palettes and range helpers. Pure core. */
export { renderCurveSvg, type ChartCurve, type ChartColors, type CurveChartOptions, type ShadedRegion } from './curveChart';
export { chartPalette, type ChartPalette, type ThemeKind } from './palette';
export { robustRange, type Interval } from './range';
export { escapeXml } from './xml';
