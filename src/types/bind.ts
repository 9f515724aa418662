/**
 * Pattern + shape + axes lengths → output shape, at the type level: the twin of
 * `runtime/bind.ts`, with the same checks in the same order (axes lengths, lengths of new
 * axes, rank, then each dimension), and the same reasons.
 *
 * Lengths are number literals; `number` (an unknown length) flows through every step. A shape
 * that is not a fixed-length tuple has an unknown rank: each dimension of the pattern takes
 * `number`, and the ellipsis `...number[]`.
 */
import type { CompareDigits, DivideDigits, FromDigits, NotDecimalText, Product, Reverse, TimesFactor, ToDigits } from './arithmetic';
import type { NotAxisName } from './characters';
import type { NamesInOrder, RecipeOp } from './compile';
import type {
  WriteAxisLengthNameMessage,
  WriteCannotInferMessage,
  WriteInvalidAxisLengthMessage,
  WriteMinimumRankMessage,
  WriteNotDivisibleMessage,
  WriteProductMismatchMessage,
  WriteRankMessage,
  WriteRepeatNeedsLengthMessage,
  WriteResultSizeMessage,
  WriteUnusedAxisLengthMessage,
} from './messages';
import type { CompositionDim, Dim, Ellipsis, Expression, Pattern } from './parse';

/** Axes lengths as an op takes them: `{ h1: 2, w1: 2 }`. */
export type AxesLengths = { readonly [name: string]: number };

// ── axes lengths ─────────────────────────────────────────────────────────────────────────

/** Whether a key could be an axis name: the ASCII rules of `pattern/axisName.ts`. */
type IsAxisName<Name extends string> = Name extends NotAxisName ? false : true;

type MaxSafeDigits = ToDigits<9007199254740991>;

/** Number.isSafeInteger(value) && value >= 0, for a number literal. */
type IsLengthValue<Value extends number> = `${Value}` extends NotDecimalText
  ? false
  : CompareDigits<ToDigits<Value>, MaxSafeDigits> extends '>'
    ? false
    : true;

type AxisLengthProblem<Name extends string, Value, Known extends string> = Name extends Known
  ? number extends Value
    ? never
    : IsLengthValue<Value & number> extends true
      ? never
      : WriteInvalidAxisLengthMessage<Name, `${Value & number}`>
  : IsAxisName<Name> extends true
    ? WriteUnusedAxisLengthMessage<Name>
    : WriteAxisLengthNameMessage<Name>;

/** One of the problems (in no particular order: an object's keys have none at the type level). */
type OneOf<Problems> = (Problems extends unknown ? (x: () => Problems) => void : never) extends (
  x: infer Last,
) => void
  ? Last extends () => infer Problem
    ? Problem
    : never
  : never;

type CheckAxesLengths<A, Known extends string> = string extends keyof A
  ? never
  : OneOf<{ [K in keyof A]-?: AxisLengthProblem<`${K & (string | number)}`, A[K], Known> }[keyof A]>;

// ── binding the left side to the shape ───────────────────────────────────────────────────

/** A length learnt from the shape. (Objects, not tuples: indexing tuples resolves all of Array.) */
interface Learnt<Name extends string = string, L extends number = number> {
  readonly name: Name;
  readonly length: L;
}

/** How a dimension of length L failed, before the walk adds which dimension it is. */
interface DimFailure<Reason = unknown, L extends number = number> {
  readonly failure: Reason;
  readonly length: L;
}

type JoinAxes<D extends CompositionDim, Out extends string = ''> = D extends readonly [
  infer Axis extends string | number,
  ...infer Rest extends CompositionDim,
]
  ? JoinAxes<Rest, Out extends '' ? `${Axis}` : `${Out} ${Axis}`>
  : Out;

/** As the runtime writes a composition in messages: `(h 2)`, `()`. */
type Describe<D extends CompositionDim> = `(${JoinAxes<D>})`;

type SameLength<A extends number, B extends number> = number extends A ? true : number extends B ? true : A extends B ? true : false;

