import { EinopsError } from '../errors';

/**
 * V8's typed-array length limit (2^32 elements on 64-bit builds). Sizes are checked against it
 * before anything is allocated, so a huge repeat fails with a clear message instead of a
 * RangeError, or an out-of-memory crash halfway through.
 */
export const MAX_ELEMENTS: number = 2 ** 32;

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/**
 * The number of elements of `shape`. Throws an EinopsError when a dimension is not a
 * non-negative integer or when the product exceeds MAX_ELEMENTS; `context()` names the op
 * (and pattern) and is only called to build a message.
 */
export function checkedSize(shape: readonly number[], context: () => string): number {
  let size = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    // Integers past 2^53 are still integers: they fail the size limit below, with its message.
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new EinopsError(
        `${context()}: invalid shape ${formatShape(shape)}: dimension ${i} is ${String(d)}, expected a non-negative integer`,
      );
    }
    size *= d;
  }
  // Infinity * 0 would be NaN: an empty shape is empty however large its other dims.
  if (shape.includes(0)) return 0;
  if (size > MAX_ELEMENTS) {
    // Past 2^53 the float product is inexact; the message should state the true count.
    const exact = Number.isSafeInteger(size) ? String(size) : String(shape.reduce((p, d) => p * BigInt(d), 1n));
    throw new EinopsError(
      `${context()}: shape ${formatShape(shape)} would have ${exact} elements, more than the typed-array limit of 2^32`,
    );
  }
  return size;
}

/** Row-major strides of a contiguous array of this shape. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= shape[i] ?? 1;
  }
  return strides;
}

/** Whether strides describe row-major order; strides of length-1 axes do not matter. */
export function isContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  let rowMajor = true;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i]!;
    // An empty array is contiguous whatever its strides: keep looking for a 0.
    if (d === 0) return true;
    if (d !== 1 && strides[i] !== expected) rowMajor = false;
    expected *= d;
  }
  return rowMajor;
}

/**
 * The number of elements of a shape, or -1 when a dimension is not a non-negative integer or
 * the size passes MAX_ELEMENTS: the allocation-free check of hot paths, which call
 * checkedSize for the message when it fails.
 */
export function sizeOrInvalid(shape: readonly number[]): number {
  let size = 1;
  let empty = false;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) return -1;
    if (d === 0) empty = true;
    size *= d;
  }
  // Infinity * 0 would be NaN: an empty shape is empty however large its other dims.
  if (empty) return 0;
  return size > MAX_ELEMENTS ? -1 : size;
}
