/**
 * The backend for onnxruntime-web's Tensor (and tensors of the same shape): every shared case
 * gives what it gives on the embedded NDArray, results are of the input's class, inputs are
 * left as they were, and failures are EinopsErrors.
 */
import { Tensor } from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { asNDArray, einsum, EinopsError, getBackend, type NDArray, pack, rearrange, reduce, repeat, tensor, unpack } from '../../src/onnx';
import { onnxBackend as backend } from '../../src/runtime/backends/onnx';
import { describeSharedCases } from '../cases';

const toOnnx = (x: NDArray): Tensor => new Tensor(x.dtype as 'float32' | 'int32' | 'bool', x.data.slice() as Float32Array, [...x.shape]);

/** A copy of what a tensor holds, to check later that nothing wrote into it. */
const snapshot = (x: Tensor): unknown => ({ type: x.type, dims: [...x.dims], data: Array.from(x.data as Float32Array) });

/** transformers.js's Tensor: the same `(type, data, dims)` constructor and fields, another class. */
class OtherTensor {
  constructor(
    readonly type: string,
    readonly data: unknown,
    readonly dims: readonly number[],
  ) {}
}

describeSharedCases('onnx backend', {
  convert: toOnnx,
  snapshot,
  check: (result, expected) => {
    expect(result).toBeInstanceOf(Tensor);
    const tensor = result as Tensor;
    expect(tensor.type).toBe(expected.dtype);
    expect([...tensor.dims]).toEqual(expected.shape);
    expect(Array.from(tensor.data as Float32Array)).toEqual(Array.from(expected.data));
  },
});

