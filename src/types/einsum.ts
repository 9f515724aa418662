/**
 * einsum at the type level: the twin of `pattern/einsum.ts` (pattern → recipe) and of
 * `bindEinsumRecipe` in `runtime/einsum.ts` (recipe + shapes → the result's shape), failing
 * with the same reasons in the same order.
 *
 * The recipe here is, per input, its labels in order (axis names, `'...'` for the top-level
 * ellipsis), and the output's labels. Columns of errors are only computed for an error, by
 * walking the text of the part the error is in.
 */
import type { NDArray } from '../ndarray/ndarray';
import type { CheckResultSize } from './bind';
import type { EinopsErrorMessage, IsPatternKnown } from './ops';
import type { InputEntry, InputShape } from './registry';
import type {
  EINSUM_MAX_AXES,
  WriteEinsumArgumentsMessage,
  WriteDuplicateAxisMessage,
  WriteEinsumAnonymousAxisMessage,
  WriteEinsumCompositionMessage,
  WriteEinsumDiagonalMessage,
  WriteEinsumEllipsisOutputMessage,
  WriteEinsumLengthMessage,
  WriteEinsumMinimumRankMessage,
  WriteEinsumOperandCountMessage,
  WriteEinsumRankMessage,
  WriteEinsumTooManyAxesMessage,
  WriteEinsumUnitAxisMessage,
  WriteOnlyOneSideMessage,
} from './messages';
import type { Dim, Expression, ParsePart, ParsePattern } from './parse';

/** The top-level ellipsis among a part's labels. */
type Ell = '...';

export interface EinsumRecipe {
  readonly inputs: readonly (readonly string[])[];
  readonly output: readonly string[];
}

// ── small helpers ────────────────────────────────────────────────────────────────────────

type Count<S extends string, C extends 0[] = []> = S extends `${string}${infer R}` ? Count<R, [...C, 0]> : C;

type IsUnitDigits<W extends string> = W extends `0${infer R}` ? IsUnitDigits<R> : W extends '1' ? true : false;

/** Prefixes each part with a comma: the text after a part, up to `->`. */
type CommaJoined<Parts extends readonly string[], Out extends string = ''> = Parts extends readonly [
  infer First extends string,
  ...infer Rest extends readonly string[],
]
  ? CommaJoined<Rest, `${Out},${First}`>
  : Out;

type SplitCommas<Text extends string, Out extends string[] = []> = Text extends `${infer Head},${infer Rest}`
  ? SplitCommas<Rest, [...Out, Head]>
  : [...Out, Text];

// ── columns, for errors only ─────────────────────────────────────────────────────────────

/**
 * The column of a part's K-th dim (counting the top-level `...`), `C` counting from the
 * pattern's start. With `Inner`, a parenthesized dim's column is that of its axis (the first
 * token that is not a unit `1`), as the runtime's `axis.column`.
 */
type DimColumn<Rest extends string, K extends 0[], C extends 0[], Inner extends boolean> = Rest extends ` ${infer N}`
  ? DimColumn<N, K, [...C, 0], Inner>
  : K extends [0, ...infer KR extends 0[]]
    ? Rest extends `(${infer N}`
      ? SkipGroup<N, KR, [...C, 0], Inner>
      : SkipWord<Rest, KR, C, Inner>
    : Inner extends true
      ? Rest extends `(${infer N}`
        ? GroupAxisColumn<N, [...C, 0]>
        : C['length']
      : C['length'];

type SkipGroup<Rest extends string, K extends 0[], C extends 0[], Inner extends boolean> = Rest extends `)${infer N}`
  ? DimColumn<N, K, [...C, 0], Inner>
  : Rest extends `${infer _}${infer N}`
    ? SkipGroup<N, K, [...C, 0], Inner>
    : C['length'];

type SkipWord<Rest extends string, K extends 0[], C extends 0[], Inner extends boolean> = Rest extends
  | ` ${string}`
  | `(${string}`
  | ''
  ? DimColumn<Rest, K, C, Inner>
  : Rest extends `${infer _}${infer N}`
    ? SkipWord<N, K, [...C, 0], Inner>
    : C['length'];

