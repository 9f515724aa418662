/**
 * pack and unpack at the type level: the twins of `pattern/pack.ts` (the pattern: names and
 * one `*`) and of `runtime/pack.ts` (the shapes), failing with the same reasons in the same
 * order. Tokens are separated by whitespace, as the runtime's `/\S+/u` finds them.
 */
import type { NDArray } from '../ndarray/ndarray';
import type { AddDigits, CompareDigits, DivideDigits, FromDigits, Product, SubtractDigits, ToDigits } from './arithmetic';
import type { NeedsScan } from './characters';
import type {
  WriteInvalidAxisNameMessage,
  WritePackDTypeMismatchMessage,
  WritePackDuplicateAxisMessage,
  WritePackedShapeEntryMessage,
  WritePackedShapesInferMessage,
  WritePackedShapesOverflowMessage,
  WritePackedShapesTotalMessage,
  WritePackedShapesUnknownsMessage,
  WritePackEmptyListMessage,
  WritePackRankMessage,
  WritePackShapeMismatchMessage,
  WritePackStarCountMessage,
  WriteUnderscoreAxisNameMessage,
  WriteUnpackRankMessage,
} from './messages';
import type { EinopsErrorMessage, IsPatternKnown } from './ops';
import type { InputEntry, InputShape } from './registry';

/** A pack pattern compiled: how many names come before and after the `*`. */
export interface PackRecipe {
  readonly before: readonly unknown[];
  readonly after: readonly unknown[];
}

type Count<S extends string, C extends 0[] = []> = S extends `${string}${infer R}` ? Count<R, [...C, 0]> : C;

/**
 * Whitespace other than the space: what JavaScript's `\s` also matches, where the runtime
 * splits too. Each is one UTF-16 unit, so writing a space instead keeps every column.
 */
type OtherWhitespace =
  | '\t' | '\n' | '\v' | '\f' | '\r' | '\u00a0' | '\u1680'
  | '\u2000' | '\u2001' | '\u2002' | '\u2003' | '\u2004' | '\u2005' | '\u2006' | '\u2007' | '\u2008' | '\u2009' | '\u200a'
  | '\u2028' | '\u2029' | '\u202f' | '\u205f' | '\u3000' | '\ufeff';

/** The pattern with every whitespace character a space (the usual pattern has none to replace). */
type SpacesOnly<P extends string> = P extends `${string}${OtherWhitespace}${string}` ? ToSpaces<P> : P;

type ToSpaces<P extends string, Out extends string = ''> = P extends `${infer Char}${infer Rest}`
  ? ToSpaces<Rest, `${Out}${Char extends OtherWhitespace ? ' ' : Char}`>
  : Out;

/** [token, the text before it] for each space-separated token. */
type Tokens<Rest extends string, Before extends string = '', Out extends [string, string][] = []> = Rest extends ` ${infer N}`
  ? Tokens<N, `${Before} `, Out>
  : Rest extends ''
    ? Out
    : Rest extends `${infer Word} ${infer N}`
      ? Tokens<` ${N}`, `${Before}${Word}`, [...Out, [Word, Before]]>
      : [...Out, [Rest, Before]];

type Column<Before extends string> = [0, ...Count<Before>]['length'];

type At<Reason extends string, Before extends string> = `${Reason} (column ${Column<Before> & number})`;

type Stars<T extends readonly [string, string][], Out extends string[] = []> = T extends readonly [
  [infer W, infer B extends string],
  ...infer Rest extends readonly [string, string][],
]
  ? Stars<Rest, W extends '*' ? [...Out, B] : Out>
  : Out;

type DigitStart = `${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}${string}`;

/** axisNameProblem of `pattern/axisName.ts`, on ASCII exactly. */
type NameProblem<W extends string> = W extends DigitStart | NeedsScan | `${string}${'(' | ')' | '*'}${string}`
  ? WriteInvalidAxisNameMessage<W>
  : W extends `_${string}` | `${string}_`
    ? WriteUnderscoreAxisNameMessage<W>
    : never;

type CheckNames<
  T extends readonly [string, string][],
  Seen extends string = never,
  Before extends unknown[] = [],
  After extends unknown[] = [],
  Starred extends boolean = false,
> = T extends readonly [[infer W extends string, infer B extends string], ...infer Rest extends readonly [string, string][]]
  ? W extends '*'
    ? CheckNames<Rest, Seen, Before, After, true>
    : [NameProblem<W>] extends [never]
      ? W extends Seen
        ? At<WritePackDuplicateAxisMessage<W>, B>
        : Starred extends true
          ? CheckNames<Rest, Seen | W, Before, [...After, 0], Starred>
          : CheckNames<Rest, Seen | W, [...Before, 0], After, Starred>
      : At<NameProblem<W>, B>
  : { before: Before; after: After };

