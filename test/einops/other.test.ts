/**
 * Port of the parts of einops/tests/test_other.py that apply here: parseShape (with `_`,
 * `...`, anonymous axes and its failures), and `test_optimize_transformations_numpy` recast as
 * "whatever the runtime merges, results equal the naive reshape → reduce → transpose".
 */
import { describe, expect, it } from 'vitest';
import { asNDArray, EinopsError, parseShape, rearrange, reduce, tensor } from '../../src/index';
import { makeRng } from '../helpers';

const zeros = (shape: number[]) => tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)), shape);

const xNp = zeros([10, 20, 30, 40]);

describe('parseShape', () => {
  // test_parse_shape_imperative
  it('names every dimension', () => {
    const parsed = parseShape(xNp, 'a b c d');
    expect(parsed).toEqual({ a: 10, b: 20, c: 30, d: 40 });
    expect(parsed).not.toEqual({ a: 1, b: 20, c: 30, d: 40 });
  });

  // test_underscore, test_underscore_one, test_underscore_several
  it('skips dimensions named _', () => {
    expect(parseShape(xNp, '_ _ _ _')).toEqual({});
    expect(parseShape(xNp, '_ _ _ hello')).toEqual({ hello: 40 });
    expect(parseShape(xNp, '_ _ a1 a1a111a')).toEqual({ a1: 30, a1a111a: 40 });
  });

  // test_repeating
  it('rejects a repeated name', () => {
    // @ts-expect-error the type-level checker rejects this pattern too
    expect(() => parseShape(xNp, 'a a b b')).toThrow(EinopsError);
    // @ts-expect-error the type-level checker rejects this pattern too
    expect(() => parseShape(xNp, 'a a b b')).toThrow(/parseShape.*a a b b/);
  });

  // test_ellipsis
  it.each([
    [[10, 20], '...', {}],
    [[10], '... a', { a: 10 }],
    [[10, 20], '... a', { a: 20 }],
    [[10, 20, 30], '... a', { a: 30 }],
    [[10, 20, 30, 40], '... a', { a: 40 }],
    [[10], 'a ...', { a: 10 }],
    [[10, 20], 'a ...', { a: 10 }],
    [[10, 20, 30], 'a ...', { a: 10 }],
    [[10, 20, 30, 40], 'a ...', { a: 10 }],
    [[10, 20, 30, 40], ' a ... b', { a: 10, b: 40 }],
    [[10, 40], ' a ... b', { a: 10, b: 40 }],
    [[10, 40], ' a ... b ', { a: 10, b: 40 }],
    [[], '...', {}],
  ] as [number[], string, Record<string, number>][])('shape %j with %j', (shape, pattern, expected) => {
    expect(parseShape(zeros(shape), pattern)).toEqual(expected);
  });

  // test_parse_with_anonymous_axes
  it.each([
    [[1, 2, 3, 4], '1 2 3 a', { a: 4 }],
    [[10, 1, 2], 'a 1 2', { a: 10 }],
    [[10, 1, 2], 'a () 2', { a: 10 }],
  ] as [number[], string, Record<string, number>][])('anonymous axes: shape %j with %j', (shape, pattern, expected) => {
    expect(parseShape(zeros(shape), pattern)).toEqual(expected);
  });

  // test_failures
  it.each([
    [[1, 2, 3, 4], 'a b c'],
    [[1, 2, 3, 4], '2 a b c'],
    [[1, 2, 3, 4], 'a b c ()'],
    [[1, 2, 3, 4], 'a b c d e'],
    [[1, 2, 3, 4], 'a b c d e ...'],
    [[1, 2, 3, 4], '(a b) c d'],
    [[1, 2, 3, 4], 'a b (c ...)'],
    [[1, 2, 3, 4], 'a b c d ->'],
  ] as [number[], string][])('fails on shape %j with %j', (shape, pattern) => {
    expect(() => parseShape(zeros(shape), pattern)).toThrow(EinopsError);
    expect(() => parseShape(zeros(shape), pattern)).toThrow(/parseShape/);
  });

  // test_parse_shape_symbolic: parseShape's result feeds axes lengths
  it('feeds rearrange', () => {
    const result = rearrange(xNp, 'a b (c1 c2) (d1 d2) -> (a b d1) c1 (c2 d2)', {
      ...parseShape(xNp, 'a b c1 _'),
      d2: 2,
    });
    expect(result.shape).toEqual([10 * 20 * 20, 30, 1 * 2]);
    expect(result.data.every((v) => v === 0)).toBe(true);
  });

  it('returns a fresh plain object each call', () => {
    const first = parseShape(xNp, 'a b c d');
    first.a = 99;
    expect(parseShape(xNp, 'a b c d').a).toBe(10);
  });
});