type GroupAxisColumn<Rest extends string, C extends 0[]> = Rest extends ` ${infer N}`
  ? GroupAxisColumn<N, [...C, 0]>
  : Rest extends `${infer Word} ${infer N}`
    ? Word extends `${string})${string}`
      ? C['length']
      : IsUnitDigits<Word> extends true
        ? GroupAxisColumn<` ${N}`, [...C, ...Count<Word>]>
        : C['length']
    : C['length'];

type AtColumn<Reason extends string, Text extends string, Prefix extends string, K extends 0[], Inner extends boolean> =
  `${Reason} (column ${DimColumn<Text, K, [0, ...Count<Prefix>], Inner> & number})`;

// ── pattern → recipe ─────────────────────────────────────────────────────────────────────

/** What `axisOf` says of a dim: its name, or the reason and whether the column is the axis'. */
type AxisOf<D> = D extends string
  ? D
  : D extends readonly []
    ? [WriteEinsumUnitAxisMessage, false]
    : D extends readonly [infer A]
      ? A extends Ell
        ? '\u2026'
        : A extends number
          ? [WriteEinsumAnonymousAxisMessage<A>, true]
          : A & string
      : D extends readonly unknown[]
        ? [WriteEinsumCompositionMessage<`(${JoinAxes<D>})`>, false]
        : never;

type JoinAxes<D extends readonly unknown[], Out extends string = ''> = D extends readonly [infer A, ...infer Rest]
  ? JoinAxes<Rest, Out extends '' ? `${A & (string | number)}` : `${Out} ${A & (string | number)}`>
  : Out;

/** A part's labels in order, the top-level ellipsis as `'...'`. */
type DimsOf<E extends Expression> = E['ellipsis'] extends 'top' ? [...E['pre'], Ell, ...E['post']] : [...E['pre']];

/** The labels of a part's dims, or [reason, index of the dim, whether the column is the axis']. */
type Labels<Dims extends readonly unknown[], Out extends string[] = [], K extends 0[] = []> = Dims extends readonly [
  infer D,
  ...infer Rest,
]
  ? D extends Ell
    ? Labels<Rest, [...Out, Ell], [...K, 0]>
    : AxisOf<D> extends infer A
      ? A extends string
        ? Labels<Rest, [...Out, A], [...K, 0]>
        : A extends [infer Reason extends string, infer Inner extends boolean]
          ? [Reason, K, Inner]
          : never
      : never
  : Out;

type ParseInputs<
  Whole extends string,
  Parts extends readonly string[],
  Right extends string,
  Out extends (readonly unknown[])[] = [],
> = Parts extends readonly [infer Text extends string, ...infer Rest extends readonly string[]]
  ? ParsePart<Text, Whole, `${CommaJoined<Rest>}->${Right}`, 'left', true> extends infer E
    ? E extends Expression
      ? ParseInputs<Whole, Rest, Right, [...Out, DimsOf<E>]>
      : E
    : never
  : Out;

type InputLabels<
  Dims extends readonly (readonly unknown[])[],
  Parts extends readonly string[],
  Prefix extends string = '',
  Out extends string[][] = [],
> = Dims extends readonly [infer First extends readonly unknown[], ...infer Rest extends readonly (readonly unknown[])[]]
  ? Parts extends readonly [infer Text extends string, ...infer Texts extends readonly string[]]
    ? Labels<First> extends infer L
      ? L extends string[]
        ? InputLabels<Rest, Texts, `${Prefix}${Text},`, [...Out, L]>
        : L extends [infer Reason extends string, infer K extends 0[], infer Inner extends boolean]
          ? AtColumn<Reason, Text, Prefix, K, Inner>
          : never
      : never
    : never
  : Out;

type Distinct<Names extends readonly string[], Seen extends string = never, C extends 0[] = []> = Names extends readonly [
  infer N extends string,
  ...infer Rest extends readonly string[],
]
  ? N extends Seen | Ell
    ? Distinct<Rest, Seen, C>
    : Distinct<Rest, Seen | N, [...C, 0]>
  : C['length'];

type Tuple<N extends number, T extends unknown[] = []> = T['length'] extends N ? T : Tuple<N, [...T, unknown]>;

type Flat<L extends readonly (readonly string[])[], Out extends string[] = []> = L extends readonly [
  infer F extends readonly string[],
  ...infer R extends readonly (readonly string[])[],
]
  ? Flat<R, [...Out, ...F]>
  : Out;

