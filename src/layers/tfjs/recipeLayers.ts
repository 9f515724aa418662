/**
 * Rearrange and Reduce as tf.layers layers, running compiled Recipes: the one definition of
 * each class, registered once with tf.serialization, that both layer entries export. The
 * classes carry no parser: a layer is made from a Recipe (what the einops plugin writes for a
 * literal pattern), or from a pattern string once `einops/layers/tfjs` has installed the
 * compilers (compilers.ts). A saved layer keeps its pattern and its recipe, so a model saved by either
 * entry loads in an app that ships no parser: the recipe is checked against the pattern
 * (checkRecipe) instead of being compiled again.
 */
import { serialization, type Tensor } from '@tensorflow/tfjs-core';
import { layers, type Shape } from '@tensorflow/tfjs-layers';
import { EinopsError } from '../../errors';
import { checkRecipe } from '../../pattern/checkRecipe';
import { writePatternTypeMessage, writeUnusedAxisLengthMessage } from '../../pattern/messages';
import type { Recipe, RecipeOp } from '../../pattern/recipe';
import { applyRecipe } from '../../runtime/apply';
import { REDUCTIONS, type ReductionName } from '../../runtime/backend';
import { type AxesLengths, checkAxesObject } from '../../runtime/bind';
import { decodeAxes, decodeString, encodeAxes, encodeString } from '../config';
import { recipeOutputShape } from '../shape';
import { layerCompilers, writeNoPatternCompilerMessage } from './compilers';
import { type LayerArgs, layerError, patternArgumentText, single, singleShape } from './inputs';

export const writeNoSavedRecipeMessage = (): string =>
  "the saved layer has no compiled recipe (an older einops saved it): load the model with 'einops/layers/tfjs' imported, which parses the pattern";

/** The recipe of a layer's pattern argument: a string compiled, or a Recipe checked. */
function recipeOf(op: RecipeOp, layer: string, pattern: string | Recipe): Recipe {
  const text = patternArgumentText(pattern);
  try {
    if (typeof text !== 'string') throw new EinopsError(writePatternTypeMessage(typeof text));
    if (typeof pattern === 'object') return checkRecipe(pattern, op, text);
    const compilers = layerCompilers();
    if (compilers === undefined) throw new EinopsError(writeNoPatternCompilerMessage());
    return compilers.recipe(op, text);
  } catch (error) {
    throw layerError(error, layer, String(text));
  }
}

/**
 * A saved layer's pattern as its constructor takes it: the string when patterns can be
 * compiled, else the saved recipe, checked against the pattern.
 */
function savedPattern(op: RecipeOp, layer: string, config: serialization.ConfigDict): string | Recipe {
  const pattern = decodeString(config['pattern'], 'pattern');
  if (layerCompilers() !== undefined) return pattern;
  try {
    if (config['recipe'] === undefined || config['recipe'] === null) throw new EinopsError(writeNoSavedRecipeMessage());
    return checkRecipe(JSON.parse(decodeString(config['recipe'], 'recipe')) as unknown, op, pattern);
  } catch (error) {
    throw layerError(error instanceof SyntaxError ? new EinopsError(`the saved recipe is not JSON: ${error.message}`) : error, layer, pattern);
  }
}

/** Checks the axis lengths a layer is made with, so that one its pattern does not have fails there, as in einops. */
function checkLayerAxes(recipe: Recipe, layer: string, axesLengths: AxesLengths): void {
  try {
    checkAxesObject(axesLengths);
    const { axes, lengths } = recipe;
    // Anonymous axes are in the recipe too, named by their length, and cannot be given one.
    const unused = Object.keys(axesLengths).find((name) => lengths[axes.indexOf(name)] !== -1);
    if (unused !== undefined) throw new EinopsError(writeUnusedAxisLengthMessage(unused));
  } catch (error) {
    throw layerError(error, layer, recipe.pattern);
  }
}

