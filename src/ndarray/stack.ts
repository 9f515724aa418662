import { EinopsError } from '../errors';
import { copyStrided } from './copy';
import { allocateForOverwrite } from './dtype';
import { trustedView, viewInfo } from './ndarray';
import type { NDArray } from './ndarray';
import { checkedSize, contiguousStrides, formatShape, sizeOrInvalid } from './shape';

/**
 * Stacks arrays of one shape and dtype along a new first axis: one allocation, each input
 * copied straight from its own layout (views are not materialised first).
 */
export function stack(list: readonly NDArray[]): NDArray {
  const first = list[0];
  if (first === undefined) throw new EinopsError('stack: cannot stack an empty list of arrays');
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    if (x.dtype !== first.dtype || !sameShape(x.shape, first.shape)) {
      throw new EinopsError(
        `stack: array ${i} has shape ${formatShape(x.shape)} and dtype ${x.dtype}, ` +
          `but array 0 has shape ${formatShape(first.shape)} and dtype ${first.dtype}; all must match`,
      );
    }
  }
  const shape = [list.length, ...first.shape];
  let size = sizeOrInvalid(shape); // the message's closure only when it is needed
  if (size < 0) size = checkedSize(shape, () => `stack of ${list.length} arrays`);
  // Every element is written: each array fills its slot.
  const out = allocateForOverwrite(first.dtype, size);
  const step = first.size;
  for (let i = 0; i < list.length; i++) {
    const x = list[i]!;
    const { buffer, offset, strides } = viewInfo(x);
    copyStrided(buffer, offset, x.shape, strides, out, i * step);
  }
  return trustedView(out, first.dtype, shape, contiguousStrides(shape), 0, size);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
