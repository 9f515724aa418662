/**
 * The scijs ndarray backend: every shared case gives what it gives on the embedded NDArray,
 * results are scijs ndarrays (views of the input where the op allows), inputs are left as they
 * were, and failures are EinopsErrors.
 */
import ndarray from 'ndarray';
import { beforeAll, describe, expect, it } from 'vitest';
import { asNDArray, EinopsError, getBackend, type NDArray, pack, rearrange, reduce, registerScijsBackend, repeat, scijsBackend, tensor, unpack } from '../../src/scijs';
import { describeSharedCases } from '../cases';

type Scijs = ndarray.NdArray<Float32Array>;

// bool has no scijs dtype: it goes in as uint8 (0 and 1), and the NDArray's bool results come out as uint8.
const toScijs = (x: NDArray): Scijs => ndarray(x.data.slice() as Float32Array, [...x.shape]);

/** The elements in row-major order, read through the strides. */
function elements(x: ndarray.NdArray): number[] {
  const out: number[] = [];
  const visit = (axis: number, index: number[]): void => {
    if (axis === x.shape.length) {
      out.push(Number(x.get(...index)));
      return;
    }
    for (let i = 0; i < x.shape[axis]!; i++) visit(axis + 1, [...index, i]);
  };
  visit(0, []);
  return out;
}

const snapshot = (x: ndarray.NdArray): unknown => ({ shape: [...x.shape], stride: [...x.stride], offset: x.offset, data: Array.from(x.data as Float32Array) });

const scijsDType = (dtype: string): string => (dtype === 'bool' ? 'uint8' : dtype);

beforeAll(() => {
  registerScijsBackend(ndarray);
});

describeSharedCases('scijs backend', {
  convert: toScijs,
  snapshot,
  check: (result, expected) => {
    const array = result as Scijs;
    expect(array.constructor.name).toMatch(/^View/);
    expect(array.dtype).toBe(scijsDType(expected.dtype));
    expect(array.shape).toEqual(expected.shape);
    expect(elements(array)).toEqual(Array.from(expected.data));
  },
});

describe('scijs backend', () => {
  const x = ndarray(Float32Array.from([0, 1, 2, 3, 4, 5]), [2, 3]);

  it('recognises ndarrays by shape', () => {
    const backend = getBackend(x);
    expect(backend.name).toBe('scijs');
    expect(backend.isAppropriate(x.transpose(1, 0))).toBe(true);
    expect(backend.isAppropriate(tensor([1, 2]))).toBe(false);
    expect(backend.isAppropriate({ data: new Float32Array(2), dims: [2], type: 'float32' })).toBe(false);
  });

  it('gives views of the input where the op allows', () => {
    const t = rearrange(x, 'a b -> b a');
    expect(t.data).toBe(x.data);
    expect(t.shape).toEqual([3, 2]);
    expect(t.stride).toEqual([1, 3]);
    // The input's own class: scijs has one per dtype and rank.
    expect(t.constructor).toBe(x.constructor);
    const flat = rearrange(x, 'a b -> (a b)');
    expect(flat.data).toBe(x.data);
    const [, second] = unpack(x, [[1], [2]], 'a *');
    expect(second!.data).toBe(x.data);
    expect(second!.offset).toBe(1);
    expect(elements(second!)).toEqual([1, 2, 4, 5]);
    // A transposed input merged into one axis cannot be a view: copied.
    const merged = rearrange(x.transpose(1, 0), 'b a -> (b a)');
    expect(merged.data).not.toBe(x.data);
    expect(elements(merged)).toEqual([0, 3, 1, 4, 2, 5]);
  });

  it('takes strided views in: picks, steps, lo/hi, negative strides', () => {
    expect(elements(rearrange(x.hi(2, 2).lo(0, 1), 'a b -> b a'))).toEqual([1, 4]);
    expect(elements(rearrange(x.step(1, -1), 'a b -> b a'))).toEqual([2, 5, 1, 4, 0, 3]);
    expect(elements(rearrange(x.step(-1, 2), 'a b -> (a b)'))).toEqual([3, 5, 0, 2]);
    expect(elements(reduce(x.pick(null, 1), 'a ->', 'sum'))).toEqual([5]);
  });

  it('reduces, repeats and packs with the NDArray\'s dtypes', () => {
    const ints = ndarray(Int32Array.from([0, 1, 2, 3, 4, 5]), [2, 3]);
    expect(reduce(ints, 'a b -> b', 'sum').dtype).toBe('float64');
    expect(reduce(ints, 'a b -> a', 'any').dtype).toBe('uint8');
    expect(repeat(ints, 'a b -> a b c', { c: 2 }).shape).toEqual([2, 3, 2]);
    const [packed] = pack([x, x], 'a *');
    expect(packed.shape).toEqual([2, 6]);
    const clamped = ndarray(Uint8ClampedArray.from([1, 2]), [2]);
    expect(rearrange(clamped, 'a -> a 1').dtype).toBe('uint8_clamped');
  });

  it('shares memory with asNDArray', () => {
    const host = asNDArray(x.transpose(1, 0));
    expect(host.toArray()).toEqual([[0, 3], [1, 4], [2, 5]]);
  });

  it('refuses what the NDArray cannot hold, and a missing factory, with an EinopsError', () => {
    const plain = ndarray([1, 2, 3], [3]);
    expect(() => rearrange(plain, 'a -> a 1')).toThrow(/a scijs ndarray of dtype array has no NDArray dtype/);
    expect(() => rearrange([x, tensor(new Float32Array(6), [2, 3])] as never, 'n a b -> a b n')).toThrow(EinopsError);
    expect(() => scijsBackend(undefined as never)).toThrow(EinopsError);
  });
});