type TooManyAxes<Inputs extends readonly (readonly string[])[]> = Flat<Inputs> extends [...Tuple<EINSUM_MAX_AXES>, unknown, ...unknown[]]
  ? Distinct<Flat<Inputs>> extends infer N extends number
    ? Tuple<N> extends [...Tuple<EINSUM_MAX_AXES>, unknown, ...unknown[]]
      ? WriteEinsumTooManyAxesMessage<N>
      : never
    : never
  : never;

/** The output's dims checked against the inputs' axes, in the runtime's order; its labels when fine. */
type OutputLabels<
  Dims extends readonly unknown[],
  Known extends string,
  Text extends string,
  Prefix extends string,
  Out extends string[] = [],
  Unknown extends string[] = [],
  UnknownAt extends 0[] | null = null,
  K extends 0[] = [],
> = Dims extends readonly [infer D, ...infer Rest]
  ? D extends Ell
    ? OutputLabels<Rest, Known, Text, Prefix, [...Out, Ell], Unknown, UnknownAt, [...K, 0]>
    : AxisOf<D> extends infer N
      ? N extends string
        ? N extends Known
          ? N extends Out[number]
            ? AtColumn<WriteDuplicateAxisMessage<N, 'right'>, Text, Prefix, K, true>
            : OutputLabels<Rest, Known, Text, Prefix, [...Out, N], Unknown, UnknownAt, [...K, 0]>
          : OutputLabels<Rest, Known, Text, Prefix, Out, [...Unknown, N], UnknownAt extends null ? K : UnknownAt, [...K, 0]>
        : N extends [infer Reason extends string, infer Inner extends boolean]
          ? AtColumn<Reason, Text, Prefix, K, Inner>
          : never
      : never
  : UnknownAt extends 0[]
    ? AtColumn<WriteOnlyOneSideMessage<Unknown, 'right'>, Text, Prefix, UnknownAt, true>
    : Out;

/** An einsum pattern compiled, or the reason (with its column) it is not one. */
export type CompileEinsum<P extends string> = P extends `${infer Left}->${infer Right}`
  ? Right extends `${string}->${string}`
    ? ParsePattern<P>
    : SplitCommas<Left> extends infer Parts extends string[]
      ? ParseInputs<P, Parts, Right> extends infer Dims
        ? Dims extends (readonly unknown[])[]
          ? ParsePart<Right, P, '', 'right', false> extends infer E
            ? E extends Expression
              ? InputLabels<Dims, Parts> extends infer Inputs
                ? Inputs extends string[][]
                  ? [TooManyAxes<Inputs>] extends [never]
                    ? OutputLabels<DimsOf<E>, Flat<Inputs>[number], Right, `${Left}->`> extends infer Output
                      ? Output extends string[]
                        ? { inputs: Inputs; output: Output }
                        : Output
                      : never
                    : TooManyAxes<Inputs>
                  : Inputs
                : never
              : E
            : never
          : Dims
        : never
      : never
  : ParsePattern<P>;

// ── recipe + shapes → the result's shape ─────────────────────────────────────────────────

/** Splits a shape at a part's labels: [before the ellipsis, the ellipsis' dims, after]. */
type SplitShape<
  L extends readonly string[],
  S extends readonly number[],
  Pre extends number[] = [],
> = L extends readonly [infer N, ...infer Rest extends readonly string[]]
  ? N extends Ell
    ? TakeLast<S, Rest['length']> extends [infer Mid extends number[], infer Post extends number[]]
      ? [Pre, Mid, Post]
      : never
    : S extends readonly [infer F extends number, ...infer SR extends readonly number[]]
      ? SplitShape<Rest, SR, [...Pre, F]>
      : never
  : [Pre, [], []];

type TakeLast<S extends readonly number[], N extends number, Post extends number[] = []> = Post['length'] extends N
  ? [[...S], Post]
  : S extends readonly [...infer Head extends readonly number[], infer Last extends number]
    ? TakeLast<Head, N, [Last, ...Post]>
    : never;

