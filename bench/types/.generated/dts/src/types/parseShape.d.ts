/**
 * parseShape at the type level: the twin of `runtime/parseShape.ts`. Names each dimension of
 * the shape (`_` skips one, `...` any number), checks `1`, `()` and numbers against it.
 */
import type { WriteAnonymousLengthMessage, WriteMinimumRankMessage, WriteParseShapeCompositionMessage, WriteRankMessage, WriteUnitLengthMessage } from './messages';
import type { AnonymousAxis, Dim, Ellipsis, Expression, ParseExpression } from './parse';
import type { EinopsErrorMessage } from './ops';
/** A `number` for each dim but the ellipsis. */
type FixedDims<Dims extends readonly Dim[], Out extends number[] = []> = Dims extends readonly [
    infer D,
    ...infer Rest extends readonly Dim[]
] ? FixedDims<Rest, D extends Ellipsis ? Out : [...Out, number]> : Out;
type HasComposition<Dims extends readonly Dim[]> = Dims extends readonly [infer D, ...infer Rest extends readonly Dim[]] ? D extends readonly [string, string, ...string[]] | readonly [Ellipsis] ? true : HasComposition<Rest> : false;
/** The problem with dimension `Dimension` of length L named by D, or the entry it adds. */
type NameDim<D, L extends number, Dimension extends number, Names> = D extends readonly [infer Axis extends string] ? Axis extends AnonymousAxis ? Axis extends `${infer N extends number}` ? number extends L ? Names : L extends N ? Names : WriteAnonymousLengthMessage<Dimension, L, N> : never : Axis extends '_' ? Names : Names & {
    [K in Axis]: L;
} : number extends L ? Names : L extends 1 ? Names : WriteUnitLengthMessage<Dimension, L>;
type ParseFront<Dims extends readonly Dim[], Shape extends readonly number[], Full extends readonly number[], Names> = Dims extends readonly [
    infer D,
    ...infer Rest extends readonly Dim[]
] ? D extends Ellipsis ? ParseBack<Rest, Shape, Names> : Shape extends readonly [infer L extends number, ...infer ShapeRest extends readonly number[]] ? NameDim<D, L, Full extends readonly [...infer Before, ...Shape] ? Before['length'] : number, Names> extends infer Next ? Next extends string ? Next : ParseFront<Rest, ShapeRest, Full, Next> : never : number extends Shape['length'] ? NameDim<D, number, number, Names> extends infer Next ? ParseFront<Rest, Shape, Full, Next> : never : never : Names;
/** Dims after the ellipsis, from the back; a problem further left wins, as the runtime goes left to right. */
type ParseBack<Dims extends readonly Dim[], Shape extends readonly number[], Names, Problem extends string = never> = Dims extends readonly [
    ...infer Rest extends readonly Dim[],
    infer D
] ? Shape extends readonly [...infer ShapeRest extends readonly number[], infer L extends number] ? NameDim<D, L, ShapeRest['length'], Names> extends infer Next ? Next extends string ? ParseBack<Rest, ShapeRest, Names, Next> : ParseBack<Rest, ShapeRest, Next, Problem> : never : ParseBack<Rest, Shape, NameDim<D, number, number, Names>, Problem> : [Problem] extends [never] ? Names : Problem;
type ParseShapeOf<E extends Expression, S extends readonly number[]> = HasComposition<E['dims']> extends true ? WriteParseShapeCompositionMessage : number extends S['length'] ? ParseFront<E['dims'], S, S, {}> : E['ellipsis'] extends 'none' ? E['dims']['length'] extends S['length'] ? ParseFront<E['dims'], S, S, {}> : WriteRankMessage<E['dims']['length'], S['length']> : S extends readonly [...FixedDims<E['dims']>, ...number[]] ? ParseFront<E['dims'], S, S, {}> : WriteMinimumRankMessage<FixedDims<E['dims']>['length'], S['length']>;
/**
 * `{ batch: 10, c: 32 }` for parseShape(x, 'batch c _ _') on a `[10, 32, 100, 200]` tensor,
 * or the error message.
 */
export type ParseShapeResult<S extends readonly number[], P extends string> = string extends P ? Record<string, number> : ParseExpression<P, true> extends infer E ? E extends Expression ? ParseShapeOf<E, S> extends infer Result ? Result extends string ? EinopsErrorMessage<'parseShape', P, Result> : {
    [K in keyof Result]: Result[K];
} : never : EinopsErrorMessage<'parseShape', P, E & string> : never;
export {};
