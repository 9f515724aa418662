/**
 * `einops/layers/tfjs`: Rearrange, Reduce and EinMix as TensorFlow.js layers. They work in
 * `tf.sequential` and functional models, report their output shapes (an unknown batch stays
 * unknown), and are registered with tf.serialization, so models holding them save and load.
 * Importing this entry also registers the tfjs backend.
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
import { add, serialization, type Tensor, tidy } from '@tensorflow/tfjs-core';
import { initializers, layers, type LayerVariable, type Shape } from '@tensorflow/tfjs-layers';
import '../tfjs';
import { EinopsError } from '../errors';
import { writeUnusedAxisLengthMessage } from '../pattern/messages';
import type { RecipeOp } from '../pattern/recipe';
import { REDUCTIONS, type ReductionName } from '../runtime/backend';
import { type AxesLengths, checkAxesObject } from '../runtime/bind';
import { einsum, rearrange, recipeFor, reduce } from '../runtime/ops';
import { decodeAxes, decodeString, encodeAxes, encodeString } from './config';
import { type EinMixOptions, type EinMixPlan, planEinMix } from './einmix';
import { einMixOutputShape, recipeOutputShape, type SymbolicShape } from './shape';

/** What every tf.layers layer takes: name, inputShape, batchInputShape, trainable, dtype. */
export type LayerArgs = NonNullable<ConstructorParameters<typeof layers.Layer>[0]>;

/** EinMix's weight and bias definition, with the usual layer arguments. */
export interface EinMixArgs extends EinMixOptions, LayerArgs {}

type ConfigDict = serialization.ConfigDict;

const describeShape = (shape: SymbolicShape): string => `[${shape.map(String).join(', ')}]`;

/** An EinopsError from a layer, naming the layer and its pattern (and the input shape, once there is one). */
function layerError(error: unknown, layer: string, pattern: string, inputShape?: SymbolicShape): unknown {
  if (!(error instanceof EinopsError)) return error;
  const input = inputShape === undefined ? '' : `\n  input shape ${describeShape(inputShape)}`;
  return new EinopsError(`${layer} "${pattern}": ${error.reason}${input}`, error.column === undefined ? { reason: error.reason } : { reason: error.reason, column: error.column });
}

/** The layers take one tensor, which tfjs may hand over in a list. */
function single<T>(inputs: T | T[], layer: string): T {
  if (!Array.isArray(inputs)) return inputs;
  if (inputs.length !== 1) throw new EinopsError(`${layer} takes one tensor, got ${inputs.length}`);
  return inputs[0]!;
}

const singleShape = (inputShape: Shape | Shape[], layer: string): Shape =>
  Array.isArray(inputShape[0]) ? single(inputShape as Shape[], layer) : (inputShape as Shape);

/**
 * Compiles a layer's pattern when the layer is made, so that a wrong pattern or an axis length
 * the pattern does not have fails there, as in einops.
 */
function checkLayerPattern(op: RecipeOp, layer: string, pattern: string, axesLengths: AxesLengths): void {
  try {
    checkAxesObject(axesLengths);
    const { axes, lengths } = recipeFor(op, pattern);
    // Anonymous axes are in the recipe too, named by their length, and cannot be given one.
    const unused = Object.keys(axesLengths).find((name) => lengths[axes.indexOf(name)] !== -1);
    if (unused !== undefined) throw new EinopsError(writeUnusedAxisLengthMessage(unused));
  } catch (error) {
    throw layerError(error, layer, pattern);
  }
}

function recipeLayerOutputShape(op: RecipeOp, layer: string, pattern: string, axesLengths: AxesLengths, inputShape: Shape | Shape[]): Shape {
  const shape = singleShape(inputShape, layer);
  try {
    return recipeOutputShape(recipeFor(op, pattern), shape, axesLengths);
  } catch (error) {
    throw layerError(error, layer, pattern, shape);
  }
}

