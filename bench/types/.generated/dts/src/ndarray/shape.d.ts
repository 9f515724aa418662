/**
 * V8's typed-array length limit (2^32 elements on 64-bit builds). Sizes are checked against it
 * before anything is allocated, so a huge repeat fails with a clear message instead of a
 * RangeError, or an out-of-memory crash halfway through.
 */
export declare const MAX_ELEMENTS: number;
export declare function formatShape(shape: readonly number[]): string;
/**
 * The number of elements of `shape`. Throws an EinopsError when a dimension is not a
 * non-negative integer or when the product exceeds MAX_ELEMENTS; `context()` names the op
 * (and pattern) and is only called to build a message.
 */
export declare function checkedSize(shape: readonly number[], context: () => string): number;
/** Row-major strides of a contiguous array of this shape. */
export declare function contiguousStrides(shape: readonly number[]): number[];
/** Whether strides describe row-major order; strides of length-1 axes do not matter. */
export declare function isContiguous(shape: readonly number[], strides: readonly number[]): boolean;
