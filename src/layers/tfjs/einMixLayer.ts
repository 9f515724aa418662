/**
 * EinMix as a tf.layers layer: einops' EinMix, planned once when the layer is made
 * (../einmix.ts) and run with the string-pattern ops, so this layer carries the parser.
 */
import { add, serialization, type Tensor, tidy } from '@tensorflow/tfjs-core';
import { initializers, type LayerVariable, layers, type Shape } from '@tensorflow/tfjs-layers';
import { EinopsError } from '../../errors';
import { einsum, rearrange, recipeFor } from '../../runtime/ops';
import { decodeAxes, decodeString, encodeAxes, encodeString } from '../config';
import { type EinMixOptions, type EinMixPlan, einMixOutputShape, planEinMix } from '../einmix';
import { recipeOutputShape, type SymbolicShape } from '../shape';
import type { AxesLengths } from '../../runtime/bind';
import { type LayerArgs, layerError, single, singleShape } from './inputs';

/** EinMix's weight and bias definition, with the usual layer arguments. */
export interface EinMixArgs extends EinMixOptions, LayerArgs {}

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

  override getConfig(): serialization.ConfigDict {
    return {
      pattern: encodeString(this.pattern),
      weightShape: encodeString(this.weightShape),
      biasShape: this.biasShape === null ? null : encodeString(this.biasShape),
      axesLengths: encodeAxes(this.axesLengths),
      ...super.getConfig(),
    };
  }

  static override fromConfig<T extends serialization.Serializable>(cls: serialization.SerializableConstructor<T>, config: serialization.ConfigDict): T {
    const { pattern, weightShape, biasShape, axesLengths, ...args } = config;
    return new cls(decodeString(pattern, 'pattern'), {
      weightShape: decodeString(weightShape, 'weightShape'),
      biasShape: biasShape === null || biasShape === undefined ? null : decodeString(biasShape, 'biasShape'),
      axes: decodeAxes(axesLengths),
      ...args,
    });
  }
}

serialization.registerClass(EinMix);