/**
 * Rearranges its input as `rearrange(x, pattern, axesLengths)` does. A wrong pattern, or an
 * axis length it does not use, throws an {@link EinopsError} when the layer is made.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { Rearrange } from 'einops/layers/tfjs';
 *
 * const flatten = new Rearrange('b h w c -> b (h w c)');
 * flatten.apply(tf.zeros([2, 4, 4, 3])); // a [2, 48] tensor
 * ```
 */
export class Rearrange extends layers.Layer {
  static readonly className = 'Rearrange';
  readonly pattern: string;
  readonly axesLengths: AxesLengths;

  constructor(pattern: string, axesLengths: AxesLengths = {}, args?: LayerArgs) {
    super(args);
    checkLayerPattern('rearrange', 'Rearrange', pattern, axesLengths);
    this.pattern = pattern;
    this.axesLengths = { ...axesLengths };
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return recipeLayerOutputShape('rearrange', 'Rearrange', this.pattern, this.axesLengths, inputShape);
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return rearrange(single(inputs, 'Rearrange'), this.pattern, this.axesLengths);
  }

  override getConfig(): ConfigDict {
    return { pattern: encodeString(this.pattern), axesLengths: encodeAxes(this.axesLengths), ...super.getConfig() };
  }

  static override fromConfig<T extends serialization.Serializable>(cls: serialization.SerializableConstructor<T>, config: ConfigDict): T {
    const { pattern, axesLengths, ...args } = config;
    return new cls(decodeString(pattern, 'pattern'), decodeAxes(axesLengths), args);
  }
}

/**
 * Reduces its input as `reduce(x, pattern, reduction, axesLengths)` does; the reduction is a
 * name, so that the layer saves with the model. Throws an {@link EinopsError} when made with a
 * wrong pattern or reduction.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { Reduce } from 'einops/layers/tfjs';
 *
 * const pool = new Reduce('b (h 2) (w 2) c -> b h w c', 'max', {}, { name: 'pool' });
 * pool.apply(tf.zeros([2, 8, 8, 3])); // a [2, 4, 4, 3] tensor
 * ```
 */
export class Reduce extends layers.Layer {
  static readonly className = 'Reduce';
  readonly pattern: string;
  readonly reduction: ReductionName;
  readonly axesLengths: AxesLengths;

  constructor(pattern: string, reduction: ReductionName, axesLengths: AxesLengths = {}, args?: LayerArgs) {
    super(args);
    if (!REDUCTIONS.includes(reduction)) {
      // A function could not be saved with the model, so the layer takes names only.
      throw new EinopsError(`Reduce "${pattern}": the reduction must be one of ${REDUCTIONS.join(', ')}, got ${typeof reduction === 'string' ? `"${reduction}"` : typeof reduction}`);
    }
    checkLayerPattern('reduce', 'Reduce', pattern, axesLengths);
    this.pattern = pattern;
    this.reduction = reduction;
    this.axesLengths = { ...axesLengths };
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return recipeLayerOutputShape('reduce', 'Reduce', this.pattern, this.axesLengths, inputShape);
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return reduce(single(inputs, 'Reduce'), this.pattern, this.reduction, this.axesLengths);
  }

  override getConfig(): ConfigDict {
    return { pattern: encodeString(this.pattern), reduction: this.reduction, axesLengths: encodeAxes(this.axesLengths), ...super.getConfig() };
  }

  static override fromConfig<T extends serialization.Serializable>(cls: serialization.SerializableConstructor<T>, config: ConfigDict): T {
    const { pattern, reduction, axesLengths, ...args } = config;
    return new cls(decodeString(pattern, 'pattern'), reduction, decodeAxes(axesLengths), args);
  }
}

