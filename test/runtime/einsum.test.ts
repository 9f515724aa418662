import { beforeEach, describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { type NDArray, tensor } from '../../src/ndarray/index';
import { compileEinsumRecipe } from '../../src/pattern/einsum';
import type { Backend } from '../../src/runtime/backend';
import { ndarrayBackend } from '../../src/runtime/backends/ndarray';
import { applyEinsumRecipe, bindEinsumRecipe, executeEinsumPlan } from '../../src/runtime/einsum';
import { clearPlanCache, planCacheSize } from '../../src/runtime/planCache';
import { registerBackend } from '../../src/runtime/registry';
import { reasonOf } from '../helpers';

const bind = (pattern: string, ...shapes: number[][]) => bindEinsumRecipe(compileEinsumRecipe(pattern), shapes);


type Fake = { shape: number[] };

/** A backend over plain shapes that records the calls a plan makes (einsum needs no others). */
function recordingBackend(calls: string[]): Backend<Fake> {
  const t = (shape: readonly number[]): Fake => ({ shape: [...shape] });
  return {
    ...(ndarrayBackend as unknown as Backend<Fake>),
    name: 'recording',
    isAppropriate: (x): x is Fake => typeof x === 'object' && x !== null && 'shape' in x,
    shape: (x) => x.shape,
    reshape: (_, shape) => (calls.push(`reshape ${shape.join(',')}`), t(shape)),
    transpose: (x, p) => (calls.push(`transpose ${p.join(',')}`), t(p.map((i) => x.shape[i]!))),
    reduce: (x, r, axes) => (calls.push(`${r} ${axes.join(',')}`), t(x.shape.filter((_, i) => !axes.includes(i)))),
    diagonal: (x, a, b) => (calls.push(`diagonal ${a},${b}`), t([...x.shape.filter((_, i) => i !== a && i !== b), x.shape[a]!])),
    matmul: (a, b) => (calls.push(`matmul ${a.shape.join(',')} ${b.shape.join(',')}`), t([a.shape[0]!, a.shape[1]!, b.shape[2]!])),
  };
}

describe('bindEinsumRecipe', () => {
  it('makes attention scores one batched product, the keys read transposed by it', () => {
    const plan = bind('b i d, b j d -> b i j', [8, 256, 64], [8, 256, 64]);
    expect(plan.inputs).toEqual([
      { diagonals: [], squeezedShape: null, summedAxes: [] },
      { diagonals: [], squeezedShape: null, summedAxes: [] },
    ]);
    expect(plan.contractions).toEqual([
      {
        left: 0,
        right: 1,
        leftPermutation: null,
        leftShape: null,
        transposeLeft: false,
        rightPermutation: null,
        rightShape: null,
        transposeRight: true,
        resultShape: null,
      },
    ]);
    expect(plan.permutation).toBeNull();
    expect(plan.outputShape).toEqual([8, 256, 256]);
    expect(plan.steps).toBe(1);
  });

  it('swaps the operands of the last product when that gives the output order', () => {
    const plan = bind('b j d, b i d -> b i j', [2, 5, 8], [2, 4, 8]);
    expect(plan.contractions).toMatchObject([{ left: 1, right: 0, leftPermutation: null, transposeRight: true, resultShape: null }]);
    expect(plan.permutation).toBeNull();
    expect(plan.steps).toBe(1);
  });

  it('merges shared, own and summed axes into [batch, m, k] × [batch, k, n], then splits them again', () => {
    const plan = bind('a b x y, b y x c -> c b a', [2, 3, 4, 5], [3, 5, 4, 6]);
    expect(plan.contractions).toEqual([
      {
        left: 0,
        right: 1,
        leftPermutation: [1, 0, 2, 3], // b | a | x y
        leftShape: [3, 2, 20],
        transposeLeft: false,
        rightPermutation: [0, 2, 1, 3], // b | x y | c
        rightShape: [3, 20, 6],
        transposeRight: false,
        resultShape: null,
      },
    ]);
    expect(plan.permutation).toEqual([2, 0, 1]);
    expect(plan.outputShape).toEqual([6, 3, 2]);
  });

  it('contracts the pair with the smallest result first', () => {
    // (b w) × (b c) gives 2·5·3 = 30 elements; any pair with the big input gives more.
    const plan = bind('b c h w, b w, b c -> b h', [2, 3, 40, 5], [2, 5], [2, 3]);
    expect(plan.contractions.map(({ left, right }) => [left, right])).toEqual([[1, 2], [0, 1]]);
    expect(plan.outputShape).toEqual([2, 40]);
    // a chain of matrices: the small ends first, never the 100 x 100 outer product
    const chain = bind('i j, j k, k l -> i l', [100, 2], [2, 100], [100, 3]);
    expect(chain.contractions.map(({ left, right }) => [left, right])).toEqual([[1, 2], [0, 1]]);
  });

  it('takes diagonals, drops broadcast dimensions and sums own axes before contracting', () => {
    const plan = bind('i i j k, j z -> z', [3, 3, 1, 4], [5, 2]);
    expect(plan.inputs[0]).toEqual({ diagonals: [[0, 1]], squeezedShape: [4, 3], summedAxes: [0, 1] });
    // j's length 1 in input 0 broadcasts, so only input 1 really has j: it is summed there
    expect(plan.inputs[1]).toEqual({ diagonals: [], squeezedShape: null, summedAxes: [0] });
    expect(plan.contractions).toHaveLength(1);
    expect(plan.outputShape).toEqual([2]);
    // a triple diagonal takes two steps; the second pairs the remaining axis with the first diagonal
    expect(bind('a a a -> a', [4, 4, 4]).inputs[0]!.diagonals).toEqual([[0, 1], [0, 1]]);
  });

  it('matches ellipses from the right and broadcasts length 1', () => {
    const plan = bind('... i, ... i -> ... i', [2, 1, 3], [4, 3]);
    expect(plan.outputShape).toEqual([2, 4, 3]);
    expect(plan.inputs[0]!.squeezedShape).toEqual([2, 3]);
    expect(bind('i, i ->', [1], [7]).outputShape).toEqual([]);
    expect(bind('i, i -> i', [0], [1]).outputShape).toEqual([0]);
    expect(bind('... -> ...', []).outputShape).toEqual([]);
    expect(bind('i -> ... i', [3]).outputShape).toEqual([3]);
  });

  it('checks counts, ranks and lengths', () => {
    expect(reasonOf(() => bind('i, j -> i j', [2]))).toBe('the pattern has 2 inputs but 1 tensors were given');
    expect(reasonOf(() => bind('i j -> i', [2]))).toBe('input 0 has 1 dimensions but the pattern names 2');
    expect(reasonOf(() => bind('i, i j k ... -> i', [2], [2, 3]))).toBe('input 1 has 2 dimensions but the pattern needs at least 3');
    expect(reasonOf(() => bind('i i -> i', [2, 3]))).toBe('axis i repeats in input 0 with lengths 2 and 3: a diagonal needs equal lengths');
    expect(reasonOf(() => bind('i i -> i', [1, 3]))).toMatch(/lengths 1 and 3/);
    expect(reasonOf(() => bind('i j, j k -> i k', [2, 3], [4, 5]))).toBe('axis j has length 4 in input 1 but 3 in input 0');
    expect(reasonOf(() => bind('..., ... -> ...', [2, 3], [4, 3]))).toBe('axis ...0 has length 4 in input 1 but 2 in input 0');
    expect(reasonOf(() => bind('... i -> i', [2, 3]))).toBe(
      'the ellipsis "..." stands for 1 dimensions on the left but the right side has no "..." for them',
    );
    expect(() => bind('... i -> i', [3])).not.toThrow();
  });
});

describe('executeEinsumPlan', () => {
  it('runs diagonal → squeeze → sum per input, then the products, then the final transpose', () => {
    const calls: string[] = [];
    const backend = recordingBackend(calls);
    const plan = bind('i i j k, j z -> z', [3, 3, 1, 4], [5, 2]);
    const out = executeEinsumPlan(backend, plan, [{ shape: [3, 3, 1, 4] }, { shape: [5, 2] }]) as Fake;
    expect(calls).toEqual([
      'diagonal 0,1',
      'reshape 4,3',
      'sum 0,1',
      'sum 0',
      'reshape 1,1,1',
      'reshape 1,1,2',
      'matmul 1,1,1 1,1,2',
      'reshape 2',
    ]);
    expect(out.shape).toEqual([2]);
  });
});

describe('applyEinsumRecipe', () => {
  beforeEach(clearPlanCache);

  it('caches one plan per pattern and shapes, and none for a failed bind', () => {
    const recipe = compileEinsumRecipe('i j, j k -> i k');
    const a = tensor(new Float32Array(6), [2, 3]);
    const b = tensor(new Float32Array(12), [3, 4]);
    applyEinsumRecipe(recipe, [a, b]);
    applyEinsumRecipe(recipe, [a, b]);
    expect(planCacheSize()).toBe(1);
    applyEinsumRecipe(recipe, [b, tensor(new Float32Array(8), [4, 2])]);
    expect(planCacheSize()).toBe(2);
    expect(() => applyEinsumRecipe(recipe, [a, a])).toThrow(EinopsError);
    expect(planCacheSize()).toBe(2);
  });

  it('keeps the dtype when it only moves elements, else float32 or float64', () => {
    const ints = tensor(Int32Array.from([1, 2, 3, 4]), [2, 2]);
    const floats = tensor(Float32Array.from([1, 2, 3, 4]), [2, 2]);
    const doubles = tensor(Float64Array.from([1, 2, 3, 4]), [2, 2]);
    const run = (pattern: string, ...xs: NDArray[]) => applyEinsumRecipe(compileEinsumRecipe(pattern), xs) as NDArray;
    expect(run('i j -> j i', ints).dtype).toBe('int32');
    expect(run('i i -> i', ints).toArray()).toEqual([1, 4]);
    expect(run('i i -> i', ints).dtype).toBe('int32');
    expect(run('i j -> i', ints).dtype).toBe('float64');
    expect(run('i j, j k -> i k', ints, ints).dtype).toBe('float64');
    expect(run('i j, j k -> i k', floats, floats).dtype).toBe('float32');
    expect(run('i j, j k -> i k', floats, doubles).dtype).toBe('float64');
    expect(run('i j, j k -> i k', ints, ints).toArray()).toEqual([[7, 10], [15, 22]]);
  });

  it('returns views where nothing is computed, and leaves the inputs alone', () => {
    const x = tensor(Float32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
    const before = x.data.slice();
    const recipe = compileEinsumRecipe('i j -> i j');
    expect(applyEinsumRecipe(recipe, [x])).toBe(x);
    expect((applyEinsumRecipe(compileEinsumRecipe('i j -> j i'), [x]) as NDArray).toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(x.data).toEqual(before);
  });

  it('names the pattern and the input shapes in errors', () => {
    const a = tensor(new Float32Array(6), [2, 3]);
    expect(() => applyEinsumRecipe(compileEinsumRecipe('i j, j k -> i k'), [a, a])).toThrow(
      'einsum "i j, j k -> i k": axis j has length 2 in input 1 but 3 in input 0\n  input shapes [2, 3], [2, 3]',
    );
    expect(() => applyEinsumRecipe(compileEinsumRecipe('i j -> i'), [])).toThrow(/the pattern has 1 inputs but 0 tensors were given\n  input: an empty list/);
    expect(() => applyEinsumRecipe({ ...compileEinsumRecipe('i -> i'), version: 0 as 1 }, [a])).toThrow(/recipe version 0 is not 1/);
    expect(() => applyEinsumRecipe(compileEinsumRecipe('i, i -> i'), [a, 3])).toThrow(/unsupported tensor type number/);
  });

  it('rejects tensors of two libraries', () => {
    class Box {
      constructor(readonly shape: number[]) {}
    }
    registerBackend({ ...(ndarrayBackend as unknown as Backend<Box>), name: 'box', isAppropriate: (x): x is Box => x instanceof Box });
    const a = tensor(new Float32Array(2), [2]);
    expect(() => applyEinsumRecipe(compileEinsumRecipe('i, i -> i'), [a, new Box([2])])).toThrow(
      /tensor 1 is a box tensor but tensor 0 is a ndarray tensor: use one library/,
    );
  });
});
