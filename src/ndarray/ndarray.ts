import { EinopsError } from '../errors';
import { copyStrided } from './copy';
import { allocate, allocateForOverwrite } from './dtype';
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

// S and D are declared covariant (`out`), which the compiler verifies against the members when
// it builds this file. Without the annotations TypeScript measures their variance the first time
// two NDArray types are related or inferred from (every op's first call): it compares marker
// instantiations of the whole class, member by member (about 350 instantiations and 80M
// instructions of the bench's first call, `npm run bench:types`).
//
// NDArray's members that compute a type from its shape take it from `this` rather than from S:
// a conditional type of S in a member makes TypeScript measure S as invariant (and its measure
// unreliable), so NDArray<[2, 3]> would be compared member by member with NDArray<number[]>.
// Through `this`, S is measured covariant and such a check is one comparison of the shapes.

/** What `toArray()` gives for an NDArray type T: nested arrays of its shape and element type. */
export type NestedArrayOf<T> = T extends NDArray<infer S, infer D> ? NestedArray<S, ElementOf<D>> : never;

/** What iterating over an NDArray type T yields: its elements along the first axis. */
export type RowOf<T> = T extends NDArray<infer S, infer D> ? NDArray<TailShape<S>, D> : never;

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

// Assigned by NDArray's static block, which alone can read its private layout. `readLayout`
// hands the layout out (frozen); the others are the kernels' allocation-free reads of arrays
// that nothing ever writes to.
let readLayout: <D extends DType>(x: NDArray<readonly number[], D>) => ViewInfo<D>;
let readShape: (x: NDArray) => readonly number[];
let readStrides: (x: NDArray) => readonly number[];
let readBuffer: <D extends DType>(x: NDArray<readonly number[], D>) => DTypeArrays[D];
let readOffset: (x: NDArray) => number;
let readContiguous: (x: NDArray) => boolean;

/**
 * An n-dimensional array over a typed array: a strided view (buffer, shape, strides, offset),
 * so transposes, most reshapes and broadcasts cost O(1). Create one with `tensor()`.
 *
 * Tensors are immutable through this API: no op writes into an input, and views share
 * buffers freely. `tensor()` wraps a typed array without copying it, so writing into that
 * typed array afterwards changes the tensors that view it.
 * @example
 * ```ts
 * import { rearrange, tensor } from 'einops';
 *
 * const x = tensor([[1, 2, 3], [4, 5, 6]]); // NDArray<[2, 3], "float32">
 * const t = rearrange(x, 'a b -> b a');      // a view: nothing is copied yet
 * t.shape;                                   // [3, 2]
 * t.data;                                    // Float32Array [1, 4, 2, 5, 3, 6], materialised on first read
 * const [row0, row1] = x;                    // iterates over the first axis
 * row1!.toArray();                           // [4, 5, 6]
 * ```
 */
export class NDArray<out S extends readonly number[] = readonly number[], out D extends DType = DType> {
  readonly dtype: D;
  readonly size: number;
  readonly ndim: number;
  #shape: readonly number[];
  // The layout is mutable only so that `data` can swap a strided view for its contiguous copy.
  #buffer: DTypeArrays[D];
  #strides: readonly number[];
  #offset: number;
  #contiguous: boolean;
  // Object.freeze costs as much as the rest of a view's construction, and most views (the
  // steps inside one einops call) are never seen by a user. So shape and strides are frozen
  // when first handed out, by `shape` or `viewInfo`; until then only kernels read them.
  #exposed: boolean;

  /** @internal Use `tensor()`. Takes ownership of `shape` and `strides`, already checked. */
  constructor(
    token: typeof CONSTRUCT,
    buffer: DTypeArrays[D],
    dtype: D,
    shape: readonly number[],
    strides: readonly number[],
    offset: number,
    size: number,
  ) {
    if (token !== CONSTRUCT) throw new EinopsError('NDArray cannot be constructed directly: use tensor()');
    this.dtype = dtype;
    this.size = size;
    this.ndim = shape.length;
    this.#shape = shape;
    this.#buffer = buffer;
    this.#strides = strides;
    this.#offset = offset;
    this.#contiguous = isContiguous(shape, strides);
    this.#exposed = false;
  }

