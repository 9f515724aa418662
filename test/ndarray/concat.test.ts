import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { concat, fromView, tensor, viewInfo } from '../../src/ndarray';
import { RUNS, elementAt, prng, randomValues, sameValues, shapeArb, unravel, viewArb } from './reference';
import type { ViewSpec } from './reference';

describe('concat', () => {
  it('places each array, whatever its layout, after the previous ones along the axis', () => {
    const arb = viewArb({ shape: shapeArb.filter((shape) => shape.length > 0) }).chain((v) =>
      fc.tuple(
        fc.constant(v),
        fc.integer({ min: 0, max: v.shape.length - 1 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
        fc.integer(),
      ),
    );
    fc.assert(
      fc.property(arb, ([v, axis, lengths, seed]) => {
        const rand = prng(seed);
        // the others: contiguous, same dtype, their own length along the axis
        const specs: ViewSpec[] = [v];
        for (const length of lengths) {
          const shape = v.shape.slice();
          shape[axis] = length;
          const size = shape.reduce((p, d) => p * d, 1);
          const strides = shape.map((_, k) => shape.slice(k + 1).reduce((p, d) => p * d, 1));
          specs.push({ dtype: v.dtype, shape, strides, offset: 0, buffer: randomValues(v.dtype, size, rand) });
        }
        const before = specs.map((s) => s.buffer.slice());
        const y = concat(specs.map((s) => fromView(s.buffer, s.dtype, s.shape, s.strides, s.offset)), axis);
        const total = specs.reduce((sum, s) => sum + s.shape[axis]!, 0);
        const shape = v.shape.slice();
        shape[axis] = total;
        expect(y.shape).toEqual(shape);
        expect(y.dtype).toBe(v.dtype);
        expect(viewInfo(y).contiguous).toBe(true);
        const expected: number[] = [];
        for (let i = 0; i < y.size; i++) {
          const index = unravel(i, shape);
          let at = index[axis]!;
          let which = 0;
          while (at >= specs[which]!.shape[axis]!) at -= specs[which++]!.shape[axis]!;
          index[axis] = at;
          expected.push(elementAt(specs[which]!, index));
        }
        expect(sameValues(y.data, expected)).toBe(true);
        specs.forEach((s, i) => expect(sameValues(s.buffer, before[i]!)).toBe(true));
      }),
      RUNS,
    );
  });

  it('joins long runs and short runs alike', () => {
    const a = tensor(Float32Array.from({ length: 2 * 40 }, (_, i) => i), [2, 40]);
    const b = tensor(Float32Array.from({ length: 2 }, (_, i) => -i - 1), [2, 1]);
    const y = concat([a, b], 1);
    expect(y.shape).toEqual([2, 41]);
    expect(y.toArray()).toEqual([
      [...Array.from({ length: 40 }, (_, i) => i), -1],
      [...Array.from({ length: 40 }, (_, i) => 40 + i), -2],
    ]);
  });

  it('rejects an empty list, an axis out of range, and arrays that differ elsewhere', () => {
    const a = tensor(new Float32Array(6), [2, 3]);
    expect(() => concat([], 0)).toThrow(/empty list/);
    expect(() => concat([a], 2)).toThrow(/2 is not an axis of shape \[2, 3\]/);
    expect(() => concat([a, tensor(new Float32Array(6), [3, 2])], 0)).toThrow(
      'concat: array 1 has shape [3, 2] and dtype float32, but array 0 has shape [2, 3] and dtype float32; all but axis 0 must match',
    );
    expect(() => concat([a, tensor(new Int32Array(6), [2, 3])], 0)).toThrow(/dtype int32/);
    expect(() => concat([a, tensor(new Float32Array(6), [6])], 0)).toThrow(EinopsError);
    expect(concat([a, tensor(new Float32Array(3), [1, 3])], 0).shape).toEqual([3, 3]);
  });
});
