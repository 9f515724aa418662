/**
 * The public ops that take a pattern string: compile it (once, cached) and apply the recipe.
 * This is the module that brings the parser in; `einops/runtime` leaves it out.
 */
import type { NDArray } from '../ndarray/ndarray';
import type { DType } from '../ndarray/dtype';
import { EinopsError } from '../errors';
import { compileRecipe } from '../pattern/compile';
import { writePatternTypeMessage } from '../pattern/messages';
import type { Recipe, RecipeOp } from '../pattern/recipe';
import { applyRecipe, describeInput, reductionDetail, type Reduction } from './apply';
import type { AxesLengths } from './bind';
import { inContext } from './context';
import { LruCache } from './lru';

const recipes = new LruCache<string, Recipe>(256);

/** The compiled recipe for (op, pattern), from the cache when it has been seen. */
export function recipeFor(op: RecipeOp, pattern: string): Recipe {
  if (typeof pattern !== 'string') throw new EinopsError(writePatternTypeMessage(typeof pattern));
  const key = `${op}\u0000${pattern}`;
  let recipe = recipes.get(key);
  if (recipe === undefined) {
    recipe = compileRecipe(op, pattern);
    recipes.set(key, recipe);
  }
  return recipe;
}

function run(op: RecipeOp, x: unknown, pattern: string, reduction: Reduction | undefined, axes?: AxesLengths): unknown {
  let recipe: Recipe;
  try {
    recipe = recipeFor(op, pattern);
  } catch (error) {
    throw inContext(error, {
      op,
      pattern: String(pattern),
      detail: reductionDetail(op, reduction),
      input: () => describeInput(x),
      axesLengths: axes ?? {},
    });
  }
  return applyRecipe(recipe, x, reduction, axes);
}

/** Any tensor einops can work on, or a list of them (stacked on a new first axis). */
type Input<T> = T | readonly T[];

/**
 * Reorders, splits, merges, squeezes and unsqueezes axes, as a pattern says.
 * @example rearrange(images, 'b h w c -> b c h w')
 * @example rearrange(x, 'b (h h1) (w w1) c -> b h w (c h1 w1)', { h1: 2, w1: 2 })
 */
export function rearrange<D extends DType>(x: Input<NDArray<readonly number[], D>>, pattern: string, axes?: AxesLengths): NDArray<number[], D>;
export function rearrange<T>(x: Input<T>, pattern: string, axes?: AxesLengths): T;
export function rearrange(x: unknown, pattern: string, axes?: AxesLengths): unknown {
  return run('rearrange', x, pattern, undefined, axes);
}

/**
 * Rearranges and reduces the axes that are missing on the right side.
 * @example reduce(x, 'b c (h 2) (w 2) -> b c h w', 'max')
 */
export function reduce<D extends DType>(x: Input<NDArray<readonly number[], D>>, pattern: string, reduction: Reduction, axes?: AxesLengths): NDArray<number[], D>;
export function reduce<T>(x: Input<T>, pattern: string, reduction: Reduction, axes?: AxesLengths): T;
export function reduce(x: unknown, pattern: string, reduction: Reduction, axes?: AxesLengths): unknown {
  return run('reduce', x, pattern, reduction, axes);
}

/**
 * Rearranges and adds (repeats along) the axes that are new on the right side.
 * @example repeat(image, 'h w -> h w c', { c: 3 })
 */
export function repeat<D extends DType>(x: Input<NDArray<readonly number[], D>>, pattern: string, axes?: AxesLengths): NDArray<number[], D>;
export function repeat<T>(x: Input<T>, pattern: string, axes?: AxesLengths): T;
export function repeat(x: unknown, pattern: string, axes?: AxesLengths): unknown {
  return run('repeat', x, pattern, undefined, axes);
}