  /** The length of each axis (a frozen array). */
  get shape(): Readonly<S> {
    if (!this.#exposed) this.#expose();
    return this.#shape as unknown as Readonly<S>;
  }

  #expose(): void {
    Object.freeze(this.#shape);
    Object.freeze(this.#strides);
    this.#exposed = true;
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
    const out = allocateForOverwrite(this.dtype, this.size);
    copyStrided(buffer, this.#offset, this.#shape, this.#strides, out, 0);
    this.#adopt(out);
    return out;
  }

  #adopt(contiguous: DTypeArrays[D]): void {
    this.#buffer = contiguous;
    const strides = contiguousStrides(this.#shape);
    this.#strides = this.#exposed ? Object.freeze(strides) : strides;
    this.#offset = 0;
    this.#contiguous = true;
  }

  /** Nested JS arrays (booleans for 'bool'); a 0-d array gives its scalar. */
  toArray(): NestedArrayOf<this> {
    const data = this.data;
    const asBool = this.dtype === 'bool';
    const shape = this.#shape;
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
    return build(0) as NestedArrayOf<this>;
  }

  /** Iterates over the first axis, yielding views of rank ndim - 1 that share this buffer. */
  *[Symbol.iterator](): IterableIterator<RowOf<this>> {
    if (this.ndim === 0) throw new EinopsError('cannot iterate over a 0-d array');
    const n = this.#shape[0]!;
    const innerSize = n === 0 ? 0 : this.size / n;
    for (let i = 0; i < n; i++) {
      // Read the layout each step: a concurrent `data` read may have swapped it.
      const stride = this.#strides[0]!;
      const row = new NDArray<TailShape<S>, D>(
        CONSTRUCT,
        this.#buffer,
        this.dtype,
        this.#shape.slice(1),
        this.#strides.slice(1),
        this.#offset + i * stride,
        innerSize,
      );
      // RowOf<this> is that type once `this` is known; inside the class TypeScript cannot tell.
      yield row as unknown as RowOf<this>;
    }
  }

  /** The single element of a size-1 array. */
  item(): ElementOf<D> {
    if (this.size !== 1) {
      throw new EinopsError(`item() needs an array of exactly one element, got shape ${formatShape(this.#shape)}`);
    }
    // Every axis has length 1, so the element sits at the offset whatever the strides.
    const v = this.#buffer[this.#offset]!;
    return (this.dtype === 'bool' ? v !== 0 : v) as ElementOf<D>;
  }

  /** `NDArray<[2, 3], float32>`: the shape and dtype, not the values (see `toArray`). */
  toString(): string {
    return `NDArray<${formatShape(this.#shape)}, ${this.dtype}>`;
  }

  // Node's util.inspect and console.log look this key up; Symbol.for needs no Node import.
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** `[object NDArray]` for `Object.prototype.toString`. */
  get [Symbol.toStringTag](): string {
    return 'NDArray';
  }

  static {
    // A static block may read #private fields: this hands viewInfo a reader without putting
    // any layout accessor on the public class.
    readLayout = (x) => {
      if (!x.#exposed) x.#expose();
      return { buffer: x.#buffer, shape: x.#shape, strides: x.#strides, offset: x.#offset, contiguous: x.#contiguous };
    };
    readShape = (x) => x.#shape;
    readStrides = (x) => x.#strides;
    readBuffer = (x) => x.#buffer;
    readOffset = (x) => x.#offset;
    readContiguous = (x) => x.#contiguous;
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
  const size = checkLayout(buffer, shape, strides, offset);
  return new NDArray(CONSTRUCT, buffer, dtype, shape.slice(), strides.slice(), offset, size);
}

/**
 * fromView for a layout the caller has derived from a valid one (a permutation, a merge of
 * axes, a contiguous result of known size), so nothing is checked. Takes ownership of `shape`
 * and `strides`: the caller must not keep them.
 */
export function trustedView<D extends DType>(
  buffer: DTypeArrays[D],
  dtype: D,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  size: number,
): NDArray<readonly number[], D> {
  return new NDArray(CONSTRUCT, buffer, dtype, shape, strides, offset, size);
}

/** The layout of a tensor, for kernels and the backend. */
export function viewInfo<D extends DType>(x: NDArray<readonly number[], D>): ViewInfo<D> {
  return readLayout(x);
}

/** The shape without freezing it (see NDArray's `#exposed`); callers only read it. */
export const shapeOf = (x: NDArray): readonly number[] => readShape(x);
export const stridesOf = (x: NDArray): readonly number[] => readStrides(x);
export const bufferOf = <D extends DType>(x: NDArray<readonly number[], D>): DTypeArrays[D] => readBuffer(x);
export const offsetOf = (x: NDArray): number => readOffset(x);
export const isContiguousView = (x: NDArray): boolean => readContiguous(x);

/** Checks a view's layout and returns its size. */
function checkLayout(buffer: TypedArray, shape: readonly number[], strides: readonly number[], offset: number): number {
  const size = checkedSize(shape, () => describeView(shape, strides, offset));
  if (strides.length !== shape.length) {
    throw new EinopsError(`${describeView(shape, strides, offset)}: shape and strides differ in length`);
  }
  if (!Number.isSafeInteger(offset) || offset < 0) throw new EinopsError(`${describeView(shape, strides, offset)}: invalid offset`);
  let last = offset;
  for (let i = 0; i < shape.length; i++) {
    const s = strides[i]!;
    if (!Number.isSafeInteger(s) || s < 0) {
      throw new EinopsError(`${describeView(shape, strides, offset)}: strides must be non-negative integers`);
    }
    last += s * (shape[i]! - 1);
  }
  if (size > 0 && last >= buffer.length) {
    throw new EinopsError(`${describeView(shape, strides, offset)}: reaches element ${last} of a buffer of ${buffer.length}`);
  }
  return size;
}

const describeView = (shape: readonly number[], strides: readonly number[], offset: number): string =>
  `view of shape ${formatShape(shape)}, strides ${formatShape(strides)}, offset ${offset}`;
