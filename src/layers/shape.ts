/**
 * Output shapes for layers, where an input length may be unknown (null, the batch as a rule).
 * Every check a call would make is made on a stand-in shape whose unknown lengths are ones
 * the pattern accepts; then each output length that depends on an unknown input length is
 * reported unknown.
 *
 * Recipes only, no parser: the layers that run precompiled recipes (einops/layers/tfjs/runtime)
 * use it. EinMix's einsum has its own, beside its plan (einmix.ts).
 */
import { ELLIPSIS, type Recipe } from '../pattern/recipe';
import { type AxesLengths, bindRecipe } from '../runtime/bind';

/** A shape whose lengths may be unknown. */
export type SymbolicShape = readonly (number | null)[];

const product = (values: readonly number[]): number => values.reduce((acc, value) => acc * value, 1);

/** The shape rearrange or reduce gives for an input shape with unknown lengths. */
export function recipeOutputShape(recipe: Recipe, shape: SymbolicShape, axesLengths: AxesLengths): (number | null)[] {
  const { axes, left, right } = recipe;
  const lengths = recipe.lengths.map((length, id) => (length === -1 && axes[id]! in axesLengths ? axesLengths[axes[id]!]! : length));
  const ellipsisAt = left.indexOf(ELLIPSIS);
  const ellipsisRank = ellipsisAt < 0 ? 0 : Math.max(0, shape.length - left.length + 1);
  // The pattern's dimension for each input dimension; null for those of the ellipsis.
  const dimOf = (dimension: number): readonly number[] | null => {
    if (ellipsisAt < 0 || dimension < ellipsisAt) return (left[dimension] as readonly number[] | undefined) ?? [];
    if (dimension < ellipsisAt + ellipsisRank) return null;
    return left[dimension - ellipsisRank + 1] as readonly number[];
  };
  // An unknown length becomes what the dimension's known axes give (the unknown axis then 1).
  const unknownAxes = new Set<number>();
  const unknownEllipsis = new Set<number>();
  const standIn = shape.map((length, dimension) => {
    if (length !== null) return length;
    const dim = dimOf(dimension);
    if (dim === null) {
      unknownEllipsis.add(dimension - ellipsisAt);
      return 1;
    }
    for (const id of dim) if (lengths[id] === -1) unknownAxes.add(id);
    return product(dim.map((id) => Math.max(lengths[id]!, 1)));
  });
  const known = bindRecipe(recipe, standIn, axesLengths).outputShape;

  const unknownIn = (dim: readonly number[]): boolean =>
    dim.some((id) => (id === ELLIPSIS ? unknownEllipsis.size > 0 : unknownAxes.has(id)));
  const output: (number | null)[] = [];
  for (const dim of right) {
    if (dim === ELLIPSIS) {
      for (let k = 0; k < ellipsisRank; k++) output.push(unknownEllipsis.has(k) ? null : known[output.length]!);
    } else {
      output.push(unknownIn(dim) ? null : known[output.length]!);
    }
  }
  return output;
}