describe('onnx backend', () => {
  const x = new Tensor('int32', Int32Array.from([0, 1, 2, 3, 4, 5]), [2, 3]);

  it('recognises tensors by shape: data, dims and type', () => {
    expect(backend.isAppropriate(x)).toBe(true);
    expect(backend.isAppropriate(new OtherTensor('float32', new Float32Array(2), [2]))).toBe(true);
    expect(backend.isAppropriate(tensor([1, 2]))).toBe(false);
    expect(backend.isAppropriate({ data: [1, 2], dims: [2], type: 'float32' })).toBe(false);
    expect(backend.isAppropriate({ data: new Float32Array(2), shape: [2], dtype: 'float32' })).toBe(false);
    expect(backend.isAppropriate(null)).toBe(false);
    expect(getBackend(x)).toBe(backend);
  });

  it('builds results through the input\'s own constructor', () => {
    const other = new OtherTensor('float32', Float32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
    const y = rearrange(other, 'a b -> b a') as unknown as OtherTensor;
    expect(y).toBeInstanceOf(OtherTensor);
    expect(y.dims).toEqual([3, 2]);
    expect(Array.from(y.data as Float32Array)).toEqual([1, 4, 2, 5, 3, 6]);
    const [packed] = pack([other, other], 'a *');
    expect(packed).toBeInstanceOf(OtherTensor);
    expect(unpack(packed, [[3], [3]], 'a *').every((t) => t instanceof OtherTensor)).toBe(true);
  });

  it('keeps the data of a reshape, copies a transpose', () => {
    const flat = rearrange(x, 'a b -> (a b)');
    expect(flat.data).toBe(x.data);
    const t = rearrange(x, 'a b -> b a');
    expect(t.data).not.toBe(x.data);
    expect(Array.from(t.data as Int32Array)).toEqual([0, 3, 1, 4, 2, 5]);
    expect(t.type).toBe('int32');
  });

  it('gives the NDArray\'s dtypes: bool for any, float64 for integer sums', () => {
    expect(reduce(x, 'a b -> a', 'any').type).toBe('bool');
    const sums = reduce(x, 'a b -> b', 'sum');
    expect(sums.type).toBe('float64');
    expect(Array.from(sums.data as unknown as Float64Array)).toEqual([3, 5, 7]);
    expect(repeat(new Tensor('bool', Uint8Array.from([1, 0]), [2]), 'a -> a c', { c: 2 }).type).toBe('bool');
  });

  it('shares data with asNDArray', () => {
    const host = asNDArray(x);
    expect(host.dtype).toBe('int32');
    expect(host.data).toBe(x.data);
    expect(asNDArray(new Tensor('bool', Uint8Array.from([1, 0]), [2])).toArray()).toEqual([true, false]);
  });

  it('refuses what the NDArray cannot hold, with an EinopsError', () => {
    const ids = new Tensor('int64', BigInt64Array.from([1n, 2n]), [2]);
    expect(backend.isAppropriate(ids)).toBe(true);
    expect(() => asNDArray(ids)).toThrow(/a int64 onnx tensor has no NDArray dtype/);
    expect(() => reduce(ids, 'a ->', 'sum')).toThrow(/a int64 onnx tensor can be rearranged, repeated, packed and unpacked, but not reduced \(sum\)/);
    const half = new Tensor('float16', new Uint16Array(2), [2]);
    expect(() => reduce(half, 'a ->', 'mean')).toThrow(EinopsError);
    expect(() => einsum(half, half, 'i, i ->')).toThrow(EinopsError);
    const unsigned = new Tensor('uint64', BigUint64Array.from([1n, 2n]), [2]);
    // (the type checker sees that one too)
    const anyPattern: string = '*';
    expect(() => pack([ids, unsigned], anyPattern)).toThrow(/pack needs one dtype/);
    expect(() => rearrange([ids, unsigned], 'n a -> a n')).toThrow(/list item 1 is not a int64 onnx tensor/);
    const mismatched = new OtherTensor('float32', new Int32Array(2), [2]);
    expect(() => rearrange(mismatched, 'a -> 1 a')).toThrow(/does not match its type/);
    const short = new OtherTensor('float32', new Float32Array(3), [2, 2]);
    expect(() => rearrange(short, 'a b -> b a')).toThrow(EinopsError);
    const onGpu = { location: 'gpu-buffer', type: 'float32', dims: [2], get data(): never { throw new Error('no data on the cpu'); } };
    expect(backend.isAppropriate(onGpu)).toBe(true);
    expect(() => rearrange(onGpu, 'a -> a 1')).toThrow(/data is on 'gpu-buffer'/);
  });

  it('refuses lists and calls that mix libraries', () => {
    expect(() => rearrange([x, tensor(new Int32Array(6), [2, 3])] as never, 'n a b -> a b n')).toThrow(EinopsError);
    expect(() => pack([x, tensor(new Int32Array(6), [2, 3])] as never[], 'a *')).toThrow(EinopsError);
  });
});

describe('int64, uint64 and float16: moved exactly, not computed', () => {
  // Token ids as transformers.js gives them, with values past 2^32 so both halves of each matter.
  const ids = new Tensor('int64', BigInt64Array.from({ length: 24 }, (_, i) => BigInt(i) * 2n ** 33n - 7n), [2, 3, 4]);
  const values = (t: Tensor): string[] => Array.from(t.data as BigInt64Array, String);
  const reference = (ndarray: NDArray): string[] => Array.from(ndarray.data, (i) => String(BigInt(i) * 2n ** 33n - 7n));
  const positions = tensor(Float64Array.from({ length: 24 }, (_, i) => i), [2, 3, 4]);

  it.each([
    ['rearrange', (x: never) => rearrange(x, 'a b c -> c (a b)')],
    ['repeat', (x: never) => repeat(x, 'a b c -> a k b c 1', { k: 2 })],
    ['a list', (x: never) => rearrange([x, x], 'n a b c -> b (n a) c')],
    ['pack', (x: never) => pack([x, x], 'a * c')[0]],
    ['unpack', (x: never) => unpack(x, [[1], [2]], 'a * c')[1]],
    ['einsum as a transpose', (x: never) => einsum(x, 'a b c -> c b a')],
  ])('%s gives the values the NDArray gives to their positions', (_, op) => {
    const before = values(ids);
    const result = op(ids as never) as unknown as Tensor;
    const expected = op(positions as never) as NDArray;
    expect(result).toBeInstanceOf(Tensor);
    expect(result.type).toBe('int64');
    expect([...result.dims]).toEqual(expected.shape);
    expect(values(result)).toEqual(reference(expected));
    expect(values(ids)).toEqual(before);
  });

  it('float16 bits and uint64 are moved as they are', () => {
    const half = new Tensor('float16', Uint16Array.from([0x3c00, 0x4000, 0x4200, 0x4400, 0x4500, 0x4600]), [2, 3]);
    const t = rearrange(half, 'a b -> b a');
    expect(t.type).toBe('float16');
    expect(Array.from(t.data as Uint16Array)).toEqual([0x3c00, 0x4400, 0x4000, 0x4500, 0x4200, 0x4600]);
    const big = new Tensor('uint64', BigUint64Array.from([2n ** 64n - 1n, 1n]), [2]);
    expect(Array.from(repeat(big, 'a -> (2 a)').data as BigUint64Array)).toEqual([2n ** 64n - 1n, 1n, 2n ** 64n - 1n, 1n]);
  });
});

describe('withDims', () => {
  it('checks a tensor\'s dims and hands the same tensor back', async () => {
    const { withDims } = await import('../../src/onnx');
    const x = new Tensor('float32', new Float32Array(6), [2, 3]);
    expect(withDims(x, [2, 3])).toBe(x);
    expect(() => withDims(x, [3, 2])).toThrow(/withDims: the tensor has dims \[2, 3\], not \[3, 2\]/);
    expect(() => withDims(tensor([1]) as never, [1])).toThrow(EinopsError);
  });
});
