// Deliberately naive references and generators shared by the ndarray tests. Nothing here uses
// the kernels under test: every element is located by index arithmetic from the definition.
import fc from 'fast-check';
import type { DType, TypedArray } from '../../src/ndarray';
import { prng } from '../helpers';

// The ndarray tests draw their seeded values from the same generator as the others.
export { prng };

export const DTYPES: readonly DType[] = [
  'float32',
  'float64',
  'int8',
  'int16',
  'int32',
  'uint8',
  'uint8-clamped',
  'uint16',
  'uint32',
  'bool',
];

export const CTORS: Record<DType, new (n: number) => TypedArray> = {
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


const FLOAT_VALUES = [-1, 0, 1, 2, 0.5, -2, 0.25];
const UNSIGNED_VALUES = [0, 1, 2, 4];
/**
 * Values whose sums and products are exact in float64 whatever the order (powers of two and
 * small dyadic sums), so a kernel may reorder its loops and still match the reference exactly.
 */
export function randomValues(dtype: DType, n: number, rand: () => number, nanRate = 0): TypedArray {
  const out = new CTORS[dtype](n);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (dtype === 'bool') out[i] = r < 0.5 ? 0 : 1;
    else if (dtype === 'float32' || dtype === 'float64') {
      out[i] = rand() < nanRate ? NaN : FLOAT_VALUES[Math.floor(r * FLOAT_VALUES.length)]!;
    } else if (dtype.startsWith('int')) out[i] = Math.floor(r * 5) - 2;
    else out[i] = UNSIGNED_VALUES[Math.floor(r * UNSIGNED_VALUES.length)]!;
  }
  return out;
}

export function product(shape: readonly number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}

export function unravel(i: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d]!;
    idx[d] = i % n;
    i = Math.floor(i / n);
  }
  return idx;
}

export interface ViewSpec {
  dtype: DType;
  shape: number[];
  strides: number[];
  offset: number;
  buffer: TypedArray;
}

export function elementAt(v: ViewSpec, idx: readonly number[]): number {
  let k = v.offset;
  for (let d = 0; d < idx.length; d++) k += idx[d]! * v.strides[d]!;
  return v.buffer[k]!;
}

/** The view's elements in row-major order. */
export function naiveElements(v: ViewSpec): number[] {
  const size = product(v.shape);
  const out: number[] = [];
  for (let i = 0; i < size; i++) out.push(elementAt(v, unravel(i, v.shape)));
  return out;
}

export function nestFrom(flat: readonly unknown[], shape: readonly number[]): unknown {
  let pos = 0;
  const build = (axis: number): unknown => {
    if (axis === shape.length) return flat[pos++];
    return Array.from({ length: shape[axis]! }, () => build(axis + 1));
  };
  return build(0);
}

/** NaN equals NaN and -0 equals 0: kernels may legitimately meet equal values in another order. */
export function sameNumber(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

export function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameNumber(a[i]!, b[i]!)) return false;
  return true;
}

/** Rank 0–8, dims 1–4, sometimes a 0; at most 1024 elements so the naive references stay quick. */
export const shapeArb: fc.Arbitrary<number[]> = fc
  .tuple(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 8 }), fc.nat({ max: 9 }), fc.nat())
  .map(([dims, die, zeroAt]) => {
    const shape = dims.slice();
    while (product(shape) > 1024) {
      const i = shape.indexOf(Math.max(...shape));
      shape[i]! -= 1;
    }
    if (die === 0 && shape.length > 0) shape[zeroAt % shape.length] = 0;
    return shape;
  });

/**
 * A random strided view: a random memory order of the axes (often row-major), some broadcast
 * (stride-0) axes, some gaps between elements or rows, and an offset into a larger buffer.
 */
export function viewArb(options: { dtypes?: readonly DType[]; nanRate?: number; shape?: fc.Arbitrary<number[]> } = {}): fc.Arbitrary<ViewSpec> {
  return fc
    .record({
      dtype: fc.constantFrom(...(options.dtypes ?? DTYPES)),
      shape: options.shape ?? shapeArb,
      seed: fc.integer(),
    })
    .map(({ dtype, shape, seed }) => {
      const rand = prng(seed);
      const rank = shape.length;
      const order = Array.from({ length: rank }, (_, i) => i);
      if (rand() < 0.6) {
        for (let i = rank - 1; i > 0; i--) {
          const j = Math.floor(rand() * (i + 1));
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
      }
      const strides = new Array<number>(rank).fill(0);
      let acc = rand() < 0.15 ? 2 : 1;
      for (let i = rank - 1; i >= 0; i--) {
        const axis = order[i]!;
        if (rand() < 0.15) continue; // broadcast: stride 0
        strides[axis] = acc;
        acc *= shape[axis]! * (rand() < 0.15 ? 2 : 1);
      }
      const offset = Math.floor(rand() * 4);
      let reach = offset;
      for (let d = 0; d < rank; d++) reach += Math.max(0, shape[d]! - 1) * strides[d]!;
      const length = reach + 1 + Math.floor(rand() * 3);
      return { dtype, shape, strides, offset, buffer: randomValues(dtype, length, rand, options.nanRate ?? 0) };
    });
}

export function permutationArb(rank: number): fc.Arbitrary<number[]> {
  return fc.shuffledSubarray(
    Array.from({ length: rank }, (_, i) => i),
    { minLength: rank, maxLength: rank },
  );
}

export const RUNS = { seed: 42, numRuns: 300 } as const;
