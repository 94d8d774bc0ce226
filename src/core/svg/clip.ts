/** Clipping line segments to a rectangle (Liang–Barsky), so a chart never draws outside its plot area. */

/** An axis-aligned rectangle in data coordinates. */
export interface ClipBox {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/** A segment from (x0, y0) to (x1, y1). */
export interface Segment {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * The part of a segment inside the box, or undefined when none of it is. Both ends must be finite.
 * Exact in the sense that the visible piece keeps the segment's slope (clamping the ends would not).
 */
export function clipSegment(segment: Segment, box: ClipBox): Segment | undefined {
  const dx = segment.x1 - segment.x0;
  const dy = segment.y1 - segment.y0;
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) {
    // From −1e308 to 1e308 the difference overflows: clip a quarter-scale copy (exact in binary) and scale back.
    const quarter = clipSegment(scale(segment, 0.25), { xMin: box.xMin / 4, xMax: box.xMax / 4, yMin: box.yMin / 4, yMax: box.yMax / 4 });
    return quarter && scale(quarter, 4);
  }
  let enter = 0;
  let leave = 1;
  // Which edge set each end (index into `edges`, -1 for the segment's own end): that end lies exactly
  // on the edge, so its coordinate across the edge is the edge itself, not x0 + t·dx after rounding.
  let enterEdge = -1;
  let leaveEdge = -1;
  // Each pair is (p, q) for one box edge: the segment is inside that edge where t·p ≤ q.
  const edges: readonly (readonly [number, number])[] = [
    [-dx, segment.x0 - box.xMin],
    [dx, box.xMax - segment.x0],
    [-dy, segment.y0 - box.yMin],
    [dy, box.yMax - segment.y0],
  ];
  for (let edge = 0; edge < edges.length; edge++) {
    const [p, q] = edges[edge]!;
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > leave) return undefined;
      if (t > enter) { enter = t; enterEdge = edge; }
    } else {
      if (t < enter) return undefined;
      if (t < leave) { leave = t; leaveEdge = edge; }
    }
  }
  const edgeValues = [box.xMin, box.xMax, box.yMin, box.yMax];
  // Rounding in t·d can land a hair outside the box when the slope is extreme: the ends are clamped onto it.
  const clampX = (x: number) => Math.min(box.xMax, Math.max(box.xMin, x));
  const clampY = (y: number) => Math.min(box.yMax, Math.max(box.yMin, y));
  const onEdge = (edge: number, axis: 'x' | 'y', computed: number) => (edge >= 0 && (edge < 2) === (axis === 'x') ? edgeValues[edge]! : computed);
  return {
    x0: clampX(onEdge(enterEdge, 'x', enter === 0 ? segment.x0 : segment.x0 + enter * dx)),
    y0: clampY(onEdge(enterEdge, 'y', enter === 0 ? segment.y0 : segment.y0 + enter * dy)),
    x1: clampX(onEdge(leaveEdge, 'x', leave === 1 ? segment.x1 : segment.x0 + leave * dx)),
    y1: clampY(onEdge(leaveEdge, 'y', leave === 1 ? segment.y1 : segment.y0 + leave * dy)),
  };
}

function scale(segment: Segment, factor: number): Segment {
  return { x0: segment.x0 * factor, y0: segment.y0 * factor, x1: segment.x1 * factor, y1: segment.y1 * factor };
}
