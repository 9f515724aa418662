import { EinopsError } from '../errors';
import { copyStrided } from './copy';
import { allocate } from './dtype';
import type { DType, DTypeArrays, ElementOf, TypedArray } from './dtype';
import { checkedSize, contiguousStrides, formatShape, isContiguous } from './shape';

/**
 * Nested JS arrays of a tensor's elements: exact nesting for a literal shape, a recursive
 * union when only the rank-less `number[]` is known.
 */
export type NestedArray<S extends readonly number[], E> = number[] extends S
  ? NestedOf<E>
  : S extends readonly []
    ? E
    : S extends readonly [number, ...infer Rest extends number[]]
      ? NestedArray<Rest, E>[]
      : NestedOf<E>;
export type NestedOf<E> = E | NestedOf<E>[];

/** The shape of one element of the first axis. */
export type TailShape<S extends readonly number[]> = S extends readonly [number, ...infer Rest extends number[]]
  ? Rest
  : number[];

/** The raw strided layout of a tensor, for backends and kernels. */
export interface ViewInfo<D extends DType = DType> {
  readonly buffer: DTypeArrays[D];
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  /** Row-major, so `buffer.subarray(offset, offset + size)` holds the elements in order. */
  readonly contiguous: boolean;
}

// Only this module holds the token, so NDArray's constructor cannot be called from outside.
const CONSTRUCT: unique symbol = Symbol('NDArray.construct');

// Assigned by NDArray's static block, which alone can read its private layout.
let readLayout: <D extends DType>(x: NDArray<readonly number[], D>) => ViewInfo<D>;

/**
 * An n-dimensional array over a typed array: a strided view (buffer, shape, strides, offset),
 * so transposes, most reshapes and broadcasts cost O(1). Create one with `tensor()`.
 *
 * Tensors are immutable through this API: no op writes into an input, and views share
 * buffers freely. `tensor()` wraps a typed array without copying it, so writing into that
 * typed array afterwards changes the tensors that view it.
 */
export class NDArray<S extends readonly number[] = readonly number[], D extends DType = DType> {
  readonly shape: Readonly<S>;
  readonly dtype: D;
  readonly size: number;
  readonly ndim: number;
  // The layout is mutable only so that `data` can swap a strided view for its contiguous copy.
  #buffer: DTypeArrays[D];
  #strides: readonly number[];
  #offset: number;
  #contiguous: boolean;

  /** @internal Use `tensor()`. */
  constructor(
    token: typeof CONSTRUCT,
    buffer: DTypeArrays[D],
    dtype: D,
    shape: readonly number[],
    strides: readonly number[],
    offset: number,
  ) {
    if (token !== CONSTRUCT) throw new EinopsError('NDArray cannot be constructed directly: use tensor()');
    this.shape = Object.freeze(shape.slice()) as unknown as Readonly<S>;
    this.dtype = dtype;
    this.ndim = shape.length;
    this.size = checkedSize(shape, () => 'NDArray');
    this.#buffer = buffer;
    this.#strides = Object.freeze(strides.slice());
    this.#offset = offset;
    this.#contiguous = isContiguous(shape, strides);
  }

