/**
 * The parameter and result types of the public ops, in terms of the tensor registry: what
 * `runtime/ops.ts` declares. A pattern parameter is the pattern itself when the call is valid
 * and the error message otherwise, so a wrong call is an error on the pattern argument that
 * reads like the runtime's EinopsError.
 */
import type { NDArray } from '../ndarray/ndarray';
import type { AxesLengths } from './bind';
import type { RecipeOp } from './compile';
import type { WriteMeanOfIntegersMessage, WriteUnknownReductionMessage } from './messages';
import type { EinopsErrorMessage, OpShape, ReductionDetail, ReductionName } from './ops';
import type { Expression, ParsePattern } from './parse';
import type { ParseShapeResult } from './parseShape';
import type { InputEntry, InputShape } from './registry';

export type { AxesLengths };

/** A reduction given as a function of the tensor and the axes to reduce (einops' callable). */
// The result is only required to be a tensor: the runtime checks its shape, and a helper typed
// for any NDArray (any dtype) is a fine reduction. The op's result type comes from the pattern.
export type ReductionFunction<T> = (x: T, axes: readonly number[]) => unknown;

/**
 * The function reduce may take for input X: it gets the input reshaped to its elementary axes
 * (so of any shape) and the axes to reduce.
 */
export type ReductionFunctionFor<X> = ReductionFunction<
  [InputEntry<X>] extends [never] ? TensorOf<X> : InputEntry<X, number[]>['withShape']
>;

/** The tensor of an op's input, or of each element of a list input. */
export type TensorOf<X> = X extends readonly unknown[] ? X[number] : X;

/**
 * P when the call is valid, else the message that the pattern argument then fails to match.
 * (For a union of tensor types, the call must be valid for each.) P is inferred from this
 * parameter's true branch only: the message is behind NoInfer.
 */
export type PatternParameter<P extends string, Result> = [Extract<Result, string>] extends [never]
  ? P
  : NoInfer<Extract<Result, string>>;

/**
 * The input's tensor type with the result's shape (any shape when the call is an error). An
 * NDArray is rebuilt directly, without its registry entry (see InputEntry in registry.ts).
 */
type Shaped<X, Result> = X extends NDArray<readonly number[], infer D>
  ? NDArray<Result extends readonly number[] ? Result : number[], D>
  : RegistryShaped<X, Result>;

type RegistryShaped<X, Result> = [InputEntry<X>] extends [never]
  ? TensorOf<X>
  : InputEntry<X, Result extends readonly number[] ? Result : number[]>['withShape'];

/** What the types make of the call: the result's shape, or the error message. Per member of a union X. */
export type OpAnalysis<Op extends RecipeOp, X, P extends string, A, Detail extends string = ''> = X extends unknown
  ? OpShape<Op, InputShape<X>, P, A, Detail>
  : never;

export type RearrangeResult<X, P extends string, A> = X extends unknown ? Shaped<X, OpAnalysis<'rearrange', X, P, A>> : never;

export type RepeatResult<X, P extends string, A> = X extends unknown ? Shaped<X, OpAnalysis<'repeat', X, P, A>> : never;

export type ReduceAnalysis<X, P extends string, R, A> = OpAnalysis<'reduce', X, P, A, ReductionDetail<R>>;

/** Whether any axis is reduced: otherwise the runtime leaves the tensor (and its dtype) as it is. */
type ReducesAxes<P extends string, S extends readonly number[]> = ParsePattern<P> extends {
  left: infer L extends Expression;
  right: infer R extends Expression;
}
  ? L['anonymous'] extends false
    ? [L['names']] extends [R['names']]
      ? L['ellipsis'] extends 'top'
        ? R['ellipsis'] extends 'none'
          ? number extends S['length']
            ? true
            : [...L['pre'], ...L['post']]['length'] extends S['length']
              ? false
              : true
          : false
        : false
      : true
    : true
  : true;

export type ReduceResult<X, P extends string, R, A> = X extends unknown ? ReduceResultOf<X, P, R, A> : never;

type ReduceResultOf<X, P extends string, R, A> = [InputEntry<X>] extends [never]
  ? TensorOf<X>
  : ReduceAnalysis<X, P, R, A> extends infer S extends readonly number[]
    ? R extends ReductionName
      ? ReducesAxes<P, InputShape<X>> extends true
        ? InputEntry<X, S>['reduced'][R]
        : InputEntry<X, S>['withShape']
      : InputEntry<X, S>['withShape']
    : InputEntry<X, number[]>['withShape'];

/** The reduction parameter: a known name, or the runtime's message for a wrong one. */
export type ReductionParameter<X, P extends string, R> = R extends string
  ? R extends ReductionName
    ? R extends 'mean'
      ? [InputEntry<X>] extends [never]
        ? R
        : InputEntry<X>['isFloat'] extends false
          ? ReducesAxes<P, InputShape<X>> extends true
            ? EinopsErrorMessage<'reduce', P, WriteMeanOfIntegersMessage<InputEntry<X>['dtype']>, ReductionDetail<R>>
            : R
          : R
      : R
    : EinopsErrorMessage<'reduce', P, WriteUnknownReductionMessage<R>, ReductionDetail<R>>
  : R;

export type ParseShapeOf<X, P extends string> = X extends unknown ? ParseShapeResult<InputShape<X>, P> : never;
