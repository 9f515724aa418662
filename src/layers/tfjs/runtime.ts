/**
 * `einops/layers/tfjs/runtime`: the lean layers. Rearrange, Reduce and EinMix that run compiled
 * recipes and carry no pattern parser: what the einops plugin (einops/rollup) makes of
 * `new Reduce('<literal pattern>', …)` written against `einops/layers/tfjs` (and of an EinMix
 * whose definition is all literals), so a bundled model ships no parser. They are the same
 * classes as those of `einops/layers/tfjs`, saved and loaded alike: a model saved by either
 * entry loads here, Rearrange's and Reduce's recipes checked against their patterns (an EinMix
 * loads only where the parser is, to plan it again). A layer made here from a pattern string
 * throws, unless the plugin compiled it: the plugin rewrites literal patterns given to this
 * entry's layers too. Importing this entry registers the tfjs backend (without the
 * string-pattern ops).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { compileRecipe } from 'einops';
 * import { Reduce } from 'einops/layers/tfjs/runtime';
 *
 * // What the plugin writes for `new Reduce('b (h 2) (w 2) c -> b h w c', 'max')`, the recipe inlined as JSON:
 * const pool = new Reduce(compileRecipe('reduce', 'b (h 2) (w 2) c -> b h w c'), 'max');
 * pool.apply(tf.zeros([2, 8, 8, 3])); // a [2, 4, 4, 3] tensor
 * ```
 * @module einops/layers/tfjs/runtime
 */
import { registerLayers } from './register';

registerLayers();

export { Rearrange, Reduce } from './recipeLayers';
export { EinMix, type EinMixArgs } from './einMixLayer';
export type { EinMixPlan, EinMixRecipe } from '../einmix';
export type { LayerArgs } from './inputs';
export type { Recipe } from '../../pattern/recipe';
export type { ReductionName } from '../../runtime/backend';
export type { AxesLengths } from '../../runtime/bind';
