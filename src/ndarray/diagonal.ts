import { EinopsError } from '../errors';
import type { DType } from './dtype';
import { fromView, viewInfo } from './ndarray';
import type { NDArray } from './ndarray';
import { formatShape } from './shape';

/**
 * The diagonal of two axes of equal length, as an O(1) view: both axes are removed and the
 * diagonal becomes the last axis (numpy's `diagonal`). Stepping along the diagonal steps along
 * both axes at once, so its stride is the sum of theirs.
 */
export function diagonal<D extends DType>(
  x: NDArray<readonly number[], D>,
  axis1: number,
  axis2: number,
): NDArray<readonly number[], D> {
  const n = x.ndim;
  const isAxis = (axis: number): boolean => Number.isInteger(axis) && axis >= 0 && axis < n;
  if (!isAxis(axis1) || !isAxis(axis2) || axis1 === axis2) {
    throw new EinopsError(`diagonal: axes ${axis1} and ${axis2} are not two distinct axes of shape ${formatShape(x.shape)}`);
  }
  const length = x.shape[axis1]!;
  if (x.shape[axis2] !== length) {
    throw new EinopsError(
      `diagonal: axes ${axis1} and ${axis2} of shape ${formatShape(x.shape)} differ in length`,
    );
  }
  const info = viewInfo(x);
  const keep = (_: number, axis: number): boolean => axis !== axis1 && axis !== axis2;
  const shape = [...x.shape.filter(keep), length];
  const strides = [...info.strides.filter(keep), info.strides[axis1]! + info.strides[axis2]!];
  return fromView(info.buffer, x.dtype, shape, strides, info.offset);
}
