/**
 * The checks that need both sides of a pattern but no shape, per op: the twin of
 * `pattern/compile.ts` (which axes may appear on one side only, where an ellipsis may go).
 * Sides are compared as unions of names; the ordered lists that messages need are only
 * gathered when there is a message to write.
 */
import type {
  WriteAnonymousAxisInRearrangeMessage,
  WriteEllipsisInParenthesesLeftMessage,
  WriteEllipsisOnlyRightMessage,
  WriteOnlyOneSideMessage,
  WriteReduceAddsAxesMessage,
  WriteRepeatRemovesAxesMessage,
} from './messages';
import type { CompositionDim, Dim, Expression, Pattern } from './parse';

export type RecipeOp = 'rearrange' | 'reduce' | 'repeat';

/** The named axes of dims that are not in `Except`, in order of appearance. */
type NamesOf<Dims extends readonly Dim[], Except, Out extends string[] = []> = Dims extends readonly [
  infer D,
  ...infer Rest extends readonly Dim[],
]
  ? D extends string
    ? NamesOf<Rest, Except, D extends Except | '_' ? Out : [...Out, D]>
    : D extends readonly [infer Axis, ...infer Axes extends CompositionDim]
      ? NamesOf<[Axes, ...Rest], Except, Axis extends string ? (Axis extends Except | '...' | '_' ? Out : [...Out, Axis]) : Out>
      : NamesOf<Rest, Except, Out>
  : Out;

/** The anonymous axes of dims, as the runtime names them (`'2'`), in order of appearance. */
type AnonymousOf<Dims extends readonly Dim[], Out extends string[] = []> = Dims extends readonly [
  infer D,
  ...infer Rest extends readonly Dim[],
]
  ? D extends readonly [infer Axis, ...infer Axes extends CompositionDim]
    ? AnonymousOf<[Axes, ...Rest], Axis extends number ? [...Out, `${Axis}`] : Out>
    : AnonymousOf<Rest, Out>
  : Out;

/** All dims of a side but the top-level ellipsis. */
export type DimsOf<E extends Expression> = [...E['pre'], ...E['post']];

/** The names of a side that are not in `Except`, in order of appearance. */
export type NamesInOrder<E extends Expression, Except = never> = NamesOf<DimsOf<E>, Except>;

/** `['...']` when the left side has an ellipsis and the right side has none. */
type LeftOnlyEllipsis<L extends Expression, R extends Expression> = L['ellipsis'] extends 'none'
  ? []
  : R['ellipsis'] extends 'none'
    ? ['...']
    : [];

type SameNames<L extends Expression, R extends Expression> = [L['names'], R['names']] extends [R['names'], L['names']]
  ? true
  : false;

type CheckRearrange<L extends Expression, R extends Expression> = L['anonymous'] | R['anonymous'] extends false
  ? SameNames<L, R> extends true
    ? LeftOnlyEllipsis<L, R> extends []
      ? 'ok'
      : WriteOnlyOneSideMessage<['...'], 'left'>
    : [Exclude<R['names'], L['names']>] extends [never]
      ? WriteOnlyOneSideMessage<[...NamesInOrder<L, R['names']>, ...LeftOnlyEllipsis<L, R>], 'left'>
      : WriteOnlyOneSideMessage<NamesInOrder<R, L['names']>, 'right'>
  : WriteAnonymousAxisInRearrangeMessage<[...AnonymousOf<DimsOf<L>>, ...AnonymousOf<DimsOf<R>>][0] & string>;

type CheckRepeat<L extends Expression, R extends Expression> = L['anonymous'] extends false
  ? [Exclude<L['names'], R['names']>] extends [never]
    ? LeftOnlyEllipsis<L, R> extends []
      ? 'ok'
      : WriteRepeatRemovesAxesMessage<['...']>
    : WriteRepeatRemovesAxesMessage<[...NamesInOrder<L, R['names']>, ...LeftOnlyEllipsis<L, R>]>
  : WriteRepeatRemovesAxesMessage<
      [...NamesInOrder<L, R['names']>, ...AnonymousOf<DimsOf<L>>, ...LeftOnlyEllipsis<L, R>]
    >;

type CheckReduce<L extends Expression, R extends Expression> = R['anonymous'] extends false
  ? [Exclude<R['names'], L['names']>] extends [never]
    ? 'ok'
    : WriteReduceAddsAxesMessage<NamesInOrder<R, L['names']>>
  : WriteReduceAddsAxesMessage<[...NamesInOrder<R, L['names']>, ...AnonymousOf<DimsOf<R>>]>;

/** 'ok', or the reason `pattern/compile.ts` would reject the pattern for this op. */
export type CheckRecipe<Op extends RecipeOp, P extends Pattern> = P['right']['ellipsis'] extends 'none'
  ? CheckOp<Op, P['left'], P['right']>
  : P['left']['ellipsis'] extends 'none'
    ? WriteEllipsisOnlyRightMessage
    : CheckOp<Op, P['left'], P['right']>;

type CheckOp<Op extends RecipeOp, L extends Expression, R extends Expression> = L['ellipsis'] extends 'parenthesized'
  ? WriteEllipsisInParenthesesLeftMessage
  : Op extends 'rearrange'
    ? CheckRearrange<L, R>
    : Op extends 'repeat'
      ? CheckRepeat<L, R>
      : CheckReduce<L, R>;
