import type { DType, DTypeOfArray, TypedArray } from './dtype';
import type { NDArray } from './ndarray';
/** What `tensor()` accepts besides typed arrays: a number, a boolean, or nested arrays of them. */
export type NestedInput = number | boolean | readonly NestedInput[];
/**
 * The shape of nested arrays: tuple lengths when literal, `number` otherwise, and `number[]`
 * when even the depth is unknown (which also stops the recursion on NestedInput itself).
 */
export type ShapeOf<T> = T extends readonly unknown[] ? number extends T['length'] ? NestedInput extends T[number] ? number[] : [number, ...ShapeOf<T[number]>] : T extends readonly [] ? [0] : [T['length'], ...ShapeOf<T[0]>] : [];
type LeafOf<T> = T extends readonly (infer E)[] ? LeafOf<E> : T;
/** Nested booleans make a 'bool' tensor; numbers (or no elements at all) a 'float32' one. */
export type LeafDType<T> = [LeafOf<T>] extends [never] ? 'float32' : [LeafOf<T>] extends [boolean] ? 'bool' : 'float32';
/**
 * Creates an NDArray.
 *
 * - `tensor(typedArray, shape?)` wraps the typed array WITHOUT copying it (like numpy's
 *   `asarray`) and keeps its dtype (Uint8Array is 'uint8', Uint8ClampedArray 'uint8-clamped').
 *   No einops op ever writes into its input, but writing into the typed array yourself
 *   afterwards changes the tensor.
 * - `tensor(numbers, shape?)` copies into a 'float32' tensor; booleans give 'bool'.
 * - `tensor([[1, 2], [3, 4]])` infers the shape from nested arrays; a number is a 0-d tensor.
 * - `dtype` converts (copying) as typed arrays convert numbers: floats to integers truncate and
 *   wrap, 'uint8-clamped' rounds and clamps, 'bool' maps nonzero (and NaN) to true. A
 *   Uint8Array holding only 0 and 1 becomes a 'bool' tensor without a copy.
 *
 * `shape` defaults to `[data.length]`; its product must equal the number of elements.
 */
export declare function tensor<A extends TypedArray, const S extends number[]>(data: A, shape: readonly [...S]): NDArray<S, DTypeOfArray<A>>;
export declare function tensor<const S extends number[], const D extends DType>(data: TypedArray | readonly number[] | readonly boolean[], shape: readonly [...S], dtype: D): NDArray<S, D>;
export declare function tensor<A extends TypedArray>(data: A): NDArray<[number], DTypeOfArray<A>>;
export declare function tensor<const D extends DType>(data: TypedArray, shape: undefined, dtype: D): NDArray<[number], D>;
export declare function tensor<const S extends number[]>(data: readonly number[], shape: readonly [...S]): NDArray<S, 'float32'>;
export declare function tensor<const S extends number[]>(data: readonly boolean[], shape: readonly [...S]): NDArray<S, 'bool'>;
export declare function tensor<const T extends NestedInput>(data: T): NDArray<ShapeOf<T>, LeafDType<T>>;
export declare function tensor<const T extends NestedInput, const D extends DType>(data: T, shape: undefined, dtype: D): NDArray<ShapeOf<T>, D>;
export declare function tensor(data: TypedArray | NestedInput, shape?: readonly number[], dtype?: DType): NDArray;
export {};
