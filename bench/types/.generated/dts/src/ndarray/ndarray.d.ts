import type { DType, DTypeArrays, ElementOf } from './dtype';
/**
 * Nested JS arrays of a tensor's elements: exact nesting for a literal shape, a recursive
 * union when only the rank-less `number[]` is known.
 */
export type NestedArray<S extends readonly number[], E> = number[] extends S ? NestedOf<E> : S extends readonly [] ? E : S extends readonly [number, ...infer Rest extends number[]] ? NestedArray<Rest, E>[] : NestedOf<E>;
export type NestedOf<E> = E | NestedOf<E>[];
/** The shape of one element of the first axis. */
export type TailShape<S extends readonly number[]> = S extends readonly [number, ...infer Rest extends number[]] ? Rest : number[];
/** The raw strided layout of a tensor, for backends and kernels. */
export interface ViewInfo<D extends DType = DType> {
    readonly buffer: DTypeArrays[D];
    readonly shape: readonly number[];
    readonly strides: readonly number[];
    readonly offset: number;
    /** Row-major, so `buffer.subarray(offset, offset + size)` holds the elements in order. */
    readonly contiguous: boolean;
}
declare const CONSTRUCT: unique symbol;
/**
 * An n-dimensional array over a typed array: a strided view (buffer, shape, strides, offset),
 * so transposes, most reshapes and broadcasts cost O(1). Create one with `tensor()`.
 *
 * Tensors are immutable through this API: no op writes into an input, and views share
 * buffers freely. `tensor()` wraps a typed array without copying it, so writing into that
 * typed array afterwards changes the tensors that view it.
 */
export declare class NDArray<S extends readonly number[] = readonly number[], D extends DType = DType> {
    #private;
    readonly shape: Readonly<S>;
    readonly dtype: D;
    readonly size: number;
    readonly ndim: number;
    /** @internal Use `tensor()`. */
    constructor(token: typeof CONSTRUCT, buffer: DTypeArrays[D], dtype: D, shape: readonly number[], strides: readonly number[], offset: number);
    /**
     * The elements as a contiguous row-major typed array. A strided view is copied once, on the
     * first read; the view then points at that copy, so later reads are free.
     */
    get data(): DTypeArrays[D];
    /** Nested JS arrays (booleans for 'bool'); a 0-d array gives its scalar. */
    toArray(): NestedArray<S, ElementOf<D>>;
    /** Iterates over the first axis, yielding views of rank ndim - 1 that share this buffer. */
    [Symbol.iterator](): IterableIterator<NDArray<TailShape<S>, D>>;
    /** The single element of a size-1 array. */
    item(): ElementOf<D>;
    toString(): string;
    get [Symbol.toStringTag](): string;
}
/**
 * Wraps a strided view of `buffer` without copying. Strides are in elements and must be
 * non-negative; the view must lie inside the buffer. Internal: for kernels and the backend.
 */
export declare function fromView<D extends DType>(buffer: DTypeArrays[D], dtype: D, shape: readonly number[], strides: readonly number[], offset: number): NDArray<readonly number[], D>;
/** The layout of a tensor, for kernels and the backend. */
export declare function viewInfo<D extends DType>(x: NDArray<readonly number[], D>): ViewInfo<D>;
export {};
