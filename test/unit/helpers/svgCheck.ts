/** Structural checks of SVG text for tests: well-formed XML, finite numbers, coordinates inside a box. */
import assert from 'node:assert/strict';

const ENTITY = /^&(amp|lt|gt|quot|#39|#x[0-9a-f]+|#\d+);/i;

/** Asserts that `svg` is one well-formed XML element tree (balanced tags, quoted attributes, escaped text). */
export function assertWellFormedXml(svg: string): void {
  const stack: string[] = [];
  let i = 0;
  let roots = 0;
  while (i < svg.length) {
    const char = svg[i]!;
    if (char === '<') {
      const end = svg.indexOf('>', i);
      assert.ok(end > i, `unclosed tag at ${i}`);
      const tag = svg.slice(i + 1, end);
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim();
        assert.equal(stack.pop(), name, `mismatched </${name}> at ${i}`);
      } else {
        const match = /^([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)$/.exec(tag);
        assert.ok(match, `malformed tag <${tag.slice(0, 80)}> at ${i}`);
        for (const attribute of match[2]!.matchAll(/="([^"]*)"/g)) checkEscapes(attribute[1]!, i);
        if (stack.length === 0) roots++;
        if (match[3] !== '/') stack.push(match[1]!);
      }
      i = end + 1;
    } else {
      const next = svg.indexOf('<', i);
      const text = svg.slice(i, next < 0 ? svg.length : next);
      assert.ok(stack.length > 0 || text.trim() === '', `text outside the root element at ${i}`);
      checkEscapes(text, i);
      i = next < 0 ? svg.length : next;
    }
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  assert.equal(roots, 1, 'exactly one root element');
}

function checkEscapes(text: string, at: number): void {
  for (let k = text.indexOf('&'); k >= 0; k = text.indexOf('&', k + 1)) {
    assert.ok(ENTITY.test(text.slice(k)), `raw "&" at ${at + k}: ${text.slice(k, k + 12)}`);
  }
}

/** Every number written in the SVG (attributes and path data). */
export function svgNumbers(svg: string): number[] {
  const numbers: number[] = [];
  for (const attribute of svg.matchAll(/\s(?:d|x|y|width|height|viewBox|stroke-width|fill-opacity)="([^"]*)"/g)) {
    for (const token of attribute[1]!.match(/-?[\d.]+(?:e[-+]?\d+)?|[A-Za-z]+/g) ?? []) {
      if (/^[A-Za-z]/.test(token) && !/^[MLHVh]$/.test(token)) numbers.push(NaN);
      else if (!/^[A-Za-z]/.test(token)) numbers.push(Number(token));
    }
  }
  return numbers;
}

/** The points of the curve paths (paths with `stroke-linejoin`), as [x, y] pairs. */
export function curvePoints(svg: string): [number, number][] {
  const points: [number, number][] = [];
  for (const path of svg.matchAll(/<path d="([^"]*)" fill="none" stroke="[^"]*" stroke-width="[^"]*" stroke-linejoin/g)) {
    for (const command of path[1]!.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)) points.push([Number(command[1]), Number(command[2])]);
  }
  return points;
}

/** The plot box, from the extent of the grid lines (the first path with stroke-width 1). */
export function plotBox(svg: string): { left: number; right: number; top: number; bottom: number } {
  const grid = /<path d="([^"]*)" stroke="[^"]*" stroke-width="1" fill="none"\/>/.exec(svg);
  assert.ok(grid, 'no grid');
  const xs: number[] = [];
  const ys: number[] = [];
  for (const m of grid[1]!.matchAll(/M(-?[\d.]+) (-?[\d.]+)([HV])(-?[\d.]+)/g)) {
    xs.push(Number(m[1]));
    ys.push(Number(m[2]));
    (m[3] === 'H' ? xs : ys).push(Number(m[4]));
  }
  return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
}
