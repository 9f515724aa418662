/**
 * `einops/layers/tfjs`: Rearrange, Reduce and EinMix as TensorFlow.js layers. They work in
 * `tf.sequential` and functional models, report their output shapes (an unknown batch stays
 * unknown), and are registered with tf.serialization, so models holding them save and load.
 * Importing this entry also registers the tfjs backend.
 *
 * The layers take their patterns as strings here: this entry carries the pattern parser. The
 * einops plugin compiles literal patterns at build time and rewrites the layers to
 * `einops/layers/tfjs/runtime`, the same classes without the parser.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { EinMix, Rearrange, Reduce } from 'einops/layers/tfjs';
 *
 * const model = tf.sequential({ layers: [
 *   tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3 }),
 *   new Reduce('b (h 2) (w 2) c -> b h w c', 'max'),
 *   new Rearrange('b h w c -> b (h w c)'),
 *   new EinMix('b c_in -> b c_out', { weightShape: 'c_in c_out', biasShape: 'c_out', axes: { c_in: 1352, c_out: 10 } }),
 * ] });
 * model.predict(tf.zeros([2, 28, 28, 1])); // a [2, 10] tensor
 * ```
 * @module einops/layers/tfjs
 */
import { recipeFor } from '../../runtime/ops';
import { compileEinMix } from '../einmix';
import { useLayerCompilers } from './compilers';
import { registerLayers } from './register';

registerLayers();
useLayerCompilers({ recipe: recipeFor, einMix: compileEinMix });

// The same exports as the lean entry (runtime.ts), from the modules themselves: importing that
// entry would put its top-level registration in a chunk the two share (see register.ts).
export { Rearrange, Reduce } from './recipeLayers';
export { EinMix, type EinMixArgs } from './einMixLayer';
export type { EinMixPlan, EinMixRecipe } from '../einmix';
export type { LayerArgs } from './inputs';
export type { Recipe } from '../../pattern/recipe';
export type { ReductionName } from '../../runtime/backend';
export type { AxesLengths } from '../../runtime/bind';
