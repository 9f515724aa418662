/**
 * The embedded NDArray as a backend: the default, always available. Reshape, transpose and
 * new axes are views; reductions and (when strides force it) reshapes copy.
 */
import {
  addAxes,
  isFloatDType,
  NDArray,
  reduce,
  reshape,
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
  isFloat: (x) => isFloatDType(x.dtype),
  dtype: (x) => x.dtype,
  toNDArray: (x) => x,
};
