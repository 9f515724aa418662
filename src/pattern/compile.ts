/**
 * AST → Recipe for rearrange, reduce and repeat: the checks that need both sides but no
 * shape (which axes may appear on one side only, where an ellipsis may go), as einops'
 * `_prepare_transformation_recipe` does them.
 */
import { EinopsError } from '../errors';
import type { Axis, Dim, Expression } from './ast';
import {
  writeAnonymousAxisInRearrangeMessage,
  writeEllipsisInParenthesesLeftMessage,
  writeEllipsisOnlyRightMessage,
  writeOnlyOneSideMessage,
  writeReduceAddsAxesMessage,
  writeRepeatRemovesAxesMessage,
} from './messages';
import { parsePattern } from './parse';
import { ELLIPSIS, RECIPE_VERSION, type Recipe, type RecipeDim, type RecipeOp } from './recipe';

const axesOf = (expression: Expression): Axis[] =>
  expression.dims.flatMap((dim) => (dim.kind === 'composition' ? dim.axes : []));

const namesOf = (expression: Expression): string[] =>
  axesOf(expression).flatMap((axis) => (axis.kind === 'named' ? [axis.name] : []));

const anonymousOf = (expression: Expression): number[] =>
  axesOf(expression).flatMap((axis) => (axis.kind === 'anonymous' ? [axis.length] : []));

/**
 * Compiles a rearrange, reduce or repeat pattern into a {@link Recipe}: plain, versioned JSON
 * with no shape in it, which {@link applyRecipe} applies. Throws an {@link EinopsError} for a
 * pattern that is wrong by itself (with the column of a syntax error).
 * @example
 * ```ts
 * import { compileRecipe } from 'einops';
 *
 * const recipe = compileRecipe('rearrange', 'b c h w -> b (c h w)');
 * JSON.stringify(recipe); // what the build plugin inlines in the bundle
 * ```
 */
export function compileRecipe(op: RecipeOp, pattern: string): Recipe {
  const { left, right } = parsePattern(pattern);

  if (right.hasEllipsis && !left.hasEllipsis) throw new EinopsError(writeEllipsisOnlyRightMessage());
  if (left.ellipsisParenthesized) throw new EinopsError(writeEllipsisInParenthesesLeftMessage());

  const leftNames = namesOf(left);
  const rightNames = namesOf(right);
  const onlyLeft = leftNames.filter((name) => !rightNames.includes(name));
  const onlyRight = rightNames.filter((name) => !leftNames.includes(name));
  // Anonymous axes are all distinct from each other (two `2`s are two axes), so one on the
  // left is always reduced and one on the right is always new.
  const leftAnonymous = anonymousOf(left);
  const rightAnonymous = anonymousOf(right);

  if (op === 'rearrange') {
    const anonymous = [...leftAnonymous, ...rightAnonymous];
    if (anonymous.length > 0) throw new EinopsError(writeAnonymousAxisInRearrangeMessage(anonymous[0]!));
    // einops reports the symmetric difference; the ellipsis counts as an axis in it.
    const leftOnly = [...onlyLeft, ...(left.hasEllipsis && !right.hasEllipsis ? ['...'] : [])];
    if (onlyRight.length > 0) throw new EinopsError(writeOnlyOneSideMessage(onlyRight, 'right'));
    if (leftOnly.length > 0) throw new EinopsError(writeOnlyOneSideMessage(leftOnly, 'left'));
  } else if (op === 'repeat') {
    const removed = [
      ...onlyLeft,
      ...leftAnonymous.map(String),
      ...(left.hasEllipsis && !right.hasEllipsis ? ['...'] : []),
    ];
    if (removed.length > 0) throw new EinopsError(writeRepeatRemovesAxesMessage(removed));
  } else {
    const added = [...onlyRight, ...rightAnonymous.map(String)];
    if (added.length > 0) throw new EinopsError(writeReduceAddsAxesMessage(added));
  }

  // Number the elementary axes: the left side's in order, then the right side's new ones.
  const axes: string[] = [];
  const lengths: number[] = [];
  const idOfName = new Map<string, number>();
  const idOf = (axis: Axis): number => {
    if (axis.kind === 'ellipsis') return ELLIPSIS;
    if (axis.kind === 'named') {
      const known = idOfName.get(axis.name);
      if (known !== undefined) return known;
      idOfName.set(axis.name, axes.length);
    }
    axes.push(axis.kind === 'named' ? axis.name : String(axis.length));
    lengths.push(axis.kind === 'named' ? -1 : axis.length);
    return axes.length - 1;
  };
  const compileDims = (dims: readonly Dim[]): RecipeDim[] =>
    dims.map((dim) => (dim.kind === 'ellipsis' ? ELLIPSIS : dim.axes.map(idOf)));

  const leftDims = compileDims(left.dims);
  const rightDims = compileDims(right.dims);
  return { version: RECIPE_VERSION, op, pattern, axes, lengths, left: leftDims, right: rightDims };
}
