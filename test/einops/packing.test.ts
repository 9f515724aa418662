/**
 * Port of einops/tests/test_packing.py: pack as stack / concatenate (test_numpy_trivial), the
 * pattern checks, and unpack → pack round trips with and without a -1, including every
 * rejected packed-shape list (test_pack_unpack_with_numpy, test_pack_unpack_array_api).
 * numpy's stack and concatenate are replaced by an explicit index computation.
 */
import { describe, expect, it } from 'vitest';
import { EinopsError, NDArray, pack, tensor, unpack } from '../../src/index';
import { prng } from '../helpers';

const rand = prng(7);
const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
const random = (shape: number[]): NDArray<number[], 'float64'> =>
  tensor(Float64Array.from({ length: size(shape) }, () => rand()), shape);

/** numpy's concatenate along `axis` (stack when each input gets a new axis of 1 there first). */
function concatenate(xs: readonly NDArray[], axis: number): { shape: number[]; data: number[] } {
  const shape = xs[0]!.shape.slice();
  shape[axis] = xs.reduce((total, x) => total + x.shape[axis]!, 0);
  const outer = size(shape.slice(0, axis));
  const data: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (const x of xs) {
      const run = size(x.shape.slice(axis));
      data.push(...x.data.subarray(o * run, (o + 1) * run));
    }
  }
  return { shape, data };
}
const withAxis = (x: NDArray, axis: number): NDArray => tensor(x.data, [...x.shape.slice(0, axis), 1, ...x.shape.slice(axis)]);

function expectPacked(actual: NDArray, expected: { shape: number[]; data: number[] }): void {
  expect(actual.shape).toEqual(expected.shape);
  expect(actual.dtype).toBe('float64');
  expect(Array.from(actual.data)).toEqual(expected.data);
}

describe('pack: test_numpy_trivial', () => {
  const H = 13;
  const W = 17;
  const [r, g, b] = [random([H, W]), random([H, W]), random([H, W])];
  const embeddings = random([H, W, 32]);

  it('stacks and concatenates as numpy does', () => {
    const rgb = [r, g, b];
    expectPacked(pack(rgb, 'h w *')[0], concatenate(rgb.map((x) => withAxis(x, 2)), 2));
    expectPacked(pack(rgb, 'h * w')[0], concatenate(rgb.map((x) => withAxis(x, 1)), 1));
    expectPacked(pack(rgb, '* h w')[0], concatenate(rgb.map((x) => withAxis(x, 0)), 0));
    expectPacked(pack(rgb, 'h *')[0], concatenate(rgb, 1));
    expectPacked(pack(rgb, '* w')[0], concatenate(rgb, 0));
    expectPacked(pack([...rgb, embeddings], 'h w *')[0], concatenate([...rgb.map((x) => withAxis(x, 2)), embeddings], 2));
  });

  it('accepts any valid names, and tells capitals apart', () => {
    expect(pack([r, g, b], 'some_name_for_H some_name_for_w1 *')[0].shape).toEqual([H, W, 3]);
    expect(pack([r, g, b, embeddings], 'h H *')[0].shape).toEqual([H, W, 35]);
  });

  it.each([
    ['h w nonexisting_axis *', /tensor 0 has shape \[13, 17\] but the pattern needs at least 3 dimensions/],
    ['h _w *', /"_w" must not start or end with "_"/],
    ['h_ w *', /"h_" must not start or end with "_"/],
    ['1h_ w *', /"1h_" is not a valid axis name/],
    ['1 w *', /"1" is not a valid axis name/],
    ['h h *', /axis h appears twice/],
  ])('rejects %j', (pattern, reason) => {
    let error: unknown;
    try {
      pack([r, g, b, embeddings], pattern);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EinopsError);
    expect((error as EinopsError).reason).toMatch(reason);
    expect((error as EinopsError).message).toContain(`pack "${pattern}"`);
  });

  it('rejects a missing or doubled "*", and mismatched dimensions outside it', () => {
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => pack([r, g], 'h w')).toThrow(/"\*" exactly once, found 0/);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => pack([r, g], '* *')).toThrow(/"\*" exactly once, found 2/);
    expect(() => pack([r, random([H + 1, W])], '* w')).not.toThrow();
    expect(() => pack([r, random([H + 1, W])], 'h *')).toThrow(/tensor 1 has shape \[14, 17\] but tensor 0 has shape \[13, 17\]/);
    expect(() => pack([r, random([H, W + 1])], '* w')).toThrow(/the dimensions outside "\*" must match/);
  });
});

