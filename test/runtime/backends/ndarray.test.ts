import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/ndarray/index';
import { ndarrayBackend as backend } from '../../../src/runtime/backends/ndarray';

describe('ndarray backend', () => {
  const x = tensor(Int32Array.from([0, 1, 2, 3, 4, 5]), [2, 3]);

  it('maps each backend step onto the engine', () => {
    expect(backend.isAppropriate(x)).toBe(true);
    expect(backend.isAppropriate({ shape: [2] })).toBe(false);
    expect(backend.shape(x)).toEqual([2, 3]);
    expect(backend.transpose(x, [1, 0]).toArray()).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(backend.reshape(x, [3, 2]).toArray()).toEqual([[0, 1], [2, 3], [4, 5]]);
    expect(backend.reduce(x, 'sum', [0]).toArray()).toEqual([3, 5, 7]);
    expect(backend.addAxes(x, 3, new Map([[1, 2]])).toArray()).toEqual([
      [[0, 1, 2], [0, 1, 2]],
      [[3, 4, 5], [3, 4, 5]],
    ]);
    expect(backend.stack([x, x]).shape).toEqual([2, 2, 3]);
    expect(backend.isFloat(x)).toBe(false);
    expect(backend.isFloat(tensor([1.5]))).toBe(true);
    expect(backend.dtype(x)).toBe('int32');
    expect(backend.toNDArray(x)).toBe(x);
    expect(backend.concat([x, x], 1).toArray()).toEqual([[0, 1, 2, 0, 1, 2], [3, 4, 5, 3, 4, 5]]);
    expect(backend.slice(x, 1, 1, 3).toArray()).toEqual([[1, 2], [4, 5]]);
    expect(backend.diagonal(tensor(Int32Array.from([1, 2, 3, 4]), [2, 2]), 0, 1).toArray()).toEqual([1, 4]);
    const gram = backend.matmul(backend.reshape(x, [1, 2, 3]), backend.reshape(backend.transpose(x, [1, 0]), [1, 3, 2]));
    expect(gram.toArray()).toEqual([[[5, 14], [14, 50]]]);
    expect(gram.dtype).toBe('float64');
  });
});
