/**
 * What importing either layer entry does: registers the tfjs backend, which the layers run on,
 * and the three classes with tf.serialization, so saved models holding them load. Each entry
 * calls it itself (a second call changes nothing): a bundle's chunk shared by the entries then
 * holds no side effect that a bundler, trusting package.json's sideEffects, could drop.
 */
import { serialization } from '@tensorflow/tfjs-core';
import { tfjsBackend } from '../../runtime/backends/tfjs';
import { registerBackend } from '../../runtime/registry';
import { EinMix } from './einMixLayer';
import { Rearrange, Reduce } from './recipeLayers';

export function registerLayers(): void {
  registerBackend(tfjsBackend);
  serialization.registerClass(Rearrange);
  serialization.registerClass(Reduce);
  serialization.registerClass(EinMix);
}