/** A pack pattern compiled, or the reason (with its column) it is not one. */
export type CompilePack<P extends string> = Tokens<SpacesOnly<P>> extends infer T extends [string, string][]
  ? Stars<T> extends infer S extends string[]
    ? S['length'] extends 1
      ? CheckNames<T>
      : At<WritePackStarCountMessage<S['length']>, S extends [string, infer Second extends string, ...string[]] ? Second : ''>
    : never
  : never;

// ── shapes ───────────────────────────────────────────────────────────────────────────────

type Join<Items extends readonly unknown[], Out extends string = ''> = Items extends readonly [infer F, ...infer Rest]
  ? Join<Rest, Out extends '' ? `${F & number}` : `${Out}, ${F & number}`>
  : Out;

/** describeShape of runtime/context.ts. */
type DescribeShape<S extends readonly number[]> = `[${Join<S>}]`;

type Known<N> = number extends N ? false : true;

type CutTail<S extends readonly number[], After extends readonly unknown[], Tail extends number[] = []> = Tail['length'] extends After['length']
  ? [[], [...S], Tail]
  : S extends readonly [...infer Rest extends readonly number[], infer L extends number]
    ? CutTail<Rest, After, [L, ...Tail]>
    : never;

type Numbers<N extends readonly unknown[]> = { [I in keyof N]: number };

/** [head, packed dims, tail], `number`s where the rank is unknown. */
type Parts<S extends readonly number[], Before extends readonly unknown[], After extends readonly unknown[]> = number extends S['length']
  ? [Numbers<Before>, number[], Numbers<After>]
  : Split<S, Before, After>;

type Split<S extends readonly number[], Before extends readonly unknown[], After extends readonly unknown[], Head extends number[] = []> =
  Head['length'] extends Before['length']
    ? CutTail<S, After> extends [infer _E, infer Mid, infer Tail]
      ? [Head, Mid, Tail]
      : never
    : S extends readonly [infer F extends number, ...infer Rest extends readonly number[]]
      ? Split<Rest, Before, After, [...Head, F]>
      : never;

type LongEnough<S extends readonly number[], N extends readonly unknown[]> = number extends S['length']
  ? true
  : S extends readonly [...{ [I in keyof N]: number }, ...number[]]
    ? true
    : false;

/** Some entry differs where both are known. */
type Differ<A extends readonly number[], B extends readonly number[]> = A extends readonly [
  infer X extends number,
  ...infer AR extends readonly number[],
]
  ? B extends readonly [infer Y extends number, ...infer BR extends readonly number[]]
    ? Known<X> extends true
      ? Known<Y> extends true
        ? [X] extends [Y]
          ? Differ<AR, BR>
          : true
        : Differ<AR, BR>
      : Differ<AR, BR>
    : false
  : false;

type Sum<Ns extends readonly number[], Acc extends string = ''> = Ns extends readonly [infer F extends number, ...infer Rest extends readonly number[]]
  ? number extends F
    ? number
    : Sum<Rest, AddDigits<Acc, ToDigits<F>>>
  : FromDigits<Acc>;

type DTypeOf<X> = X extends NDArray<infer _S, infer D> ? D : InputEntry<X>['dtype'];

/** Two dtypes that cannot be the same. */
type DTypesDiffer<A, B> = [A] extends [B] ? false : [B] extends [A] ? false : true;

type ShapeOfTensor<X> = InputShape<X>;

type PackList<
  T extends readonly unknown[],
  R extends PackRecipe,
  First extends readonly number[],
  FirstDType,
  I extends 0[] = [],
  Packed extends (readonly number[])[] = [],
> = T extends readonly [infer X, ...infer Rest]
  ? ShapeOfTensor<X> extends infer S extends readonly number[]
    ? LongEnough<S, [...R['before'], ...R['after']]> extends false
      ? WritePackRankMessage<I['length'], DescribeShape<S>, [...R['before'], ...R['after']]['length'] & number>
      : Parts<S, R['before'], R['after']> extends [infer H extends number[], infer Mid extends number[], infer Tl extends number[]]
        ? Parts<First, R['before'], R['after']> extends [infer FH extends number[], infer _M, infer FT extends number[]]
          ? Differ<[...H, ...Tl], [...FH, ...FT]> extends true
            ? WritePackShapeMismatchMessage<I['length'], DescribeShape<S>, DescribeShape<First>>
            : DTypesDiffer<DTypeOf<X>, FirstDType> extends true
              ? WritePackDTypeMismatchMessage<I['length'], DTypeOf<X> & string, FirstDType & string>
              : PackList<Rest, R, First, FirstDType, [...I, 0], [...Packed, Mid]>
          : never
        : never
    : never
  : Packed;

