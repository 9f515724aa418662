import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { fromView, matmul, productDType, tensor, transpose, viewInfo } from '../../src/ndarray';
import type { DType, NDArray } from '../../src/ndarray';
import { RUNS, elementAt, sameValues, viewArb } from './reference';
import type { ViewSpec } from './reference';

const toNDArray = (v: ViewSpec): NDArray => fromView(v.buffer, v.dtype, v.shape, v.strides, v.offset);

/** c[b, i, j] = sum over p of a[b, i, p] * b[b, p, j], one index combination at a time. */
function naiveMatmul(a: ViewSpec, b: ViewSpec, dtype: DType): number[] {
  const [batch, m, k] = a.shape as [number, number, number];
  const n = b.shape[2]!;
  const out: number[] = [];
  for (let t = 0; t < batch; t++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) sum += elementAt(a, [t, i, p]) * elementAt(b, [t, p, j]);
        out.push(dtype === 'float32' ? Math.fround(sum) : sum);
      }
    }
  }
  return out;
}

const DTYPES: readonly DType[] = ['float32', 'float64', 'int32', 'uint8', 'bool'];

/** Two views of any layouts with matching batch and inner lengths. */
function pairArb(max: { batch: number; m: number; k: number; n: number }): fc.Arbitrary<[ViewSpec, ViewSpec]> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: max.batch }),
      fc.integer({ min: 0, max: max.m }),
      fc.integer({ min: 0, max: max.k }),
      fc.integer({ min: 0, max: max.n }),
      fc.constantFrom(...DTYPES),
      fc.constantFrom(...DTYPES),
    )
    .chain(([batch, m, k, n, da, db]) =>
      fc.tuple(
        viewArb({ shape: fc.constant([batch, m, k]), dtypes: [da] }),
        viewArb({ shape: fc.constant([batch, k, n]), dtypes: [db] }),
      ),
    );
}

