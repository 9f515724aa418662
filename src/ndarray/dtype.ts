import { EinopsError } from '../errors';

/** Element types of the embedded NDArray; each is backed by one typed-array class. */
export type DType =
  | 'float32'
  | 'float64'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'uint8'
  | 'uint8-clamped'
  | 'uint16'
  | 'uint32'
  | 'bool';

/** The typed array that stores each dtype. 'bool' is a Uint8Array holding only 0 and 1. */
export interface DTypeArrays {
  float32: Float32Array;
  float64: Float64Array;
  int8: Int8Array;
  int16: Int16Array;
  int32: Int32Array;
  uint8: Uint8Array;
  'uint8-clamped': Uint8ClampedArray;
  uint16: Uint16Array;
  uint32: Uint32Array;
  bool: Uint8Array;
}

export type TypedArray = DTypeArrays[DType];

/**
 * The dtype a typed array type stands for. Uint8Array maps to 'uint8': a bool tensor is only
 * made when the caller says so, because the array type alone cannot tell.
 */
export type DTypeOfArray<A extends TypedArray> = A extends Float32Array
  ? 'float32'
  : A extends Float64Array
    ? 'float64'
    : A extends Int8Array
      ? 'int8'
      : A extends Int16Array
        ? 'int16'
        : A extends Int32Array
          ? 'int32'
          : A extends Uint8ClampedArray
            ? 'uint8-clamped'
            : A extends Uint8Array
              ? 'uint8'
              : A extends Uint16Array
                ? 'uint16'
                : A extends Uint32Array
                  ? 'uint32'
                  : DType;

/** A JS value of one element: booleans for 'bool', numbers otherwise. */
export type ElementOf<D extends DType> = D extends 'bool' ? boolean : number;

interface TypedArrayConstructor<A> {
  new (length: number): A;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): A;
  readonly BYTES_PER_ELEMENT: number;
}

const CONSTRUCTORS: { readonly [D in DType]: TypedArrayConstructor<DTypeArrays[D]> } = {
  float32: Float32Array,
  float64: Float64Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  uint8: Uint8Array,
  'uint8-clamped': Uint8ClampedArray,
  uint16: Uint16Array,
  uint32: Uint32Array,
  bool: Uint8Array,
};

// Keyed by Symbol.toStringTag rather than instanceof so arrays from another realm
// (an iframe, a worker's transferred buffer wrapped elsewhere) are recognised too.
const DTYPE_BY_TAG: Readonly<Record<string, DType>> = {
  Float32Array: 'float32',
  Float64Array: 'float64',
  Int8Array: 'int8',
  Int16Array: 'int16',
  Int32Array: 'int32',
  Uint8Array: 'uint8',
  Uint8ClampedArray: 'uint8-clamped',
  Uint16Array: 'uint16',
  Uint32Array: 'uint32',
};

export const DTYPES: readonly DType[] = Object.keys(CONSTRUCTORS) as DType[];

export function isDType(value: unknown): value is DType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CONSTRUCTORS, value);
}

/** The dtype of a typed array: Uint8Array gives 'uint8' (never 'bool'). */
export function dtypeOfArray<A extends TypedArray>(a: A): DTypeOfArray<A>;
export function dtypeOfArray(a: TypedArray): DType {
  const tag = ArrayBuffer.isView(a) ? (a as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] : undefined;
  const dtype = typeof tag === 'string' ? DTYPE_BY_TAG[tag] : undefined;
  if (dtype === undefined) {
    throw new EinopsError(
      `unsupported array type ${typeof tag === 'string' ? tag : typeof a}: ` +
        `expected one of ${Object.keys(DTYPE_BY_TAG).join(', ')}`,
    );
  }
  return dtype;
}

export function isFloatDType(d: DType): boolean {
  return d === 'float32' || d === 'float64';
}

/** Allocates a zero-filled buffer; callers check the size with checkedSize first. */
export function allocate<D extends DType>(dtype: D, length: number): DTypeArrays[D] {
  return new CONSTRUCTORS[dtype](length);
}

/**
 * Where the host can hand out memory without zeroing it: Node's (and Bun's) Buffer, found as a
 * global, never imported, so nothing changes in a browser. `allocUnsafeSlow` never takes from
 * Buffer's shared pool, so the memory is an ArrayBuffer of its own, at offset 0.
 */
const uninitialized = (globalThis as { Buffer?: { allocUnsafeSlow?: (size: number) => Uint8Array } }).Buffer?.allocUnsafeSlow;

/**
 * Below this many bytes, zeroing is cheap next to the call that fills the array; above, a fresh
 * zeroed allocation costs about as much as filling it (a new zeroed 25.6 MB Float32Array and a
 * copy into it took 2.0 ms here, an unzeroed one 1.1 ms, a copy alone 0.9 ms).
 */
const UNINITIALIZED_MIN_BYTES = 1 << 16;

/**
 * Allocates a buffer that the caller overwrites whole before anything reads it (the destination
 * of a copy): in Node, without zeroing it first. Only for callers that write every element:
 * anything left unwritten would show whatever the memory held before.
 */
export function allocateForOverwrite<D extends DType>(dtype: D, length: number): DTypeArrays[D] {
  const Typed = CONSTRUCTORS[dtype];
  const bytes = length * Typed.BYTES_PER_ELEMENT;
  if (uninitialized === undefined || bytes < UNINITIALIZED_MIN_BYTES) return new Typed(length);
  return new Typed(uninitialized(bytes).buffer, 0, length);
}

export function checkDType(value: unknown, context: string): DType {
  if (!isDType(value)) {
    throw new EinopsError(`${context}: unknown dtype ${typeof value === 'string' ? JSON.stringify(value) : String(value)}, expected one of ${DTYPES.join(', ')}`);
  }
  return value;
}
