/**
 * einops for TypeScript: the public API. `rearrange`, `reduce`, `repeat`, `einsum`, `pack`,
 * `unpack` and `parseShape` on the embedded NDArray (`tensor`) and on any registered tensor
 * library; compiled recipes and the backend registry for tools.
 * @module einops
 */
export { rearrange, reduce, repeat } from './runtime/ops';
export { parseShape } from './runtime/ops';
export { asNDArray } from './runtime/asNDArray';
export { applyRecipe, type Reduction } from './runtime/apply';
export type { Backend, CoreBackend, ReductionName } from './runtime/backend';
export type { AxesLengths } from './runtime/bind';
export { getBackend, registerBackend } from './runtime/registry';
export { compileRecipe } from './pattern/compile';
export { RECIPE_VERSION, type Recipe, type RecipeOp } from './pattern/recipe';
export { EinopsError } from './errors';
export { NDArray, tensor, type DType } from './ndarray/index';
export { einsum, pack, unpack } from './runtime/ops';
export { applyEinsumRecipe } from './runtime/einsum';
export { applyPackRecipe, applyUnpackRecipe } from './runtime/pack';
export { applyParseShapeRecipe } from './runtime/parseShape';
export { compileEinsumRecipe, type EinsumRecipe } from './pattern/einsum';
export { compilePackRecipe, type PackRecipe } from './pattern/pack';
export { compileParseShapeRecipe, type ParseShapeDim, type ParseShapeRecipe } from './pattern/parseShape';
// The registry other tensor libraries augment (`declare module 'einops' { interface TensorTypes<X, S> { … } }`),
// and the shape types for users who write their own wrappers.
export type {
  TensorTypes,
  TensorTypeEntry,
  RearrangeShape,
  ReduceShape,
  RepeatShape,
  ParseShapeResult,
  EinopsErrorMessage,
} from './types';
