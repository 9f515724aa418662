/**
 * The parameter and result types of the public ops, in terms of the tensor registry: what
 * `runtime/ops.ts` and `runtime/parseShape.ts` declare. A pattern parameter is the pattern
 * itself when the call is valid and the error message otherwise, so a wrong call is an error
 * on the pattern argument that reads like the runtime's EinopsError.
 */
import type { AxesLengths } from './bind';
import type { RecipeOp } from './compile';
import type { WriteMeanOfIntegersMessage, WriteUnknownReductionMessage } from './messages';
import type { EinopsErrorMessage, OpName, OpShape, ReductionName } from './ops';
import type { Ellipsis, Expression, ParsePattern } from './parse';
import type { ParseShapeResult } from './parseShape';
import type { InputEntry, InputShape, IsKnownTensor } from './registry';
export type { AxesLengths };
/** A reduction given as a function of the tensor and the axes to reduce (einops' callable). */
export type ReductionFunction<T> = (x: T, axes: readonly number[]) => T;
/** The tensor of an op's input, or of each element of a list input. */
export type TensorOf<X> = X extends readonly unknown[] ? X[number] : X;
/** The input's shape, or `number[]` for a tensor type the registry does not know. */
type ShapeFor<X> = IsKnownTensor<X> extends true ? InputShape<X> : number[];
/** P when the call is valid, else the message that the pattern argument then fails to match. */
export type PatternParameter<P extends string, Result> = Result extends string ? Result : P;
/** The input's tensor type with the result's shape (any shape when the call is an error). */
type Shaped<X, Result> = IsKnownTensor<X> extends true ? InputEntry<X, Result extends readonly number[] ? Result : number[]>['withShape'] : TensorOf<X>;
export type OpAnalysis<Op extends RecipeOp, X, P extends string, A, Name extends string = Op> = OpShape<Op, ShapeFor<X>, P, A, Name>;
export type RearrangeResult<X, P extends string, A> = Shaped<X, OpAnalysis<'rearrange', X, P, A>>;
export type RepeatResult<X, P extends string, A> = Shaped<X, OpAnalysis<'repeat', X, P, A>>;
export type ReduceAnalysis<X, P extends string, R, A> = OpAnalysis<'reduce', X, P, A, OpName<'reduce', R>>;
/** Whether any axis is reduced: otherwise the runtime leaves the tensor (and its dtype) as it is. */
type ReducesAxes<P extends string, S extends readonly number[]> = ParsePattern<P> extends {
    left: infer L extends Expression;
    right: infer R extends Expression;
} ? L['anonymous'] extends [] ? [L['names'][number]] extends [R['names'][number]] ? L['ellipsis'] extends 'top' ? R['ellipsis'] extends 'none' ? number extends S['length'] ? true : EllipsisTakesNothing<L['dims'], S> extends true ? false : true : false : false : true : true : true;
/** Whether S has exactly as many dimensions as the dims other than the ellipsis. */
type EllipsisTakesNothing<Dims extends readonly unknown[], S extends readonly number[], Count extends 0[] = []> = Dims extends readonly [infer D, ...infer Rest] ? EllipsisTakesNothing<Rest, S, D extends Ellipsis ? Count : [...Count, 0]> : Count['length'] extends S['length'] ? true : false;
export type ReduceResult<X, P extends string, R, A> = IsKnownTensor<X> extends true ? ReduceAnalysis<X, P, R, A> extends infer S extends readonly number[] ? R extends ReductionName ? ReducesAxes<P, ShapeFor<X>> extends true ? InputEntry<X, S>['reduced'][R] : InputEntry<X, S>['withShape'] : InputEntry<X, S>['withShape'] : InputEntry<X, number[]>['withShape'] : TensorOf<X>;
/** The reduction parameter: a known name, or the runtime's message for a wrong one. */
export type ReductionParameter<X, P extends string, R> = R extends string ? R extends ReductionName ? R extends 'mean' ? IsKnownTensor<X> extends true ? InputEntry<X, []>['isFloat'] extends false ? ReducesAxes<P, ShapeFor<X>> extends true ? EinopsErrorMessage<OpName<'reduce', R>, P, WriteMeanOfIntegersMessage<InputEntry<X, []>['dtype']>> : R : R : R : R : EinopsErrorMessage<OpName<'reduce', R>, P, WriteUnknownReductionMessage<R>> : R;
export type ParseShapeOf<X, P extends string> = ParseShapeResult<ShapeFor<X>, P>;
