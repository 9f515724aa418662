import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { addAxes, fromView, reduce, tensor, transpose, viewInfo } from '../../src/ndarray';
import type { DType, ReduceOp } from '../../src/ndarray';
import { CTORS, DTYPES, RUNS, elementAt, prng, product, randomValues, sameValues, unravel, viewArb } from './reference';
import type { ViewSpec } from './reference';

const OPS: readonly ReduceOp[] = ['min', 'max', 'sum', 'mean', 'prod', 'any', 'all'];
const isFloat = (d: DType): boolean => d === 'float32' || d === 'float64';

function expectedDType(d: DType, op: ReduceOp): DType {
  if (op === 'any' || op === 'all') return 'bool';
  if (op === 'min' || op === 'max') return d;
  return isFloat(d) ? d : 'float64';
}

/** The definition: for each output element, gather its reduced elements and apply op. */
function naiveReduce(v: ViewSpec, op: ReduceOp, axes: readonly number[]): { shape: number[]; values: number[] } {
  const kept = v.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const outShape = kept.map((i) => v.shape[i]!);
  const redShape = axes.map((i) => v.shape[i]!);
  const values: number[] = [];
  for (let o = 0; o < product(outShape); o++) {
    const outIdx = unravel(o, outShape);
    const group: number[] = [];
    for (let r = 0; r < product(redShape); r++) {
      const redIdx = unravel(r, redShape);
      const idx = new Array<number>(v.shape.length);
      kept.forEach((axis, k) => (idx[axis] = outIdx[k]!));
      axes.forEach((axis, k) => (idx[axis] = redIdx[k]!));
      group.push(elementAt(v, idx));
    }
    const hasNaN = group.some((x) => Number.isNaN(x));
    switch (op) {
      case 'sum':
        values.push(group.reduce((a, b) => a + b, 0));
        break;
      case 'mean':
        values.push(group.reduce((a, b) => a + b, 0) / group.length);
        break;
      case 'prod':
        values.push(group.reduce((a, b) => a * b, 1));
        break;
      case 'any':
        values.push(group.some((x) => x !== 0) ? 1 : 0);
        break;
      case 'all':
        values.push(group.every((x) => x !== 0) ? 1 : 0);
        break;
      case 'min':
        values.push(hasNaN ? NaN : Math.min(...group));
        break;
      case 'max':
        values.push(hasNaN ? NaN : Math.max(...group));
        break;
    }
  }
  const cast = new CTORS[expectedDType(v.dtype, op)](values.length);
  cast.set(values);
  return { shape: outShape, values: Array.from(cast) };
}

const caseArb = fc
  .tuple(viewArb({ nanRate: 0.05 }), fc.constantFrom(...OPS), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), fc.nat())
  .map(([v, op, pick, seed]) => {
    const axes = v.shape.map((_, i) => i).filter((i) => pick[i]);
    // Any order: rotate by a random amount and sometimes reverse.
    const r = axes.length === 0 ? 0 : seed % axes.length;
    const ordered = [...axes.slice(r), ...axes.slice(0, r)];
    return { v, op, axes: seed % 2 === 0 ? ordered.reverse() : ordered };
  });

