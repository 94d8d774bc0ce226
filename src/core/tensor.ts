/** Dense float64 tensors of rank 0, 1 or 2, the only shapes Formula Lens evaluates. */

/** A row-major float64 tensor. A scalar has shape `[]` and one element. */
export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** Number of elements a shape holds. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Makes a tensor from data and shape, checking they agree. */
export function tensor(data: Float64Array, shape: readonly number[]): Tensor {
  if (sizeOf(shape) !== data.length) {
    throw new RangeError(`tensor: shape [${shape.join(', ')}] needs ${sizeOf(shape)} values, got ${data.length}`);
  }
  return { shape: [...shape], data };
}

/** A scalar tensor. */
export function scalar(value: number): Tensor {
  return { shape: [], data: Float64Array.of(value) };
}

/** A zero-filled tensor of the given shape. */
export function zeros(shape: readonly number[]): Tensor {
  return { shape: [...shape], data: new Float64Array(sizeOf(shape)) };
}

/** A tensor from a (possibly nested) plain number array: 0-D, 1-D or rectangular 2-D. */
export function fromNested(value: number | readonly number[] | readonly (readonly number[])[]): Tensor {
  if (typeof value === 'number') return scalar(value);
  if (value.length > 0 && Array.isArray(value[0])) {
    const rows = value as readonly (readonly number[])[];
    const cols = rows[0]!.length;
    const data = new Float64Array(rows.length * cols);
    rows.forEach((row, r) => {
      if (row.length !== cols) throw new RangeError(`fromNested: row ${r} has ${row.length} values, row 0 has ${cols}`);
      data.set(row, r * cols);
    });
    return { shape: [rows.length, cols], data };
  }
  return { shape: [value.length], data: Float64Array.from(value as readonly number[]) };
}

/** The tensor as nested plain arrays (a number for a scalar). */
export function toNested(t: Tensor): number | number[] | number[][] {
  if (t.shape.length === 0) return t.data[0]!;
  if (t.shape.length === 1) return Array.from(t.data);
  const [rows, cols] = t.shape as [number, number];
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) out.push(Array.from(t.data.subarray(r * cols, (r + 1) * cols)));
  return out;
}

/** True when two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** `[2, 3]` as text, for messages. */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