type Products<L extends readonly (readonly number[])[]> = { [I in keyof L]: number extends L[I]['length'] ? number : Product<L[I]> };

/** [packed shape, packed shapes] of `pack(tensors, pattern)`, or the reason it fails. */
type BindPack<T extends readonly unknown[], R extends PackRecipe> = T extends readonly []
  ? WritePackEmptyListMessage
  : number extends T['length']
    ? Parts<ShapeOfTensor<T[number]>, R['before'], R['after']> extends [infer H extends number[], infer _M, infer Tl extends number[]]
      ? [[...H, number, ...Tl], number[][]]
      : never
    : ShapeOfTensor<T[0]> extends infer First extends readonly number[]
      ? PackList<T, R, First, DTypeOf<T[0]>> extends infer Packed
        ? Packed extends (readonly number[])[]
          ? Parts<First, R['before'], R['after']> extends [infer H extends number[], infer _M, infer Tl extends number[]]
            ? [[...H, Sum<Products<Packed>>, ...Tl], Packed]
            : never
          : Packed
        : never
      : never;

export type PackAnalysis<T, P extends string> = IsPatternKnown<P> extends false
  ? [number[], number[][]]
  : CompilePack<P> extends infer R
    ? R extends PackRecipe
      ? T extends readonly unknown[]
        ? BindPack<T, R> extends infer B
          ? B extends string
            ? EinopsErrorMessage<'pack', P, B>
            : B
          : never
        : [number[], number[][]]
      : EinopsErrorMessage<'pack', P, R & string>
    : never;

type TensorWithShape<X, S extends readonly number[]> = X extends NDArray<infer _S, infer D>
  ? NDArray<S, D>
  : [InputEntry<X>] extends [never]
    ? X
    : InputEntry<X, S>['withShape'];

type First<T> = T extends readonly [infer F, ...unknown[]] ? F : T extends readonly (infer E)[] ? E : never;

export type PackResult<T, P extends string> = PackAnalysis<T, P> extends [infer S extends number[], infer PS]
  ? [TensorWithShape<First<T>, S>, PS]
  : [TensorWithShape<First<T>, number[]>, number[][]];

// ── unpack ───────────────────────────────────────────────────────────────────────────────

type MaxSafeDigits = ToDigits<9007199254740991>;

/** Whether a packed shape's entry is valid: a non-negative safe integer, or -1. */
type EntryOk<V extends number> = number extends V
  ? true
  : V extends -1
    ? true
    : `${V}` extends `${string}${'.' | '-' | 'e'}${string}`
      ? false
      : CompareDigits<ToDigits<V>, MaxSafeDigits> extends '>'
        ? false
        : true;

type BadEntry<L extends readonly number[]> = L extends readonly [infer V extends number, ...infer Rest extends readonly number[]]
  ? EntryOk<V> extends true
    ? BadEntry<Rest>
    : V
  : never;

type CheckEntries<PS extends readonly (readonly number[])[], I extends 0[] = []> = PS extends readonly [
  infer L extends readonly number[],
  ...infer Rest extends readonly (readonly number[])[],
]
  ? [BadEntry<L>] extends [never]
    ? CheckEntries<Rest, [...I, 0]>
    : WritePackedShapeEntryMessage<I['length'], `${BadEntry<L>}`>
  : never;

type MinusOnes<PS extends readonly (readonly number[])[], C extends 0[] = [], Where extends number | null = null, I extends 0[] = []> =
  PS extends readonly [infer L extends readonly number[], ...infer Rest extends readonly (readonly number[])[]]
    ? CountMinusOnes<L> extends infer Ones extends 0[]
      ? MinusOnes<Rest, [...C, ...Ones], Ones extends [] ? Where : Where extends null ? I['length'] : Where, [...I, 0]>
      : never
    : [C['length'], Where];

type CountMinusOnes<L extends readonly number[], C extends 0[] = []> = L extends readonly [infer V, ...infer Rest extends readonly number[]]
  ? CountMinusOnes<Rest, V extends -1 ? (number extends V ? C : [...C, 0]) : C>
  : C;

type AllKnown<PS extends readonly (readonly number[])[]> = number extends PS['length']
  ? false
  : PS[number][number] extends infer V
    ? V extends unknown
      ? Known<V> extends true
        ? true
        : 'no'
      : never
    : never;

