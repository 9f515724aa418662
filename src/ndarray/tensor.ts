import { EinopsError } from '../errors';
import { allocate, checkDType, dtypeOfArray } from './dtype';
import type { DType, DTypeArrays, DTypeOfArray, TypedArray } from './dtype';
import { fromView } from './ndarray';
import type { NDArray } from './ndarray';
import { checkedSize, contiguousStrides, formatShape } from './shape';

/** What `tensor()` accepts besides typed arrays: a number, a boolean, or nested arrays of them. */
export type NestedInput = number | boolean | readonly NestedInput[];

/**
 * The shape of nested arrays: tuple lengths when literal, `number` otherwise, and `number[]`
 * when even the depth is unknown (which also stops the recursion on NestedInput itself).
 */
export type ShapeOf<T> = T extends readonly unknown[]
  ? number extends T['length']
    ? NestedInput extends T[number]
      ? number[]
      : [number, ...ShapeOf<T[number]>]
    : T extends readonly []
      ? [0]
      : [T['length'], ...ShapeOf<T[0]>]
  : [];

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
 * `shape` defaults to `[data.length]`; its product must equal the number of elements, else an
 * {@link EinopsError} is thrown (as for ragged nested arrays or an unknown dtype).
 * @example
 * ```ts
 * import { tensor } from 'einops';
 *
 * const a = tensor(new Float32Array(6), [2, 3]);   // NDArray<[2, 3], "float32">, no copy
 * const b = tensor([[1, 2, 3], [4, 5, 6]]);        // NDArray<[2, 3], "float32">
 * const c = tensor([1, 2, 3, 4], [2, 2], 'int32'); // NDArray<[2, 2], "int32">
 * b.toArray();                                     // [[1, 2, 3], [4, 5, 6]]
 * ```
 */
export function tensor<A extends TypedArray, const S extends number[]>(
  data: A,
  shape: readonly [...S],
): NDArray<S, DTypeOfArray<A>>;
export function tensor<const S extends number[], const D extends DType>(
  data: TypedArray | readonly number[] | readonly boolean[],
  shape: readonly [...S],
  dtype: D,
): NDArray<S, D>;
// Nested arrays before a lone typed array: TypeScript checks a literal argument again for each
// overload it fails, so a literal `tensor([[1, 2], [3, 4]])` matching on an earlier try costs a
// third less to check, while a typed array, which is no NestedInput, fails this one cheaply.
export function tensor<const T extends NestedInput>(data: T): NDArray<ShapeOf<T>, LeafDType<T>>;
export function tensor<A extends TypedArray>(data: A): NDArray<[number], DTypeOfArray<A>>;
export function tensor<const D extends DType>(data: TypedArray, shape: undefined, dtype: D): NDArray<[number], D>;
export function tensor<const S extends number[]>(data: readonly number[], shape: readonly [...S]): NDArray<S, 'float32'>;
export function tensor<const S extends number[]>(data: readonly boolean[], shape: readonly [...S]): NDArray<S, 'bool'>;
export function tensor<const T extends NestedInput, const D extends DType>(
  data: T,
  shape: undefined,
  dtype: D,
): NDArray<ShapeOf<T>, D>;
export function tensor(data: TypedArray | NestedInput, shape?: readonly number[], dtype?: DType): NDArray;
export function tensor(data: unknown, shape?: readonly number[], dtype?: DType): NDArray {
  const wanted = dtype === undefined ? undefined : checkDType(dtype, 'tensor');
  if (ArrayBuffer.isView(data)) return fromTypedArray(data as TypedArray, shape, wanted);
  if (typeof data !== 'number' && typeof data !== 'boolean' && !Array.isArray(data)) {
    throw new EinopsError(
      `tensor: expected a typed array, a number, a boolean or nested arrays of them, got ${describe(data)}`,
    );
  }
  const nested = flatten(data as NestedInput);
  let finalShape = nested.shape;
  if (shape !== undefined) {
    const size = checkedSize(shape, () => 'tensor');
    if (nested.shape.length === 1) {
      checkLength(nested.values.length, shape, size);
    } else if (formatShape(nested.shape) !== formatShape(shape)) {
      throw new EinopsError(
        `tensor: nested data has shape ${formatShape(nested.shape)}, not ${formatShape(shape)}; ` +
          `pass flat data to give it another shape`,
      );
    }
    finalShape = shape.slice();
  }
  const d = wanted ?? (nested.bool ? 'bool' : 'float32');
  const buffer = allocate(d, nested.values.length);
  if (d === 'bool') {
    for (let i = 0; i < buffer.length; i++) buffer[i] = nested.values[i] !== 0 ? 1 : 0;
  } else {
    for (let i = 0; i < buffer.length; i++) buffer[i] = nested.values[i]!;
  }
  return fromView(buffer, d, finalShape, contiguousStrides(finalShape), 0);
}

