import type { TypedArray } from './dtype';
/**
 * The strided copy kernel: writes the elements of a strided source view, in row-major order,
 * into a contiguous run of `dst` starting at `dstOffset`. Source strides may be 0 (broadcast)
 * and are never negative. `src` and `dst` must have the same element width (same dtype).
 */
export declare function copyStrided(src: TypedArray, srcOffset: number, shape: readonly number[], srcStrides: readonly number[], dst: TypedArray, dstOffset: number): void;