describe('asNDArray', () => {
  it('returns an NDArray with the same shape and values', () => {
    const x = tensor(Int32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
    const y = asNDArray(x);
    expect(y.shape).toEqual([2, 3]);
    expect(y.dtype).toBe('int32');
    expect(y.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('rejects values that are not tensors', () => {
    expect(() => asNDArray([[1, 2]])).toThrow(EinopsError);
    expect(() => asNDArray(3)).toThrow(EinopsError);
  });
});

// ── test_optimize_transformations_numpy, as a property of the public ops ─────────────────


/** The naive way: sum over `reduced` axes, then transpose the rest by `order`, flattened. */
function naiveSumTranspose(data: Int32Array, shape: number[], reduced: number[], order: number[]): number[] {
  const kept = shape.map((_, axis) => axis).filter((axis) => !reduced.includes(axis));
  const keptShape = kept.map((axis) => shape[axis]!);
  const keptSize = keptShape.reduce((a, b) => a * b, 1);
  const sums = new Array<number>(keptSize).fill(0);
  const index = new Array<number>(shape.length).fill(0);
  for (let flat = 0; flat < data.length; flat++) {
    let out = 0;
    for (const axis of kept) out = out * shape[axis]! + index[axis]!;
    sums[out]! += data[flat]!;
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      if (++index[axis]! < shape[axis]!) break;
      index[axis] = 0;
    }
  }
  // transpose the kept axes: output axis k is kept axis order[k]
  const outShape = order.map((k) => keptShape[k]!);
  const keptStrides = keptShape.map((_, k) => keptShape.slice(k + 1).reduce((a, b) => a * b, 1));
  const result = new Array<number>(keptSize);
  const outIndex = new Array<number>(outShape.length).fill(0);
  for (let flat = 0; flat < keptSize; flat++) {
    let source = 0;
    for (let k = 0; k < order.length; k++) source += outIndex[k]! * keptStrides[order[k]!]!;
    result[flat] = sums[source]!;
    for (let k = outShape.length - 1; k >= 0; k--) {
      if (++outIndex[k]! < outShape[k]!) break;
      outIndex[k] = 0;
    }
  }
  return result;
}

describe('merged axes give the naive result', () => {
  const shapes: number[][] = [
    ...Array.from({ length: 14 }, (_, n) => Array.from({ length: n }, () => 2)),
    ...Array.from({ length: 6 }, (_, n) => Array.from({ length: n }, () => 3)),
    [2, 3, 5, 7],
    [2, 3, 5, 7, 11, 17],
  ];

  it('reduce sum over random axes then a random order, flattened or not', () => {
    const rng = makeRng(7);
    for (const shape of shapes) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const n = shape.length;
        const size = shape.reduce((a, b) => a * b, 1);
        const data = Int32Array.from({ length: size }, () => rng.integer(0, 2 ** 12));
        const x = tensor(data, shape);
        const reducedCount = rng.integer(0, n + 1);
        const reduced = rng.permutation(n).slice(0, reducedCount);
        const kept = shape.map((_, axis) => axis).filter((axis) => !reduced.includes(axis));
        const order = rng.permutation(kept.length);
        const names = shape.map((_, axis) => `x${axis}`);
        const rightNames = order.map((k) => names[kept[k]!]!);
        const flatten = attempt % 2 === 1;
        const pattern = `${names.join(' ')} -> ${flatten ? `(${rightNames.join(' ')})` : rightNames.join(' ')}`;
        const result = reduce(x, pattern, 'sum');
        const expected = naiveSumTranspose(data, shape, reduced, order);
        const expectedShape = flatten ? [expected.length] : order.map((k) => shape[kept[k]!]!);
        expect(result.shape, pattern).toEqual(expectedShape);
        expect(Array.from(result.data), pattern).toEqual(expected);
      }
    }
  });
});
