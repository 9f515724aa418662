import type { NDArray } from '../ndarray/ndarray';
import { getBackend } from './registry';

/**
 * The embedded NDArray of any supported tensor (einops' `asnumpy`): a host copy for other
 * libraries, the array itself for an NDArray. Throws an {@link EinopsError} for a value no
 * registered backend recognises.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { asNDArray } from 'einops/tfjs';
 *
 * asNDArray(tf.tensor([[1, 2], [3, 4]])).toArray(); // [[1, 2], [3, 4]]
 * ```
 */
export function asNDArray(x: unknown): NDArray {
  return getBackend(x).toNDArray(x);
}
