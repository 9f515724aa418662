import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { fromView, slice, tensor, viewInfo } from '../../src/ndarray';
import { RUNS, elementAt, sameValues, shapeArb, unravel, viewArb } from './reference';

describe('slice', () => {
  it('is an O(1) view: element [..., i, ...] is x[..., start + i, ...]', () => {
    const arb = viewArb({ shape: shapeArb.filter((shape) => shape.length > 0) }).chain((v) =>
      fc.integer({ min: 0, max: v.shape.length - 1 }).chain((axis) =>
        fc
          .tuple(fc.integer({ min: 0, max: v.shape[axis]! }), fc.integer({ min: 0, max: v.shape[axis]! }))
          .map(([p, q]) => [v, axis, Math.min(p, q), Math.max(p, q)] as const),
      ),
    );
    fc.assert(
      fc.property(arb, ([v, axis, start, end]) => {
        const x = fromView(v.buffer, v.dtype, v.shape, v.strides, v.offset);
        const before = v.buffer.slice();
        const y = slice(x, axis, start, end);
        expect(viewInfo(y).buffer).toBe(v.buffer);
        const shape = v.shape.slice();
        shape[axis] = end - start;
        expect(y.shape).toEqual(shape);
        const expected: number[] = [];
        for (let i = 0; i < y.size; i++) {
          const index = unravel(i, y.shape);
          index[axis]! += start;
          expected.push(elementAt(v, index));
        }
        expect(sameValues(y.data, expected)).toBe(true);
        expect(sameValues(v.buffer, before)).toBe(true);
      }),
      RUNS,
    );
  });

  it('may be empty, even at the very end', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expect(slice(x, 0, 2, 2).shape).toEqual([0, 2]);
    expect(slice(x, 1, 1, 2).toArray()).toEqual([[2], [4]]);
  });

  it('rejects ranges outside the axis', () => {
    const x = tensor(new Float32Array(6), [2, 3]);
    expect(() => slice(x, 1, 2, 4)).toThrow(EinopsError);
    expect(() => slice(x, 1, 2, 4)).toThrow('slice: 2 to 4 is not a range within axis 1 of length 3 (shape [2, 3])');
    expect(() => slice(x, 1, 2, 1)).toThrow(EinopsError);
    expect(() => slice(x, 0, -1, 1)).toThrow(EinopsError);
    expect(() => slice(x, 2, 0, 0)).toThrow(/not an axis/);
  });
});
