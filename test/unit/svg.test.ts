/** The SVG chart renderer: valid XML, finite coordinates, lines clipped at the plot area, escaped text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clipSegment } from '../../src/core/svg/clip';
import { renderCurveSvg, type CurveChartOptions } from '../../src/core/svg/curveChart';
import { chartPalette, type ThemeKind } from '../../src/core/svg/palette';
import { robustRange } from '../../src/core/svg/range';
import { formatTick, niceTicks } from '../../src/core/svg/ticks';
import { coordinate, escapeXml } from '../../src/core/svg/xml';
import { assertWellFormedXml, curvePoints, plotBox, svgNumbers } from './helpers/svgCheck';

const colors = { foreground: '#cccccc', axis: '#999999', grid: 'rgba(255,255,255,0.1)' };

function chart(overrides: Partial<CurveChartOptions> = {}): CurveChartOptions {
  const xs = Array.from({ length: 101 }, (_, i) => -5 + i * 0.1);
  return {
    curves: [
      { xs, ys: xs.map((x) => 1 / (1 + Math.exp(-x))), color: '#3794ff', label: 'f(x)' },
      { xs, ys: xs.map((x) => Math.exp(-x) / (1 + Math.exp(-x)) ** 2), color: '#d18616', label: 'f′(x)', dashed: true },
    ],
    xRange: [-5, 5],
    colors,
    width: 400,
    height: 180,
    title: 'Sigmoid',
    ...overrides,
  };
}

test('renderCurveSvg: one well-formed <svg> root with size, viewBox, title and both curves', () => {
  const svg = renderCurveSvg(chart());
  assertWellFormedXml(svg);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="400" height="180" viewBox="0 0 400 180" role="img" aria-label="Sigmoid">/);
  assert.match(svg, /<title>Sigmoid<\/title>/);
  assert.equal((svg.match(/stroke-linejoin="round"/g) ?? []).length, 2);
  assert.match(svg, /stroke-dasharray/, 'the derivative is dashed');
  assert.match(svg, />f\(x\)<\/text>/);
  assert.match(svg, />f′\(x\)<\/text>/);
});

test('renderCurveSvg: every number is finite even when samples hold NaN and ±Infinity', () => {
  const xs = [-2, -1, 0, 1, 2, 3];
  const svg = renderCurveSvg(chart({ curves: [{ xs, ys: [NaN, 1, Infinity, -Infinity, 2, NaN], color: '#f00' }], xRange: [-2, 3] }));
  assertWellFormedXml(svg);
  assert.ok(!/NaN|Infinity/.test(svg));
  for (const value of svgNumbers(svg)) assert.ok(Number.isFinite(value), `non-finite number in ${svg}`);
  // Only the finite neighbours 1 (x = −1) and 2 (x = 2) exist, never adjacent: nothing to draw.
  assert.equal(curvePoints(svg).length, 0);
});

test('renderCurveSvg: a run broken by NaN is drawn as separate subpaths', () => {
  const svg = renderCurveSvg(chart({ curves: [{ xs: [0, 1, 2, 3, 4, 5], ys: [0, 1, NaN, 1, 0, 1], color: '#f00' }], xRange: [0, 5], yRange: [-1, 2] }));
  const path = /<path d="([^"]*)" fill="none"/.exec(svg)![1]!;
  assert.equal((path.match(/M/g) ?? []).length, 2);
  assert.equal((path.match(/L/g) ?? []).length, 3);
});

test('renderCurveSvg: curves leaving the y range are clipped exactly at the plot area', () => {
  const xs = Array.from({ length: 201 }, (_, i) => -10 + i * 0.1);
  const svg = renderCurveSvg(chart({ curves: [{ xs, ys: xs.map((x) => Math.exp(x)), color: '#f00' }, { xs, ys: xs.map((x) => 1e300 * x), color: '#0f0' }], xRange: [-10, 10], yRange: [-1, 5] }));
  const box = plotBox(svg);
  const points = curvePoints(svg);
  assert.ok(points.length > 50);
  for (const [x, y] of points) {
    assert.ok(x >= box.left - 0.01 && x <= box.right + 0.01, `x ${x} outside [${box.left}, ${box.right}]`);
    assert.ok(y >= box.top - 0.01 && y <= box.bottom + 0.01, `y ${y} outside [${box.top}, ${box.bottom}]`);
  }
  // e^x crosses y = 5 at x = ln 5: the clipped end sits on the top edge, at that x.
  const toTop = points.filter(([, y]) => Math.abs(y - box.top) < 0.01);
  assert.ok(toTop.length > 0, 'a point on the top edge');
  const expectedX = box.left + ((Math.log(5) + 10) / 20) * (box.right - box.left);
  assert.ok(toTop.some(([x]) => Math.abs(x - expectedX) < 0.05), `top crossing near ${expectedX}`);
});

test('renderCurveSvg: curves and samples outside the x range are clipped too', () => {
  const svg = renderCurveSvg(chart({ curves: [{ xs: [-100, 100], ys: [0, 1], color: '#f00' }], xRange: [-1, 1], yRange: [0, 1] }));
  const box = plotBox(svg);
  const points = curvePoints(svg);
  assert.equal(points.length, 2);
  assert.ok(Math.abs(points[0]![0] - box.left) < 0.01 && Math.abs(points[1]![0] - box.right) < 0.01);
});

test('renderCurveSvg: labels, colours and the title are XML-escaped', () => {
  const nasty = `<script>alert("x")</script> & 'q'`;
  const svg = renderCurveSvg(chart({
    title: nasty,
    curves: [{ xs: [0, 1], ys: [0, 1], color: '"><bad', label: nasty }],
    shadedRegions: [{ from: 0, to: 0.5, color: '#f00', label: '<zone & "more">' }],
    xRange: [0, 1],
    width: 900,
  }));
  assertWellFormedXml(svg);
  assert.ok(!svg.includes('<script>'));
  assert.ok(!svg.includes('"><bad'));
  assert.ok(svg.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;'));
  assert.ok(svg.includes('&lt;zone &amp; &quot;more&quot;&gt;'));
});

test('renderCurveSvg: shaded regions are limited to the x range and skipped when empty or inverted ranges are swapped', () => {
  const svg = renderCurveSvg(chart({
    shadedRegions: [
      { from: -100, to: 0, color: '#f00', opacity: 0.2 },
      { from: 3, to: 2, color: '#0f0' },
      { from: 7, to: 9, color: '#00f' },
      { from: NaN, to: 1, color: '#ff0' },
    ],
  }));
  const box = plotBox(svg);
  const rects = [...svg.matchAll(/<rect x="([^"]*)" y="[^"]*" width="([^"]*)" height="[^"]*" fill="([^"]*)"/g)];
  assert.deepEqual(rects.map((r) => r[3]), ['#f00', '#0f0']);
  assert.ok(Math.abs(Number(rects[0]![1]) - box.left) < 0.01);
  assert.ok(Math.abs(Number(rects[0]![1]) + Number(rects[0]![2]) - (box.left + box.right) / 2) < 0.01, 'the first band ends at x = 0, the middle');
});

test('renderCurveSvg: refuses sizes and ranges it cannot draw', () => {
  assert.throws(() => renderCurveSvg(chart({ width: 0 })), RangeError);
  assert.throws(() => renderCurveSvg(chart({ height: NaN })), RangeError);
  assert.throws(() => renderCurveSvg(chart({ xRange: [1, 1] })), RangeError);
  assert.throws(() => renderCurveSvg(chart({ xRange: [0, Infinity] })), RangeError);
  assert.throws(() => renderCurveSvg(chart({ yRange: [2, 1] })), RangeError);
  assert.throws(() => renderCurveSvg(chart({ yRange: [-1e308, 1e308] })), RangeError, 'a span that overflows');
  assert.throws(() => renderCurveSvg(chart({ width: 30, height: 20 })), RangeError);
});

test('renderCurveSvg (property): any samples give well-formed SVG with finite numbers and every curve point inside the plot', () => {
  const sample = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, 0, -0));
  fc.assert(fc.property(
    fc.array(fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), sample), { minLength: 0, maxLength: 60 }),
    fc.double({ min: -20, max: 19, noNaN: true }),
    fc.double({ min: 0.01, max: 30, noNaN: true }),
    fc.option(fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true })), { nil: undefined }),
    (pairs, xMin, xSpan, yWindow) => {
      const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
      const svg = renderCurveSvg({
        curves: [{ xs: sorted.map((p) => p[0]), ys: sorted.map((p) => p[1]), color: '#123456', label: 'y' }],
        xRange: [xMin, xMin + xSpan],
        ...(yWindow ? { yRange: [yWindow[0], yWindow[0] + yWindow[1]] as const } : {}),
        shadedRegions: [{ from: xMin + xSpan / 4, to: xMin + xSpan / 2, color: '#f00' }],
        colors,
        width: 320,
        height: 160,
      });
      assertWellFormedXml(svg);
      for (const value of svgNumbers(svg)) assert.ok(Number.isFinite(value));
      const box = plotBox(svg);
      for (const [x, y] of curvePoints(svg)) {
        assert.ok(x >= box.left - 0.011 && x <= box.right + 0.011 && y >= box.top - 0.011 && y <= box.bottom + 0.011);
      }
    },
  ), { numRuns: 300 });
});

test('clipSegment: inside, crossing, outside, parallel to an edge and degenerate segments', () => {
  const box = { xMin: 0, xMax: 10, yMin: 0, yMax: 10 };
  assert.deepEqual(clipSegment({ x0: 1, y0: 1, x1: 9, y1: 9 }, box), { x0: 1, y0: 1, x1: 9, y1: 9 });
  assert.deepEqual(clipSegment({ x0: -10, y0: 5, x1: 20, y1: 5 }, box), { x0: 0, y0: 5, x1: 10, y1: 5 });
  assert.deepEqual(clipSegment({ x0: 5, y0: 5, x1: 5, y1: 50 }, box), { x0: 5, y0: 5, x1: 5, y1: 10 });
  assert.deepEqual(clipSegment({ x0: -5, y0: 5, x1: 5, y1: 15 }, box), { x0: 0, y0: 10, x1: 0, y1: 10 });
  assert.equal(clipSegment({ x0: -5, y0: -1, x1: 20, y1: -1 }, box), undefined);
  assert.equal(clipSegment({ x0: 11, y0: 0, x1: 20, y1: 10 }, box), undefined);
  assert.equal(clipSegment({ x0: -1, y0: 10.5, x1: 3, y1: 14.5 }, box), undefined);
  assert.deepEqual(clipSegment({ x0: -1, y0: 9, x1: 3, y1: 13 }, box), { x0: 0, y0: 10, x1: 0, y1: 10 }, 'touching a corner');
  // Rounding never puts a clipped end outside the box, even for extreme slopes.
  const extreme = clipSegment({ x0: 0, y0: 1e308, x1: 5e-324, y1: 0 }, { xMin: 0, xMax: 0.01, yMin: 1.2e-7, yMax: 1e-3 });
  if (extreme) for (const y of [extreme.y0, extreme.y1]) assert.ok(y >= 1.2e-7 && y <= 1e-3);
  assert.deepEqual(clipSegment({ x0: 3, y0: 3, x1: 3, y1: 3 }, box), { x0: 3, y0: 3, x1: 3, y1: 3 });
  const overflow = clipSegment({ x0: 0, y0: -1e308, x1: 1, y1: 1e308 }, box)!;
  assert.ok(Math.abs(overflow.x0 - 0.5) < 1e-12 && overflow.y0 === 0 && overflow.y1 === 10, 'a difference that overflows to Infinity is still clipped');
  const steep = clipSegment({ x0: 0, y0: 0, x1: 1, y1: 1e300 }, box)!;
  assert.ok(Math.abs(steep.x1 - 1e-299) < 1e-310 && steep.y1 === 10);
});

test('niceTicks and formatTick: round values inside the range, compact labels with a true minus sign', () => {
  assert.deepEqual(niceTicks(-8, 8, 5), [-5, 0, 5]);
  assert.deepEqual(niceTicks(-8, 8, 8), [-8, -6, -4, -2, 0, 2, 4, 6, 8]);
  assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(-0.35, 1.2, 4), [0, 0.5, 1]);
  assert.deepEqual(niceTicks(1, 1), []);
  for (const [min, max] of [[-1e-6, 3e-6], [0.1, 0.3], [-3000, 12000], [7.3, 7.31]] as const) {
    const ticks = niceTicks(min, max);
    assert.ok(ticks.length >= 1, `${min}..${max}`);
    for (const t of ticks) assert.ok(t >= min && t <= max);
  }
  assert.equal(formatTick(0), '0');
  assert.equal(formatTick(-2.5), '−2.5');
  assert.equal(formatTick(0.30000000000000004), '0.3');
  assert.equal(formatTick(2981.0), '2980');
  assert.equal(formatTick(1e-4), '1e−4');
  assert.equal(formatTick(-250000), '−2.5e5');
});

test('robustRange: ignores the few spikes of a steep curve, keeps 0 in view, widens flat curves', () => {
  const bce = Array.from({ length: 101 }, (_, i) => (i === 0 ? 100 : -Math.log(i / 100)));
  const [low, high] = robustRange([bce], { include: 0 });
  assert.ok(low < 0 && high < 10 && high > 3, `${low}..${high}`);
  const [flatLow, flatHigh] = robustRange([[1, 1, 1]]);
  assert.ok(flatLow < 1 && flatHigh > 1);
  assert.deepEqual(robustRange([[NaN, Infinity]], { include: 0 }), [-1, 1]);
  const [a, b] = robustRange([[2, 3, 4]], { include: 0, padding: 0 });
  assert.equal(a, 0);
  assert.equal(b, 4);
});

test('escapeXml and coordinate: entities for markup characters; finite, short, exponent-free numbers', () => {
  assert.equal(escapeXml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  assert.equal(coordinate(12.3456), '12.35');
  assert.equal(coordinate(-0.001), '0');
  assert.equal(coordinate(1e-7), '0');
  assert.throws(() => coordinate(NaN), RangeError);
  assert.throws(() => coordinate(Infinity), RangeError);
});

test('chartPalette: every theme kind has distinct series colours; high contrast draws thicker lines', () => {
  const kinds: ThemeKind[] = ['light', 'dark', 'high-contrast', 'high-contrast-light'];
  for (const kind of kinds) {
    const palette = chartPalette(kind);
    assert.equal(new Set(palette.series).size, palette.series.length, kind);
    assert.ok(palette.series.length >= 2);
    assert.notEqual(palette.dead, palette.saturated);
  }
  assert.ok(chartPalette('high-contrast').lineWidth > chartPalette('dark').lineWidth);
  assert.notEqual(chartPalette('light').foreground, chartPalette('dark').foreground);
});
