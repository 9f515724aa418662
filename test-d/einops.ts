/**
 * The public ops as a user imports them, and `explain`: what the types make of a call without
 * making it (the result's shape, or the error message), for tests that read messages.
 */
import type {
  AxesLengths,
  EinsumAnalysis,
  OpAnalysis,
  PackAnalysis,
  ParseShapeOf,
  ReduceAnalysis,
  ReductionParameter,
  UnpackAnalysis,
} from '../src/types';

export { einsum, pack, parseShape, rearrange, reduce, repeat, tensor, unpack, type NDArray } from '../src/index';

/** What the types make of a call without making it: the result's shape, or the error message. */
export declare const explain: {
  rearrange<const X, const P extends string, const A extends AxesLengths = {}>(x: X, pattern: P, axes?: A): OpAnalysis<'rearrange', X, P, A>;
  repeat<const X, const P extends string, const A extends AxesLengths = {}>(x: X, pattern: P, axes?: A): OpAnalysis<'repeat', X, P, A>;
  reduce<const X, const P extends string, const R extends string | ((...args: never[]) => unknown), const A extends AxesLengths = {}>(
    x: X,
    pattern: P,
    reduction: R,
    axes?: A,
  ): ReduceAnalysis<X, P, R, A>;
  reduction<const X, const P extends string, const R extends string>(x: X, pattern: P, reduction: R): ReductionParameter<X, P, R>;
  parseShape<const X, const P extends string>(x: X, pattern: P): ParseShapeOf<X, P>;
  einsum<const T extends readonly unknown[], const P extends string>(...args: [...tensors: T, pattern: P]): EinsumAnalysis<T, P>;
  pack<const T extends readonly unknown[], const P extends string>(tensors: T, pattern: P): PackAnalysis<T, P>;
  unpack<const X, const PS extends readonly (readonly number[])[], const P extends string>(
    packed: X,
    packedShapes: PS,
    pattern: P,
  ): UnpackAnalysis<X, PS, P>;
};
