import { EinopsError } from '../errors';
import type { DType } from './dtype';
import { fromView, viewInfo } from './ndarray';
import type { NDArray } from './ndarray';
import { formatShape } from './shape';

/** Elements `start` to `end - 1` along one axis, all of the others: an O(1) view. */
export function slice<D extends DType>(
  x: NDArray<readonly number[], D>,
  axis: number,
  start: number,
  end: number,
): NDArray<readonly number[], D> {
  const length = x.shape[axis];
  if (!Number.isInteger(axis) || length === undefined || axis < 0) {
    throw new EinopsError(`slice: ${axis} is not an axis of shape ${formatShape(x.shape)}`);
  }
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > length) {
    throw new EinopsError(
      `slice: ${start} to ${end} is not a range within axis ${axis} of length ${length} (shape ${formatShape(x.shape)})`,
    );
  }
  const info = viewInfo(x);
  const shape = x.shape.slice();
  shape[axis] = end - start;
  // An empty slice may start at the very end of the buffer; no element is ever read there.
  return fromView(info.buffer, x.dtype, shape, info.strides, info.offset + start * info.strides[axis]!);
}
