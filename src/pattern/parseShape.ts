/**
 * parseShape's pattern → ParseShapeRecipe: what each dimension of the tensor is, by position.
 * Names only, one per dimension (no compositions), `_` to skip one, `...` to skip any number,
 * `1`, `()` and numbers for lengths to check, as einops' `parse_shape` reads it.
 */
import { EinopsError } from '../errors';
import { writeParseShapeCompositionMessage } from './messages';
import { parseExpression } from './parse';
import { RECIPE_VERSION } from './recipe';

/**
 * One dimension of a parseShape pattern: a name to report its length under, null for `_`, a
 * length it must have (1 for `1` or `()`), or `'...'` for the ellipsis (no axis name can be
 * `...`, and the run-time half reads it without importing this module's parser).
 */
export type ParseShapeDim = string | number | null;

/** A parseShape pattern compiled: plain JSON, no shapes, like Recipe. */
export interface ParseShapeRecipe {
  readonly version: typeof RECIPE_VERSION;
  /** The pattern as written, for error messages. */
  readonly pattern: string;
  readonly dims: readonly ParseShapeDim[];
}

/**
 * Compiles a parseShape pattern into a {@link ParseShapeRecipe}, which
 * {@link applyParseShapeRecipe} applies. Throws an {@link EinopsError} for a syntax error or a
 * composition (parseShape names single dimensions).
 * @example
 * ```ts
 * import { compileParseShapeRecipe } from 'einops';
 *
 * compileParseShapeRecipe('b _ 3 ...').dims; // ['b', null, 3, '...']
 * ```
 */
export function compileParseShapeRecipe(pattern: string): ParseShapeRecipe {
  const dims = parseExpression(pattern, { allowUnderscore: true }).dims.map((dim): ParseShapeDim => {
    if (dim.kind === 'ellipsis') return '...';
    const [axis, ...more] = dim.axes;
    if (more.length > 0 || axis?.kind === 'ellipsis') throw new EinopsError(writeParseShapeCompositionMessage());
    if (axis === undefined) return 1;
    if (axis.kind === 'anonymous') return axis.length;
    return axis.name === '_' ? null : axis.name;
  });
  return { version: RECIPE_VERSION, pattern, dims };
}
