import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { fromView, stack, tensor, transpose, viewInfo } from '../../src/ndarray';
import { DTYPES, RUNS, naiveElements, prng, randomValues, sameValues, viewArb } from './reference';
import type { ViewSpec } from './reference';

describe('stack', () => {
  it('puts each array, whatever its layout, at its index along a new first axis', () => {
    fc.assert(
      fc.property(viewArb(), fc.integer({ min: 1, max: 4 }), fc.integer(), (v, n, seed) => {
        const rand = prng(seed);
        // Same shape and dtype, different layouts: the first a random strided view, the others
        // contiguous arrays of fresh data.
        const specs: ViewSpec[] = [v];
        for (let i = 1; i < n; i++) {
          const buffer = randomValues(v.dtype, v.shape.reduce((p, d) => p * d, 1), rand);
          const strides = v.shape.map((_, k) => v.shape.slice(k + 1).reduce((p, d) => p * d, 1));
          specs.push({ dtype: v.dtype, shape: v.shape, strides, offset: 0, buffer });
        }
        const before = specs.map((s) => s.buffer.slice());
        const y = stack(specs.map((s) => fromView(s.buffer, s.dtype, s.shape, s.strides, s.offset)));
        expect(y.shape).toEqual([n, ...v.shape]);
        expect(y.dtype).toBe(v.dtype);
        expect(viewInfo(y).contiguous).toBe(true);
        expect(sameValues(y.data, specs.flatMap(naiveElements))).toBe(true);
        specs.forEach((s, i) => expect(sameValues(s.buffer, before[i]!)).toBe(true));
      }),
      RUNS,
    );
  });

  // Outputs of 64 KiB and more are allocated without zero-filling (in Node): every element
  // must still be written, for every dtype and for strided inputs.
  it('fills every element of a large output, every dtype, contiguous and transposed inputs', () => {
    for (const dtype of DTYPES) {
      const n = 40_000;
      const a = fromView(randomValues(dtype, n, prng(1)), dtype, [200, 200], [200, 1], 0);
      const b = transpose(fromView(randomValues(dtype, n, prng(2)), dtype, [200, 200], [200, 1], 0), [1, 0]);
      const out = stack([a, b, a]);
      const spec = (x: typeof a): ViewSpec => {
        const info = viewInfo(x);
        return { dtype, shape: [...x.shape], strides: [...info.strides], offset: info.offset, buffer: info.buffer };
      };
      const expected = [...naiveElements(spec(a)), ...naiveElements(spec(b)), ...naiveElements(spec(a))];
      expect(out.dtype).toBe(dtype);
      expect(sameValues(out.data, expected), dtype).toBe(true);
    }
  });

  it('stacks 0-d arrays into a vector', () => {
    expect(stack([tensor(1), tensor(2), tensor(3)]).toArray()).toEqual([1, 2, 3]);
  });

  it('stacks transposed views', () => {
    const a = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(stack([transpose(a, [1, 0]), transpose(a, [1, 0])]).toArray()).toEqual([
      [[1, 4], [2, 5], [3, 6]],
      [[1, 4], [2, 5], [3, 6]],
    ]);
  });

  it('rejects an empty list, and names the array whose shape or dtype differs', () => {
    expect(() => stack([])).toThrow(/cannot stack an empty list/);
    const a = tensor(new Float32Array(6), [2, 3]);
    expect(() => stack([a, a, tensor(new Float32Array(6), [3, 2])])).toThrow(
      'stack: array 2 has shape [3, 2] and dtype float32, but array 0 has shape [2, 3] and dtype float32; all must match',
    );
    expect(() => stack([a, tensor(new Int32Array(6), [2, 3])])).toThrow(/array 1 has shape \[2, 3\] and dtype int32/);
    expect(() => stack([a, tensor(new Float32Array(6), [6])])).toThrow(EinopsError);
  });
});