function fromTypedArray(data: TypedArray, shape: readonly number[] | undefined, wanted: DType | undefined): NDArray {
  const own = dtypeOfArray(data);
  const finalShape = shape === undefined ? [data.length] : shape.slice();
  checkLength(data.length, finalShape, checkedSize(finalShape, () => 'tensor'));
  const d = wanted ?? own;
  return fromView(convert(data, own, d), d, finalShape, contiguousStrides(finalShape), 0);
}

/** The buffer for dtype `to`: the input itself when it already is one, else a converted copy. */
function convert(data: TypedArray, from: DType, to: DType): DTypeArrays[DType] {
  if (to === from) return data;
  if (to === 'bool') {
    if (from === 'uint8' && data.every((v) => v === 0 || v === 1)) return data;
    const out = allocate('bool', data.length);
    for (let i = 0; i < data.length; i++) out[i] = data[i] !== 0 ? 1 : 0;
    return out;
  }
  const out = allocate(to, data.length);
  out.set(data);
  return out;
}

function checkLength(length: number, shape: readonly number[], size: number): void {
  if (length !== size) {
    throw new EinopsError(
      `tensor: data has ${length} elements, but shape ${formatShape(shape)} needs ${size}`,
    );
  }
}

interface Flattened {
  shape: number[];
  values: number[];
  bool: boolean;
}

/** Row-major values of nested arrays, checking that they are rectangular and of one kind. */
function flatten(data: NestedInput): Flattened {
  const shape: number[] = [];
  for (let cur: unknown = data; Array.isArray(cur); cur = cur[0]) {
    shape.push(cur.length);
    if (cur.length === 0) break;
  }
  checkedSize(shape, () => 'tensor');
  const values: number[] = [];
  let kind: 'number' | 'boolean' | undefined;
  const path: number[] = [];
  const where = (): string => (path.length === 0 ? 'the data' : `element [${path.join(', ')}]`);
  const walk = (x: unknown, depth: number): void => {
    if (depth < shape.length) {
      if (!Array.isArray(x) || x.length !== shape[depth]) {
        throw new EinopsError(
          `tensor: ragged nested arrays: ${where()} is ${Array.isArray(x) ? `an array of length ${x.length}` : describe(x)}, ` +
            `expected an array of length ${shape[depth]} (shape ${formatShape(shape)})`,
        );
      }
      for (let i = 0; i < x.length; i++) {
        path.push(i);
        walk(x[i], depth + 1);
        path.pop();
      }
      return;
    }
    if (typeof x !== 'number' && typeof x !== 'boolean') {
      throw new EinopsError(
        `tensor: ${Array.isArray(x) ? 'ragged nested arrays: ' : ''}${where()} is ${describe(x)}, expected a number or a boolean`,
      );
    }
    const k = typeof x === 'number' ? 'number' : 'boolean';
    if (kind !== undefined && kind !== k) {
      throw new EinopsError(`tensor: ${where()} is a ${k} but earlier elements are ${kind}s; use one kind`);
    }
    kind = k;
    values.push(typeof x === 'boolean' ? (x ? 1 : 0) : x);
  };
  walk(data, 0);
  return { shape, values, bool: kind === 'boolean' };
}

function describe(x: unknown): string {
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (x === null) return 'null';
  if (typeof x === 'object') return `an object (${Object.prototype.toString.call(x)})`;
  return `${typeof x === 'string' ? 'the string' : `a ${typeof x}`} ${typeof x === 'string' ? JSON.stringify(x) : String(x)}`;
}
