import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { NDArray, fromView, reshape, tensor, transpose, viewInfo } from '../../src/ndarray';
import { RUNS, naiveElements, nestFrom, sameValues, viewArb } from './reference';

describe('NDArray', () => {
  it('toArray nests the row-major elements (booleans for bool) and data materialises once', () => {
    fc.assert(
      fc.property(viewArb(), (v) => {
        const x = fromView(v.buffer, v.dtype, v.shape, v.strides, v.offset);
        const before = v.buffer.slice();
        const flat = naiveElements(v);
        const want = nestFrom(v.dtype === 'bool' ? flat.map((e) => e !== 0) : flat, v.shape);
        expect(x.toArray()).toEqual(want);
        const data = x.data;
        expect(x.data).toBe(data);
        expect(data.length).toBe(x.size);
        expect(sameValues(data, flat)).toBe(true);
        // The view now points at its contiguous copy.
        const info = viewInfo(x);
        expect([info.buffer, info.offset, info.contiguous]).toEqual([data, 0, true]);
        expect(sameValues(v.buffer, before)).toBe(true);
      }),
      RUNS,
    );
  });

  it('iterates over the first axis with views of rank ndim - 1', () => {
    fc.assert(
      fc.property(viewArb().filter((v) => v.shape.length > 0), (v) => {
        const x = fromView(v.buffer, v.dtype, v.shape, v.strides, v.offset);
        const rows = [...x];
        expect(rows.length).toBe(v.shape[0]);
        const whole = x.toArray() as unknown[];
        rows.forEach((row, i) => {
          expect(row).toBeInstanceOf(NDArray);
          expect(row.shape).toEqual(v.shape.slice(1));
          expect(viewInfo(row).buffer).toBe(v.buffer);
          expect(row.toArray()).toEqual(whole[i]);
        });
      }),
      RUNS,
    );
  });

  it('cannot iterate over a 0-d array', () => {
    expect(() => [...tensor(3)]).toThrow(new EinopsError('cannot iterate over a 0-d array'));
  });

  it('item() returns the single element of any size-1 array, and rejects others', () => {
    expect(tensor(new Int8Array([-5]), [1, 1, 1]).item()).toBe(-5);
    expect(tensor([false], [1]).item()).toBe(false);
    const t = transpose(tensor(new Float32Array([1, 2, 3, 4]), [2, 2]), [1, 0]);
    expect([...[...t][1]!][0]!.item()).toBe(2);
    expect(() => tensor([1, 2]).item()).toThrow(/exactly one element, got shape \[2\]/);
    expect(() => tensor([], [0]).item()).toThrow(EinopsError);
  });

  it('prints a short summary', () => {
    const x = tensor(new Float32Array(6), [2, 3]);
    expect(String(x)).toBe('NDArray<[2, 3], float32>');
    expect(`${tensor(true)}`).toBe('NDArray<[], bool>');
    const inspect = (x as unknown as Record<symbol, () => string>)[Symbol.for('nodejs.util.inspect.custom')]!;
    expect(inspect.call(x)).toBe('NDArray<[2, 3], float32>');
    expect(Object.prototype.toString.call(x)).toBe('[object NDArray]');
  });

  it('cannot be constructed without the module-private token', () => {
    const Ctor = NDArray as unknown as new (...args: unknown[]) => unknown;
    expect(() => new Ctor(Symbol('NDArray.construct'), new Float32Array(1), 'float32', [1], [1], 0)).toThrow(/use tensor\(\)/);
  });

  it('keeps its shape and layout immutable', () => {
    const x = tensor(new Float32Array(6), [2, 3]);
    expect(() => (x.shape as unknown as number[]).push(1)).toThrow(TypeError);
    expect(Object.isFrozen(viewInfo(x).strides)).toBe(true);
  });

  it('hands out frozen shapes and strides from views made by kernels, whichever is read first', () => {
    const x = tensor(Float32Array.from({ length: 24 }, (_, i) => i), [2, 3, 4]);
    const t = transpose(x, [2, 0, 1]);
    expect(Object.isFrozen(viewInfo(t).strides)).toBe(true);
    expect(Object.isFrozen(t.shape)).toBe(true);
    const r = reshape(transpose(x, [1, 0, 2]), [3, 8]);
    expect(r.shape).toEqual([3, 8]);
    expect(Object.isFrozen(r.shape)).toBe(true);
    expect(Object.isFrozen(viewInfo(r).strides)).toBe(true);
    // Materialising a strided view swaps in row-major strides, frozen too once handed out.
    void r.data;
    expect(viewInfo(r).strides).toEqual([8, 1]);
    expect(Object.isFrozen(viewInfo(r).strides)).toBe(true);
    for (const row of t) expect(Object.isFrozen(row.shape)).toBe(true);
  });
});

describe('fromView', () => {
  it('rejects layouts outside the buffer, negative strides and mismatched ranks', () => {
    const buf = new Float32Array(6);
    expect(() => fromView(buf, 'float32', [2, 3], [3, 1], 1)).toThrow(/reaches element 6 of a buffer of 6/);
    expect(() => fromView(buf, 'float32', [2, 3], [-3, 1], 3)).toThrow(/non-negative/);
    expect(() => fromView(buf, 'float32', [2, 3], [1], 0)).toThrow(EinopsError);
    expect(() => fromView(buf, 'float32', [2, 3], [3, 1], -1)).toThrow(/invalid offset/);
    // An empty view may sit anywhere.
    expect(fromView(buf, 'float32', [0, 3], [3, 1], 6).size).toBe(0);
  });

  it('allows broadcast views larger than the buffer', () => {
    const x = fromView(new Int32Array([7]), 'int32', [3, 4], [0, 0], 0);
    expect(Array.from(x.data)).toEqual(new Array(12).fill(7));
  });
});