/** [names of unknown length, lengths of the other axes]. */
type Partition<D extends CompositionDim, A, Unknown extends string[] = [], Known extends number[] = []> = D extends readonly [
  infer Axis,
  ...infer Rest extends CompositionDim,
]
  ? Axis extends number
    ? Partition<Rest, A, Unknown, [...Known, Axis]>
    : Axis extends keyof A
      ? Partition<Rest, A, Unknown, [...Known, A[Axis] & number]>
      : Partition<Rest, A, [...Unknown, Axis & string], Known>
  : [Unknown, Known];

type Mismatch<Composition extends string, Product extends number, L extends number> = DimFailure<
  ['mismatch', Composition, Product],
  L
>;

/** A composition of several axes (or none) of length L: the length learnt, if any. */
type BindComposition<D extends CompositionDim, L extends number, A> = D extends readonly []
  ? SameLength<1, L> extends true
    ? never
    : Mismatch<'()', 1, L>
  : Partition<D, A> extends [infer Unknown extends string[], infer Known extends number[]]
    ? Unknown extends [infer Axis extends string]
      ? number extends L
        ? Learnt<Axis, number>
        : Product<Known> extends infer KnownProduct extends number
          ? number extends KnownProduct
            ? Learnt<Axis, number>
            : KnownProduct extends 0
              ? DimFailure<['divide', Describe<D>, 0], L>
              : DivideDigits<L, ToDigits<KnownProduct>> extends [infer Quotient extends number, infer Remainder]
                ? Remainder extends ''
                  ? Learnt<Axis, Quotient>
                  : DimFailure<['divide', Describe<D>, KnownProduct], L>
                : never
          : never
      : Unknown extends []
        ? Product<Known> extends infer P extends number
          ? SameLength<P, L> extends true
            ? never
            : Mismatch<Describe<D>, P, L>
          : never
        : DimFailure<['infer', Unknown, Describe<D>], L>
    : never;

/** What one dimension of the left side teaches: a length, nothing, or a failure. */
type BindDim<D, L extends number, A> = D extends string
  ? D extends keyof A
    ? SameLength<A[D] & number, L> extends true
      ? never
      : Mismatch<`(${D})`, A[D] & number, L>
    : Learnt<D, L>
  : D extends CompositionDim
    ? BindComposition<D, L, A>
    : never;

type BindDims<Dims extends readonly Dim[], Shape extends readonly number[], A> = {
  [I in keyof Dims]: BindDim<Dims[I], Shape[I & keyof Shape] & number, A>;
};

type DescribeFailure<Reason, Dimension extends number, L extends number> = Reason extends [
  'mismatch',
  infer C extends string,
  infer P extends number,
]
  ? WriteProductMismatchMessage<Dimension, L, C, P>
  : Reason extends ['divide', infer C extends string, infer P extends number]
    ? WriteNotDivisibleMessage<Dimension, L, C, P>
    : Reason extends ['infer', infer Names extends readonly string[], infer C extends string]
      ? WriteCannotInferMessage<Names, C>
      : never;

/** The reason of the first failing dimension, which is the dimension `Before['length']`. */
type FirstFailure<Bound extends readonly unknown[], Before extends readonly unknown[]> = Bound extends readonly [
  infer B,
  ...infer Rest,
]
  ? [B] extends [DimFailure<infer Reason, infer L>] // not distributed: `never` is a dimension that passed
    ? [B] extends [never]
      ? FirstFailure<Rest, [...Before, B]>
      : DescribeFailure<Reason, Before['length'], L>
    : FirstFailure<Rest, [...Before, B]>
  : never;

type NumbersFor<Dims extends readonly unknown[]> = { [I in keyof Dims]: number };

/**
 * Binds the dims before the ellipsis to the start of S, those after it to PostShape (the end
 * of S); E is what the ellipsis matched. Result: [the union of lengths learnt, E], or the
 * reason of the first dimension that fails, in the runtime's left-to-right order.
 */
type BindSides<
  L extends Expression,
  A,
  S extends readonly number[],
  E extends readonly number[],
  PostShape extends readonly number[],
