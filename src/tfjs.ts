/**
 * `einops/tfjs`: importing this entry registers the TensorFlow.js backend, so every op of
 * einops takes tf.Tensors (and tf.Variables) and returns tf.Tensors, with gradients. It
 * re-exports the API, so a tfjs user needs only this import.
 *
 * The caller owns every tensor an op returns (dispose it, or call the op inside tf.tidy); the
 * op's own intermediate tensors are freed before it returns.
 * @module einops/tfjs
 */
import { registerBackend } from './runtime/registry';
import { tfjsBackend } from './runtime/backends/tfjs';

registerBackend(tfjsBackend);

export { tfjsBackend, withShape } from './runtime/backends/tfjs';
// TfjsTensorEntry: the registry entry the published tfjs.d.ts adds to TensorTypes (rollup.config.mjs).
export type { RankOf, ShapedTensor, TfjsTensorEntry } from './types/tfjs';
export * from './index';
