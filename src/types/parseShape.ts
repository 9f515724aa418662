/**
 * parseShape at the type level: the twin of `pattern/parseShape.ts` and `runtime/parseShape.ts`.
 * Names each dimension of the shape (`_` skips one, `...` any number), checks `1`, `()` and
 * numbers against it.
 */
import type { DimsOf } from './compile';
import type {
  WriteAnonymousLengthMessage,
  WriteMinimumRankMessage,
  WriteParseShapeCompositionMessage,
  WriteRankMessage,
  WriteUnitLengthMessage,
} from './messages';
import type { Dim, Ellipsis, Expression, ParseExpression } from './parse';
import type { EinopsErrorMessage, IsPatternKnown } from './ops';

/** A dimension of length L where the pattern says Expected. */
interface LengthFailure<Expected extends number, L extends number> {
  readonly expected: Expected;
  readonly length: L;
}

/** What one dimension of length L gives: a [name, length] entry, nothing, or a failure. */
type NameDim<D, L extends number> = D extends string
  ? D extends '_'
    ? never
    : [D, L]
  : D extends readonly [infer Axis]
    ? Axis extends number
      ? number extends L
        ? never
        : L extends Axis
          ? never
          : LengthFailure<Axis, L>
      : Axis extends '_'
        ? never
        : [Axis, L]
    : number extends L
      ? never
      : L extends 1
        ? never
        : LengthFailure<1, L>;

type NameDims<Dims extends readonly Dim[], Shape extends readonly number[]> = {
  [I in keyof Dims]: NameDim<Dims[I], Shape[I & keyof Shape] & number>;
};

/** The message of the first failing dimension, which is the dimension `Before['length']`. */
type FirstFailure<Named extends readonly unknown[], Before extends readonly unknown[]> = Named extends readonly [
  infer N,
  ...infer Rest,
]
  ? [N] extends [LengthFailure<infer Expected, infer L>] // not distributed: `never` is a dimension that passed
    ? [N] extends [never]
      ? FirstFailure<Rest, [...Before, N]>
      : Expected extends 1
        ? WriteUnitLengthMessage<Before['length'], L>
        : WriteAnonymousLengthMessage<Before['length'], L, Expected>
    : FirstFailure<Rest, [...Before, N]>
  : never;

type NumbersFor<Dims extends readonly unknown[]> = { [I in keyof Dims]: number };

type NameSides<E extends Expression, S extends readonly number[], Skipped extends readonly number[], PostShape extends readonly number[]> =
  NameDims<E['pre'], S> extends infer Pre extends readonly unknown[]
    ? NameDims<E['post'], PostShape> extends infer Post extends readonly unknown[]
      ? [Pre[number] | Post[number]] extends [[string, number]]
        ? { [Entry in Pre[number] | Post[number] as Entry[0]]: Entry[1] }
        : [FirstFailure<Pre, []>] extends [never]
          ? FirstFailure<Post, [...Pre, ...Skipped]>
          : FirstFailure<Pre, []>
      : never
    : never;

type ParseShapeOf<E extends Expression, S extends readonly number[]> = [
  Extract<DimsOf<E>[number], readonly [unknown, unknown, ...unknown[]] | readonly [Ellipsis]>,
] extends [never]
  ? E['ellipsis'] extends 'top'
    ? number extends S['length']
      ? NameSides<E, NumbersFor<E['pre']>, number[], NumbersFor<E['post']>>
      : S extends readonly [...NumbersFor<E['pre']>, ...infer Rest extends readonly number[]]
        ? E['post'] extends readonly []
          ? NameSides<E, S, Rest, []>
          : Rest extends readonly [...infer Skipped extends readonly number[], ...NumbersFor<E['post']>]
            ? Rest extends readonly [...Skipped, ...infer PostShape extends readonly number[]]
              ? NameSides<E, S, Skipped, PostShape>
              : never
            : WriteMinimumRankMessage<DimsOf<E>['length'] & number, S['length']>
        : WriteMinimumRankMessage<DimsOf<E>['length'] & number, S['length']>
    : number extends S['length']
      ? NameSides<E, NumbersFor<E['pre']>, [], []>
      : E['pre']['length'] extends S['length']
        ? NameSides<E, S, [], []>
        : WriteRankMessage<E['pre']['length'], S['length']>
  : WriteParseShapeCompositionMessage;

/**
 * `{ batch: 10, c: 32 }` for parseShape(x, 'batch c _ _') on a `[10, 32, 100, 200]` tensor,
 * or the error message.
 */
export type ParseShapeResult<S extends readonly number[], P extends string> = IsPatternKnown<P> extends false
  ? Record<string, number>
  : ParseExpression<P, true> extends infer E
    ? E extends Expression
      ? ParseShapeOf<E, S> extends infer Result
        ? Result extends string
          ? EinopsErrorMessage<'parseShape', P, Result>
          : Result
        : never
      : EinopsErrorMessage<'parseShape', P, E & string>
    : never;
