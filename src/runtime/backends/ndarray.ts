/**
 * The embedded NDArray as a backend: the default, always available. Reshape, transpose, new
 * axes, slices and diagonals are views; reductions, concat, matmul and (when strides force
 * it) reshapes copy.
 *
 * Two objects, so that bundlers can leave kernels out: `ndarrayCoreBackend` (what the
 * registry hands out for an NDArray) references only the kernels of rearrange, reduce and
 * repeat; einsum, pack and unpack reach the GEMM, concat, slice and diagonal kernels through
 * `withAllSteps`, so only an app that calls them ships them.
 */
import { addAxes, concat, diagonal, isFloatDType, matmul, NDArray, reduce, reshape, slice, stack, transpose } from '../../ndarray/index';
import type { Backend, CoreBackend } from '../backend';

export const ndarrayCoreBackend: CoreBackend<NDArray> = {
  name: 'ndarray',
  isAppropriate: (x: unknown): x is NDArray => x instanceof NDArray,
  shape: (x) => x.shape,
  reshape,
  transpose,
  reduce,
  addAxes,
  stack,
  isFloat: (x) => isFloatDType(x.dtype),
  dtype: (x) => x.dtype,
  toNDArray: (x) => x,
};

export const ndarrayBackend: Backend<NDArray> = { ...ndarrayCoreBackend, concat, slice, diagonal, matmul };

/**
 * The whole backend behind one the registry found: the NDArray's core becomes its full
 * backend; every other backend was registered whole.
 */
export const withAllSteps = (backend: CoreBackend): Backend =>
  backend === ndarrayCoreBackend ? (ndarrayBackend as Backend) : (backend as Backend);
