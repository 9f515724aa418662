import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { addAxes, fromView, materialize, reshape, tensor, transpose, viewInfo } from '../../src/ndarray';
import type { NDArray } from '../../src/ndarray';
import { RUNS, elementAt, naiveElements, permutationArb, prng, product, sameValues, unravel, viewArb } from './reference';
import type { ViewSpec } from './reference';

const toNDArray = (v: ViewSpec): NDArray => fromView(v.buffer, v.dtype, v.shape, v.strides, v.offset);

/** Random prime factors of n regrouped into a random shape with random 1s (usually a copy). */
function regroup(n: number, rand: () => number): number[] {
  if (n === 0) return [2, 0, 3].slice(0, 1 + Math.floor(rand() * 3)).concat(0);
  const factors: number[] = [];
  for (let p = 2, m = n; m > 1; ) {
    if (m % p === 0) {
      factors.push(p);
      m /= p;
    } else p++;
  }
  factors.sort(() => rand() - 0.5);
  const shape: number[] = [];
  for (const f of factors) {
    if (shape.length > 0 && rand() < 0.5) shape[shape.length - 1]! *= f;
    else shape.push(f);
  }
  if (rand() < 0.3) shape.splice(Math.floor(rand() * (shape.length + 1)), 0, 1);
  return shape;
}

/** Each axis split into two factors in order: always expressible as a view. */
function split(shape: readonly number[], rand: () => number): number[] {
  return shape.flatMap((d) => {
    const divisors = Array.from({ length: d }, (_, i) => i + 1).filter((k) => d % k === 0);
    const k = divisors[Math.floor(rand() * divisors.length)] ?? 1;
    return rand() < 0.5 ? [k, d / k] : [d];
  });
}