/**
 * einsum of the input with a trained weight, plus an optional bias, with a rearrange before
 * and after when the pattern composes axes: einops' EinMix. The weight's axes are named in
 * `weightShape`, the bias's in `biasShape`; their lengths, and those the input cannot tell, go
 * in `axes`. Throws an {@link EinopsError} when the patterns do not fit together.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { EinMix } from 'einops/layers/tfjs';
 *
 * const mix = new EinMix('t b c_in -> t b c_out', { weightShape: 'c_in c_out', biasShape: 'c_out', axes: { c_in: 10, c_out: 20 } });
 * mix.apply(tf.zeros([5, 2, 10]));  // a [5, 2, 20] tensor
 * const scale = new EinMix('b (h w) c -> b (h w) c', { weightShape: 'c', axes: { c: 64, h: 8 } }); // channel-wise
 * scale.apply(tf.zeros([2, 64, 64])); // a [2, 64, 64] tensor
 * ```
 */
export class EinMix extends layers.Layer {
  static readonly className = 'EinMix';
  readonly pattern: string;
  readonly weightShape: string;
  readonly biasShape: string | null;
  readonly axesLengths: AxesLengths;
  readonly #plan: EinMixPlan;
  #weight: LayerVariable | undefined;
  #bias: LayerVariable | undefined;

  constructor(pattern: string, args: EinMixArgs) {
    const { weightShape, biasShape = null, axes = {}, ...layerArgs } = args;
    super(layerArgs);
    this.#plan = planEinMix(pattern, { weightShape, biasShape, axes });
    this.pattern = pattern;
    this.weightShape = weightShape;
    this.biasShape = biasShape;
    this.axesLengths = { ...axes };
  }

  override build(inputShape: Shape | Shape[]): void {
    const plan = this.#plan;
    const uniform = (bound: number) => initializers.randomUniform({ minval: -bound, maxval: bound });
    this.#weight = this.addWeight('weight', [...plan.weightShape], 'float32', uniform(plan.weightBound));
    if (plan.biasShape !== null) this.#bias = this.addWeight('bias', [...plan.biasShape], 'float32', uniform(plan.biasBound));
    super.build(inputShape);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, 'EinMix');
    const { preRearrange, postRearrange } = this.#plan;
    try {
      let current: SymbolicShape = shape;
      if (preRearrange !== null) current = recipeOutputShape(recipeFor('rearrange', preRearrange.pattern), current, preRearrange.axes);
      current = einMixOutputShape(this.#plan, current);
      if (postRearrange !== null) current = recipeOutputShape(recipeFor('rearrange', postRearrange.pattern), current, {});
      return [...current];
    } catch (error) {
      throw layerError(error, 'EinMix', this.pattern, shape);
    }
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    const { preRearrange, einsumPattern, postRearrange } = this.#plan;
    const weight = this.#weight;
    if (weight === undefined) throw new EinopsError('EinMix is called before it is built: call it through apply(), or in a model');
    return tidy(() => {
      let x = single(inputs, 'EinMix');
      if (preRearrange !== null) x = rearrange(x, preRearrange.pattern, preRearrange.axes);
      let y = einsum(x, weight.read(), einsumPattern);
      if (this.#bias !== undefined) y = add(y, this.#bias.read());
      return postRearrange === null ? y : rearrange(y, postRearrange.pattern);
    });
  }

  override getConfig(): ConfigDict {
    return {
      pattern: encodeString(this.pattern),
      weightShape: encodeString(this.weightShape),
      biasShape: this.biasShape === null ? null : encodeString(this.biasShape),
      axesLengths: encodeAxes(this.axesLengths),
      ...super.getConfig(),
    };
  }

  static override fromConfig<T extends serialization.Serializable>(cls: serialization.SerializableConstructor<T>, config: ConfigDict): T {
    const { pattern, weightShape, biasShape, axesLengths, ...args } = config;
    return new cls(decodeString(pattern, 'pattern'), {
      weightShape: decodeString(weightShape, 'weightShape'),
      biasShape: biasShape === null || biasShape === undefined ? null : decodeString(biasShape, 'biasShape'),
      axes: decodeAxes(axesLengths),
      ...args,
    });
  }
}

serialization.registerClass(Rearrange);
serialization.registerClass(Reduce);
serialization.registerClass(EinMix);
