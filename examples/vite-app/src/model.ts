/**
 * A tiny TensorFlow.js model built from einops layers: 2×2 max pooling, then each channel's
 * mean. It outputs both, so the page can draw the pooled image.
 *
 * main.ts loads this module with a dynamic import(), and that matters for the bundle: a layer
 * keeps its pattern as a string (it is saved with the model), so it parses the pattern when it
 * is built and this chunk carries einops' parser. The page's own einops calls are precompiled
 * by the plugin, so the entry chunk carries none.
 */
import * as tf from '@tensorflow/tfjs';
import { Reduce } from 'einops/layers/tfjs';

export function buildModel(height: number, width: number, channels: number): tf.LayersModel {
  const images = tf.input({ shape: [height, width, channels] });
  const pooled = new Reduce('b (h 2) (w 2) c -> b h w c', 'max').apply(images) as tf.SymbolicTensor;
  const channelMeans = new Reduce('b h w c -> b c', 'mean').apply(pooled) as tf.SymbolicTensor;
  return tf.model({ inputs: images, outputs: [pooled, channelMeans] });
}