describe('reduce', () => {
  it('matches the naive definition for all ops, random axis sets, strided views and every dtype', () => {
    fc.assert(
      fc.property(caseArb, ({ v, op, axes }) => {
        const x = fromView(v.buffer, v.dtype, v.shape, v.strides, v.offset);
        const before = v.buffer.slice();
        const emptyReduction = axes.some((a) => v.shape[a] === 0);
        if (op === 'mean' && !isFloat(v.dtype)) {
          expect(() => reduce(x, op, axes)).toThrow(/mean needs a float dtype/);
        } else if ((op === 'min' || op === 'max') && emptyReduction) {
          expect(() => reduce(x, op, axes)).toThrow(EinopsError);
        } else {
          const y = reduce(x, op, axes);
          const want = naiveReduce(v, op, axes);
          expect(y.dtype).toBe(expectedDType(v.dtype, op));
          expect(y.shape).toEqual(want.shape);
          expect(viewInfo(y).contiguous).toBe(true);
          expect(sameValues(y.data, want.values)).toBe(true);
        }
        expect(sameValues(v.buffer, before)).toBe(true);
      }),
      RUNS,
    );
  });

  it('handles large leading, trailing and middle reductions of transposed and broadcast views', () => {
    const base = tensor(Float64Array.from({ length: 60 * 70 }, (_, i) => (i % 13) - 6), [60, 70]);
    const t = transpose(base, [1, 0]);
    const b = addAxes(base, 3, new Map([[1, 5]]));
    const spec = (x: typeof t): ViewSpec => {
      const info = viewInfo(x);
      return { dtype: x.dtype, shape: [...x.shape], strides: [...info.strides], offset: info.offset, buffer: info.buffer };
    };
    for (const x of [base, t, b]) {
      for (const axes of [[0], [x.ndim - 1], [0, x.ndim - 1], x.ndim === 3 ? [1] : []]) {
        for (const op of OPS) {
          expect(sameValues(reduce(x, op, axes).data, naiveReduce(spec(x), op, axes).values)).toBe(true);
        }
      }
    }
  });

  it('accumulates float32 sums in float64', () => {
    // 2^24 + 1 is not a float32; summing in float32 would get stuck at 2^24.
    const x = tensor(Float32Array.from([2 ** 24, 1, 1, 1, 1]));
    expect(reduce(x, 'sum', [0]).item()).toBe(2 ** 24 + 4);
  });

  it('gives exact float64 sums and products for integers instead of wrapping', () => {
    const x = tensor(Int32Array.from([2 ** 31 - 1, 2 ** 31 - 1]));
    const s = reduce(x, 'sum', [0]);
    expect(s.dtype).toBe('float64');
    expect(s.item()).toBe(2 ** 32 - 2);
    expect(reduce(tensor([true, true, false]), 'sum', [0]).item()).toBe(2);
  });

  it('uses the identities over zero elements, and NaN for mean', () => {
    const x = tensor(new Float32Array(0), [2, 0]);
    expect(reduce(x, 'sum', [1]).toArray()).toEqual([0, 0]);
    expect(reduce(x, 'prod', [1]).toArray()).toEqual([1, 1]);
    expect(reduce(x, 'any', [1]).toArray()).toEqual([false, false]);
    expect(reduce(x, 'all', [1]).toArray()).toEqual([true, true]);
    expect(reduce(x, 'mean', [1]).toArray()).toEqual([NaN, NaN]);
    expect(() => reduce(x, 'max', [1])).toThrow(/max over zero elements/);
    expect(() => reduce(tensor(new Float32Array(0), [0, 0]), 'min', [0])).toThrow(EinopsError);
    expect(reduce(tensor(new Float32Array(0), [0, 3]), 'min', [1]).shape).toEqual([0]);
  });

  it('lets NaN win min and max, wherever it is', () => {
    const x = tensor([
      [1, NaN, 3],
      [NaN, 5, 6],
    ]);
    expect(reduce(x, 'max', [1]).toArray()).toEqual([NaN, NaN]);
    expect(reduce(x, 'min', [0]).toArray()).toEqual([NaN, NaN, 3]);
    expect(reduce(x, 'any', [0, 1]).item()).toBe(true);
  });

  it('keeps the dtype for min and max, bool included', () => {
    const b = tensor([
      [true, false],
      [true, true],
    ]);
    const m = reduce(b, 'min', [1]);
    expect(m.dtype).toBe('bool');
    expect(m.toArray()).toEqual([false, true]);
    expect(reduce(tensor(Uint32Array.from([4e9, 1])), 'max', [0]).item()).toBe(4e9);
  });

  it('rejects bad axes, unknown ops and integer means', () => {
    const x = tensor(new Int32Array(6), [2, 3]);
    expect(() => reduce(x, 'sum', [2])).toThrow(/not distinct axes of shape \[2, 3\]/);
    expect(() => reduce(x, 'sum', [0, 0])).toThrow(EinopsError);
    expect(() => reduce(x, 'sum', [-1])).toThrow(EinopsError);
    expect(() => reduce(x, 'median' as ReduceOp, [0])).toThrow(/unknown operation median/);
    expect(() => reduce(x, 'mean', [0])).toThrow(/mean needs a float dtype, got int32/);
  });
});

