import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyStrided } from '../../src/ndarray/copy';
import { CTORS, RUNS, naiveElements, prng, product, randomValues, sameValues, viewArb } from './reference';
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