> = [keyof A] extends [never]
  ? L['post'] extends readonly []
    ? L['pre'][number] extends string
      ? [BindNames<L['pre'], S>[number], E]
      : BindEach<L, A, S, E, PostShape>
    : BindEach<L, A, S, E, PostShape>
  : BindEach<L, A, S, E, PostShape>;

/** Dims that are all single names, without axes lengths, the usual left side: nothing to check. */
type BindNames<Dims extends readonly Dim[], Shape extends readonly number[]> = {
  [I in keyof Dims]: Learnt<Dims[I] & string, Shape[I & keyof Shape] & number>;
};

type BindEach<
  L extends Expression,
  A,
  S extends readonly number[],
  E extends readonly number[],
  PostShape extends readonly number[],
> = L['post'] extends readonly []
  ? BindInOrder<L['pre'], S, A, E>
  : BindDims<L['pre'], S, A> extends infer Pre extends readonly unknown[]
    ? BindDims<L['post'], PostShape, A> extends infer Post extends readonly unknown[]
      ? [Pre[number] | Post[number]] extends [Learnt]
        ? [Pre[number] | Post[number], E]
        : [FirstFailure<Pre, []>] extends [never]
          ? FirstFailure<Post, [...Pre, ...E]>
          : FirstFailure<Pre, []>
      : never
    : never;

/**
 * The dims bound one by one to the start of S, reading S at an index (a counter shared by all
 * calls) rather than taking it apart, and stopping at the first failure: no tuple of this
 * call's lengths is built. Result: [the union of lengths learnt, E], or the reason.
 */
type BindInOrder<
  Dims extends readonly Dim[],
  S extends readonly number[],
  A,
  E extends readonly number[],
  I extends 0[] = [],
  Learnts extends Learnt = never,
> = Dims extends readonly [infer D, ...infer Rest extends readonly Dim[]]
  ? BindDim<D, S[I['length']], A> extends infer B
    ? [B] extends [never]
      ? BindInOrder<Rest, S, A, E, [...I, 0], Learnts>
      : B extends Learnt
        ? BindInOrder<Rest, S, A, E, [...I, 0], Learnts | B>
        : B extends DimFailure<infer Reason, infer L>
          ? DescribeFailure<Reason, I['length'], L>
          : never
    : never
  : [Learnts, E];

/** Splits the shape at the left side's ellipsis (checking the rank) and binds both sides of it. */
type BindShape<L extends Expression, S extends readonly number[], A> = L['ellipsis'] extends 'top'
  ? number extends S['length']
    ? BindSides<L, A, NumbersFor<L['pre']>, number[], NumbersFor<L['post']>>
    : S extends readonly [...NumbersFor<L['pre']>, ...infer Rest extends readonly number[]]
      ? L['post'] extends readonly []
        ? BindSides<L, A, S, Rest, []>
        : Rest extends readonly [...infer E extends readonly number[], ...NumbersFor<L['post']>]
          ? Rest extends readonly [...E, ...infer PostShape extends readonly number[]]
            ? BindSides<L, A, S, E, PostShape>
            : never
          : WriteMinimumRankMessage<[...L['pre'], ...L['post']]['length'] & number, S['length']>
      : WriteMinimumRankMessage<[...L['pre'], ...L['post']]['length'] & number, S['length']>
  : number extends S['length']
    ? BindSides<L, A, NumbersFor<L['pre']>, [], []>
    : L['pre']['length'] extends S['length']
      ? BindSides<L, A, S, [], []>
      : WriteRankMessage<L['pre']['length'], S['length']>;

// ── the right side ───────────────────────────────────────────────────────────────────────

type Lengths = { readonly [name: string]: number };

type AxisLength<Axis, L extends Lengths, E extends readonly number[]> = Axis extends string
  ? Axis extends Ellipsis
    ? Product<E>
    : L[Axis]
  : Axis;

/**
 * The length of one output composition: the product of its axes' lengths, multiplied along the
 * composition itself (a tuple of the pattern's, shared by every call), so that no tuple of
 * this call's lengths is built: each new tuple type costs TypeScript far more than a step.
 */
