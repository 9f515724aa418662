/**
 * Shapes of the ops' results, computed from the pattern at compile time. Each returns the
 * output shape (a tuple of number literals, `number` where unknown) or, when the call would
 * throw, the EinopsError's first line as a string literal type:
 *   einops: rearrange "b c h w -> b c h w d": axis d appears only on the right side
 */
import type { CheckRecipe, RecipeOp } from './compile';
import type { BindPattern } from './bind';
import type { WriteUnknownReductionMessage } from './messages';
import type { ParsePattern, Pattern } from './parse';
export type ReductionName = 'min' | 'max' | 'sum' | 'mean' | 'prod' | 'any' | 'all';
/** As the runtime names the op in messages (`opName` in runtime/apply.ts). */
export type OpName<Op extends RecipeOp, Reduction = never> = Op extends 'reduce' ? Reduction extends string ? `reduce with "${Reduction}"` : 'reduce with a function' : Op;
/** The message of an EinopsError thrown by `Op` for `P`: its first line, prefixed `einops: `. */
export type EinopsErrorMessage<Op extends string, P extends string, Reason extends string> = `einops: ${Op} "${P}": ${Reason}`;
type OutputOrReason<Op extends RecipeOp, S extends readonly number[], P extends string> = ParsePattern<P> extends infer Parsed ? Parsed extends Pattern ? CheckRecipe<Op, Parsed> extends infer Problem ? Problem extends 'ok' ? Parsed : Problem : never : Parsed : never;
/** The output shape of `Op` with pattern P on shape S and axes lengths A, or the error message. */
export type OpShape<Op extends RecipeOp, S extends readonly number[], P extends string, A = {}, Name extends string = OpName<Op>> = string extends P ? number[] : OutputOrReason<Op, S, P> extends infer Checked ? Checked extends Pattern ? BindPattern<Op, Checked, S, A> extends infer Result ? Result extends string ? EinopsErrorMessage<Name, P, Result> : Result : never : EinopsErrorMessage<Name, P, Checked & string> : never;
export type RearrangeShape<S extends readonly number[], P extends string, A = {}> = OpShape<'rearrange', S, P, A>;
export type ReduceShape<S extends readonly number[], P extends string, Reduction = 'sum', A = {}> = OpShape<'reduce', S, P, A, OpName<'reduce', Reduction>>;
export type RepeatShape<S extends readonly number[], P extends string, A = {}> = OpShape<'repeat', S, P, A>;
/** A reduction by name or a function `(x, axes) => y`; a wrong name is the runtime's message. */
export type CheckReduction<R> = R extends string ? (R extends ReductionName ? R : WriteUnknownReductionMessage<R>) : R;
export {};