// In every case the unpacked axis has length 5.
const cases: [number[], string][] = [
  [[5], '*'],
  [[5, 7], '* seven'],
  [[7, 5], 'seven *'],
  [[5, 3, 4], '* three four'],
  [[4, 5, 3], 'four * three'],
  [[3, 4, 5], 'three four *'],
];

/** unpack, pack again: the same tensor comes back. */
function unpackAndPack(x: NDArray, ps: number[][], pattern: string): NDArray[] {
  const before = x.data.slice();
  const unpacked = unpack(x, ps, pattern);
  const [packed, ps2] = pack(unpacked, pattern);
  expect(packed.shape).toEqual(x.shape);
  expect(Array.from(packed.data)).toEqual(Array.from(x.data));
  // pack gives back the packed shapes, the -1 filled in
  expect(ps2.map((shape) => shape.length)).toEqual(ps.map((shape) => shape.length));
  ps.forEach((shape, i) => shape.forEach((value, j) => value === -1 || expect(ps2[i]![j]).toBe(value)));
  expect(x.data).toEqual(before);
  return unpacked;
}

describe('unpack: test_pack_unpack_with_numpy', () => {
  it.each(cases)('shape %j, pattern %j', (shape, pattern) => {
    const dim = pattern.split(' ').indexOf('*');
    const x = random(shape);
    const bad = (ps: number[][], p = pattern): void => {
      expect(() => unpack(x, ps, p)).toThrow(EinopsError);
    };

    // all correct, no -1
    unpackAndPack(x, [[2], [1], [2]], pattern);
    // no -1, asking for wrong shapes
    expect(() => unpackAndPack(x, [[2], [1], [2]], `${pattern} non_existent_axis`)).toThrow(EinopsError);
    bad([[2], [1], [1]]);
    bad([[4], [1], [1]]);
    // all correct, with -1
    unpackAndPack(x, [[2], [1], [-1]], pattern);
    unpackAndPack(x, [[2], [-1], [2]], pattern);
    unpackAndPack(x, [[-1], [1], [2]], pattern);
    const [, , last] = unpackAndPack(x, [[2], [3], [-1]], pattern);
    expect(last!.shape[dim]).toBe(0);
    // asking for more elements than available
    bad([[2], [4], [-1]]);
    bad([[-1], [1], [5]]);
    // einops accepts this one (x[2:1] is empty, so the -1 becomes 0 and the pieces overlap);
    // here the packed shapes must add up.
    bad([[2], [-1], [4]]);

    // all correct, -1 nested
    for (const ps of [[[1, 2], [1, 1], [-1, 1]], [[1, 2], [1, -1], [1, 1]], [[2, -1], [1, 2], [1, 1]]]) {
      const rs = unpackAndPack(x, ps, pattern);
      expect(rs.every((r) => r.ndim === x.ndim + 1)).toBe(true);
    }
    // asking for more elements, -1 nested
    bad([[-1, 2], [1], [5]]);
    bad([[2, 2], [2], [5, -1]]);
    // asking for a non-divisible number of elements
    bad([[2, 1], [1], [3, -1]]);
    bad([[2, 1], [3, -1], [1]]);
    bad([[3, -1], [2, 1], [1]]);

    // -1 takes zero
    unpackAndPack(x, [[0], [5], [-1]], pattern);
    unpackAndPack(x, [[0], [-1], [5]], pattern);
    unpackAndPack(x, [[-1], [5], [0]], pattern);
    // -1 takes zero, -1
    unpackAndPack(x, [[2, -1], [1, 5]], pattern);
  });
});

describe('unpack: test_pack_unpack_array_api', () => {
  it.each(cases)('shape %j, pattern %j', (shape, pattern) => {
    const x = random(shape);
    for (const ps of [[[2], [1], [2]], [[1], [1], [-1]], [[1], [1], [-1, 3]], [[2, 1], [1, 1, 1], [-1]]]) {
      const pieces = unpackAndPack(x, ps, pattern);
      // each piece holds its share of the 5 packed positions; the -1 one takes what is left
      const known = ps.filter((p) => !p.includes(-1)).reduce((total, p) => total + size(p), 0);
      const shares = ps.map((p) => (p.includes(-1) ? 5 - known : size(p)));
      expect(pieces.map((piece) => piece.size)).toEqual(shares.map((share) => (share * x.size) / 5));
    }
    for (const ps of [[[2, 3]], [[1], [5]], [[1], [5], [-1]], [[1], [2, 3]], [[1], [5], [-1, 2]]]) {
      expect(() => unpack(x, ps, pattern)).toThrow(EinopsError);
    }
  });
});
