/**
 * einsum pattern → EinsumRecipe, as einops' `_compactify_pattern_for_einsum` reads it:
 * `'b i d, b j d -> b i j'`. The left side is one list of axis names per input, separated by
 * commas; a name may repeat within an input (that input's diagonal) and each input may have
 * one `...`. The right side names axes of the inputs, each once, and may have a `...`.
 * An axis is exactly one dimension: no compositions, unit axes or anonymous axes. `_` is a
 * valid name here, as in einops, and so is `(...)`, which einops takes for one axis.
 */
import { EinopsError } from '../errors';
import type { CompositionDim, Dim, Expression } from './ast';
import {
  EINSUM_MAX_AXES,
  writeArrowCountMessage,
  writeDuplicateAxisMessage,
  writeEinsumAnonymousAxisMessage,
  writeEinsumCompositionMessage,
  writeEinsumTooManyAxesMessage,
  writeEinsumUnitAxisMessage,
  writeOnlyOneSideMessage,
} from './messages';
import { parseExpression, syntaxError } from './parse';
import { ELLIPSIS, RECIPE_VERSION } from './recipe';

/** An einsum pattern compiled: plain JSON, no shapes, like Recipe. */
export interface EinsumRecipe {
  readonly version: typeof RECIPE_VERSION;
  readonly op: 'einsum';
  /** The pattern as written, for error messages. */
  readonly pattern: string;
  /** Axis names, numbered in the order they first appear on the left side. */
  readonly axes: readonly string[];
  /** Per input, its dimensions: an axis id (repeated for a diagonal) or ELLIPSIS for `...`. */
  readonly inputs: readonly (readonly number[])[];
  /** The result's dimensions: axis ids, each at most once, and ELLIPSIS for `...`. */
  readonly output: readonly number[];
}

const describeComposition = (dim: CompositionDim): string =>
  `(${dim.axes.map((axis) => (axis.kind === 'named' ? axis.name : axis.kind === 'anonymous' ? String(axis.length) : '...')).join(' ')})`;

/** The one named axis a dimension holds, or ELLIPSIS; anything else is not einsum's grammar. */
function axisOf(dim: Dim): { name: string; column: number } | typeof ELLIPSIS {
  if (dim.kind === 'ellipsis') return ELLIPSIS;
  const [axis, ...rest] = dim.axes;
  if (axis === undefined) throw syntaxError(writeEinsumUnitAxisMessage(), dim.column);
  if (rest.length > 0) throw syntaxError(writeEinsumCompositionMessage(describeComposition(dim)), dim.column);
  // einops reads `(...)` as one axis named by its ellipsis character, an axis like any other.
  if (axis.kind === 'ellipsis') return { name: '\u2026', column: axis.column };
  if (axis.kind === 'anonymous') throw syntaxError(writeEinsumAnonymousAxisMessage(axis.length), axis.column);
  return { name: axis.name, column: axis.column };
}

/**
 * Compiles an einsum pattern into an {@link EinsumRecipe} (plain JSON, no shapes), which
 * {@link applyEinsumRecipe} applies. Throws an {@link EinopsError} for a pattern that is wrong
 * by itself.
 * @example
 * ```ts
 * import { compileEinsumRecipe } from 'einops';
 *
 * compileEinsumRecipe('b i d, b j d -> b i j').axes; // ['b', 'i', 'd', 'j']
 * ```
 */
export function compileEinsumRecipe(pattern: string): EinsumRecipe {
  const parts = pattern.split('->');
  if (parts.length !== 2) {
    const column = parts.length > 2 ? parts[0]!.length + parts[1]!.length + 3 : 1;
    throw syntaxError(writeArrowCountMessage(parts.length - 1), column);
  }
  const [leftText, rightText] = parts as [string, string];

  const inputExpressions: Expression[] = [];
  let column = 1;
  for (const text of leftText.split(',')) {
    inputExpressions.push(parseExpression(text, { column, side: 'left', allowUnderscore: true, allowDuplicates: true }));
    column += text.length + 1;
  }
  const outputExpression = parseExpression(rightText, { column: leftText.length + 3, side: 'right', allowUnderscore: true });

  const axes: string[] = [];
  const inputs = inputExpressions.map((expression) =>
    expression.dims.map((dim) => {
      const axis = axisOf(dim);
      if (axis === ELLIPSIS) return ELLIPSIS;
      let id = axes.indexOf(axis.name);
      if (id < 0) id = axes.push(axis.name) - 1;
      return id;
    }),
  );
  if (axes.length > EINSUM_MAX_AXES) throw new EinopsError(writeEinsumTooManyAxesMessage(axes.length));

  const seen = new Set<number>();
  const unknown: { name: string; column: number }[] = [];
  const output = outputExpression.dims.map((dim) => {
    const axis = axisOf(dim);
    if (axis === ELLIPSIS) return ELLIPSIS;
    const id = axes.indexOf(axis.name);
    if (id < 0) {
      unknown.push(axis);
      return id;
    }
    // The parser lets `_` repeat (parseShape skips it); in einsum it is an axis like any other.
    if (seen.has(id)) throw syntaxError(writeDuplicateAxisMessage(axis.name, 'right'), axis.column);
    seen.add(id);
    return id;
  });
  if (unknown.length > 0) {
    throw syntaxError(writeOnlyOneSideMessage(unknown.map((axis) => axis.name), 'right'), unknown[0]!.column);
  }
  return { version: RECIPE_VERSION, op: 'einsum', pattern, axes, inputs, output };
}
