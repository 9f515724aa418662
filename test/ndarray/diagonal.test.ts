import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { diagonal, fromView, tensor, viewInfo } from '../../src/ndarray';
import { RUNS, elementAt, sameValues, unravel, viewArb } from './reference';

describe('diagonal', () => {
  it('is an O(1) view: element [rest..., i] is x[... i at axis1 ... i at axis2 ...]', () => {
    const arb = fc
      .tuple(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }), fc.integer({ min: 0, max: 4 }), fc.nat(), fc.nat())
      .chain(([rest, length, p, q]) => {
        // put two axes of the same length at random places among the others
        const shape = rest.slice();
        const first = p % (shape.length + 1);
        shape.splice(first, 0, length);
        const second = q % (shape.length + 1);
        shape.splice(second, 0, length);
        const axis1 = second <= first ? first + 1 : first;
        return fc.tuple(viewArb({ shape: fc.constant(shape) }), fc.constant([axis1, second] as const));
      });
    fc.assert(
      fc.property(arb, ([v, [axis1, axis2]]) => {
        const x = fromView(v.buffer, v.dtype, v.shape, v.strides, v.offset);
        const before = v.buffer.slice();
        const y = diagonal(x, axis1, axis2);
        expect(viewInfo(y).buffer).toBe(v.buffer);
        const rest = v.shape.filter((_, d) => d !== axis1 && d !== axis2);
        expect(y.shape).toEqual([...rest, v.shape[axis1]]);
        const expected: number[] = [];
        for (let i = 0; i < y.size; i++) {
          const index = unravel(i, y.shape);
          const at = index.pop()!;
          const full: number[] = [];
          for (let d = 0, r = 0; d < v.shape.length; d++) full.push(d === axis1 || d === axis2 ? at : index[r++]!);
          expected.push(elementAt(v, full));
        }
        expect(sameValues(y.data, expected)).toBe(true);
        expect(sameValues(v.buffer, before)).toBe(true);
      }),
      RUNS,
    );
  });

  it('takes the trace pattern of a matrix and of a repeated triple', () => {
    const m = tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(diagonal(m, 0, 1).toArray()).toEqual([1, 5, 9]);
    expect(diagonal(m, 1, 0).toArray()).toEqual([1, 5, 9]);
    const cube = tensor(Float32Array.from({ length: 8 }, (_, i) => i), [2, 2, 2]);
    expect(diagonal(diagonal(cube, 0, 1), 0, 1).toArray()).toEqual([0, 7]);
  });

  it('rejects axes that are not two distinct axes of one length', () => {
    const x = tensor(new Float32Array(6), [2, 3]);
    expect(() => diagonal(x, 0, 1)).toThrow(EinopsError);
    expect(() => diagonal(x, 0, 1)).toThrow('diagonal: axes 0 and 1 of shape [2, 3] differ in length');
    expect(() => diagonal(x, 1, 1)).toThrow(/not two distinct axes/);
    expect(() => diagonal(x, 0, 2)).toThrow(/not two distinct axes/);
    expect(() => diagonal(x, -1, 0)).toThrow(EinopsError);
  });
});