type NamedCount<L extends readonly string[]> = CountNamed<L>;
type CountNamed<L extends readonly string[], C extends 0[] = []> = L extends readonly [infer N, ...infer Rest extends readonly string[]]
  ? CountNamed<Rest, N extends Ell ? C : [...C, 0]>
  : C['length'];

/** An unknown rank: the named dims are `number`. */
type Unknowns<L extends readonly string[], Out extends number[] = []> = L extends readonly [infer N, ...infer Rest extends readonly string[]]
  ? Unknowns<Rest, N extends Ell ? Out : [...Out, number]>
  : Out;

/**
 * Per input: [labels without the ellipsis, shape without its dims, the ellipsis' dims], in
 * order; or the rank message of the first input that does not fit; `null` dims for an
 * ellipsis of unknown rank.
 */
type Ranks<
  Inputs extends readonly (readonly string[])[],
  Shapes extends readonly (readonly number[])[],
  K extends 0[] = [],
  Out extends [string[], number[], number[] | null][] = [],
> = Inputs extends readonly [infer L extends readonly string[], ...infer Rest extends readonly (readonly string[])[]]
  ? Shapes extends readonly [infer S extends readonly number[], ...infer SRest extends readonly (readonly number[])[]]
    ? Ell extends L[number]
      ? number extends S['length']
        ? Ranks<Rest, SRest, [...K, 0], [...Out, [Named<L>, Unknowns<L>, null]]>
        : S extends readonly [...Tuple<NamedCount<L>>, ...unknown[]]
          ? SplitShape<L, S> extends [infer Pre extends number[], infer Mid extends number[], infer Post extends number[]]
            ? Ranks<Rest, SRest, [...K, 0], [...Out, [Named<L>, [...Pre, ...Post], Mid]]>
            : never
          : WriteEinsumMinimumRankMessage<K['length'], NamedCount<L>, S['length']>
      : number extends S['length']
        ? Ranks<Rest, SRest, [...K, 0], [...Out, [[...L], Unknowns<L>, []]]>
        : S['length'] extends L['length']
          ? Ranks<Rest, SRest, [...K, 0], [...Out, [[...L], [...S], []]]>
          : WriteEinsumRankMessage<K['length'], L['length'], S['length']>
    : never
  : Out;

type Named<L extends readonly string[], Out extends string[] = []> = L extends readonly [infer N extends string, ...infer Rest extends readonly string[]]
  ? Named<Rest, N extends Ell ? Out : [...Out, N]>
  : Out;

type MaxLength<R extends readonly [string[], number[], number[] | null][], Max extends unknown[] = []> = R extends readonly [
  [string[], number[], infer Mid],
  ...infer Rest extends readonly [string[], number[], number[] | null][],
]
  ? Mid extends number[]
    ? MaxLength<Rest, Mid extends [...Max, ...unknown[]] ? { [I in keyof Mid]: unknown } : Max>
    : null
  : Max['length'];

type EllipsisNames<R extends number, Out extends string[] = []> = Out['length'] extends R ? Out : EllipsisNames<R, [...Out, `...${Out['length']}`]>;

type DropFirst<T extends readonly string[], N extends number> = T['length'] extends N
  ? T
  : T extends readonly [string, ...infer Rest extends readonly string[]]
    ? DropFirst<Rest, N>
    : T;

/** The length an input gives its first dim labelled N (for a diagonal). */
type FirstLength<L extends readonly string[], S extends readonly number[], N extends string> = L extends readonly [
  infer Name,
  ...infer LRest extends readonly string[],
]
  ? S extends readonly [infer Length extends number, ...infer SRest extends readonly number[]]
    ? Name extends N
      ? Length
      : FirstLength<LRest, SRest, N>
    : number
  : number;

/**
 * The runtime's loop over each input's dims: diagonals, then lengths broadcast against 1.
 * `Names` are the axes with a length so far (keys of M), `Here` those this input has shown.
 */
type Fold<
  AllL extends readonly string[],
  AllS extends readonly number[],
  L extends readonly string[],
  S extends readonly number[],
  K extends number,
  M,
  Names extends string,
  Here extends string = never,