describe('transpose', () => {
  it('is an O(1) view whose element [i...] is input[perm-mapped i...]', () => {
    fc.assert(
      fc.property(
        viewArb().chain((v) => fc.tuple(fc.constant(v), permutationArb(v.shape.length))),
        ([v, perm]) => {
          const x = toNDArray(v);
          const before = v.buffer.slice();
          const y = transpose(x, perm);
          expect(viewInfo(y).buffer).toBe(v.buffer);
          expect(y.shape).toEqual(perm.map((p) => v.shape[p]));
          const expected: number[] = [];
          for (let i = 0; i < y.size; i++) {
            const outIdx = unravel(i, y.shape);
            const inIdx = new Array<number>(perm.length);
            perm.forEach((p, k) => (inIdx[p] = outIdx[k]!));
            expected.push(elementAt(v, inIdx));
          }
          expect(sameValues(y.data, expected)).toBe(true);
          expect(sameValues(v.buffer, before)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('rejects anything but a permutation of the axes', () => {
    const x = tensor(new Float32Array(6), [2, 3]);
    for (const perm of [[0], [0, 0], [0, 2], [1, 0, 2], [0.5, 1]]) {
      expect(() => transpose(x, perm)).toThrow(EinopsError);
    }
    expect(() => transpose(x, [0, 0])).toThrow(/not a permutation of the 2 axes of shape \[2, 3\]/);
  });
});

describe('reshape', () => {
  it('keeps the row-major elements, by view or by copy, for random target shapes', () => {
    fc.assert(
      fc.property(viewArb(), fc.integer(), (v, seed) => {
        const rand = prng(seed);
        const x = toNDArray(v);
        const before = v.buffer.slice();
        const expected = naiveElements(v);
        for (const shape of [regroup(x.size, rand), split(v.shape, rand)]) {
          const y = reshape(x, shape);
          expect(y.shape).toEqual(shape);
          expect(sameValues(y.data, expected)).toBe(true);
        }
        expect(sameValues(v.buffer, before)).toBe(true);
      }),
      RUNS,
    );
  });

  it('is a view when splitting axes, whatever the strides', () => {
    fc.assert(
      fc.property(viewArb(), fc.integer(), (v, seed) => {
        const y = reshape(toNDArray(v), split(v.shape, prng(seed)));
        expect(viewInfo(y).buffer).toBe(v.buffer);
      }),
      RUNS,
    );
  });

  it('merges two neighbouring axes without a copy exactly when they are contiguous with each other', () => {
    fc.assert(
      fc.property(
        viewArb().filter((v) => v.shape.length >= 2 && product(v.shape) > 0),
        fc.nat(),
        (v, at) => {
          const i = at % (v.shape.length - 1);
          const [a, b] = [v.shape[i]!, v.shape[i + 1]!];
          const mergeable = a === 1 || b === 1 || v.strides[i] === v.strides[i + 1]! * b;
          const shape = [...v.shape.slice(0, i), a * b, ...v.shape.slice(i + 2)];
          const y = reshape(toNDArray(v), shape);
          expect(viewInfo(y).buffer === v.buffer).toBe(mergeable);
          expect(sameValues(y.data, naiveElements(v))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('is always a view of a contiguous input', () => {
    const x = tensor(new Int32Array(24), [2, 3, 4]);
    for (const shape of [[24], [4, 6], [3, 8], [1, 24, 1], [2, 2, 2, 3]]) {
      expect(viewInfo(reshape(x, shape)).buffer).toBe(x.data);
    }
  });

  it('rejects a shape with another number of elements, or an invalid one', () => {
    const x = tensor(new Float32Array(6), [2, 3]);
    expect(() => reshape(x, [4])).toThrow(/shape \[2, 3\] \(6 elements\) to \[4\] \(4 elements\)/);
    expect(() => reshape(x, [-2, -3])).toThrow(EinopsError);
    expect(() => reshape(x, [2.5, 2])).toThrow(EinopsError);
  });
});

describe('addAxes', () => {
  it('inserts broadcast axes (stride 0, no copy) at the given positions', () => {
    fc.assert(
      fc.property(
        viewArb().chain((v) =>
          fc.tuple(
            fc.constant(v),
            fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), { maxLength: 3 }),
          ),
        ),
        ([v, inserts]) => {
          const nAxes = v.shape.length + inserts.length;
          // Distinct positions in [0, nAxes).
          const free = Array.from({ length: nAxes }, (_, i) => i);
          const pos2len = new Map<number, number>();
          for (const [p, len] of inserts) pos2len.set(free.splice(p % free.length, 1)[0]!, len);
          const x = toNDArray(v);
          const before = v.buffer.slice();
          const y = addAxes(x, nAxes, pos2len);
          expect(viewInfo(y).buffer).toBe(v.buffer);
          const oldAxes = Array.from({ length: nAxes }, (_, i) => i).filter((p) => !pos2len.has(p));
          expect(y.shape).toEqual(
            Array.from({ length: nAxes }, (_, p) => pos2len.get(p) ?? v.shape[oldAxes.indexOf(p)]),
          );
          const expected: number[] = [];
          for (let i = 0; i < y.size; i++) {
            const idx = unravel(i, y.shape);
            expected.push(elementAt(v, oldAxes.map((p) => idx[p]!)));
          }
          expect(sameValues(y.data, expected)).toBe(true);
          expect(sameValues(v.buffer, before)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('rejects positions and counts that do not add up, and oversized results', () => {
    const x = tensor(new Float32Array(6), [2, 3]);
    expect(() => addAxes(x, 4, new Map([[0, 2]]))).toThrow(EinopsError);
    expect(() => addAxes(x, 3, new Map([[3, 2]]))).toThrow(/position 3/);
    expect(() => addAxes(x, 3, new Map([[0, -1]]))).toThrow(EinopsError);
    expect(() => addAxes(x, 3, new Map([[1, 2 ** 31]]))).toThrow(/more than the typed-array limit of 2\^32/);
  });
});

describe('materialize', () => {
  it('returns a contiguous array with the same elements, leaving the input buffer alone', () => {
    fc.assert(
      fc.property(viewArb(), (v) => {
        const before = v.buffer.slice();
        const y = materialize(toNDArray(v));
        const info = viewInfo(y);
        expect(info.contiguous).toBe(true);
        expect(info.offset).toBe(0);
        expect(info.buffer.length).toBe(y.size);
        expect(sameValues(info.buffer, naiveElements(v))).toBe(true);
        expect(sameValues(v.buffer, before)).toBe(true);
      }),
      RUNS,
    );
  });

  it('returns a contiguous, offset-free, whole-buffer array as it is', () => {
    const x = tensor(new Uint16Array([1, 2, 3, 4]), [2, 2]);
    expect(materialize(x)).toBe(x);
    expect(viewInfo(materialize(x)).buffer).toBe(viewInfo(x).buffer);
  });
});
