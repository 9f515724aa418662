/**
 * A backend for a library whose tensors live in host memory as typed arrays (scijs ndarray,
 * onnxruntime-web and transformers.js tensors): each step wraps its inputs as NDArrays
 * (without copying), runs the embedded engine's step and wraps the result back as the input's
 * kind of tensor. So the arithmetic is the NDArray's, and so are the results.
 */
import { EinopsError } from '../../errors';
import type { NDArray } from '../../ndarray/index';
import type { Backend } from '../backend';
import { ndarrayBackend as engine } from './ndarray';

export interface HostLibrary<T> {
  readonly name: string;
  isAppropriate(x: unknown): x is T;
  shape(x: T): readonly number[];
  /** The tensor as an NDArray over the same memory where it can be. */
  toNDArray(x: T): NDArray;
  /** A tensor of the library for an engine result, built like `like` (its class, its factory). */
  fromNDArray(result: NDArray, like: T): T;
}

const transposed = (x: NDArray, transpose: boolean): NDArray => (transpose ? engine.transpose(x, [0, 2, 1]) : x);

export function hostBackend<T>(library: HostLibrary<T>): Backend<T> {
  const { toNDArray: wrap, fromNDArray: unwrap } = library;
  // A list may hold anything; say which item is not a tensor of this library.
  const wrapAll = (xs: readonly T[]): NDArray[] =>
    xs.map((x, i) => {
      if (!library.isAppropriate(x)) throw new EinopsError(`list item ${i} is not a ${library.name} tensor, but item 0 is`);
      return wrap(x);
    });
  return {
    name: library.name,
    isAppropriate: library.isAppropriate,
    shape: library.shape,
    reshape: (x, shape) => unwrap(engine.reshape(wrap(x), shape), x),
    transpose: (x, permutation) => unwrap(engine.transpose(wrap(x), permutation), x),
    reduce: (x, reduction, axes) => unwrap(engine.reduce(wrap(x), reduction, axes), x),
    addAxes: (x, rank, added) => unwrap(engine.addAxes(wrap(x), rank, added), x),
    stack: (xs) => unwrap(engine.stack(wrapAll(xs)), xs[0]!),
    concat: (xs, axis) => unwrap(engine.concat(wrapAll(xs), axis), xs[0]!),
    slice: (x, axis, start, end) => unwrap(engine.slice(wrap(x), axis, start, end), x),
    diagonal: (x, axis1, axis2) => unwrap(engine.diagonal(wrap(x), axis1, axis2), x),
    matmul: (x, y, transposeA, transposeB) => unwrap(engine.matmul(wrap(x), wrap(y), transposeA, transposeB), x),
    isFloat: (x) => engine.isFloat(wrap(x)),
    dtype: (x) => wrap(x).dtype,
    toNDArray: wrap,
  };
}
