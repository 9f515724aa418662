/**
 * What every einops layer does with what tf.layers hands it: one tensor (or shape) that may
 * come in a list, and errors that name the layer, its pattern and the input shape.
 */
import type { layers } from '@tensorflow/tfjs-layers';
import { EinopsError } from '../../errors';
import type { SymbolicShape } from '../shape';

/** What every tf.layers layer takes: name, inputShape, batchInputShape, trainable, dtype. */
export type LayerArgs = NonNullable<ConstructorParameters<typeof layers.Layer>[0]>;

const describeShape = (shape: SymbolicShape): string => `[${shape.map(String).join(', ')}]`;

/** An EinopsError from a layer, naming the layer and its pattern (and the input shape, once there is one). */
export function layerError(error: unknown, layer: string, pattern: string, inputShape?: SymbolicShape): unknown {
  if (!(error instanceof EinopsError)) return error;
  const input = inputShape === undefined ? '' : `\n  input shape ${describeShape(inputShape)}`;
  return new EinopsError(`${layer} "${pattern}": ${error.reason}${input}`, error.column === undefined ? { reason: error.reason } : { reason: error.reason, column: error.column });
}

/** The layers take one tensor, which tfjs may hand over in a list. */
export function single<T>(inputs: T | T[], layer: string): T {
  if (!Array.isArray(inputs)) return inputs;
  if (inputs.length !== 1) throw new EinopsError(`${layer} takes one tensor, got ${inputs.length}`);
  return inputs[0]!;
}

/** The one input shape, from a shape or a list of one. */
export const singleShape = (inputShape: SymbolicShape | SymbolicShape[], layer: string): SymbolicShape =>
  Array.isArray(inputShape[0]) ? single(inputShape as SymbolicShape[], layer) : (inputShape as SymbolicShape);

/**
 * What a layer's pattern argument names, for its errors: the string itself, or the `pattern`
 * of a compiled form (a Recipe, an EinMixRecipe); whatever else was passed, as it is.
 */
export const patternArgumentText = (pattern: unknown): unknown =>
  typeof pattern === 'object' && pattern !== null ? (pattern as { pattern?: unknown }).pattern : pattern;
