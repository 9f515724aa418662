/**
 * The Recipe: a pattern compiled for one op, with no shape in it. Plain JSON, so the
 * build-time transformer can print it into shipped code and the runtime can take it without
 * parsing anything (this module has no code beyond constants and the version check: the lean
 * runtime imports it).
 *
 * Elementary axes are numbered in the order they appear on the left side, then the axes
 * that appear only on the right (repeat's new axes). Each side is a list of dimensions; a
 * dimension is the list of elementary axes composed into it (`[]` for `1` or `()`), where
 * `ELLIPSIS` inside a list stands for all of the ellipsis' axes, and a bare `ELLIPSIS`
 * (a number, not a list) is the top-level `...`, which becomes as many dimensions as it matches.
 */

import { EinopsError } from '../errors';
import { writeRecipeVersionMessage } from './messages';

/** The version of the compiled forms' format, which each of them carries. */
export const RECIPE_VERSION = 1;

/**
 * Every compiled form (Recipe, EinsumRecipe, PackRecipe, ParseShapeRecipe) carries the version
 * of the format it was compiled to; one made by another version of einops (say, inlined by an
 * older plugin) is refused rather than read wrongly.
 */
export function checkRecipeVersion(recipe: { readonly version?: unknown }): void {
  if (recipe.version !== RECIPE_VERSION) throw new EinopsError(writeRecipeVersionMessage(String(recipe.version), RECIPE_VERSION));
}

/** The id of the ellipsis in a Recipe's dimension lists. */
export const ELLIPSIS = -1;

/** The ops a Recipe is for. */
export type RecipeOp = 'rearrange' | 'reduce' | 'repeat';

/** One dimension of a side: the elementary axes composed into it, or the top-level ellipsis. */
export type RecipeDim = readonly number[] | typeof ELLIPSIS;

/**
 * A rearrange, reduce or repeat pattern compiled ({@link compileRecipe}): plain, versioned
 * JSON with no shape in it, which {@link applyRecipe} binds to an input's shape and runs.
 */
export interface Recipe {
  readonly version: typeof RECIPE_VERSION;
  readonly op: RecipeOp;
  /** The pattern as written, for error messages. */
  readonly pattern: string;
  /** Elementary axis names; an anonymous axis is named by its length, e.g. `'2'`. */
  readonly axes: readonly string[];
  /** Per elementary axis: its length when the pattern fixes it (anonymous axes), else -1. */
  readonly lengths: readonly number[];
  readonly left: readonly RecipeDim[];
  readonly right: readonly RecipeDim[];
}
