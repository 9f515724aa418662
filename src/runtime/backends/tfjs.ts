/**
 * TensorFlow.js as a backend. Every step is a tfjs-core op, so gradients flow through einops
 * calls and whichever tfjs backend is active (cpu, wasm, webgl, webgpu) does the arithmetic.
 *
 * Memory: tfjs tensors are freed by hand. Each method here returns one new tensor and frees
 * whatever else it made; `scope` frees the tensors passed from step to step within an op. An
 * op never disposes its input and never returns it: the caller owns exactly the result.
 *
 * Dtypes are tfjs's own (float32, int32, bool): reductions keep them as tf.sum and tf.prod do,
 * any and all give bool, and matmul multiplies in float32, tfjs's most precise float.
 */
import {
  all,
  any,
  broadcastTo,
  cast,
  clone,
  concat,
  fill,
  gather,
  matMul,
  max,
  mean,
  min,
  notEqual,
  prod,
  range,
  reshape,
  slice,
  stack,
  sum,
  Tensor,
  type TensorContainer,
  tidy,
  transpose,
  zeros,
} from '@tensorflow/tfjs-core';
import { EinopsError } from '../../errors';
import { type NDArray, tensor } from '../../ndarray/index';
import type { ShapedTensor } from '../../types/tfjs';
import type { Backend, ReductionName } from '../backend';

/** The chained-op methods of a tensor, where the tfjs in use installed them. */
interface ChainedOps {
  reshape(shape: number[]): Tensor;
  transpose(permutation: number[]): Tensor;
  min(axes: number[]): Tensor;
  max(axes: number[]): Tensor;
  sum(axes: number[]): Tensor;
  mean(axes: number[]): Tensor;
  prod(axes: number[]): Tensor;
  matMul(b: Tensor, transposeA: boolean, transposeB: boolean): Tensor;
}

// The hot steps call the tensor's methods (x.reshape, x.mean, …) when it has them, else the op
// functions. Same ops, but in Node the @tensorflow/tfjs package installs its own ES2017 build of
// them as the methods, while the functions of tfjs-core's Node build are ES5 code whose wrapper
// copies its arguments twice: about 0.3 µs a call, a tenth of a small op. tfjs-core alone
// installs no methods, hence the fallback.
const methods = (x: Tensor): Partial<ChainedOps> => x as unknown as Partial<ChainedOps>;
const reshapeTensor = (x: Tensor, shape: number[]): Tensor => methods(x).reshape?.(shape) ?? reshape(x, shape);

const REDUCERS: Readonly<Record<ReductionName, (x: Tensor, axes: number[]) => Tensor>> = {
  min: (x, axes) => methods(x).min?.(axes) ?? min(x, axes),
  max: (x, axes) => methods(x).max?.(axes) ?? max(x, axes),
  sum: (x, axes) => methods(x).sum?.(axes) ?? sum(x, axes),
  mean: (x, axes) => methods(x).mean?.(axes) ?? mean(x, axes),
  prod: (x, axes) => methods(x).prod?.(axes) ?? prod(x, axes),
  // tf.any and tf.all take only bool tensors; nonzero (and NaN) is true, as on the NDArray.
  any: (x, axes) => (x.dtype === 'bool' ? any(x, axes) : tidy(() => any(notEqual(x, 0), axes))),
  all: (x, axes) => (x.dtype === 'bool' ? all(x, axes) : tidy(() => all(notEqual(x, 0), axes))),
};

// What a reduction gives over zero elements. tfjs kernels disagree there (cpu gives NaN for
// max, wasm leaves the result uninitialised), so it is decided here, as numpy decides it.
const EMPTY_VALUE: Readonly<Record<'sum' | 'mean' | 'prod' | 'any' | 'all', number>> = {
  sum: 0,
  mean: Number.NaN,
  prod: 1,
  any: 0,
  all: 1,
};

function reduceTensor(x: Tensor, reduction: ReductionName, axes: readonly number[]): Tensor {
  let count = 1;
  for (const axis of axes) count *= x.shape[axis]!;
  if (count > 0) return REDUCERS[reduction](x, axes as number[]);
  if (reduction === 'min' || reduction === 'max') {
    throw new EinopsError(`${reduction} over zero elements has no value (reduced axes of length 0 in shape [${x.shape.join(', ')}])`);
  }
  const reduced = new Set(axes);
  const shape = x.shape.filter((_, axis) => !reduced.has(axis));
  const dtype = reduction === 'any' || reduction === 'all' ? 'bool' : reduction === 'mean' ? 'float32' : x.dtype === 'bool' ? 'int32' : x.dtype;
  return fill(shape, EMPTY_VALUE[reduction], dtype);
}

function addAxes(x: Tensor, rank: number, added: ReadonlyMap<number, number>): Tensor {
  const withUnits: number[] = [];
  const target: number[] = [];
  let next = 0;
  for (let axis = 0; axis < rank; axis++) {
    const length = added.get(axis);
    withUnits.push(length === undefined ? x.shape[next]! : 1);
    target.push(length === undefined ? x.shape[next++]! : length);
  }
  if ([...added.values()].every((length) => length === 1)) return reshapeTensor(x, withUnits);
  return tidy(() => broadcastTo(reshapeTensor(x, withUnits), target));
}

