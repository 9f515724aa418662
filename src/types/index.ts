/**
 * The type-level pattern compiler: shapes of results and pattern errors at compile time.
 * Types only; nothing here is emitted.
 */
export type { Product } from './arithmetic';
export type { AxesLengths } from './bind';
export type { CheckRecipe, RecipeOp } from './compile';
export type { EinopsErrorMessage, OpShape, RearrangeShape, ReduceShape, ReductionDetail, RepeatShape, ReductionName } from './ops';
export type { Axis, CompositionDim, Dim, Ellipsis, Expression, ParseExpression, ParsePattern, Pattern } from './parse';
export type { ParseShapeResult } from './parseShape';
export type { InputShape, TensorTypeEntry, TensorTypes } from './registry';
export type {
  OpAnalysis,
  ParseShapeOf,
  PatternParameter,
  RearrangeResult,
  ReduceAnalysis,
  ReduceResult,
  ReductionFunction,
  ReductionFunctionFor,
  ReductionParameter,
  RepeatResult,
  TensorOf,
} from './signatures';
export type { BindEinsum, CompileEinsum, EinsumAnalysis, EinsumResult } from './einsum';
export type { CompilePack, PackAnalysis, PackResult, UnpackAnalysis, UnpackResult } from './pack';
