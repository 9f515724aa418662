/**
 * Pattern + shape + axes lengths → output shape, at the type level: the twin of
 * `runtime/bind.ts`, with the same checks in the same order (axes lengths, lengths of new
 * axes, rank, then each dimension), and the same reasons.
 *
 * Lengths are number literals; `number` (an unknown length) flows through every step. A shape
 * that is not a fixed-length tuple has an unknown rank: each dimension of the pattern takes
 * `number`, and the ellipsis `...number[]`.
 */
import type { CompareDigits, Digit, DivideDigits, Product, ToDigits } from './arithmetic';
import type { RecipeOp, Without } from './compile';
import type { WriteAxisLengthNameMessage, WriteCannotInferMessage, WriteInvalidAxisLengthMessage, WriteMinimumRankMessage, WriteNotDivisibleMessage, WriteProductMismatchMessage, WriteRankMessage, WriteRepeatNeedsLengthMessage, WriteUnusedAxisLengthMessage } from './messages';
import type { AnonymousAxis, CompositionDim, Dim, Ellipsis, Pattern } from './parse';
/** Axes lengths as an op takes them: `{ h1: 2, w1: 2 }`. */
export type AxesLengths = {
    readonly [name: string]: number;
};
/** Whether a key could be an axis name: the ASCII rules of `pattern/axisName.ts`. */
type IsAxisName<Name extends string> = Name extends '' | `${Digit}${string}` | `_${string}` | `${string}_` ? false : Name extends `${string}${NotInName}${string}` ? false : true;
type NotInName = ' ' | '(' | ')' | '.' | '\u2026' | '!' | '"' | '#' | '$' | '%' | '&' | "'" | '*' | '+' | ',' | '-' | '/' | ':' | ';' | '<' | '=' | '>' | '?' | '@' | '[' | '\\' | ']' | '^' | '`' | '{' | '|' | '}' | '~' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x00' | '\x7f';
type MaxSafeDigits = ToDigits<9007199254740991>;
/** Number.isSafeInteger(value) && value >= 0, for a number literal. */
type IsLengthValue<Value extends number> = `${Value}` extends `${string}${'-' | '.' | 'e'}${string}` ? false : CompareDigits<ToDigits<Value>, MaxSafeDigits> extends '>' ? false : true;
type AxisLengthProblem<Name extends string, Value, Known extends string> = Name extends Known ? number extends Value ? never : IsLengthValue<Value & number> extends true ? never : WriteInvalidAxisLengthMessage<Name, `${Value & number}`> : IsAxisName<Name> extends true ? WriteUnusedAxisLengthMessage<Name> : WriteAxisLengthNameMessage<Name>;
/** One of the problems (in no particular order: an object's keys have none at the type level). */
type OneOf<Problems> = (Problems extends unknown ? (x: () => Problems) => void : never) extends (x: infer Last) => void ? Last extends () => infer Problem ? Problem : never : never;
type CheckAxesLengths<A, Known extends string> = string extends keyof A ? never : OneOf<{
    [K in keyof A]-?: AxisLengthProblem<`${K & (string | number)}`, A[K], Known>;
}[keyof A]>;
/** How a dimension failed, before the walk adds which dimension it is. */
type DimFailure = readonly ['mismatch', composition: string, product: number] | readonly ['divide', composition: string, knownProduct: number] | readonly ['infer', names: readonly string[], composition: string];
type JoinAxes<D extends CompositionDim, Out extends string = ''> = D extends readonly [
    infer Axis extends string,
    ...infer Rest extends CompositionDim
] ? JoinAxes<Rest, Out extends '' ? Axis : `${Out} ${Axis}`> : Out;
/** As the runtime writes a composition in messages: `(h 2)`, `()`. */
type Describe<D extends CompositionDim> = `(${JoinAxes<D>})`;
type AnonymousLength<Axis extends string> = Axis extends `${infer N extends number}` ? N : number;
type SameLength<A extends number, B extends number> = number extends A ? true : number extends B ? true : A extends B ? true : false;
/** [axes of unknown length, lengths of the others]. */
type Partition<D extends CompositionDim, A, Unknown extends string[] = [], Known extends number[] = []> = D extends readonly [
    infer Axis extends string,
    ...infer Rest extends CompositionDim
] ? Axis extends keyof A ? Partition<Rest, A, Unknown, [...Known, A[Axis] & number]> : Axis extends AnonymousAxis ? Partition<Rest, A, Unknown, [...Known, AnonymousLength<Axis>]> : Partition<Rest, A, [...Unknown, Axis], Known> : [Unknown, Known];
type Bind<Bound, Name extends string, Length extends number> = Bound & {
    [K in Name]: Length;
};
/** The lengths learnt from one dimension of length L, added to Bound; or how it failed. */
type BindDim<D extends CompositionDim, L extends number, A, Bound> = D extends readonly [infer Axis extends string] ? Axis extends keyof A ? SameLength<A[Axis] & number, L> extends true ? Bound : ['mismatch', Describe<D>, A[Axis] & number] : Axis extends AnonymousAxis ? SameLength<AnonymousLength<Axis>, L> extends true ? Bound : ['mismatch', Describe<D>, AnonymousLength<Axis>] : Bind<Bound, Axis, L> : D extends readonly [] ? SameLength<1, L> extends true ? Bound : ['mismatch', '()', 1] : Partition<D, A> extends [infer Unknown extends string[], infer Known extends number[]] ? Unknown extends [infer Axis extends string] ? number extends L ? Bind<Bound, Axis, number> : Product<Known> extends infer KnownProduct extends number ? number extends KnownProduct ? Bind<Bound, Axis, number> : KnownProduct extends 0 ? ['divide', Describe<D>, 0] : DivideDigits<L, ToDigits<KnownProduct>> extends [infer Quotient extends number, infer Remainder] ? Remainder extends '' ? Bind<Bound, Axis, Quotient> : ['divide', Describe<D>, KnownProduct] : never : never : Unknown extends [] ? Product<Known> extends infer P extends number ? SameLength<P, L> extends true ? Bound : ['mismatch', Describe<D>, P] : never : ['infer', Unknown, Describe<D>] : never;
type DescribeFailure<F extends DimFailure, Dimension extends number, L extends number> = F extends readonly [
    'mismatch',
    infer C extends string,
    infer P extends number
] ? WriteProductMismatchMessage<Dimension, L, C, P> : F extends readonly ['divide', infer C extends string, infer P extends number] ? WriteNotDivisibleMessage<Dimension, L, C, P> : F extends readonly ['infer', infer Names extends readonly string[], infer C extends string] ? WriteCannotInferMessage<Names, C> : never;
interface BindContext {
    /** The whole shape, for the positions of dimensions in messages. */
    readonly shape: readonly number[];
    readonly dims: readonly Dim[];
    readonly axes: unknown;
}
type CountFixed<Dims extends readonly Dim[], Count extends 0[] = []> = Dims extends readonly [
    infer D,
    ...infer Rest extends readonly Dim[]
] ? CountFixed<Rest, D extends Ellipsis ? Count : [...Count, 0]> : Count['length'];
type RankProblem<Ctx extends BindContext> = Ellipsis extends Ctx['dims'][number] ? WriteMinimumRankMessage<CountFixed<Ctx['dims']>, Ctx['shape']['length']> : WriteRankMessage<Ctx['dims']['length'], Ctx['shape']['length']>;
/** The position of the first element of `Rest` in the whole shape. */
type PositionOf<Shape extends readonly number[], Rest extends readonly number[]> = Shape extends readonly [
    ...infer Before extends readonly number[],
    ...Rest
] ? Before['length'] : number;
/**
 * The left side's dims from the front; at the ellipsis, the rest from the back, and what is
 * left of the shape is the ellipsis' part. The first failing dimension is kept in `Problem`
 * while the walk goes on, because a wrong rank is reported before any dimension.
 * Result: [lengths, the ellipsis' dimensions] or the reason.
 */