type KnownTotal<PS extends readonly (readonly number[])[], Skip extends number | null, I extends 0[] = [], Acc extends string = ''> =
  PS extends readonly [infer L extends readonly number[], ...infer Rest extends readonly (readonly number[])[]]
    ? KnownTotal<Rest, Skip, [...I, 0], I['length'] extends Skip ? Acc : AddDigits<Acc, ToDigits<Product<L>>>>
    : Acc;

type Resolved<L extends readonly number[], V extends number> = { [I in keyof L]: L[I] extends -1 ? V : L[I] };

type WithoutMinusOne<L extends readonly number[], Out extends number[] = []> = L extends readonly [infer V extends number, ...infer Rest extends readonly number[]]
  ? WithoutMinusOne<Rest, V extends -1 ? Out : [...Out, V]>
  : Out;

/** The packed shapes with a -1 resolved from the packed dimension's length, or the reason. */
type ResolveShapes<PS extends readonly (readonly number[])[], Dimension extends number, Length extends number> =
  [CheckEntries<PS>] extends [never]
    ? MinusOnes<PS> extends [infer Ones extends number, infer Where extends number | null]
      ? Ones extends 0 | 1
        ? Known<Length> extends false
          ? { [I in keyof PS]: { [J in keyof PS[I]]: PS[I][J] extends -1 ? number : PS[I][J] } }
          : AllKnown<PS> extends true
            ? KnownTotal<PS, Where> extends infer Total extends string
              ? Where extends number
                ? CompareDigits<Total, ToDigits<Length>> extends '>'
                  ? WritePackedShapesOverflowMessage<Dimension, Length, FromDigits<Total>>
                  : SubtractDigits<ToDigits<Length>, Total> extends infer Left extends string
                    ? Product<WithoutMinusOne<PS[Where]>> extends infer Others extends number
                      ? Others extends 0
                        ? WritePackedShapesInferMessage<Dimension, Length, Where, FromDigits<Left>, Others>
                        : DivideDigits<FromDigits<Left>, ToDigits<Others>> extends [infer Q extends number, infer Rem]
                          ? Rem extends ''
                            ? { [I in keyof PS]: I extends `${Where}` ? Resolved<PS[I], Q> : [...PS[I]] }
                            : WritePackedShapesInferMessage<Dimension, Length, Where, FromDigits<Left>, Others>
                          : never
                      : never
                    : never
                : FromDigits<Total> extends Length
                  ? { [I in keyof PS]: [...PS[I]] }
                  : WritePackedShapesTotalMessage<Dimension, Length, FromDigits<Total>>
              : never
            : { [I in keyof PS]: { [J in keyof PS[I]]: PS[I][J] extends -1 ? number : PS[I][J] } }
        : WritePackedShapesUnknownsMessage<Ones>
      : never
    : CheckEntries<PS>;

/** The shapes of unpack's results, or the reason it fails. */
type BindUnpack<S extends readonly number[], PS extends readonly (readonly number[])[], R extends PackRecipe> = number extends S['length']
  ? number extends PS['length']
    ? number[][]
    : { [I in keyof PS]: number[] }
  : S['length'] extends [...R['before'], 0, ...R['after']]['length']
    ? Split<S, R['before'], R['after']> extends [infer H extends number[], [infer Length extends number], infer Tl extends number[]]
      ? number extends PS['length']
        ? [...H, ...number[], ...Tl][]
        : ResolveShapes<PS, R['before']['length'], Length> extends infer Pieces
          ? Pieces extends string
            ? Pieces
            : { -readonly [I in keyof Pieces]: Pieces[I] extends infer L extends readonly number[] ? [...H, ...L, ...Tl] : never }
          : never
      : never
    : WriteUnpackRankMessage<[...R['before'], 0, ...R['after']]['length'] & number, S['length']>;

export type UnpackAnalysis<X, PS, P extends string> = IsPatternKnown<P> extends false
  ? number[][]
  : CompilePack<P> extends infer R
    ? R extends PackRecipe
      ? PS extends readonly (readonly number[])[]
        ? BindUnpack<InputShape<X>, PS, R> extends infer B
          ? B extends string
            ? EinopsErrorMessage<'unpack', P, B>
            : B
          : never
        : number[][]
      : EinopsErrorMessage<'unpack', P, R & string>
    : never;

export type UnpackResult<X, PS, P extends string> = UnpackAnalysis<X, PS, P> extends infer Shapes extends readonly (readonly number[])[]
  ? { -readonly [I in keyof Shapes]: TensorWithShape<X, Shapes[I]> }
  : TensorWithShape<X, number[]>[];