type CompositionLength<D, L extends Lengths, E extends readonly number[]> = D extends readonly [infer Axis]
  ? AxisLength<Axis, L, E>
  : D extends readonly []
    ? 1
    : ComposedLength<D, L, E, '1'>;

type ComposedLength<D, L extends Lengths, E extends readonly number[], Acc extends string> = D extends readonly [
  infer Axis,
  ...infer Rest,
]
  ? AxisLength<Axis, L, E> extends infer F extends number
    ? number extends F
      ? number
      : ComposedLength<Rest, L, E, TimesFactor<Acc, F>>
    : never
  : FromDigits<Acc>;

// Lengths is indexed directly: `keyof` of a mapped type is computed anew at every use.
type OutputDims<Dims extends readonly Dim[], Known extends Lengths, E extends readonly number[]> = {
  [I in keyof Dims]: Dims[I] extends string ? Known[Dims[I]] : CompositionLength<Dims[I], Known, E>;
};

/** Dims that are all single names, the usual right side: a lookup each, no condition. */
type OutputNames<Dims extends readonly Dim[], Known extends Lengths> = { [I in keyof Dims]: Known[Dims[I] & string] };

type OutputShape<R extends Expression, L extends Lengths, E extends readonly number[]> = R['ellipsis'] extends 'top'
  ? [...OutputDims<R['pre'], L, E>, ...E, ...OutputDims<R['post'], L, E>]
  : R['pre'][number] extends string
    ? OutputNames<R['pre'], L>
    : OutputDims<R['pre'], L, E>;

/** The object of all lengths: those learnt from the shape and those given. */
type LengthsOf<Learnts extends Learnt, A> = [keyof A] extends [never]
  ? { [Each in Learnts as Each['name']]: Each['length'] }
  : { [Each in Learnts as Each['name']]: Each['length'] } & A;

/** The output shape of a checked pattern (see compile.ts) on shape S with axes lengths A, or the reason. */
export type BindPattern<Op extends RecipeOp, P extends Pattern, S extends readonly number[], A> = (
  [keyof A] extends [never] ? never : CheckAxesLengths<A, P['left']['names'] | P['right']['names']>
) extends infer Problem extends string
  ? [Problem] extends [never]
    ? Op extends 'repeat'
      ? [Exclude<P['right']['names'], P['left']['names'] | keyof A>] extends [never]
        ? CheckResultSize<Output<P, S, A>>
        : WriteRepeatNeedsLengthMessage<NamesInOrder<P['right'], P['left']['names'] | keyof A>>
      : Output<P, S, A>
    : Problem
  : never;

// ── the size of a result ──────────────────────────────────────────────────────────────────

/** 2^32 (MAX_ELEMENTS of ndarray/shape.ts) as digits. */
type MaxElementsDigits = ToDigits<4294967296>;

/**
 * The runtime's size check of a result (checkedSize): the message when its lengths multiply
 * past 2^32 elements (none when a length is 0). Made for repeat and einsum of several inputs
 * only: rearrange, reduce and einsum of one input give at most as many elements as their input
 * has. A length that is not known (`number`, also a product past 2^53) leaves the size unknown
 * and the shape as it is.
 */
export type CheckResultSize<Result> = Result extends readonly number[]
  ? LengthsText<Result> extends `${infer _0}${infer _1}${infer _2}${infer _3}${infer _4}${infer _5}${infer _6}${infer _7}${infer _8}${infer _9}${string}`
    ? SizeDigits<Result> extends infer Size extends string
      ? CompareDigits<Size, MaxElementsDigits> extends '>'
        ? WriteResultSizeMessage<JoinLengths<Result>, Reverse<Size>>
        : Result
      : Result
    : Result
  : Result;

/**
 * The lengths' decimal texts one after another (null when one is not known). A product has at
 * most as many digits as its factors together, so with fewer than ten it is below 2^32 and
 * is not worked out: the usual shape ends here, without a multiplication.
 */
