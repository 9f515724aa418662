import type { NDArray } from '../ndarray/ndarray';
import { getBackend } from './registry';

/**
 * The embedded NDArray of any supported tensor (einops' `asnumpy`): a host copy for other
 * libraries, the array itself for an NDArray.
 * @example asNDArray(tfTensor).toArray()
 */
export function asNDArray(x: unknown): NDArray {
  return getBackend(x).toNDArray(x);
}