type BindFront<Dims extends readonly Dim[], Shape extends readonly number[], Ctx extends BindContext, Bound, Problem extends string = never> = Dims extends readonly [infer D, ...infer Rest extends readonly Dim[]] ? D extends CompositionDim ? Shape extends readonly [infer L extends number, ...infer ShapeRest extends readonly number[]] ? [Problem] extends [never] ? BindDim<D, L, Ctx['axes'], Bound> extends infer B ? B extends DimFailure ? BindFront<Rest, ShapeRest, Ctx, Bound, DescribeFailure<B, PositionOf<Ctx['shape'], Shape>, L>> : BindFront<Rest, ShapeRest, Ctx, B> : never : BindFront<Rest, ShapeRest, Ctx, Bound, Problem> : RankProblem<Ctx> : BindBack<Rest, Shape, Ctx, Bound, Problem> : Shape extends readonly [] ? [Problem] extends [never] ? [Bound, []] : Problem : RankProblem<Ctx>;
/** From the back, a dimension further left replaces the problem found: the runtime goes left to right. */
type BindBack<Dims extends readonly Dim[], Shape extends readonly number[], Ctx extends BindContext, Bound, Problem extends string, BackProblem extends string = never> = Dims extends readonly [...infer Rest extends readonly Dim[], infer D extends CompositionDim] ? Shape extends readonly [...infer ShapeRest extends readonly number[], infer L extends number] ? [Problem] extends [never] ? BindDim<D, L, Ctx['axes'], Bound> extends infer B ? B extends DimFailure ? BindBack<Rest, ShapeRest, Ctx, Bound, Problem, DescribeFailure<B, ShapeRest['length'], L>> : BindBack<Rest, ShapeRest, Ctx, B, Problem, BackProblem> : never : BindBack<Rest, ShapeRest, Ctx, Bound, Problem> : RankProblem<Ctx> : [Problem | BackProblem] extends [never] ? [Bound, Shape] : [Problem] extends [never] ? BackProblem : Problem;
/** A shape of unknown rank, as the pattern sees it: `number` per dim, `...number[]` for the ellipsis. */
type UnknownRankShape<Dims extends readonly Dim[], Out extends number[] = []> = Dims extends readonly [
    infer D,
    ...infer Rest extends readonly Dim[]
] ? D extends Ellipsis ? [...Out, ...number[], ...UnknownRankShape<Rest>] : UnknownRankShape<Rest, [...Out, number]> : Out;
type AxisLength<Axis extends string, Lengths, E extends readonly number[]> = Axis extends keyof Lengths ? Lengths[Axis] & number : Axis extends Ellipsis ? Product<E> : AnonymousLength<Axis>;
type AxisLengths<D extends CompositionDim, Lengths, E extends readonly number[]> = {
    [I in keyof D]: AxisLength<D[I], Lengths, E>;
};
type OutputShape<Dims extends readonly Dim[], Lengths, E extends readonly number[], Out extends number[] = []> = Dims extends readonly [
    infer D,
    ...infer Rest extends readonly Dim[]
] ? D extends readonly [infer Axis extends string] ? OutputShape<Rest, Lengths, E, [...Out, AxisLength<Axis, Lengths, E>]> : D extends CompositionDim ? OutputShape<Rest, Lengths, E, [...Out, Product<AxisLengths<D, Lengths, E>>]> : OutputShape<Rest, Lengths, E, [...Out, ...E]> : Out;
/** The output shape of a checked pattern (see compile.ts) on shape S with axes lengths A, or the reason. */
export type BindPattern<Op extends RecipeOp, P extends Pattern, S extends readonly number[], A> = CheckAxesLengths<A, P['left']['names'][number] | P['right']['names'][number]> extends infer Problem extends string ? [Problem] extends [never] ? BindChecked<Op, P, S, A> : Problem : never;
type BindChecked<Op extends RecipeOp, P extends Pattern, S extends readonly number[], A> = (Op extends 'repeat' ? Without<Without<P['right']['names'], P['left']['names'][number]>, keyof A> : []) extends infer Missing extends [string, ...string[]] ? WriteRepeatNeedsLengthMessage<Missing> : BindFront<P['left']['dims'], number extends S['length'] ? UnknownRankShape<P['left']['dims']> : S, {
    shape: S;
    dims: P['left']['dims'];
    axes: A;
}, {}> extends infer Bound ? Bound extends [infer Lengths, infer E extends readonly number[]] ? OutputShape<P['right']['dims'], Lengths & A, E> : Bound : never;
export {};