  /**
   * The elements as a contiguous row-major typed array. A strided view is copied once, on the
   * first read; the view then points at that copy, so later reads are free.
   */
  get data(): DTypeArrays[D] {
    const buffer = this.#buffer;
    if (this.#contiguous) {
      if (this.#offset === 0 && buffer.length === this.size) return buffer;
      const run = buffer.subarray(this.#offset, this.#offset + this.size) as DTypeArrays[D];
      this.#adopt(run);
      return run;
    }
    const out = allocate(this.dtype, this.size);
    copyStrided(buffer, this.#offset, this.shape, this.#strides, out, 0);
    this.#adopt(out);
    return out;
  }

  #adopt(contiguous: DTypeArrays[D]): void {
    this.#buffer = contiguous;
    this.#strides = Object.freeze(contiguousStrides(this.shape));
    this.#offset = 0;
    this.#contiguous = true;
  }

  /** Nested JS arrays (booleans for 'bool'); a 0-d array gives its scalar. */
  toArray(): NestedArray<S, ElementOf<D>> {
    const data = this.data;
    const asBool = this.dtype === 'bool';
    const shape = this.shape;
    let pos = 0;
    const build = (axis: number): unknown => {
      if (axis === shape.length) {
        const v = data[pos++]!;
        return asBool ? v !== 0 : v;
      }
      const n = shape[axis]!;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = build(axis + 1);
      return out;
    };
    return build(0) as NestedArray<S, ElementOf<D>>;
  }

  /** Iterates over the first axis, yielding views of rank ndim - 1 that share this buffer. */
  *[Symbol.iterator](): IterableIterator<NDArray<TailShape<S>, D>> {
    if (this.ndim === 0) throw new EinopsError('cannot iterate over a 0-d array');
    const n = this.shape[0]!;
    const innerShape = this.shape.slice(1);
    for (let i = 0; i < n; i++) {
      // Read the layout each step: a concurrent `data` read may have swapped it.
      const stride = this.#strides[0]!;
      yield new NDArray<TailShape<S>, D>(
        CONSTRUCT,
        this.#buffer,
        this.dtype,
        innerShape,
        this.#strides.slice(1),
        this.#offset + i * stride,
      );
    }
  }

  /** The single element of a size-1 array. */
  item(): ElementOf<D> {
    if (this.size !== 1) {
      throw new EinopsError(`item() needs an array of exactly one element, got shape ${formatShape(this.shape)}`);
    }
    // Every axis has length 1, so the element sits at the offset whatever the strides.
    const v = this.#buffer[this.#offset]!;
    return (this.dtype === 'bool' ? v !== 0 : v) as ElementOf<D>;
  }

  toString(): string {
    return `NDArray<${formatShape(this.shape)}, ${this.dtype}>`;
  }

  // Node's util.inspect and console.log look this key up; Symbol.for needs no Node import.
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  get [Symbol.toStringTag](): string {
    return 'NDArray';
  }

  static {
    // A static block may read #private fields: this hands viewInfo a reader without putting
    // any layout accessor on the public class.
    readLayout = (x) => ({
      buffer: x.#buffer,
      shape: x.shape,
      strides: x.#strides,
      offset: x.#offset,
      contiguous: x.#contiguous,
    });
  }
}

/**
 * Wraps a strided view of `buffer` without copying. Strides are in elements and must be
 * non-negative; the view must lie inside the buffer. Internal: for kernels and the backend.
 */
export function fromView<D extends DType>(
  buffer: DTypeArrays[D],
  dtype: D,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
): NDArray<readonly number[], D> {
  checkLayout(buffer, shape, strides, offset);
  return new NDArray(CONSTRUCT, buffer, dtype, shape, strides, offset);
}

/** The layout of a tensor, for kernels and the backend. */
export function viewInfo<D extends DType>(x: NDArray<readonly number[], D>): ViewInfo<D> {
  return readLayout(x);
}

function checkLayout(buffer: TypedArray, shape: readonly number[], strides: readonly number[], offset: number): void {
  const where = (): string => `view of shape ${formatShape(shape)}, strides ${formatShape(strides)}, offset ${offset}`;
  const size = checkedSize(shape, where);
  if (strides.length !== shape.length) throw new EinopsError(`${where()}: shape and strides differ in length`);
  if (!Number.isSafeInteger(offset) || offset < 0) throw new EinopsError(`${where()}: invalid offset`);
  let last = offset;
  for (let i = 0; i < shape.length; i++) {
    const s = strides[i]!;
    if (!Number.isSafeInteger(s) || s < 0) throw new EinopsError(`${where()}: strides must be non-negative integers`);
    last += s * (shape[i]! - 1);
  }
  if (size > 0 && last >= buffer.length) {
    throw new EinopsError(`${where()}: reaches element ${last} of a buffer of ${buffer.length}`);
  }
}