/** tf.stack would take numbers and arrays in the list as tensors, and fail on mismatches in its own words. */
function stackTensors(xs: readonly Tensor[]): Tensor {
  const first = xs[0]!;
  xs.forEach((x: unknown, i) => {
    if (!(x instanceof Tensor)) throw new EinopsError(`list item ${i} is not a tf.Tensor, but item 0 is`);
    if (x.dtype !== first.dtype || x.shape.join() !== first.shape.join()) {
      throw new EinopsError(
        `list item ${i} has shape [${x.shape.join(', ')}] and dtype ${x.dtype}, but item 0 has shape [${first.shape.join(', ')}] and dtype ${first.dtype}; all must match`,
      );
    }
  });
  return stack(xs as Tensor[]);
}

function sliceAxis(x: Tensor, axis: number, start: number, end: number): Tensor {
  const begin = x.shape.map((_, a) => (a === axis ? start : 0));
  const size = x.shape.map((length, a) => (a === axis ? end - start : length));
  return slice(x, begin, size);
}

/** The two axes moved last and merged, then every (n + 1)-th element: the diagonal, with a gradient. */
function diagonal(x: Tensor, axis1: number, axis2: number): Tensor {
  const n = x.shape[axis1]!;
  const rest = x.shape.flatMap((_, axis) => (axis === axis1 || axis === axis2 ? [] : [axis]));
  return tidy(() => {
    const merged = reshape(transpose(x, [...rest, axis1, axis2]), [...rest.map((axis) => x.shape[axis]!), n * n]);
    return gather(merged, range(0, n * n, n + 1, 'int32'), rest.length);
  });
}

function matmul(x: Tensor, y: Tensor, transposeA = false, transposeB = false): Tensor {
  // A sum of no products is 0, but the wasm kernel leaves such a result uninitialised.
  if (x.shape[transposeA ? 1 : 2] === 0) return zeros([x.shape[0]!, x.shape[transposeA ? 2 : 1]!, y.shape[transposeB ? 1 : 2]!]);
  if (x.dtype === 'float32' && y.dtype === 'float32') return methods(x).matMul?.(y, transposeA, transposeB) ?? matMul(x, y, transposeA, transposeB);
  return tidy(() => matMul(cast(x, 'float32'), cast(y, 'float32'), transposeA, transposeB));
}

// tfjs's own error for a disposed tensor comes from deep inside a kernel; say it in einops' words.
function checkNotDisposed(x: Tensor, index: number): void {
  if (x.isDisposed) throw new EinopsError(`tensor ${index} is a disposed tf.Tensor: dispose tensors only after their last use`);
}

function toNDArray(x: Tensor): NDArray {
  checkNotDisposed(x, 0);
  const dtype = x.dtype;
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') {
    throw new EinopsError(`a ${dtype} tfjs tensor has no NDArray dtype: expected float32, int32 or bool`);
  }
  // dataSync may hand out the backend's own buffer (the cpu backend does): copy it.
  return tensor(x.dataSync().slice(), x.shape, dtype);
}

/**
 * The tensor, typed with the lengths it has, so that ops on it give literal shapes (a tf.Tensor
 * type knows only its rank). Throws an {@link EinopsError} when the lengths differ.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { rearrange, withShape } from 'einops/tfjs';
 *
 * const images = withShape(tf.zeros([10, 3, 8, 8]), [10, 3, 8, 8]);
 * const flat = rearrange(images, 'b c h w -> b (c h w)'); // typed ShapedTensor<[10, 192]>
 * ```
 */
export function withShape<const S extends number[]>(x: Tensor, shape: readonly [...S]): ShapedTensor<S> {
  if (!(x instanceof Tensor)) throw new EinopsError(`withShape takes a tf.Tensor, got ${x === null ? 'null' : typeof x}`);
  if (x.shape.length !== shape.length || x.shape.some((length, axis) => length !== shape[axis])) {
    throw new EinopsError(`withShape: the tensor has shape [${x.shape.join(', ')}], not [${shape.join(', ')}]`);
  }
  return x as ShapedTensor<S>;
}

/** The TensorFlow.js backend, which importing `einops/tfjs` registers. */
export const tfjsBackend: Backend<Tensor> = {
  name: 'tfjs',
  // Even a reshape is a kernel call and a new tensor: on small tensors the count of steps is the cost.
  fixedCostPerStep: true,
  isAppropriate: (x: unknown): x is Tensor => x instanceof Tensor,
  shape: (x) => x.shape,
  // A copy: tfjs may keep the array as the new tensor's shape, and plans are shared.
  reshape: (x, shape) => reshapeTensor(x, [...shape]),
  transpose: (x, permutation) => methods(x).transpose?.(permutation as number[]) ?? transpose(x, permutation as number[]),
  reduce: reduceTensor,
  addAxes,
  stack: stackTensors,
  concat: (xs, axis) => concat(xs as Tensor[], axis),
  slice: sliceAxis,
  diagonal,
  matmul,
  isFloat: (x) => x.dtype === 'float32',
  dtype: (x) => x.dtype,
  toNDArray,
  checkInput: checkNotDisposed,
  scope: <R>(steps: () => R): R => tidy(steps as () => TensorContainer) as R,
  newHandle: clone,
};
