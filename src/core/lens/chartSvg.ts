/** Draws a planned function chart as SVG in a theme's palette, with localized legends. */
import { localize } from '../l10n';
import { renderCurveSvg, type ChartCurve, type ShadedRegion } from '../svg/curveChart';
import type { ChartPalette } from '../svg/palette';
import { robustRange } from '../svg/range';
import type { FunctionChart, PlannedCurve } from './functionChart';
import { lensMessages } from './messages';

/** Size and accessible name of the image. */
export interface ChartImageOptions {
  readonly width: number;
  readonly height: number;
  readonly title: string;
}

function colorOf(curve: PlannedCurve, palette: ChartPalette): string {
  const series = palette.series;
  if (curve.role === 'derivative') return series[1]!;
  if (curve.role === 'value') return series[0]!;
  return series[(curve.index * 2) % series.length]!;
}

/** The chart as an SVG document. */
export function renderFunctionChart(chart: FunctionChart, palette: ChartPalette, options: ChartImageOptions): string {
  const curves: ChartCurve[] = chart.curves.map((curve) => ({
    xs: curve.xs,
    ys: curve.ys,
    color: colorOf(curve, palette),
    label: typeof curve.label === 'string' ? curve.label : localize(curve.label),
    dashed: curve.role === 'derivative',
  }));
  const deadLabel = localize(lensMessages.legendDead);
  const saturatedLabel = localize(lensMessages.legendSaturated);
  const shaded: ShadedRegion[] = chart.curves.flatMap((curve) => curve.zones.map((zone) => ({
    from: zone.from,
    to: zone.to,
    color: zone.kind === 'dead' ? palette.dead : palette.saturated,
    opacity: palette.shadeOpacity,
    label: zone.kind === 'dead' ? deadLabel : saturatedLabel,
  })));
  return renderCurveSvg({
    curves,
    xRange: chart.xRange,
    yRange: robustRange(chart.curves.map((curve) => curve.ys), { include: 0 }),
    shadedRegions: shaded,
    colors: palette,
    width: options.width,
    height: options.height,
    lineWidth: palette.lineWidth,
    title: options.title,
  });
}
