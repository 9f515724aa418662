/**
 * The public ops as a user imports them, and `explain`: what the types make of a call without
 * making it (the result's shape, or the error message), for tests that read messages.
 */
import type {
  AxesLengths,
  OpAnalysis,
  ParseShapeOf,
  ReduceAnalysis,
  ReductionParameter,
} from '../src/types';

export { parseShape, rearrange, reduce, repeat, tensor, type NDArray } from '../src/index';

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
};
