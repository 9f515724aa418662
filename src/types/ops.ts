/**
 * Shapes of the ops' results, computed from the pattern at compile time. Each returns the
 * output shape (a tuple of number literals, `number` where unknown) or, when the call would
 * throw, the EinopsError's first line as a string literal type:
 *   einops: rearrange "b c h w -> b c h w d": axis d appears only on the right side
 */
import type { CheckRecipe, RecipeOp } from './compile';
import type { BindPattern } from './bind';
import type { ParsePattern, Pattern } from './parse';

export type { ReductionName } from './reduction';

/** What the runtime says after the pattern (`reductionDetail` in runtime/apply.ts): ` with max`. */
export type ReductionDetail<Reduction> = Reduction extends string ? ` with ${Reduction}` : ' with a function';

/**
 * The message of an EinopsError thrown by `Op` for `P` (the first line of runtime/context.ts's
 * `inContext`), prefixed `einops: `.
 */
export type EinopsErrorMessage<Op extends string, P extends string, Reason extends string, Detail extends string = ''> =
  `einops: ${Op} "${P}"${Detail}: ${Reason}`;

/**
 * Whether P is known text: a string literal (or a union of them), not `string` nor a template
 * such as `a ${string}`, which cannot be checked and give shapes of unknown lengths.
 */
export type IsPatternKnown<P extends string> = {} extends { [K in P]: 1 } ? false : true;

/** The output shape of `Op` with pattern P on shape S and axes lengths A, or the error message. */
export type OpShape<
  Op extends RecipeOp,
  S extends readonly number[],
  P extends string,
  A = {},
  Detail extends string = '',
> = IsPatternKnown<P> extends false
  ? number[]
  : ParsePattern<P> extends infer Parsed
    ? (Parsed extends Pattern ? (CheckRecipe<Op, Parsed> extends 'ok' ? BindPattern<Op, Parsed, S, A> : CheckRecipe<Op, Parsed>) : Parsed) extends infer Result
      ? Result extends string
        ? EinopsErrorMessage<Op, P, Result, Detail>
        : Result
      : never
    : never;

/** The shape `rearrange` gives for shape S, pattern P and axis lengths A, or the error message. */
export type RearrangeShape<S extends readonly number[], P extends string, A = {}> = OpShape<'rearrange', S, P, A>;

/** The shape `reduce` gives for shape S, pattern P and axis lengths A, or the error message. */
export type ReduceShape<S extends readonly number[], P extends string, Reduction = 'sum', A = {}> = OpShape<
  'reduce',
  S,
  P,
  A,
  ReductionDetail<Reduction>
>;

/** The shape `repeat` gives for shape S, pattern P and axis lengths A, or the error message. */
export type RepeatShape<S extends readonly number[], P extends string, A = {}> = OpShape<'repeat', S, P, A>;
