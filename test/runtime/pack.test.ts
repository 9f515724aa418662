import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { type NDArray, tensor, viewInfo } from '../../src/ndarray/index';
import { compilePackRecipe } from '../../src/pattern/pack';
import type { Backend } from '../../src/runtime/backend';
import { ndarrayBackend } from '../../src/runtime/backends/ndarray';
import { applyPackRecipe, applyUnpackRecipe } from '../../src/runtime/pack';
import { registerBackend } from '../../src/runtime/registry';

const range = (shape: number[], dtype: 'float32' | 'int32' = 'float32'): NDArray => {
  const n = shape.reduce((a, b) => a * b, 1);
  return tensor(dtype === 'float32' ? Float32Array.from({ length: n }, (_, i) => i) : Int32Array.from({ length: n }, (_, i) => i), shape);
};

type Fake = { shape: number[]; tag: string };

/** A backend over plain shapes that records the calls pack and unpack make. */
function recordingBackend(log: string[]): Backend<Fake> {
  const t = (shape: readonly number[]): Fake => ({ shape: [...shape], tag: 'fake' });
  return {
    ...(ndarrayBackend as unknown as Backend<Fake>),
    name: 'recording',
    isAppropriate: (x): x is Fake => typeof x === 'object' && x !== null && (x as Fake).tag === 'fake',
    shape: (x) => x.shape,
    dtype: () => 'float32',
    reshape: (_, shape) => (log.push(`reshape ${shape.join(',')}`), t(shape)),
    concat: (xs, axis) => {
      log.push(`concat ${xs.length} on ${axis}`);
      const shape = xs[0]!.shape.slice();
      shape[axis] = xs.reduce((total, x) => total + x.shape[axis]!, 0);
      return t(shape);
    },
    slice: (x, axis, start, end) => {
      log.push(`slice ${axis} ${start}:${end}`);
      const shape = x.shape.slice();
      shape[axis] = end - start;
      return t(shape);
    },
  };
}

// Registered once: the registry keeps the first backend of a name.
const calls: string[] = [];
registerBackend(recordingBackend(calls));

describe('applyPackRecipe', () => {
  it('merges the * dimensions of each tensor and concatenates along them', () => {
    calls.length = 0;
    const fake = (...shape: number[]): Fake => ({ shape, tag: 'fake' });
    const [packed, shapes] = applyPackRecipe(compilePackRecipe('b * c'), [fake(2, 5), fake(2, 3, 4, 5), fake(2, 7, 5)]) as [Fake, number[][]];
    expect(shapes).toEqual([[], [3, 4], [7]]);
    // the last tensor already has one dimension at the *: no reshape
    expect(calls).toEqual(['reshape 2,1,5', 'reshape 2,12,5', 'concat 3 on 1']);
    expect(packed.shape).toEqual([2, 20, 5]);
  });

  it('returns a lone tensor as it is, merged', () => {
    const x = range([2, 3, 4]);
    const [packed, shapes] = applyPackRecipe(compilePackRecipe('a *'), [x]) as [NDArray, number[][]];
    expect(shapes).toEqual([[3, 4]]);
    expect(packed.shape).toEqual([2, 12]);
    expect(viewInfo(packed).buffer).toBe(viewInfo(x).buffer);
  });

  it('checks the list, the ranks, the dimensions outside * and the dtypes', () => {
    const recipe = compilePackRecipe('a * b');
    const pack = (tensors: unknown) => () => applyPackRecipe(recipe, tensors);
    expect(pack(range([2, 3]))).toThrow('pack "a * b": pack takes a list of tensors, got a single tensor\n  input shape [2, 3]');
    expect(pack('x')).toThrow(/pack takes a list of tensors, got string/);
    expect(pack([])).toThrow('pack "a * b": cannot pack an empty list of tensors\n  input: an empty list');
    expect(pack([range([2, 3]), range([2])])).toThrow(/tensor 1 has shape \[2\] but the pattern needs at least 2 dimensions\n  input shapes \[2, 3\], \[2\]/);
    expect(pack([range([2, 3]), range([2, 5, 4])])).toThrow(
      /tensor 1 has shape \[2, 5, 4\] but tensor 0 has shape \[2, 3\]: the dimensions outside "\*" must match/,
    );
    expect(pack([range([2, 3]), range([2, 3], 'int32')])).toThrow(/tensor 1 has dtype int32 but tensor 0 has dtype float32: pack needs one dtype/);
    expect(pack([range([2, 3]), 7])).toThrow(EinopsError);
    expect(() => applyPackRecipe({ ...recipe, version: 2 as 1 }, [range([2, 3])])).toThrow(/recipe version 2 is not 1/);
  });
});

