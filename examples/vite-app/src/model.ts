/**
 * A tiny TensorFlow.js model built from einops layers: 2×2 max pooling, then each channel's
 * mean. It outputs both, so the page can draw the pooled image.
 *
 * The layers' patterns are literals, so the einops plugin compiles them at build time and
 * rewrites both layers to the same classes from `einops/layers/tfjs/runtime`, which take the
 * recipe: the bundle carries no pattern parser. A saved model keeps each layer's pattern and
 * recipe, so it loads again without one.
 */
import * as tf from '@tensorflow/tfjs';
import { Reduce } from 'einops/layers/tfjs';

export function buildModel(height: number, width: number, channels: number): tf.LayersModel {
  const images = tf.input({ shape: [height, width, channels] });
  const pooled = new Reduce('b (h 2) (w 2) c -> b h w c', 'max').apply(images) as tf.SymbolicTensor;
  const channelMeans = new Reduce('b h w c -> b c', 'mean').apply(pooled) as tf.SymbolicTensor;
  return tf.model({ inputs: images, outputs: [pooled, channelMeans] });
}