type LengthsText<Shape extends readonly number[], I extends 0[] = [], Out extends string = ''> = I['length'] extends Shape['length']
  ? Out
  : Shape[I['length']] extends infer L extends number
    ? number extends L
      ? null
      : LengthsText<Shape, [...I, 0], `${Out}${L}`>
    : null;

/** The digits of the product of the lengths, read at indices; null when one is not known. */
type SizeDigits<Shape extends readonly number[], I extends 0[] = [], Acc extends string = '1'> = I['length'] extends Shape['length']
  ? Acc
  : Shape[I['length']] extends infer L extends number
    ? number extends L
      ? null
      : SizeDigits<Shape, [...I, 0], TimesFactor<Acc, L>>
    : null;

type JoinLengths<Shape extends readonly number[], I extends 0[] = [], Out extends string = ''> = I['length'] extends Shape['length']
  ? Out
  : JoinLengths<Shape, [...I, 0], I extends [] ? `${Shape[0]}` : `${Out}, ${Shape[I['length']]}`>;

/**
 * The output shape of a checked pattern. Without axes lengths, every name on the right is on
 * the left (rearrange and reduce allow no other, and repeat has failed already), so a right
 * side of names after a plain left side is read straight from the shape (NamesAt).
 */
type Output<P extends Pattern, S extends readonly number[], A> = IsPlainLeft<P['left'], S, A> extends true
  ? [keyof A] extends [never]
    ? IsNamesOnly<P['right']> extends true
      ? NamesAt<P['right']['pre'], IndexOf<P['left']['pre']>, S>
      : OutputShape<P['right'], LengthsAt<IndexOf<P['left']['pre']>, S, A>, []>
    : OutputShape<P['right'], LengthsAt<IndexOf<P['left']['pre']>, S, A>, []>
  : BindShape<P['left'], S, A> extends infer Bound
    ? Bound extends [infer Learnts extends Learnt, infer E extends readonly number[]]
      ? OutputShape<P['right'], LengthsOf<Learnts, A>, E>
      : Bound
    : never;

// ── the short path: a left side of names only, on a shape of its rank ──────────────────────
// What depends on the pattern alone is an alias of a side alone (IsNamesOnly, IndexOf), which
// TypeScript computes once per side; a call adds its shape's lookups.

/**
 * Whether binding cannot fail and learns each name's length from its dimension: names only,
 * no ellipsis, the shape's rank known and equal, and no axes length given for a left name
 * (which would have to agree with the shape). The usual call; it then costs a lookup per name.
 */
type IsPlainLeft<L extends Expression, S extends readonly number[], A> = number extends S['length']
  ? false
  : (IsNamesOnly<L> extends true ? L['pre']['length'] : null) extends S['length']
    ? [keyof A & L['names']] extends [never]
      ? true
      : false
    : false;

/** A side of single names, without an ellipsis. */
type IsNamesOnly<E extends Expression> = E['ellipsis'] extends 'none' ? (E['pre'][number] extends string ? true : false) : false;

/** Each name's index in the dims, e.g. `{ b: 0; c: 1 }`: one per left side, shared by every call with it. */
type IndexOf<Dims extends readonly Dim[], I extends 0[] = [], Out = {}> = Dims extends readonly [
  infer D extends string,
  ...infer Rest extends readonly Dim[],
]
  ? IndexOf<Rest, [...I, 0], Out & { readonly [K in D]: I['length'] }>
  : { readonly [K in keyof Out]: Out[K] };

/**
 * A right side of names, all of them on the left, without axes lengths: each read from the
 * shape at its index on the left.
 */
type NamesAt<Dims extends readonly Dim[], Index, S extends readonly number[]> = { [I in keyof Dims]: S[Index[Dims[I] & keyof Index] & number] };

/** The lengths of the names read from the shape at their indices (computed when read), and the axes lengths given. */
type LengthsAt<Index, S extends readonly number[], A> = [keyof A] extends [never]
  ? { readonly [N in keyof Index]: S[Index[N] & number] }
  : { readonly [N in keyof Index]: S[Index[N] & number] } & A;
