import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { tensor } from '../../src/ndarray/index';
import { asNDArray } from '../../src/runtime/asNDArray';

describe('asNDArray', () => {
  it('returns an NDArray as it is', () => {
    const x = tensor([1, 2, 3]);
    expect(asNDArray(x)).toBe(x);
  });

  it('rejects what no backend handles', () => {
    expect(() => asNDArray({ data: [1] })).toThrow(EinopsError);
  });
});
