import { EinopsError } from '../errors';
import { copyStrided } from './copy';
import { allocateForOverwrite } from './dtype';
import type { TypedArray } from './dtype';
import { fromView, viewInfo } from './ndarray';
import type { NDArray } from './ndarray';
import { checkedSize, contiguousStrides, formatShape } from './shape';

/** Runs shorter than this are copied element by element; longer ones with set(subarray()). */
const MIN_SET_RUN = 32;

/**
 * Joins arrays of one dtype and rank along an existing axis; every other length must agree.
 * The result is a new contiguous array. Seen as [outer, length along axis * inner], each input
 * contributes one run per outer index, so each is laid out in row-major order once (copied
 * unless it already is) and its runs are then copied into place.
 */
export function concat(list: readonly NDArray[], axis: number): NDArray {
  const first = list[0];
  if (first === undefined) throw new EinopsError('concat: cannot concatenate an empty list of arrays');
  if (!Number.isInteger(axis) || axis < 0 || axis >= first.ndim) {
    throw new EinopsError(`concat: ${axis} is not an axis of shape ${formatShape(first.shape)}`);
  }
  let total = 0;
  for (let i = 0; i < list.length; i++) {
    const x = list[i]!;
    const matches =
      x.dtype === first.dtype &&
      x.ndim === first.ndim &&
      x.shape.every((length, d) => d === axis || length === first.shape[d]);
    if (!matches) {
      throw new EinopsError(
        `concat: array ${i} has shape ${formatShape(x.shape)} and dtype ${x.dtype}, but array 0 has shape ` +
          `${formatShape(first.shape)} and dtype ${first.dtype}; all but axis ${axis} must match`,
      );
    }
    total += x.shape[axis]!;
  }
  const shape = first.shape.slice();
  shape[axis] = total;
  const size = checkedSize(shape, () => `concat of ${list.length} arrays`);
  // Every element is written: each array's runs fill their columns of every output row.
  const out = allocateForOverwrite(first.dtype, size);
  let outer = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d]!;
  const rowLength = size / Math.max(outer, 1); // elements of the output per outer index
  let start = 0; // where this input's first run begins inside an output row
  for (const x of list) {
    const run = x.size / Math.max(outer, 1);
    if (run > 0) copyRuns(contiguousElements(x), out, outer, run, rowLength, start);
    start += run;
  }
  return fromView(out, first.dtype, shape, contiguousStrides(shape), 0);
}

/** x's elements in row-major order: its own buffer when it is contiguous, else a copy. */
function contiguousElements(x: NDArray): TypedArray {
  const info = viewInfo(x);
  if (info.contiguous) return info.buffer.subarray(info.offset, info.offset + x.size);
  const copy = allocateForOverwrite(x.dtype, x.size);
  copyStrided(info.buffer, info.offset, x.shape, info.strides, copy, 0);
  return copy;
}

function copyRuns(src: TypedArray, dst: TypedArray, count: number, run: number, dstStride: number, dstStart: number): void {
  if (count === 1 || run >= MIN_SET_RUN) {
    for (let i = 0; i < count; i++) dst.set(src.subarray(i * run, (i + 1) * run), i * dstStride + dstStart);
    return;
  }
  for (let i = 0, s = 0; i < count; i++) {
    for (let j = 0, t = i * dstStride + dstStart; j < run; j++) dst[t++] = src[s++]!;
  }
}
