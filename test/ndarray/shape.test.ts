import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { MAX_ELEMENTS, checkedSize } from '../../src/ndarray';
import { contiguousStrides, isContiguous } from '../../src/ndarray/shape';

const ctx = (): string => 'repeat "h w -> h w c"';

describe('checkedSize', () => {
  it('multiplies the dims', () => {
    expect(checkedSize([], ctx)).toBe(1);
    expect(checkedSize([2, 3, 4], ctx)).toBe(24);
    expect(checkedSize([2 ** 20, 0, 2 ** 20], ctx)).toBe(0);
    expect(checkedSize([2 ** 600, 2 ** 600, 0], ctx)).toBe(0);
    expect(checkedSize([2 ** 16, 2 ** 16], ctx)).toBe(MAX_ELEMENTS);
  });

  it('rejects more than 2^32 elements with the op, the shape and the exact count', () => {
    expect(MAX_ELEMENTS).toBe(2 ** 32);
    expect(() => checkedSize([2 ** 20, 2 ** 20], ctx)).toThrow(
      'repeat "h w -> h w c": shape [1048576, 1048576] would have 1099511627776 elements, more than the typed-array limit of 2^32',
    );
    expect(() => checkedSize([2 ** 30, 2 ** 30, 2 ** 30], ctx)).toThrow(/1237940039285380274899124224 elements/);
    expect(() => checkedSize([2 ** 54], ctx)).toThrow(/18014398509481984 elements, more than the typed-array limit/);
  });

  it('rejects non-integer, negative and non-finite dims', () => {
    for (const bad of [[-1], [2.5], [NaN], [Infinity], ['3' as unknown as number]]) {
      expect(() => checkedSize(bad, ctx)).toThrow(EinopsError);
    }
    expect(() => checkedSize([2, -1], ctx)).toThrow(/dimension 1 is -1, expected a non-negative integer/);
  });

  it('calls context only to build a message', () => {
    let calls = 0;
    checkedSize([4, 5], () => `${calls++}`);
    expect(calls).toBe(0);
  });
});

describe('contiguousStrides / isContiguous', () => {
  it('computes row-major strides', () => {
    expect(contiguousStrides([2, 3, 4])).toEqual([12, 4, 1]);
    expect(contiguousStrides([])).toEqual([]);
  });

  it('ignores the strides of length-1 axes and of empty arrays', () => {
    expect(isContiguous([2, 1, 3], [3, 99, 1])).toBe(true);
    expect(isContiguous([2, 3], [1, 2])).toBe(false);
    expect(isContiguous([0, 3], [7, 7])).toBe(true);
    expect(isContiguous([3, 0], [5, 7])).toBe(true);
    expect(isContiguous([2, 3], [0, 1])).toBe(false);
  });
});
