/**
 * What the layers need the pattern parser for, installed by `einops/layers/tfjs`: compiling a
 * Rearrange or Reduce pattern, and planning an EinMix. The layers themselves carry no parser;
 * without these they take only compiled forms (what the build plugin inlines), so
 * `einops/layers/tfjs/runtime` ships none.
 */
import type { Recipe, RecipeOp } from '../../pattern/recipe';
import type { EinMixOptions, EinMixRecipe } from '../einmix';

export interface LayerCompilers {
  /** A rearrange or reduce pattern's recipe, throwing the EinopsError the op would. */
  readonly recipe: (op: RecipeOp, pattern: string) => Recipe;
  /** An EinMix definition compiled, throwing the EinopsError that says what does not fit. */
  readonly einMix: (pattern: string, options: EinMixOptions) => EinMixRecipe;
}

let installed: LayerCompilers | undefined;

/** Lets the layers take patterns as strings (einops/layers/tfjs calls it once). */
export function useLayerCompilers(compilers: LayerCompilers): void {
  installed = compilers;
}

/** The installed compilers, or undefined in a build without the parser. */
export const layerCompilers = (): LayerCompilers | undefined => installed;

export const writeNoPatternCompilerMessage = (): string =>
  "this build has no pattern parser, so the layer takes a compiled recipe: import the layers from 'einops/layers/tfjs', " +
  'or build with the einops plugin (einops/rollup), which compiles literal patterns';
