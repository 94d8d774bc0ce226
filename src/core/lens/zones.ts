/** Dead and saturated gradient zones as short sentences: "gradient 0 for x ≤ 0", "saturated (…) for x ≥ 6.91". */
import { SATURATION_THRESHOLD, type FlatRegion } from '../curves';
import { localize } from '../l10n';
import { formatTick } from '../svg/ticks';
import type { FunctionChart } from './functionChart';
import { lensMessages } from './messages';

/** A boundary for text: values within 1e-9 of the span from 0 are 0 (ReLU's dead zone ends at 0, not at 8.9e-16). */
function boundary(value: number, span: number): string {
  return formatTick(Math.abs(value) < span * 1e-9 ? 0 : value);
}

/** Where a region lies, in the chart's variable. */
function where(region: FlatRegion, variable: string, range: readonly [number, number]): string {
  const span = range[1] - range[0];
  if (region.openStart && region.openEnd) return localize(lensMessages.zoneEverywhere, { min: formatTick(range[0]), max: formatTick(range[1]) });
  if (region.openStart) return `${variable} ≤ ${boundary(region.to, span)}`;
  if (region.openEnd) return `${variable} ≥ ${boundary(region.from, span)}`;
  return `${boundary(region.from, span)} ≤ ${variable} ≤ ${boundary(region.to, span)}`;
}

/** One localized line per curve that has zones; the curve's label leads when the chart has several. */
export function describeZones(chart: FunctionChart): string[] {
  const lines: string[] = [];
  const withZones = chart.curves.filter((curve) => curve.zones.length > 0);
  for (const curve of withZones) {
    const parts: string[] = [];
    for (const kind of ['dead', 'saturated'] as const) {
      const places = curve.zones.filter((region) => region.kind === kind).map((region) => where(region, chart.variable, chart.xRange));
      if (places.length === 0) continue;
      parts.push(localize(kind === 'dead' ? lensMessages.zoneDead : lensMessages.zoneSaturated, { where: places.join(', '), threshold: formatTick(SATURATION_THRESHOLD) }));
    }
    const zones = parts.join('; ');
    const label = typeof curve.label === 'string' ? curve.label : localize(curve.label);
    lines.push(chart.curves.filter((c) => c.role !== 'derivative').length > 1 ? localize(lensMessages.zoneCurve, { curve: label, zones }) : zones);
  }
  return lines;
}