describe('applyUnpackRecipe', () => {
  it('slices the * dimension and reshapes each piece, as views', () => {
    const recipe = compilePackRecipe('a * b');
    const x = range([2, 9, 2]);
    const before = x.data.slice();
    const [first, second, third] = applyUnpackRecipe(recipe, x, [[2], [-1, 2], []]) as NDArray[];
    expect(first!.shape).toEqual([2, 2, 2]);
    expect(second!.shape).toEqual([2, 3, 2, 2]);
    expect(third!.shape).toEqual([2, 2]);
    expect(third!.toArray()).toEqual([[16, 17], [34, 35]]);
    expect(viewInfo(first!).buffer).toBe(viewInfo(x).buffer);
    expect(x.data).toEqual(before);
  });

  it('calls slice and reshape once per piece', () => {
    calls.length = 0;
    applyUnpackRecipe(compilePackRecipe('* c'), { shape: [5, 3], tag: 'fake' }, [[1], [2, 2]]);
    expect(calls).toEqual(['slice 0 0:1', 'reshape 1,3', 'slice 0 1:5', 'reshape 2,2,3']);
  });

  it('checks the rank and the packed shapes', () => {
    const recipe = compilePackRecipe('a * b');
    const x = range([2, 5, 3]);
    const unpack = (shapes: unknown, y: unknown = x) => () => applyUnpackRecipe(recipe, y, shapes);
    expect(unpack([[5]], range([2, 5]))).toThrow('unpack "a * b": the pattern has 3 dimensions but the tensor has 2\n  input shape [2, 5], packed shapes [[5]]');
    expect(unpack([[2], [2]])).toThrow('unpack "a * b": dimension 1 has length 5 but the packed shapes hold 4\n  input shape [2, 5, 3], packed shapes [[2], [2]]');
    expect(unpack([])).toThrow(/dimension 1 has length 5 but the packed shapes hold 0/);
    expect(unpack([[-1], [-1]])).toThrow(/packed shapes may hold one -1 in all, found 2/);
    expect(unpack([[-1, -1]])).toThrow(/found 2/);
    expect(unpack([[3], [4, -1]])).toThrow('dimension 1 has length 5, which leaves 2 for packed shape 1: not a multiple of 4, so -1 cannot be inferred');
    expect(unpack([[6], [-1]])).toThrow('dimension 1 has length 5 but the packed shapes other than the one with -1 hold 6');
    expect(unpack([[5], [0, -1]])).toThrow(/leaves 0 for packed shape 1: not a multiple of 0/);
    expect(unpack([[2.5], [2.5]])).toThrow(/packed shape 0 has the entry 2.5: use non-negative integers and at most one -1/);
    expect(unpack([[5], ['1']])).toThrow(/packed shape 1 has the entry 1/);
    expect(unpack([[-2], [7]])).toThrow(/entry -2/);
    expect(unpack([5])).toThrow(/packed shapes must be a list of shapes such as \[\[2, 3\], \[4\]\], got \[5\]/);
    expect(unpack('5')).toThrow(/got string/);
    expect(unpack([[5]], 'tensor')).toThrow(/unsupported tensor type string/);
  });
});
