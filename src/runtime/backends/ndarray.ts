/**
 * The embedded NDArray as a backend: the default, always available. Reshape, transpose, new
 * axes, slices and diagonals are views; reductions, concat, matmul and (when strides force
 * it) reshapes copy.
 */
import {
  addAxes,
  concat,
  diagonal,
  isFloatDType,
  matmul,
  NDArray,
  reduce,
  reshape,
  slice,
  stack,
  transpose,
} from '../../ndarray/index';
import type { Backend } from '../backend';

export const ndarrayBackend: Backend<NDArray> = {
  name: 'ndarray',
  isAppropriate: (x: unknown): x is NDArray => x instanceof NDArray,
  shape: (x) => x.shape,
  reshape,
  transpose,
  reduce,
  addAxes,
  stack,
  concat,
  slice,
  diagonal,
  matmul,
  isFloat: (x) => isFloatDType(x.dtype),
  dtype: (x) => x.dtype,
  toNDArray: (x) => x,
};