> = L extends readonly [infer N extends string, ...infer LRest extends readonly string[]]
  ? S extends readonly [infer Length extends number, ...infer SRest extends readonly number[]]
    ? N extends Here
      ? FirstLength<AllL, AllS, N> extends infer First extends number
        ? number extends First | Length
          ? Step<AllL, AllS, N, Length, K, M, Names, LRest, SRest, Here>
          : Length extends First
            ? Step<AllL, AllS, N, Length, K, M, Names, LRest, SRest, Here>
            : WriteEinsumDiagonalMessage<N, K, First, Length>
        : never
      : Step<AllL, AllS, N, Length, K, M, Names, LRest, SRest, Here | N>
    : [M, Names]
  : [M, Names];

type Step<
  AllL extends readonly string[],
  AllS extends readonly number[],
  N extends string,
  Length extends number,
  K extends number,
  M,
  Names extends string,
  LRest extends readonly string[],
  SRest extends readonly number[],
  Here extends string,
> = N extends Names
  ? M[N & keyof M] extends [infer KnownLength extends number, infer Source extends number]
    ? KnownLength extends 1
      ? Length extends 1
        ? Fold<AllL, AllS, LRest, SRest, K, M, Names, Here>
        : Fold<AllL, AllS, LRest, SRest, K, Replace<M, N, [Length, K]>, Names, Here>
      : number extends KnownLength
        ? number extends Length
          ? Fold<AllL, AllS, LRest, SRest, K, M, Names, Here>
          : Length extends 1
            ? Fold<AllL, AllS, LRest, SRest, K, M, Names, Here>
            : Fold<AllL, AllS, LRest, SRest, K, Replace<M, N, [Length, K]>, Names, Here>
        : number extends Length
          ? Fold<AllL, AllS, LRest, SRest, K, M, Names, Here>
          : Length extends 1 | KnownLength
            ? Fold<AllL, AllS, LRest, SRest, K, M, Names, Here>
            : WriteEinsumLengthMessage<N, K, Length, Source, KnownLength>
    : never
  : Fold<AllL, AllS, LRest, SRest, K, M & { [Key in N]: [Length, K] }, Names | N, Here>;

type Replace<M, N extends string, V> = { [Key in keyof M]: Key extends N ? V : M[Key] };

/** Labels of the output to lengths; `null` ellipsis rank: unknown. */
type OutputShape<Output extends readonly string[], M, Names extends readonly string[] | null, Out extends number[] = []> =
  Output extends readonly [infer N extends string, ...infer Rest extends readonly string[]]
    ? N extends Ell
      ? Names extends readonly string[]
        ? OutputShape<Rest, M, Names, [...Out, ...LengthsOf<Names, M>]>
        : number[]
      : OutputShape<Rest, M, Names, [...Out, M[N & keyof M] extends [infer L extends number, number] ? L : number]>
    : Out;

type LengthsOf<Names extends readonly string[], M> = { [I in keyof Names]: M[Names[I] & keyof M] extends [infer L extends number, number] ? L : number };

/** The reorder of input labels the runtime makes: [...named before `...`, ...ellipsis, ...named after]. */
type Reordered<L extends readonly string[], Mid extends number[] | null, Names extends readonly string[]> = Mid extends number[]
  ? SplitLabels<L> extends [infer Pre extends string[], infer Post extends string[]]
    ? [...Pre, ...DropFirst<Names, Mid['length']>, ...Post]
    : L
  : L;

type SplitLabels<L extends readonly string[], Pre extends string[] = []> = L extends readonly [infer N extends string, ...infer Rest extends string[]]
  ? N extends Ell
    ? [Pre, Rest]
    : SplitLabels<Rest, [...Pre, N]>
  : [Pre, []];

type RankInputs<R extends readonly [string[], number[], number[] | null][], Inputs extends readonly (readonly string[])[], Out extends [string[], number[], number[] | null][] = []> =
  R extends readonly [[infer _L, infer S extends number[], infer Mid extends number[] | null], ...infer Rest extends readonly [string[], number[], number[] | null][]]
    ? Inputs extends readonly [infer L extends readonly string[], ...infer IRest extends readonly (readonly string[])[]]
      ? RankInputs<Rest, IRest, [...Out, [[...L], S, Mid]]>
      : never
    : Out;

