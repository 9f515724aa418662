/**
 * pack / unpack pattern → PackRecipe, as einops' `analyze_pattern` reads it: names separated
 * by whitespace and exactly one `*`, e.g. `'b * c'`. The names only count dimensions (each
 * stands for one, shared by every tensor), so the recipe keeps how many come before and after
 * the `*`, which is where the packed dimensions go.
 */
import { axisNameProblem } from './axisName';
import { writePackDuplicateAxisMessage, writePackStarCountMessage } from './messages';
import { syntaxError } from './parse';
import { RECIPE_VERSION } from './recipe';

/** A pack pattern compiled: plain JSON, no shapes, like Recipe. */
export interface PackRecipe {
  readonly version: typeof RECIPE_VERSION;
  /** The pattern as written, for error messages. */
  readonly pattern: string;
  /** Dimensions named before the `*`. */
  readonly before: number;
  /** Dimensions named after the `*`. */
  readonly after: number;
}

/**
 * Compiles a pack/unpack pattern into a {@link PackRecipe}, which {@link applyPackRecipe} and
 * {@link applyUnpackRecipe} apply. Throws an {@link EinopsError} for a bad axis name, a repeated
 * name, or not exactly one `*`.
 * @example
 * ```ts
 * import { compilePackRecipe } from 'einops';
 *
 * compilePackRecipe('b * c'); // { version, pattern: 'b * c', before: 1, after: 1 }
 * ```
 */
export function compilePackRecipe(pattern: string): PackRecipe {
  const tokens = [...pattern.matchAll(/\S+/gu)].map((match) => ({ text: match[0], column: match.index + 1 }));
  const stars = tokens.filter((token) => token.text === '*');
  if (stars.length !== 1) throw syntaxError(writePackStarCountMessage(stars.length), stars[1]?.column ?? 1);
  const names = new Set<string>();
  for (const { text, column } of tokens) {
    if (text === '*') continue;
    const problem = axisNameProblem(text);
    if (problem !== undefined) throw syntaxError(problem, column);
    if (names.has(text)) throw syntaxError(writePackDuplicateAxisMessage(text), column);
    names.add(text);
  }
  const before = tokens.indexOf(stars[0]!);
  return { version: RECIPE_VERSION, pattern, before, after: tokens.length - before - 1 };
}