// Each specialised loop of the kernel, for every dtype: the four-way unrolled sum (row lengths
// around multiples of 4, unit and gapped strides), and the blocked accumulation of rows into one
// output row (a kept axis longer than the 2048-element block, as in a sum over the batch).
describe('reduce kernel specialisations', () => {
  const specOf = (x: ReturnType<typeof fromView>): ViewSpec => {
    const info = viewInfo(x);
    return { dtype: x.dtype, shape: [...x.shape], strides: [...info.strides], offset: info.offset, buffer: info.buffer };
  };
  const ops = (dtype: DType): ReduceOp[] => OPS.filter((op) => op !== 'mean' || isFloat(dtype));

  // Contiguous rows are summed sixteen, then four, then one element at a time: lengths 1-37
  // reach every remainder of both.
  it('unrolled sums over contiguous and strided rows of every length 1-37, every dtype', () => {
    for (const dtype of DTYPES) {
      for (let n = 1; n <= 37; n++) {
        for (const gap of [1, 3]) {
          const buffer = randomValues(dtype, 3 * n * gap + 2, prng(n * 7 + gap));
          const x = fromView(buffer, dtype, [3, n], [n * gap, gap], 1);
          for (const op of ops(dtype)) {
            expect(sameValues(reduce(x, op, [1]).data, naiveReduce(specOf(x), op, [1]).values)).toBe(true);
          }
        }
      }
    }
  });

  it('several rows summed into one output row at a time, 1-17 rows, contiguous and strided, every dtype', () => {
    for (const dtype of DTYPES) {
      for (let rows = 1; rows <= 17; rows++) {
        // Rows longer than a block for a few row counts only: the naive reference is slow.
        const runs = rows % 6 === 3 ? ([[5, 1], [5, 2], [2048 + 3, 1]] as const) : ([[5, 1], [5, 2]] as const);
        for (const [n, gap] of runs) {
          const buffer = randomValues(dtype, rows * n * gap + 1, prng(rows * 13 + n + gap));
          const x = fromView(buffer, dtype, [rows, n], [n * gap, gap], 1);
          for (const op of ops(dtype)) {
            expect(sameValues(reduce(x, op, [0]).data, naiveReduce(specOf(x), op, [0]).values)).toBe(true);
          }
        }
      }
    }
  });

  // A float32 sum or mean over leading axes adds the rows of each block of columns straight into
  // the output, in passes of 8, 4, 2 and 1 rows (the first pass storing): rows 1-17 reach every
  // pass as the first and as a later one; kept runs shorter and longer than a block of 16384
  // columns, leading axes of rank 1-7, sliced and transposed inputs.
  it('float32 sums and means over the leading axes, every rank, rows 1-17, views', () => {
    for (let rows = 1; rows <= 17; rows++) {
      const long = rows % 4 === 3 ? [16384 * 2 + 5] : []; // the naive reference is slow
      for (const n of [1, 7, 2048, 2048 * 2 + 5, ...long]) {
        const buffer = randomValues('float32', rows * n + 3, prng(rows * 31 + n));
        const x = fromView(buffer as Float32Array, 'float32', [rows, n], [n, 1], 3 * Number(rows % 2 === 0));
        for (const op of ['sum', 'mean'] as const) {
          expect(sameValues(reduce(x, op, [0]).data, naiveReduce(specOf(x), op, [0]).values), `${rows}x${n} ${op}`).toBe(true);
        }
      }
    }
    for (let rank = 2; rank <= 8; rank++) {
      // rank - 1 reduced leading axes of length 2 (one of them 1), then a kept axis of 9
      const shape = [...Array.from({ length: rank - 1 }, (_, i) => (i === 1 ? 1 : 2)), 9];
      const x = tensor(randomValues('float32', product(shape), prng(rank)) as Float32Array, shape);
      const axes = shape.slice(0, -1).map((_, i) => i);
      for (const op of ['sum', 'mean'] as const) {
        expect(sameValues(reduce(x, op, axes).data, naiveReduce(specOf(x), op, axes).values), `rank ${rank} ${op}`).toBe(true);
      }
    }
    // A transposed input whose kept axis is the source's contiguous one (the reduced axis is
    // then the rows), and empty inputs.
    const t = transpose(tensor(randomValues('float32', 12 * 3000, prng(5)) as Float32Array, [3000, 12]), [1, 0]);
    for (const op of ['sum', 'mean'] as const) {
      expect(sameValues(reduce(t, op, [1]).data, naiveReduce(specOf(t), op, [1]).values)).toBe(true);
    }
    const empty = tensor(new Float32Array(0), [4, 0]);
    expect(Array.from(reduce(empty, 'sum', [0]).data)).toEqual([]);
    expect(Array.from(reduce(tensor(new Float32Array(0), [0, 3]), 'sum', [0]).data)).toEqual([0, 0, 0]);
  });

  it('float32 sums over leading axes round once per pass of up to eight rows, not once per row', () => {
    // Column 0: 2^24 then eight ones. Adding row by row in float32 (as numpy does) sticks at
    // 2^24, since 2^24 + 1 is not a float32; the first pass adds eight rows in float64.
    const rows = [2 ** 24, 1, 1, 1, 1, 1, 1, 1, 1];
    const x = tensor(Float32Array.from(rows.flatMap((v) => [v, v / 2])), [9, 2]);
    expect(Array.from(reduce(x, 'sum', [0]).data)).toEqual([2 ** 24 + 8, 2 ** 23 + 4]);
    expect(Array.from(reduce(x, 'mean', [0]).data)).toEqual([Math.fround((2 ** 24 + 8) / 9), Math.fround((2 ** 23 + 4) / 9)]);
  });

  it('blocked accumulation of rows longer than a block, contiguous and broadcast, every dtype', () => {
    for (const dtype of DTYPES) {
      const n = 2048 * 2 + 37;
      const buffer = randomValues(dtype, 3 * n, prng(11));
      const rows = fromView(buffer, dtype, [3, n], [n, 1], 0);
      const gapped = fromView(buffer, dtype, [2, n], [1, 1], 0); // overlapping rows, offset by one
      const broadcast = fromView(buffer, dtype, [4, n], [0, 1], 0);
      for (const x of [rows, gapped, broadcast]) {
        for (const op of ops(dtype)) {
          expect(sameValues(reduce(x, op, [0]).data, naiveReduce(specOf(x), op, [0]).values)).toBe(true);
        }
      }
    }
  });
});
