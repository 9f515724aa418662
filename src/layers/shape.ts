/**
 * Output shapes for layers, where an input length may be unknown (null, the batch as a rule).
 * Every check a call would make is made on a stand-in shape whose unknown lengths are ones
 * the pattern accepts; then each output length that depends on an unknown input length is
 * reported unknown.
 *
 * Recipes only, no parser: the layers of einops/layers/tfjs/runtime use it.
 */
import { EinopsError } from '../errors';
import { writeMinimumRankMessage, writeRankMessage } from '../pattern/messages';
import { ELLIPSIS, type Recipe } from '../pattern/recipe';
import { type AxesLengths, bindRecipe } from '../runtime/bind';
import { bindEinsumRecipe } from '../runtime/einsum';
import type { EinMixPlan } from './einmix';

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

/** The shape of EinMix's einsum for a (pre-rearranged) input shape with unknown lengths. */
export function einMixOutputShape(plan: EinMixPlan, shape: SymbolicShape): (number | null)[] {
  const { inputAxes, outputAxes, weightAxes, weightShape } = plan;
  const ellipsisAt = inputAxes.indexOf('...');
  const named = ellipsisAt < 0 ? inputAxes.length : inputAxes.length - 1;
  if (ellipsisAt < 0 ? shape.length !== named : shape.length < named) {
    throw new EinopsError((ellipsisAt < 0 ? writeRankMessage : writeMinimumRankMessage)(named, shape.length));
  }
  const ellipsisRank = shape.length - named;
  // Where each named input axis is in the input shape.
  const dimensionOf = new Map<string, number>();
  inputAxes.forEach((name, i) => {
    if (name !== '...') dimensionOf.set(name, ellipsisAt < 0 || i < ellipsisAt ? i : i + ellipsisRank - 1);
  });
  // An unknown length the weight fixes is that length; any other unknown length is 1.
  const standIn = shape.map((length) => length ?? 1);
  weightAxes.forEach((name, k) => {
    const dimension = dimensionOf.get(name);
    if (dimension !== undefined && shape[dimension] === null) standIn[dimension] = weightShape[k]!;
  });
  const known = bindEinsumRecipe(plan.einsum, [standIn, weightShape]).outputShape;

  const isUnknown = (name: string): boolean => !weightAxes.includes(name) && shape[dimensionOf.get(name)!] === null;
  const output: (number | null)[] = [];
  for (const name of outputAxes) {
    if (name === '...') {
      for (let k = 0; k < ellipsisRank; k++) output.push(shape[ellipsisAt + k] === null ? null : known[output.length]!);
    } else {
      output.push(isUnknown(name) ? null : known[output.length]!);
    }
  }
  return output;
}
