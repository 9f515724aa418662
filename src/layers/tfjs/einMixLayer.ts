/**
 * EinMix as a tf.layers layer: einops' EinMix, planned once when the layer is made and run by
 * its compiled steps (applyRecipe, applyEinsumRecipe), so the class carries no parser. It is
 * made from a pattern string once einops/layers/tfjs has installed the compilers, or from an
 * EinMixRecipe, which the build plugin inlines for a definition that is all literals.
 */
import { add, serialization, type Tensor, tidy } from '@tensorflow/tfjs-core';
import { initializers, type LayerVariable, layers, type Shape } from '@tensorflow/tfjs-layers';
import { EinopsError } from '../../errors';
import { writePatternTypeMessage } from '../../pattern/messages';
import { checkRecipeVersion } from '../../pattern/recipe';
import { applyRecipe } from '../../runtime/apply';
import type { AxesLengths } from '../../runtime/bind';
import { applyEinsumRecipe } from '../../runtime/einsum';
import { decodeAxes, decodeString, encodeAxes, encodeString } from '../config';
import type { EinMixOptions, EinMixPlan, EinMixRecipe } from '../einmix';
import { einMixOutputShape, recipeOutputShape, type SymbolicShape } from '../shape';
import { layerCompilers, writeNoPatternCompilerMessage } from './compilers';
import { type LayerArgs, layerError, patternArgumentText, single, singleShape } from './inputs';

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

  constructor(pattern: string | EinMixRecipe, args: EinMixArgs) {
    const { weightShape, biasShape = null, axes = {}, ...layerArgs } = args;
    super(layerArgs);
    const compiled = compiledDefinition(pattern, { weightShape, biasShape, axes });
    this.#plan = compiled.plan;
    this.pattern = compiled.pattern;
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
      if (preRearrange !== null) current = recipeOutputShape(preRearrange.recipe, current, preRearrange.axes);
      current = einMixOutputShape(this.#plan, current);
      if (postRearrange !== null) current = recipeOutputShape(postRearrange.recipe, current, {});
      return [...current];
    } catch (error) {
      throw layerError(error, 'EinMix', this.pattern, shape);
    }
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    const { preRearrange, einsum, postRearrange } = this.#plan;
    const weight = this.#weight;
    if (weight === undefined) throw new EinopsError('EinMix is called before it is built: call it through apply(), or in a model');
    return tidy(() => {
      let x = single(inputs, 'EinMix');
      if (preRearrange !== null) x = applyRecipe(preRearrange.recipe, x, undefined, preRearrange.axes) as Tensor;
      let y = applyEinsumRecipe(einsum, [x, weight.read()]) as Tensor;
      if (this.#bias !== undefined) y = add(y, this.#bias.read());
      return postRearrange === null ? y : (applyRecipe(postRearrange.recipe, y) as Tensor);
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
    const { pattern: encoded, weightShape, biasShape, axesLengths, ...args } = config;
    const pattern = decodeString(encoded, 'pattern');
    if (layerCompilers() === undefined) throw layerError(new EinopsError(writeEinMixLoadMessage()), 'EinMix', pattern);
    return new cls(pattern, {
      weightShape: decodeString(weightShape, 'weightShape'),
      biasShape: biasShape === null || biasShape === undefined ? null : decodeString(biasShape, 'biasShape'),
      axes: decodeAxes(axesLengths),
      ...args,
    });
  }
}

export const writeEinMixLoadMessage = (): string =>
  "a saved EinMix is planned again from its definition, which needs the pattern parser: import 'einops/layers/tfjs' where the model is loaded";

/** Writes the lengths of an axes object in a fixed order, to compare two of them. */
const describeAxes = (axes: AxesLengths): string => JSON.stringify(Object.entries(axes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * The compiled definition of a layer: the pattern string compiled, or the EinMixRecipe given,
 * checked against the arguments it comes with (the plugin passes them on as written).
 */
function compiledDefinition(pattern: string | EinMixRecipe, options: Required<EinMixOptions>): EinMixRecipe {
  if (typeof pattern === 'string') {
    const compilers = layerCompilers();
    if (compilers === undefined) throw layerError(new EinopsError(writeNoPatternCompilerMessage()), 'EinMix', pattern);
    return compilers.einMix(pattern, options);
  }
  const text = String(patternArgumentText(pattern));
  try {
    if (typeof pattern !== 'object' || pattern === null) throw new EinopsError(writePatternTypeMessage(typeof pattern));
    checkRecipeVersion(pattern);
    const given = { weightShape: options.weightShape, biasShape: options.biasShape ?? null, axes: describeAxes(options.axes ?? {}) };
    const compiled = { weightShape: pattern.weightShape, biasShape: pattern.biasShape, axes: describeAxes(pattern.axes) };
    if (JSON.stringify(given) !== JSON.stringify(compiled)) {
      throw new EinopsError(`the compiled definition is for ${JSON.stringify(compiled)}, but the arguments are ${JSON.stringify(given)}`);
    }
    return pattern;
  } catch (error) {
    throw layerError(error, 'EinMix', text);
  }
}
