/** Number formatting for readouts and labels: short, exact enough to compare, never "1e-17"-style noise for labels. */

/** A value for a readout: six significant digits, exponent form for very small or large magnitudes. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  if (value === 0) return Object.is(value, -0) ? '−0' : '0';
  const magnitude = Math.abs(value);
  const text = magnitude < 1e-4 || magnitude >= 1e6 ? value.toExponential(4) : String(Number.parseFloat(value.toPrecision(6)));
  return text.replace('-', '−');
}

/** A region boundary for text: rounded to a thousandth of the plotted span, so 1e-14 reads as 0. */
export function formatBoundary(value: number, span: number): string {
  const unit = 10 ** Math.floor(Math.log10(span / 1000));
  const rounded = Math.round(value / unit) * unit;
  return formatValue(Math.abs(rounded) < unit / 2 ? 0 : Number.parseFloat(rounded.toPrecision(6)));
}
