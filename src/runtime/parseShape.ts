/**
 * parseShape's run-time half: names the dimensions of a tensor's shape by a compiled
 * ParseShapeRecipe, as einops' `parse_shape` does, and checks the lengths the pattern fixes.
 * No parser: the string-pattern `parseShape` (ops.ts) compiles the pattern and calls this, and
 * so does the build plugin's output.
 */
import { EinopsError } from '../errors';
import { writeAnonymousLengthMessage, writeMinimumRankMessage, writeRankMessage, writeUnitLengthMessage } from '../pattern/messages';
import type { ParseShapeRecipe } from '../pattern/parseShape';
import { checkRecipeVersion } from '../pattern/recipe';
import { describeInput } from './apply';
import { inContext } from './context';
import { getBackend } from './registry';

/**
 * Applies a compiled parseShape pattern (from {@link compileParseShapeRecipe}, or inlined by
 * the build plugin) to a tensor: what {@link parseShape} does once the pattern is parsed.
 * Throws an {@link EinopsError} when the tensor's rank or a fixed length does not fit.
 * @example
 * ```ts
 * import { applyParseShapeRecipe, compileParseShapeRecipe, tensor } from 'einops';
 *
 * const recipe = compileParseShapeRecipe('batch _ h w');
 * applyParseShapeRecipe(recipe, tensor(new Float32Array(2 * 3 * 5 * 7), [2, 3, 5, 7])); // { batch: 2, h: 5, w: 7 }
 * ```
 */
export function applyParseShapeRecipe(recipe: ParseShapeRecipe, x: unknown): Record<string, number> {
  try {
    checkRecipeVersion(recipe);
    const shape = getBackend(x).shape(x);
    const { dims } = recipe;
    const ellipsisAt = dims.indexOf('...');
    const fixedRank = ellipsisAt < 0 ? dims.length : dims.length - 1;
    if (ellipsisAt < 0 ? shape.length !== fixedRank : shape.length < fixedRank) {
      const write = ellipsisAt < 0 ? writeRankMessage : writeMinimumRankMessage;
      throw new EinopsError(write(fixedRank, shape.length));
    }
    const result: Record<string, number> = {};
    dims.forEach((dim, i) => {
      if (dim === '...' || dim === null) return;
      // Dimensions after the ellipsis count from the end of the shape.
      const dimension = ellipsisAt < 0 || i < ellipsisAt ? i : shape.length - (dims.length - i);
      const length = shape[dimension]!;
      if (typeof dim === 'string') result[dim] = length;
      else if (dim !== length) {
        throw new EinopsError(dim === 1 ? writeUnitLengthMessage(dimension, length) : writeAnonymousLengthMessage(dimension, length, dim));
      }
    });
    return result;
  } catch (error) {
    throw inContext(error, { op: 'parseShape', pattern: String(recipe.pattern), input: () => describeInput(x) });
  }
}
