/**
 * The checks that need both sides of a pattern but no shape, per op: the twin of
 * `pattern/compile.ts` (which axes may appear on one side only, where an ellipsis may go).
 */
import type {
  WriteAnonymousAxisInRearrangeMessage,
  WriteEllipsisInParenthesesLeftMessage,
  WriteEllipsisOnlyRightMessage,
  WriteOnlyOneSideMessage,
  WriteReduceAddsAxesMessage,
  WriteRepeatRemovesAxesMessage,
} from './messages';
import type { Expression, Pattern } from './parse';

export type RecipeOp = 'rearrange' | 'reduce' | 'repeat';

/** The names of `Names` that are not in the union `Other`, in order. */
export type Without<Names extends readonly string[], Other, Out extends string[] = []> =
  Names extends readonly [infer Name extends string, ...infer Rest extends readonly string[]]
    ? Without<Rest, Other, Name extends Other ? Out : [...Out, Name]>
    : Out;

/** `['...']` when the left side has an ellipsis and the right side has none. */
type LeftOnlyEllipsis<L extends Expression, R extends Expression> = L['ellipsis'] extends 'none'
  ? []
  : R['ellipsis'] extends 'none'
    ? ['...']
    : [];

type CheckRearrange<L extends Expression, R extends Expression> = [...L['anonymous'], ...R['anonymous']] extends [
  infer First extends string,
  ...string[],
]
  ? WriteAnonymousAxisInRearrangeMessage<First>
  : // Same names on both sides is the usual case: settle it without walking the lists.
    [L['names'][number], R['names'][number]] extends [R['names'][number], L['names'][number]]
    ? LeftOnlyEllipsis<L, R> extends []
      ? 'ok'
      : WriteOnlyOneSideMessage<['...'], 'left'>
    : Without<R['names'], L['names'][number]> extends infer OnlyRight extends [string, ...string[]]
      ? WriteOnlyOneSideMessage<OnlyRight, 'right'>
      : WriteOnlyOneSideMessage<[...Without<L['names'], R['names'][number]>, ...LeftOnlyEllipsis<L, R>], 'left'>;

type CheckRepeat<L extends Expression, R extends Expression> = [
  ...Without<L['names'], R['names'][number]>,
  ...L['anonymous'],
  ...LeftOnlyEllipsis<L, R>,
] extends infer Removed extends [string, ...string[]]
  ? WriteRepeatRemovesAxesMessage<Removed>
  : 'ok';

type CheckReduce<L extends Expression, R extends Expression> = [
  ...Without<R['names'], L['names'][number]>,
  ...R['anonymous'],
] extends infer Added extends [string, ...string[]]
  ? WriteReduceAddsAxesMessage<Added>
  : 'ok';

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
