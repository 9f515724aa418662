// The embedded NDArray. Public names (tensor, NDArray, dtypes) are re-exported by src/index.ts;
// the view and kernel functions are for the ndarray backend only.
export type { DType, DTypeArrays, DTypeOfArray, ElementOf, TypedArray } from './dtype';
export { dtypeOfArray, isFloatDType, isDType } from './dtype';
export { MAX_ELEMENTS, checkedSize } from './shape';
export type { NestedArray, NestedArrayOf, NestedOf, RowOf, TailShape, ViewInfo } from './ndarray';
export { NDArray, fromView, viewInfo } from './ndarray';
export type { LeafDType, NestedInput, ShapeOf } from './tensor';
export { tensor } from './tensor';
export { addAxes, materialize, reshape, transpose } from './views';
export type { ReduceOp } from './reduce';
export { reduce, reducedDType } from './reduce';
export { stack } from './stack';
export { concat } from './concat';
export { diagonal } from './diagonal';
export { matmul, productDType } from './matmul';
export { slice } from './slice';
