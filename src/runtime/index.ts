/**
 * `einops/runtime`: the lean entry. Applies precompiled Recipes (what the build-time
 * transformer emits) on any registered backend; carries no pattern parser.
 * @module einops/runtime
 */
export { applyRecipe, type Reduction } from './apply';
export { asNDArray } from './asNDArray';
export type { Backend, CoreBackend, ReductionName } from './backend';
export type { AxesLengths } from './bind';
export { getBackend, registerBackend } from './registry';
export { RECIPE_VERSION, ELLIPSIS, type Recipe, type RecipeDim, type RecipeOp } from '../pattern/recipe';
export { EinopsError } from '../errors';
export { NDArray, tensor, type DType } from '../ndarray/index';
export { applyEinsumRecipe } from './einsum';
export { applyPackRecipe, applyUnpackRecipe } from './pack';
export { applyParseShapeRecipe } from './parseShape';
export type { EinsumRecipe } from '../pattern/einsum';
export type { PackRecipe } from '../pattern/pack';
export type { ParseShapeDim, ParseShapeRecipe } from '../pattern/parseShape';