/** Each input's labels (ellipsis written out) and its shape, in the input's order. */
type Prepared<R extends readonly [string[], number[], number[] | null][], Names extends readonly string[] | null, Out extends [string[], number[]][] = []> =
  R extends readonly [[infer L extends string[], infer S extends number[], infer Mid extends number[] | null], ...infer Rest extends readonly [string[], number[], number[] | null][]]
    ? Mid extends []
      ? Prepared<Rest, Names, [...Out, [Ell extends L[number] ? Named<L> : L, S]]>
      : Mid extends number[]
      ? Names extends readonly string[]
        ? Prepared<Rest, Names, [...Out, [Reordered<L, Mid, Names>, [...Take<S, SplitLabels<L>[0]['length']>, ...Mid, ...DropN<S, SplitLabels<L>[0]['length']>]]]>
        : Prepared<Rest, Names, [...Out, [Named<L>, S]]>
      : Prepared<Rest, Names, [...Out, [Named<L>, S]]>
    : Out;

type Take<S extends readonly number[], N extends number, Out extends number[] = []> = Out['length'] extends N
  ? Out
  : S extends readonly [infer F extends number, ...infer Rest extends readonly number[]]
    ? Take<Rest, N, [...Out, F]>
    : Out;

type DropN<S extends readonly number[], N extends number, C extends 0[] = []> = C['length'] extends N
  ? S
  : S extends readonly [number, ...infer Rest extends readonly number[]]
    ? DropN<Rest, N, [...C, 0]>
    : S;

type FoldPrepared<P extends readonly [string[], number[]][], M = {}, Names extends string = never, K extends 0[] = []> = P extends readonly [
  [infer L extends string[], infer S extends number[]],
  ...infer Rest extends readonly [string[], number[]][],
]
  ? Fold<L, S, L, S, K['length'], M, Names> extends infer Next
    ? Next extends [infer M2, infer Names2 extends string]
      ? FoldPrepared<Rest, M2, Names2, [...K, 0]>
      : Next
    : never
  : M;

/** The shape of einsum's result for the inputs' shapes, or the reason it fails. */
export type BindEinsum<R extends EinsumRecipe, Shapes extends readonly (readonly number[])[]> = Shapes['length'] extends R['inputs']['length']
  ? Ell extends Flat<R['inputs']>[number]
    ? BindWithEllipsis<R, Shapes>
    : [PlainRanks<R['inputs'], Shapes>] extends [never]
      ? FoldPlain<R['inputs'], Shapes> extends infer M
        ? M extends string
          ? M
          : OutputShape<R['output'], M, []>
        : never
      : PlainRanks<R['inputs'], Shapes>
  : WriteEinsumOperandCountMessage<R['inputs']['length'], Shapes['length']>;

/** Without an ellipsis: each input's rank is the number of its labels. */
type PlainRanks<Inputs extends readonly (readonly string[])[], Shapes extends readonly (readonly number[])[], K extends 0[] = []> = Inputs extends readonly [
  infer L extends readonly string[],
  ...infer Rest extends readonly (readonly string[])[],
]
  ? Shapes[K['length']]['length'] extends L['length'] | (number extends Shapes[K['length']]['length'] ? number : never)
    ? PlainRanks<Rest, Shapes, [...K, 0]>
    : WriteEinsumRankMessage<K['length'], L['length'], Shapes[K['length']]['length']>
  : never;

type FoldPlain<Inputs extends readonly (readonly string[])[], Shapes extends readonly (readonly number[])[], M = {}, Names extends string = never, K extends 0[] = []> = Inputs extends readonly [
  infer L extends readonly string[],
  ...infer Rest extends readonly (readonly string[])[],
]
  ? (number extends Shapes[K['length']]['length'] ? { [I in keyof L]: number } : Shapes[K['length']]) extends infer S extends readonly number[]
    ? Fold<L, S, L, S, K['length'], M, Names> extends infer Next
      ? Next extends [infer M2, infer Names2 extends string]
        ? FoldPlain<Rest, Shapes, M2, Names2, [...K, 0]>
        : Next
      : never
    : never
  : M;

