import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyStrided } from '../../src/ndarray/copy';
import type { DType } from '../../src/ndarray';
import { CTORS, DTYPES, RUNS, naiveElements, prng, product, randomValues, sameValues, viewArb } from './reference';
import type { ViewSpec } from './reference';

function copyOf(v: ViewSpec, dstOffset = 0, dstExtra = 0): number[] {
  const dst = new CTORS[v.dtype](dstOffset + product(v.shape) + dstExtra).fill(99);
  copyStrided(v.buffer, v.offset, v.shape, v.strides, dst, dstOffset);
  // Elements outside the destination run must be left alone.
  for (let i = 0; i < dstOffset; i++) expect(dst[i]).toBe(99);
  for (let i = dstOffset + product(v.shape); i < dst.length; i++) expect(dst[i]).toBe(99);
  return Array.from(dst.subarray(dstOffset, dstOffset + product(v.shape)));
}

describe('copyStrided', () => {
  it('matches the naive index-arithmetic copy on random strided views of every dtype', () => {
    fc.assert(
      fc.property(viewArb({ nanRate: 0.1 }), fc.nat({ max: 3 }), (v, dstOffset) => {
        const before = v.buffer.slice();
        const out = copyOf(v, dstOffset, 2);
        expect(sameValues(out, naiveElements(v))).toBe(true);
        expect(sameValues(v.buffer, before)).toBe(true);
      }),
      RUNS,
    );
  });

  // Larger dims than the generic generator reaches, so tile edges (32), set() runs (>= 32) and
  // block replication with copyWithin are crossed at awkward sizes.
  const largeShape = fc.array(fc.integer({ min: 1, max: 70 }), { minLength: 1, maxLength: 3 }).filter((s) => product(s) <= 40_000);

  it('matches the naive copy on large transposed, gapped and broadcast views', () => {
    fc.assert(
      fc.property(viewArb({ dtypes: ['float32', 'uint8', 'int16', 'float64'], shape: largeShape }), (v) => {
        expect(sameValues(copyOf(v), naiveElements(v))).toBe(true);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('transposes a 2-D array across many tiles', () => {
    const [rows, cols] = [97, 131];
    const src = randomValues('float32', rows * cols, prng(1));
    const v: ViewSpec = { dtype: 'float32', shape: [cols, rows], strides: [1, cols], offset: 0, buffer: src };
    expect(sameValues(copyOf(v), naiveElements(v))).toBe(true);
  });

  it('repeats by blocks when a broadcast axis is outermost', () => {
    const src = Float64Array.from({ length: 40 }, (_, i) => i);
    const v: ViewSpec = { dtype: 'float64', shape: [5, 2, 20], strides: [0, 20, 1], offset: 0, buffer: src };
    const out = copyOf(v);
    for (let r = 0; r < 5; r++) expect(out.slice(r * 40, r * 40 + 40)).toEqual(Array.from(src));
  });

  it('preserves float bits exactly (NaN payloads, -0)', () => {
    const bytes = new Uint8Array(16);
    const f = new Float32Array(bytes.buffer);
    f[0] = -0;
    new Uint32Array(bytes.buffer)[1] = 0x7fc00123; // a NaN with a payload
    const dst = new Float32Array(4);
    copyStrided(f, 0, [2, 2], [0, 1], dst, 0);
    expect(Array.from(new Uint32Array(dst.buffer))).toEqual([0x80000000, 0x7fc00123, 0x80000000, 0x7fc00123]);
  });

  it('respects the byteOffset of typed arrays that view part of a larger buffer', () => {
    for (const dtype of ['float32', 'uint8-clamped', 'int16', 'float64'] as const) {
      const whole = randomValues(dtype, 200, prng(7));
      const buffer = whole.subarray(5, 150);
      const v: ViewSpec = { dtype, shape: [4, 3, 36], strides: [36, 0, 1], offset: 1, buffer };
      const dst = new CTORS[dtype](1000).subarray(3, 3 + 4 * 3 * 36);
      copyStrided(buffer, 1, v.shape, v.strides, dst, 0);
      expect(sameValues(dst, naiveElements(v))).toBe(true);
    }
  });

  it('copies nothing for an empty view and one element for a 0-d view', () => {
    const dst = new Int32Array(2).fill(7);
    copyStrided(new Int32Array([1, 2, 3]), 0, [3, 0], [1, 1], dst, 0);
    expect(Array.from(dst)).toEqual([7, 7]);
    copyStrided(new Int32Array([1, 2, 3]), 2, [], [], dst, 1);
    expect(Array.from(dst)).toEqual([7, 3]);
  });
});

// Each specialised path of the copy kernel, for every rank 1-8 and every dtype: the 8-column
// transpose bands (a source-dense axis of at least 8, more than one band of 128 rows), rows of
// fewer than 8 (space-to-depth), the unrolled strided rows, short broadcast innermost axes
// (upsampling) and block replication of broadcast outer axes.
describe('copyStrided kernel specialisations', () => {
  /** A view of `shape` whose memory order is `order` (outermost first), with broadcast axes. */
  function layout(dtype: DType, shape: number[], order: number[], broadcast: ReadonlySet<number>, seed: number): ViewSpec {
    const strides = new Array<number>(shape.length).fill(0);
    let acc = 1;
    for (let i = order.length - 1; i >= 0; i--) {
      const axis = order[i]!;
      if (broadcast.has(axis)) continue;
      strides[axis] = acc;
      acc *= shape[axis]!;
    }
    return { dtype, shape, strides, offset: 1, buffer: randomValues(dtype, acc + 2, prng(seed)) };
  }

  it('every rank 1-8 and every dtype: reversed, rotated and broadcast layouts', () => {
    const dims = [9, 3, 2, 5, 2, 3, 2, 2];
    for (let rank = 1; rank <= 8; rank++) {
      const shape = dims.slice(0, rank);
      const axes = shape.map((_, i) => i);
      const orders = [axes, [...axes].reverse(), [...axes.slice(1), 0]];
      for (const dtype of DTYPES) {
        for (const [k, order] of orders.entries()) {
          for (const broadcast of [new Set<number>(), new Set([rank - 1]), new Set([0])]) {
            const v = layout(dtype, shape, order, broadcast, rank * 100 + k);
            expect(sameValues(copyOf(v), naiveElements(v)), `${dtype} ${shape} ${order}`).toBe(true);
          }
        }
      }
    }
  });

  it('transpose bands: source-dense axes of 8 to 300 rows against 1 to 43 columns (bands of 16, 8 and 1)', () => {
    for (const dtype of ['float32', 'float64', 'uint8', 'int16'] as const) {
      for (const [rows, cols] of [[8, 8], [300, 19], [129, 9], [257, 7], [31, 1], [9, 16], [40, 32], [77, 43], [12, 24]] as const) {
        // The destination walks `cols` fastest; the source is dense along `rows`.
        const v = layout(dtype, [3, rows, cols], [0, 2, 1], new Set(), rows + cols);
        expect(sameValues(copyOf(v), naiveElements(v)), `${dtype} ${rows}x${cols}`).toBe(true);
      }
    }
  });

  it('transpose bands longer than one band of 512 rows', () => {
    for (const dtype of ['float32', 'float64', 'uint8', 'int16'] as const) {
      for (const [rows, cols] of [[1100, 9], [513, 8], [1030, 17], [600, 27]] as const) {
        const v = layout(dtype, [2, rows, cols], [0, 2, 1], new Set(), rows * cols);
        expect(sameValues(copyOf(v), naiveElements(v)), `${dtype} ${rows}x${cols}`).toBe(true);
      }
    }
  });

  // Row pairs: an axis of length 2 is the source's densest and the destination's last axis is
  // next (the w1 and w of a space-to-depth), under every rank, every dtype, outer axes in any
  // memory order (they run in the source's order), lengths around the four-column unrolling,
  // length-1 and empty axes, and an offset into the buffer.
  it('row pairs of every rank 2-8, every dtype, outer axes in any memory order', () => {
    const rand = prng(77);
    for (let rank = 2; rank <= 8; rank++) {
      for (const dtype of DTYPES) {
        for (const last of [1, 2, 3, 4, 5, 7, 9, 13]) {
          const pairAxis = Math.floor(rand() * (rank - 1));
          const shape = Array.from({ length: rank }, (_, i) => (i === pairAxis ? 2 : i === rank - 1 ? last : 1 + Math.floor(rand() * 3)));
          const others = shape.map((_, i) => i).filter((i) => i !== pairAxis && i !== rank - 1);
          for (let i = others.length - 1; i > 0; i--) {
            const j = Math.floor(rand() * (i + 1));
            [others[i], others[j]] = [others[j]!, others[i]!];
          }
          const v = layout(dtype, shape, [...others, rank - 1, pairAxis], new Set(), rank * 1000 + last);
          expect(sameValues(copyOf(v, 1, 1), naiveElements(v)), `${dtype} ${shape}`).toBe(true);
        }
      }
    }
    // Empty and length-1 axes around a pair.
    for (const shape of [[0, 2, 5], [3, 2, 0], [1, 2, 1, 6], [2, 1, 2, 5]]) {
      const v = layout('float32', shape, [0, 3, 2, 1].filter((a) => a < shape.length).reverse(), new Set(), 5);
      expect(sameValues(copyOf(v), naiveElements(v)), `${shape}`).toBe(true);
    }
  });

  it('short broadcast innermost axes under long rows (a 2x upsample of a wide image), every dtype', () => {
    for (const dtype of DTYPES) {
      const buffer = randomValues(dtype, 3 * 70, prng(9));
      for (const len of [1, 2, 3]) {
        // rows h, w (source rows of 70), each element repeated `len` times; h also broadcast twice
        const v: ViewSpec = { dtype, shape: [3, 2, 70, len], strides: [70, 0, 1, 0], offset: 0, buffer };
        expect(sameValues(copyOf(v, 2), naiveElements(v)), `${dtype} ${len}`).toBe(true);
        const gapped: ViewSpec = { dtype, shape: [3, 35, len], strides: [70, 2, 0], offset: 1, buffer };
        expect(sameValues(copyOf(gapped), naiveElements(gapped)), `${dtype} gapped ${len}`).toBe(true);
      }
    }
  });

  // Under a broadcast axis the inner copy runs once per replicated block: a transpose tile, row
  // pairs (with an outer axis of their own) and rows.
  it('each inner kernel under a broadcast axis: tiles, row pairs and rows, every dtype', () => {
    for (const dtype of DTYPES) {
      const buffer = randomValues(dtype, 3 * 120 + 1, prng(17));
      const views: ViewSpec[] = [
        { dtype, shape: [3, 2, 9, 10], strides: [90, 0, 1, 9], offset: 1, buffer }, // tile
        { dtype, shape: [3, 2, 5, 2, 12], strides: [120, 0, 24, 1, 2], offset: 0, buffer }, // pairs
        { dtype, shape: [3, 2, 4, 20], strides: [100, 0, 21, 1], offset: 1, buffer }, // rows
      ];
      for (const v of views) expect(sameValues(copyOf(v), naiveElements(v)), `${dtype} ${v.shape}`).toBe(true);
    }
  });

  it('space-to-depth and 2x upsample layouts, every dtype', () => {
    for (const dtype of DTYPES) {
      // b c (h h1) (w w1) -> b (h1 w1 c) h w on [2, 3, 4, 10]
      const buffer = randomValues(dtype, 2 * 3 * 4 * 10, prng(3));
      const s2d: ViewSpec = { dtype, shape: [2, 2, 2, 3, 2, 5], strides: [120, 10, 1, 40, 20, 2], offset: 0, buffer };
      expect(sameValues(copyOf(s2d), naiveElements(s2d))).toBe(true);
      // b c h w -> b c (h 2) (w 2) on [2, 3, 4, 10]
      const up: ViewSpec = { dtype, shape: [2, 3, 4, 2, 10, 2], strides: [120, 40, 10, 0, 1, 0], offset: 0, buffer };
      expect(sameValues(copyOf(up), naiveElements(up))).toBe(true);
      // short broadcast innermost axes of every length up to 5, under unit and gapped rows
      for (let r = 1; r <= 5; r++) {
        const fill: ViewSpec = { dtype, shape: [7, r], strides: [3, 0], offset: 2, buffer };
        expect(sameValues(copyOf(fill), naiveElements(fill))).toBe(true);
      }
    }
  });
});
