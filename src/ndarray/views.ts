import { EinopsError } from '../errors';
import type { DType } from './dtype';
import { bufferOf, isContiguousView, offsetOf, shapeOf, stridesOf, trustedView } from './ndarray';
import type { NDArray } from './ndarray';
import { checkedSize, contiguousStrides, formatShape, sizeOrInvalid } from './shape';

/**
 * The same elements in a new shape. O(1) when the strides allow it (as numpy's no-copy
 * reshape: the axes merged or split together are contiguous with each other); otherwise the
 * elements are copied once into row-major order.
 */
export function reshape<D extends DType>(x: NDArray<readonly number[], D>, shape: readonly number[]): NDArray<readonly number[], D> {
  let size = sizeOrInvalid(shape);
  if (size < 0) size = checkedSize(shape, () => `reshape ${formatShape(shapeOf(x))} to ${formatShape(shape)}`);
  if (size !== x.size) {
    throw new EinopsError(
      `cannot reshape an array of shape ${formatShape(shapeOf(x))} (${x.size} elements) to ${formatShape(shape)} (${size} elements)`,
    );
  }
  const buffer = bufferOf(x);
  const newShape = shape.slice();
  if (size === 0) return trustedView(buffer, x.dtype, newShape, contiguousStrides(shape), 0, 0);
  const strides = isContiguousView(x) ? contiguousStrides(shape) : reshapeStrides(shapeOf(x), stridesOf(x), shape);
  if (strides !== undefined) return trustedView(buffer, x.dtype, newShape, strides, offsetOf(x), size);
  return trustedView(x.data, x.dtype, newShape, contiguousStrides(shape), 0, size);
}

/**
 * Strides that show a (non-empty) view in `newShape` without copying, or undefined if there
 * are none. Old and new axes are matched in groups of equal product; inside a group the old
 * axes must be contiguous with each other, and the new axes then take row-major strides from
 * the group's innermost old stride. Length-1 old axes are skipped. (numpy's
 * `_attempt_nocopy_reshape`.)
 */
function reshapeStrides(
  oldShape: readonly number[],
  oldStrides: readonly number[],
  newShape: readonly number[],
): number[] | undefined {
  const oldRank = oldShape.length;
  const out = new Array<number>(newShape.length);
  let oi = 0;
  while (oi < oldRank && oldShape[oi] === 1) oi++;
  let ni = 0;
  while (ni < newShape.length && oi < oldRank) {
    let nj = ni + 1;
    let np = newShape[ni]!;
    let op = oldShape[oi]!;
    let last = oi; // the group's innermost old axis (not of length 1)
    let oj = oi + 1;
    while (np !== op) {
      if (np < op) np *= newShape[nj++]!;
      else {
        while (oldShape[oj] === 1) oj++;
        if (oldStrides[last] !== oldShape[oj]! * oldStrides[oj]!) return undefined;
        op *= oldShape[oj]!;
        last = oj++;
      }
    }
    out[nj - 1] = oldStrides[last]!;
    for (let k = nj - 1; k > ni; k--) out[k - 1] = out[k]! * newShape[k]!;
    ni = nj;
    oi = oj;
    while (oi < oldRank && oldShape[oi] === 1) oi++;
  }
  // Whatever is left are length-1 axes; their stride is never used.
  for (let k = ni; k < newShape.length; k++) out[k] = 1;
  return out;
}

/** Permutes the axes: an O(1) view. `perm[i]` is the input axis that becomes axis i. */
export function transpose<D extends DType>(x: NDArray<readonly number[], D>, perm: readonly number[]): NDArray<readonly number[], D> {
  const n = x.ndim;
  const oldShape = shapeOf(x);
  const oldStrides = stridesOf(x);
  const shape = new Array<number>(n);
  const strides = new Array<number>(n);
  // Each axis at most once: a bit per axis (an NDArray has far fewer than 31 axes in practice;
  // a larger rank takes the array of flags).
  let seen = 0;
  const seenAxes = n > 30 ? new Array<boolean>(n).fill(false) : undefined;
  let valid = perm.length === n;
  for (let i = 0; valid && i < n; i++) {
    const p = perm[i]!;
    if (!Number.isInteger(p) || p < 0 || p >= n) valid = false;
    else if (seenAxes === undefined) {
      valid = (seen & (1 << p)) === 0;
      seen |= 1 << p;
    } else {
      valid = !seenAxes[p];
      seenAxes[p] = true;
    }
    shape[i] = oldShape[p]!;
    strides[i] = oldStrides[p]!;
  }
  if (!valid) {
    throw new EinopsError(`transpose: ${formatShape(perm)} is not a permutation of the ${n} axes of shape ${formatShape(oldShape)}`);
  }
  return trustedView(bufferOf(x), x.dtype, shape, strides, offsetOf(x), x.size);
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
  if (!Number.isInteger(nAxes) || nAxes !== x.ndim + pos2len.size) {
    throw new EinopsError(`${addAxesContext(x)}: ${pos2len.size} new axes and ${x.ndim} existing ones cannot make ${nAxes} axes`);
  }
  for (const p of pos2len.keys()) {
    if (!Number.isInteger(p) || p < 0 || p >= nAxes) {
      throw new EinopsError(`${addAxesContext(x)}: position ${p} is outside the ${nAxes} axes of the result`);
    }
  }
  const oldShape = shapeOf(x);
  const oldStrides = stridesOf(x);
  const shape: number[] = [];
  const strides: number[] = [];
  let axis = 0;
  for (let p = 0; p < nAxes; p++) {
    const len = pos2len.get(p);
    if (len === undefined) {
      shape.push(oldShape[axis]!);
      strides.push(oldStrides[axis]!);
      axis++;
    } else {
      shape.push(len);
      strides.push(0);
    }
  }
  // The size is checked (new axes can make it too large); the message is built only then.
  let size = sizeOrInvalid(shape);
  if (size < 0) size = checkedSize(shape, () => addAxesContext(x));
  return trustedView(bufferOf(x), x.dtype, shape, strides, offsetOf(x), size);
}

const addAxesContext = (x: NDArray): string => `addAxes to shape ${formatShape(shapeOf(x))}`;

/**
 * x with its elements in a row-major buffer of exactly its size. The copy is cached in x, so
 * x itself is returned either way.
 */
export function materialize<D extends DType>(x: NDArray<readonly number[], D>): NDArray<readonly number[], D> {
  void x.data;
  return x;
}
