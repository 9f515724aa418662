import { EinopsError } from '../errors';
import type { DType } from './dtype';
import { fromView, viewInfo } from './ndarray';
import type { NDArray } from './ndarray';
import { checkedSize, contiguousStrides, formatShape } from './shape';

/**
 * The same elements in a new shape. O(1) when the strides allow it (as numpy's no-copy
 * reshape: the axes merged or split together are contiguous with each other); otherwise the
 * elements are copied once into row-major order.
 */
export function reshape<D extends DType>(x: NDArray<readonly number[], D>, shape: readonly number[]): NDArray<readonly number[], D> {
  const size = checkedSize(shape, () => `reshape ${formatShape(x.shape)} to ${formatShape(shape)}`);
  if (size !== x.size) {
    throw new EinopsError(
      `cannot reshape an array of shape ${formatShape(x.shape)} (${x.size} elements) to ${formatShape(shape)} (${size} elements)`,
    );
  }
  const info = viewInfo(x);
  if (size === 0) return fromView(info.buffer, x.dtype, shape, contiguousStrides(shape), 0);
  const strides = info.contiguous ? contiguousStrides(shape) : reshapeStrides(x.shape, info.strides, shape);
  if (strides !== undefined) return fromView(info.buffer, x.dtype, shape, strides, info.offset);
  return fromView(x.data, x.dtype, shape, contiguousStrides(shape), 0);
}

/**
 * Strides that show a (non-empty) view in `newShape` without copying, or undefined if there
 * are none. Old and new axes are matched in groups of equal product; inside a group the old
 * axes must be contiguous with each other, and the new axes then take row-major strides from
 * the group's innermost old stride. (numpy's `_attempt_nocopy_reshape`.)
 */
function reshapeStrides(
  oldShape: readonly number[],
  oldStrides: readonly number[],
  newShape: readonly number[],
): number[] | undefined {
  const lens: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < oldShape.length; i++) {
    if (oldShape[i] !== 1) {
      lens.push(oldShape[i]!);
      strides.push(oldStrides[i]!);
    }
  }
  const out = new Array<number>(newShape.length);
  let oi = 0;
  let ni = 0;
  while (ni < newShape.length && oi < lens.length) {
    let oj = oi + 1;
    let nj = ni + 1;
    let np = newShape[ni]!;
    let op = lens[oi]!;
    while (np !== op) {
      if (np < op) np *= newShape[nj++]!;
      else op *= lens[oj++]!;
    }
    for (let k = oi; k < oj - 1; k++) {
      if (strides[k] !== lens[k + 1]! * strides[k + 1]!) return undefined;
    }
    out[nj - 1] = strides[oj - 1]!;
    for (let k = nj - 1; k > ni; k--) out[k - 1] = out[k]! * newShape[k]!;
    ni = nj;
    oi = oj;
  }
  // Whatever is left are length-1 axes; their stride is never used.
  for (let k = ni; k < newShape.length; k++) out[k] = 1;
  return out;
}

/** Permutes the axes: an O(1) view. `perm[i]` is the input axis that becomes axis i. */
export function transpose<D extends DType>(x: NDArray<readonly number[], D>, perm: readonly number[]): NDArray<readonly number[], D> {
  const n = x.ndim;
  const seen = new Array<boolean>(n).fill(false);
  const valid =
    perm.length === n && perm.every((p) => Number.isInteger(p) && p >= 0 && p < n && !seen[p] && (seen[p] = true));
  if (!valid) {
    throw new EinopsError(`transpose: ${formatShape(perm)} is not a permutation of the ${n} axes of shape ${formatShape(x.shape)}`);
  }
  const info = viewInfo(x);
  return fromView(
    info.buffer,
    x.dtype,
    perm.map((p) => x.shape[p]!),
    perm.map((p) => info.strides[p]!),
    info.offset,
  );
}

/**
 * einops' `add_axes`: a broadcast view with `nAxes` axes. Each position in `pos2len` is a new
 * axis of that length (stride 0, so O(1) whatever the length); the other positions take x's
 * axes in order.
 */
export function addAxes<D extends DType>(
  x: NDArray<readonly number[], D>,
  nAxes: number,
  pos2len: ReadonlyMap<number, number>,
): NDArray<readonly number[], D> {
  const where = (): string => `addAxes to shape ${formatShape(x.shape)}`;
  if (!Number.isInteger(nAxes) || nAxes !== x.ndim + pos2len.size) {
    throw new EinopsError(`${where()}: ${pos2len.size} new axes and ${x.ndim} existing ones cannot make ${nAxes} axes`);
  }
  for (const p of pos2len.keys()) {
    if (!Number.isInteger(p) || p < 0 || p >= nAxes) {
      throw new EinopsError(`${where()}: position ${p} is outside the ${nAxes} axes of the result`);
    }
  }
  const info = viewInfo(x);
  const shape: number[] = [];
  const strides: number[] = [];
  let axis = 0;
  for (let p = 0; p < nAxes; p++) {
    const len = pos2len.get(p);
    if (len === undefined) {
      shape.push(x.shape[axis]!);
      strides.push(info.strides[axis]!);
      axis++;
    } else {
      shape.push(len);
      strides.push(0);
    }
  }
  checkedSize(shape, where);
  return fromView(info.buffer, x.dtype, shape, strides, info.offset);
}

/**
 * x with its elements in a row-major buffer of exactly its size. The copy is cached in x, so
 * x itself is returned either way.
 */
export function materialize<D extends DType>(x: NDArray<readonly number[], D>): NDArray<readonly number[], D> {
  void x.data;
  return x;
}