function outputShape(recipe: Recipe, layer: string, axesLengths: AxesLengths, inputShape: Shape | Shape[]): Shape {
  const shape = singleShape(inputShape, layer);
  try {
    return recipeOutputShape(recipe, shape, axesLengths);
  } catch (error) {
    throw layerError(error, layer, recipe.pattern, shape);
  }
}

/**
 * Rearranges its input as `rearrange(x, pattern, axesLengths)` does. A wrong pattern, or an
 * axis length it does not use, throws an {@link EinopsError} when the layer is made. The
 * pattern may be given compiled (a {@link Recipe}), as the einops plugin does for a literal.
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
  /** The compiled pattern the layer runs, and saves beside the pattern. */
  readonly recipe: Recipe;
  readonly axesLengths: AxesLengths;

  constructor(pattern: string | Recipe, axesLengths: AxesLengths = {}, args?: LayerArgs) {
    super(args);
    this.recipe = recipeOf('rearrange', 'Rearrange', pattern);
    checkLayerAxes(this.recipe, 'Rearrange', axesLengths);
    this.pattern = this.recipe.pattern;
    this.axesLengths = { ...axesLengths };
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return outputShape(this.recipe, 'Rearrange', this.axesLengths, inputShape);
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return applyRecipe(this.recipe, single(inputs, 'Rearrange'), undefined, this.axesLengths) as Tensor;
  }

  override getConfig(): serialization.ConfigDict {
    return {
      pattern: encodeString(this.pattern),
      recipe: encodeString(JSON.stringify(this.recipe)),
      axesLengths: encodeAxes(this.axesLengths),
      ...super.getConfig(),
    };
  }

  static override fromConfig<T extends serialization.Serializable>(cls: serialization.SerializableConstructor<T>, config: serialization.ConfigDict): T {
    const { pattern: _pattern, recipe: _recipe, axesLengths, ...args } = config;
    return new cls(savedPattern('rearrange', 'Rearrange', config), decodeAxes(axesLengths), args);
  }
}

/**
 * Reduces its input as `reduce(x, pattern, reduction, axesLengths)` does; the reduction is a
 * name, so that the layer saves with the model. Throws an {@link EinopsError} when made with a
 * wrong pattern or reduction. The pattern may be given compiled (a {@link Recipe}).
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
  /** The compiled pattern the layer runs, and saves beside the pattern. */
  readonly recipe: Recipe;
  readonly reduction: ReductionName;
  readonly axesLengths: AxesLengths;

  constructor(pattern: string | Recipe, reduction: ReductionName, axesLengths: AxesLengths = {}, args?: LayerArgs) {
    super(args);
    this.recipe = recipeOf('reduce', 'Reduce', pattern);
    if (!REDUCTIONS.includes(reduction)) {
      // A function could not be saved with the model, so the layer takes names only.
      throw new EinopsError(
        `Reduce "${this.recipe.pattern}": the reduction must be one of ${REDUCTIONS.join(', ')}, got ${typeof reduction === 'string' ? `"${reduction}"` : typeof reduction}`,
      );
    }
    checkLayerAxes(this.recipe, 'Reduce', axesLengths);
    this.pattern = this.recipe.pattern;
    this.reduction = reduction;
    this.axesLengths = { ...axesLengths };
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return outputShape(this.recipe, 'Reduce', this.axesLengths, inputShape);
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return applyRecipe(this.recipe, single(inputs, 'Reduce'), this.reduction, this.axesLengths) as Tensor;
  }

  override getConfig(): serialization.ConfigDict {
    return {
      pattern: encodeString(this.pattern),
      recipe: encodeString(JSON.stringify(this.recipe)),
      reduction: this.reduction,
      axesLengths: encodeAxes(this.axesLengths),
      ...super.getConfig(),
    };
  }

  static override fromConfig<T extends serialization.Serializable>(cls: serialization.SerializableConstructor<T>, config: serialization.ConfigDict): T {
    const { pattern: _pattern, recipe: _recipe, reduction, axesLengths, ...args } = config;
    return new cls(savedPattern('reduce', 'Reduce', config), reduction, decodeAxes(axesLengths), args);
  }
}
