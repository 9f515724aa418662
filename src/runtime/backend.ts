/**
 * What a tensor library must provide for einops to run on it. Backends know nothing of
 * patterns: they get plain shapes, permutations and axis lists from a bound Plan.
 */
import type { NDArray } from '../ndarray/ndarray';

export type ReductionName = 'min' | 'max' | 'sum' | 'mean' | 'prod' | 'any' | 'all';

export const REDUCTIONS: readonly ReductionName[] = ['min', 'max', 'sum', 'mean', 'prod', 'any', 'all'];

export interface Backend<T = unknown> {
  /** For messages, e.g. `ndarray`, `tfjs`. */
  readonly name: string;
  /** Whether this backend handles `x` (einops' `is_appropriate_type`). */
  isAppropriate(x: unknown): x is T;
  shape(x: T): readonly number[];
  reshape(x: T, shape: readonly number[]): T;
  transpose(x: T, permutation: readonly number[]): T;
  reduce(x: T, reduction: ReductionName, axes: readonly number[]): T;
  /** A result with `rank` dimensions: `added` maps new positions to their lengths, the other positions take x's axes in order. */
  addAxes(x: T, rank: number, added: ReadonlyMap<number, number>): T;
  /** Stacks same-shaped tensors on a new first axis. */
  stack(xs: readonly T[]): T;
  isFloat(x: T): boolean;
  /** The dtype's name, for messages. */
  dtype(x: T): string;
  /** A host copy (or view) as the embedded NDArray. */
  toNDArray(x: T): NDArray;
}
