import { NDArray } from './ndarray';
declare const a: NDArray<[2, 3], 'float32'>;
const b: NDArray = a;
declare const c: NDArray<number[], 'int32'>;
const d: NDArray = c;
export { b, d };
export function g<S extends readonly number[], D extends import('./dtype').DType>(x: NDArray<S, D>): NDArray {
  return x;
}
export function h<S extends number[]>(x: NDArray<S, 'float32'>): NDArray {
  return x;
}