type BindWithEllipsis<R extends EinsumRecipe, Shapes extends readonly (readonly number[])[]> = Shapes['length'] extends R['inputs']['length']
  ? Ranks<R['inputs'], Shapes> extends infer Ranked
    ? Ranked extends [string[], number[], number[] | null][]
      ? RankInputs<Ranked, R['inputs']> extends infer RI extends [string[], number[], number[] | null][]
        ? MaxLength<RI> extends infer Max
          ? Max extends number
            ? Max extends 0
              ? Finish<R, RI, []>
              : Ell extends R['output'][number]
                ? Finish<R, RI, EllipsisNames<Max>>
                : WriteEinsumEllipsisOutputMessage<Max>
            : Finish<R, RI, null>
          : never
        : never
      : Ranked
    : never
  : WriteEinsumOperandCountMessage<R['inputs']['length'], Shapes['length']>;

type Finish<R extends EinsumRecipe, RI extends [string[], number[], number[] | null][], Names extends string[] | null> = FoldPrepared<Prepared<RI, Names>> extends infer M
  ? M extends string
    ? M
    : OutputShape<R['output'], M, Names>
  : never;

/** Whether a one-input einsum sums an axis (then the dtype follows the sum rule). */
export type EinsumSums<R extends EinsumRecipe> = [Exclude<R['inputs'][number][number], R['output'][number] | Ell>] extends [never] ? false : true;


// ── the public signature ─────────────────────────────────────────────────────────────────

type ShapesOf<T extends readonly unknown[]> = { [K in keyof T]: InputShape<T[K]> };

/** What the types make of `einsum(...tensors, pattern)`: the result's shape, or the error message. */
export type EinsumAnalysis<T extends readonly unknown[], P extends string> = IsPatternKnown<P> extends false
  ? number[]
  : T['length'] extends 0
    ? EinopsErrorMessage<'einsum', P, WriteEinsumArgumentsMessage>
    : CompileEinsum<P> extends infer R
      ? R extends EinsumRecipe
        ? number extends T['length']
          ? number[]
          : (T extends readonly [unknown] ? BindEinsum<R, ShapesOf<T>> : CheckResultSize<BindEinsum<R, ShapesOf<T>>>) extends infer S
            ? S extends string
              ? EinopsErrorMessage<'einsum', P, S>
              : S
            : never
        : EinopsErrorMessage<'einsum', P, R & string>
      : never;

type FloatDType = 'float32' | 'float64';

type DTypes<T extends readonly unknown[]> = { [K in keyof T]: T[K] extends NDArray<infer _S, infer D> ? D : never };

/** float32 when every input is float32, float64 when one cannot be; both when unknown. */
type ProductDType<Ds extends readonly unknown[]> = [Ds[number]] extends ['float32']
  ? 'float32'
  : { [K in keyof Ds]: 'float32' extends Ds[K] ? never : K }[number] extends never
    ? 'float32' | 'float64'
    : 'float64';

/**
 * The runtime's dtype rule: an einsum of one input that sums nothing keeps the dtype; a sum
 * keeps float dtypes and gives float64 otherwise; a product is float32 only for float32 inputs.
 */
type EinsumDType<T extends readonly unknown[], P extends string> = T extends readonly [NDArray<infer _S, infer D>]
  ? CompileEinsum<P> extends infer R extends EinsumRecipe
    ? EinsumSums<R> extends true
      ? D extends FloatDType
        ? D
        : 'float64'
      : D
    : D
  : ProductDType<DTypes<T>>;

/**
 * Whether every input is an NDArray, each checked alone: the union of the inputs' types checked
 * against one NDArray type would compare the class member by member (its shapes differ).
 */
type AllNDArrays<T extends readonly unknown[]> = T extends readonly [infer X, ...infer Rest]
  ? X extends NDArray<infer _S, infer _D>
    ? AllNDArrays<Rest>
    : false
  : T extends readonly []
    ? true
    : T[number] extends NDArray<infer _S, infer _D>
      ? true
      : false;

type EinsumTensor<T extends readonly unknown[], P extends string, S extends readonly number[]> = AllNDArrays<T> extends true
  ? NDArray<S, EinsumDType<T, P>>
  : T extends readonly [infer First, ...unknown[]]
    ? [InputEntry<First>] extends [never]
      ? First
      : InputEntry<First, S>['withShape']
    : T[number];

export type EinsumResult<T extends readonly unknown[], P extends string> = EinsumTensor<
  T,
  P,
  EinsumAnalysis<T, P> extends infer S extends readonly number[] ? S : number[]
>;
