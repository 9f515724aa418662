/**
 * What a tensor library must provide for einops to run on it. Backends know nothing of
 * patterns: they get plain shapes, permutations and axis lists from a bound Plan.
 */
import type { NDArray } from '../ndarray/ndarray';
import type { ReductionName } from '../types/reduction';

export type { ReductionName };

export const REDUCTIONS: readonly ReductionName[] = ['min', 'max', 'sum', 'mean', 'prod', 'any', 'all'];

/**
 * A tensor library's whole backend, what `registerBackend` takes: the steps of rearrange,
 * reduce and repeat (`CoreBackend`) and those einsum, pack and unpack add.
 */
export interface Backend<T = unknown> extends CoreBackend<T> {
  /** Joins tensors of one dtype and rank along an existing axis; all other lengths agree (pack). */
  concat(xs: readonly T[], axis: number): T;
  /** Elements `start` to `end - 1` along one axis, all of the others (unpack); a view when the library has them. */
  slice(x: T, axis: number, start: number, end: number): T;
  /**
   * The diagonal of two distinct axes of equal length (einsum's repeated axes): both axes are
   * removed and the diagonal becomes the last axis, as numpy's `diagonal` does.
   */
  diagonal(x: T, axis1: number, axis2: number): T;
  /**
   * Batched matrix product (einsum's contractions): a [batch, m, k] times b [batch, k, n] is
   * [batch, m, n]. float32 when both are float32; otherwise the library's most precise float
   * (float64 on the NDArray), so integer products are summed without wrapping around.
   *
   * `transposeA`: a is given as [batch, k, m] and read transposed; `transposeB`: b is given as
   * [batch, n, k]. The result is the same as transposing the operand first (same sums, in the
   * same order), without making the transposed copy: tfjs's matMul takes the flags, the
   * NDArray's GEMM reads a transposed view through its strides. einsum sets them when an
   * operand's axes already come in the transposed order.
   */
  matmul(a: T, b: T, transposeA?: boolean, transposeB?: boolean): T;
}

/**
 * The steps of rearrange, reduce and repeat, and what every op asks of a tensor. Kept apart
 * from einsum's and pack's steps so that an app that calls only these three ships none of the
 * embedded engine's GEMM, concat or slice kernels (see `withAllSteps` in backends/ndarray.ts).
 */
export interface CoreBackend<T = unknown> {
  /** For messages, e.g. `ndarray`, `tfjs`. */
  readonly name: string;
  /**
   * Every step costs a fixed amount even when it moves no data (tfjs: a kernel dispatch and a
   * new tensor, even for a reshape), so plans take the fewest steps rather than the fewest
   * dimensions: `tf.mean(x, [2, 3])` rather than a reshape merging h and w, then a mean, then
   * a reshape back. Left out where a reshape is a free view (the NDArray).
   */
  readonly fixedCostPerStep?: boolean;
  /** Whether this backend handles `x` (einops' `is_appropriate_type`). */
  isAppropriate(x: unknown): x is T;
  /** The lengths of x's dimensions. */
  shape(x: T): readonly number[];
  /** x with a new shape of the same size, in row-major order (a view where the library can). */
  reshape(x: T, shape: readonly number[]): T;
  /** x with its axes reordered: axis i of the result is axis `permutation[i]` of x. */
  transpose(x: T, permutation: readonly number[]): T;
  /** x reduced over `axes`, which leave the shape. */
  reduce(x: T, reduction: ReductionName, axes: readonly number[]): T;
  /** A result with `rank` dimensions: `added` maps new positions to their lengths, the other positions take x's axes in order. */
  addAxes(x: T, rank: number, added: ReadonlyMap<number, number>): T;
  /** Stacks same-shaped tensors on a new first axis. */
  stack(xs: readonly T[]): T;
  /** Whether x holds floating-point numbers (`mean` refuses the others). */
  isFloat(x: T): boolean;
  /** The dtype's name, for messages. */
  dtype(x: T): string;
  /** A host copy (or view) as the embedded NDArray. */
  toNDArray(x: T): NDArray;
  /**
   * Libraries whose tensors are freed by hand (tfjs) give the three below, so that the caller
   * owns exactly what an op returns; libraries with garbage-collected tensors leave them out.
   * An op (`inScope`) first calls `checkInput` on each input (e.g. to refuse a disposed tensor
   * in einops' words; `index` is its position among the op's inputs)...
   */
  checkInput?(x: T, index: number): void;
  /**
   * ...then runs its steps in `scope`, which frees every tensor they made except what they
   * return. An op of at most one backend call skips the scope: each method frees what it
   * makes but its result, and a tf.tidy would cost as much as a small op's dispatch...
   */
  scope?<R>(steps: () => R): R;
  /** ...and an input that the steps handed back unchanged becomes a new handle, for the caller to own. */
  newHandle?(x: T): T;
}

/**
 * Runs an op's `steps` on its `inputs` as the backend wants them run (see `checkInput`,
 * `scope`, `newHandle`). `oneStep`: the steps make at most one backend call, so no scope.
 */
export function inScope<R>(backend: CoreBackend, inputs: readonly unknown[], steps: () => R, oneStep = false): R {
  if (backend.checkInput !== undefined) inputs.forEach((x, index) => backend.checkInput!(x, index));
  if (backend.scope === undefined || oneStep) return ownedResult(backend, steps(), inputs);
  return backend.scope(() => ownedResult(backend, steps(), inputs));
}

/** The result of an op, as the caller may own it: no input handed back itself (see `newHandle`). */
export function ownedResult<R>(backend: CoreBackend, result: R, inputs: readonly unknown[]): R {
  if (backend.newHandle === undefined) return result;
  if (Array.isArray(result)) return result.map((item: unknown) => ownedResult(backend, item, inputs)) as R;
  return inputs.includes(result) ? (backend.newHandle(result) as R) : result;
}