describe('matmul', () => {
  it('equals the explicit sum for any layouts, dtypes and sizes, leaving the inputs alone', () => {
    // Sizes both below the register tile (the direct loop) and above it (the blocked GEMM,
    // with edge tiles). The values are small dyadic numbers, so every sum is exact in any order.
    fc.assert(
      fc.property(pairArb({ batch: 3, m: 11, k: 9, n: 11 }), ([a, b]) => {
        const before = [a.buffer.slice(), b.buffer.slice()];
        const c = matmul(toNDArray(a), toNDArray(b));
        const dtype = productDType(a.dtype, b.dtype);
        expect(c.dtype).toBe(dtype);
        expect(c.shape).toEqual([a.shape[0], a.shape[1], b.shape[2]]);
        expect(viewInfo(c).contiguous).toBe(true);
        expect(sameValues(c.data, naiveMatmul(a, b, dtype))).toBe(true);
        expect(sameValues(a.buffer, before[0]!)).toBe(true);
        expect(sameValues(b.buffer, before[1]!)).toBe(true);
      }),
      RUNS,
    );
  });

  it('reads an operand transposed when asked, as transposing it first would, bit for bit', () => {
    fc.assert(
      fc.property(pairArb({ batch: 2, m: 9, k: 7, n: 9 }), fc.boolean(), fc.boolean(), ([a, b], ta, tb) => {
        const left = toNDArray(a);
        const right = toNDArray(b);
        // The flags take the operands in the transposed layout: give them that way.
        const givenA = ta ? transpose(left, [0, 2, 1]) : left;
        const givenB = tb ? transpose(right, [0, 2, 1]) : right;
        const c = matmul(givenA, givenB, ta, tb);
        expect(c.shape).toEqual([a.shape[0], a.shape[1], b.shape[2]]);
        expect(sameValues(c.data, matmul(left, right).data)).toBe(true);
      }),
      RUNS,
    );
    const [m, k, n] = [70, 300, 261];
    const a = tensor(Float64Array.from({ length: m * k }, (_, i) => ((i * 31) % 17) / 3), [1, k, m]);
    const b = tensor(Float64Array.from({ length: n * k }, (_, i) => ((i * 13) % 11) / 7), [1, n, k]);
    const expected = matmul(transpose(a, [0, 2, 1]), transpose(b, [0, 2, 1])).data;
    expect(sameValues(matmul(a, b, true, true).data, expected)).toBe(true);
  });

  it('crosses every cache block: k beyond one slice, m and n beyond one block', () => {
    // 70 > MC = 64 rows, 261 > NC = 256 columns, 300 > KC = 256 depth; none a multiple of 4.
    const [m, k, n] = [70, 300, 261];
    const rand = (i: number): number => ((i * 7919) % 13) - 6;
    const a = tensor(Float64Array.from({ length: m * k }, (_, i) => rand(i) / 4), [1, m, k]);
    // b as a transposed view, the layout of 'b j d' in attention scores
    const bt = tensor(Float64Array.from({ length: n * k }, (_, i) => rand(i + 5) / 8), [1, n, k]);
    const b = transpose(bt, [0, 2, 1]);
    const c = matmul(a, b).data;
    const av = viewInfo(a);
    const bv = viewInfo(b);
    const spec = (v: typeof av, x: NDArray): ViewSpec => ({ dtype: 'float64', shape: [...x.shape], strides: [...v.strides], offset: v.offset, buffer: v.buffer });
    expect(sameValues(c, naiveMatmul(spec(av, a), spec(bv, b), 'float64'))).toBe(true);
  });

  it('rounds a float32 result once, from float64 sums', () => {
    // Each row sums 1 + 7 * 2^-24. In float32 every 1 + 2^-24 step rounds back to 1; summed in
    // float64 and rounded once it is 1 + 2^-21.
    const k = 8;
    const a = tensor(Float32Array.from({ length: 4 * k }, (_, i) => (i % k === 0 ? 1 : 2 ** -24)), [1, 4, k]);
    const b = tensor(new Float32Array(k * 4).fill(1), [1, k, 4]);
    const c = matmul(a, b);
    expect(c.dtype).toBe('float32');
    expect(c.data[0]).toBe(1 + 2 ** -21);
    expect(Math.fround(1 + 7 * 2 ** -24)).toBe(1 + 2 ** -21);
  });

  it('multiplies integers exactly into float64', () => {
    const a = tensor(Int32Array.from([2 ** 30, 3]), [1, 1, 2]);
    const b = tensor(Int32Array.from([4, 5]), [1, 2, 1]);
    const c = matmul(a, b);
    expect(c.dtype).toBe('float64');
    expect(c.toArray()).toEqual([[[2 ** 32 + 15]]]);
    expect(productDType('float32', 'float32')).toBe('float32');
    expect(productDType('float32', 'float64')).toBe('float64');
    expect(productDType('int8', 'bool')).toBe('float64');
  });

  it('gives zeros when the inner length is 0, and empty results for empty batches or rows', () => {
    const c = matmul(tensor(new Float32Array(0), [2, 3, 0]), tensor(new Float32Array(0), [2, 0, 5]));
    expect(c.shape).toEqual([2, 3, 5]);
    expect(Array.from(c.data)).toEqual(new Array(30).fill(0));
    expect(matmul(tensor(new Float32Array(0), [0, 3, 4]), tensor(new Float32Array(0), [0, 4, 5])).shape).toEqual([0, 3, 5]);
    expect(matmul(tensor(new Float32Array(0), [1, 0, 4]), tensor(new Float32Array(20), [1, 4, 5])).shape).toEqual([1, 0, 5]);
  });

  it('rejects shapes that do not multiply', () => {
    const a = tensor(new Float32Array(6), [1, 2, 3]);
    expect(() => matmul(a, tensor(new Float32Array(8), [1, 2, 4]))).toThrow(EinopsError);
    expect(() => matmul(a, tensor(new Float32Array(8), [1, 2, 4]))).toThrow(
      'matmul: cannot multiply shapes [1, 2, 3] and [1, 2, 4]: expected [batch, m, k] and [batch, k, n]',
    );
    expect(() => matmul(a, tensor(new Float32Array(12), [2, 3, 2]))).toThrow(EinopsError);
    expect(() => matmul(tensor(new Float32Array(6), [2, 3]), a)).toThrow(EinopsError);
  });
});
