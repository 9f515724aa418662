import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { tensor, viewInfo } from '../../src/ndarray';
import type { DType } from '../../src/ndarray';
import { CTORS, DTYPES, nestFrom } from './reference';

/** Values that probe each dtype's range edges. */
const EDGES: Record<DType, number[]> = {
  float32: [0, -0, 1.5, -3.25, 3.4028234663852886e38, 1e-45, Infinity, -Infinity, NaN],
  float64: [0, -0, 0.1, Number.MAX_VALUE, Number.MIN_VALUE, -Infinity, NaN],
  int8: [-128, 127, 0, -1],
  int16: [-32768, 32767, 0],
  int32: [-(2 ** 31), 2 ** 31 - 1, 0],
  uint8: [0, 255, 7],
  'uint8-clamped': [0, 255, 128],
  uint16: [0, 65535],
  uint32: [0, 2 ** 32 - 1],
  bool: [0, 1, 1, 0],
};

describe('tensor', () => {
  it('round-trips every dtype: typed array -> tensor -> nested arrays -> tensor', () => {
    for (const d of DTYPES) {
      const src = new CTORS[d](EDGES[d].length);
      src.set(EDGES[d]);
      const x = tensor(src, [src.length], d);
      expect(x.dtype).toBe(d);
      expect(x.data).toBe(src); // wrapped, not copied
      const nested = x.toArray() as unknown[];
      expect(nested).toEqual(Array.from(src, (v) => (d === 'bool' ? v !== 0 : v)));
      const back = tensor(nested as number[], [nested.length], d);
      expect(Array.from(back.data)).toEqual(Array.from(src));
      expect(back.dtype).toBe(d);
    }
  });

  it('keeps the dtype of a typed array and defaults the shape to its length', () => {
    expect(tensor(new Uint8ClampedArray(3)).dtype).toBe('uint8-clamped');
    expect(tensor(new Uint8Array(3)).dtype).toBe('uint8');
    expect(tensor(new Int16Array(3)).shape).toEqual([3]);
    const x = tensor(new Float32Array(6), [2, 3]);
    expect(x.shape).toEqual([2, 3]);
    expect(Object.isFrozen(x.shape)).toBe(true);
    expect([x.size, x.ndim]).toEqual([6, 2]);
  });

  it('shares the typed array it wraps (like numpy asarray)', () => {
    const buf = new Float64Array([1, 2, 3, 4]);
    const x = tensor(buf, [2, 2]);
    buf[3] = 40;
    expect(x.toArray()).toEqual([
      [1, 2],
      [3, 40],
    ]);
  });

  it('makes float32 from numbers and bool from booleans', () => {
    const x = tensor([1.5, 2, 3, 4], [2, 2]);
    expect(x.dtype).toBe('float32');
    expect(x.data).toBeInstanceOf(Float32Array);
    expect(x.toArray()).toEqual([
      [1.5, 2],
      [3, 4],
    ]);
    const b = tensor([true, false, true]);
    expect(b.dtype).toBe('bool');
    expect(Array.from(b.data)).toEqual([1, 0, 1]);
    expect(b.toArray()).toEqual([true, false, true]);
  });

  it('infers the shape of nested arrays, and takes numbers as 0-d', () => {
    const x = tensor([
      [[1], [2]],
      [[3], [4]],
      [[5], [6]],
    ]);
    expect(x.shape).toEqual([3, 2, 1]);
    expect(Array.from(x.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(tensor([]).shape).toEqual([0]);
    expect(tensor([[], []]).shape).toEqual([2, 0]);
    const s = tensor(2.5);
    expect([s.shape, s.item(), s.toArray()]).toEqual([[], 2.5, 2.5]);
    expect(tensor(true).toArray()).toBe(true);
    expect(tensor([[1, 2]], undefined, 'int32').dtype).toBe('int32');
  });

  it('accepts nested arrays with their own shape, and flat data with any shape of that size', () => {
    expect(tensor([[1, 2], [3, 4]], [2, 2]).shape).toEqual([2, 2]);
    expect(tensor([1, 2, 3, 4, 5, 6], [3, 1, 2]).toArray()).toEqual(nestFrom([1, 2, 3, 4, 5, 6], [3, 1, 2]));
    expect(() => tensor([[1, 2], [3, 4]], [4])).toThrow(/nested data has shape \[2, 2\], not \[4\]/);
  });

  it('converts to a requested dtype by copying, as typed arrays convert', () => {
    const src = new Float64Array([1.7, -1.7, 300, NaN]);
    const x = tensor(src, [4], 'int8');
    expect(Array.from(x.data)).toEqual([1, -1, 44, 0]);
    expect(Array.from(tensor(src, [4], 'uint8-clamped').data)).toEqual([2, 0, 255, 0]);
    expect(Array.from(tensor(src, [4], 'bool').data)).toEqual([1, 1, 1, 1]);
    expect(Array.from(src)).toEqual([1.7, -1.7, 300, NaN]);
  });

  it('makes bool from a Uint8Array without a copy when it holds only 0 and 1, else normalises a copy', () => {
    const ok = new Uint8Array([0, 1, 1]);
    expect(tensor(ok, [3], 'bool').data).toBe(ok);
    const raw = new Uint8Array([0, 2, 255]);
    const b = tensor(raw, [3], 'bool');
    expect(Array.from(b.data)).toEqual([0, 1, 1]);
    expect(Array.from(raw)).toEqual([0, 2, 255]);
    expect(Array.from(tensor([0, 0.5, NaN, -1], [4], 'bool').data)).toEqual([0, 1, 1, 1]);
  });

  it('reports a data length that does not match the shape, with both numbers', () => {
    expect(() => tensor(new Float32Array(5), [2, 3])).toThrow('tensor: data has 5 elements, but shape [2, 3] needs 6');
    expect(() => tensor([1, 2, 3], [2])).toThrow(/data has 3 elements, but shape \[2\] needs 2/);
  });

  it('rejects ragged arrays, mixed or non-numeric elements and unknown dtypes', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(/ragged nested arrays: element \[1\] is an array of length 1, expected an array of length 2/);
    expect(() => tensor([[1, 2], 3] as never)).toThrow(/element \[1\] is a number 3, expected an array of length 2/);
    expect(() => tensor([1, [2]] as never)).toThrow(/ragged/);
    expect(() => tensor([1, true] as never)).toThrow(/element \[1\] is a boolean but earlier elements are numbers/);
    expect(() => tensor(['1'] as never)).toThrow(/element \[0\] is the string "1", expected a number or a boolean/);
    expect(() => tensor(null as never)).toThrow(EinopsError);
    expect(() => tensor({ length: 2 } as never)).toThrow(EinopsError);
    expect(() => tensor(new BigInt64Array(2) as never)).toThrow(EinopsError);
    expect(() => tensor([1, 2], [2], 'float16' as never)).toThrow(/unknown dtype "float16"/);
    expect(() => tensor(new Float32Array(4), [2, -2])).toThrow(EinopsError);
  });

  it('checks the size before allocating anything', () => {
    expect(() => tensor([], [2 ** 20, 2 ** 20])).toThrow(/would have 1099511627776 elements/);
  });

  it('starts contiguous at offset 0', () => {
    const info = viewInfo(tensor(new Int32Array(6), [3, 2]));
    expect([info.contiguous, info.offset, info.strides]).toEqual([true, 0, [2, 1]]);
  });
});
