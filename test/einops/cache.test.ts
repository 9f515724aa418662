/**
 * The plan cache: bounded, never poisoned by a failed call, never confusing ops; and no op
 * writes into its inputs (einops' functools.lru_cache(1024) on `_reconstruct_from_shape`).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { asNDArray, EinopsError, NDArray, parseShape, rearrange, reduce, repeat, tensor } from '../../src/index';
import { clearPlanCache, PLAN_CACHE_CAPACITY, planCacheSize } from '../../src/runtime/planCache';

const emptyOfWidth = (n: number): NDArray => tensor(new Float32Array(0), [0, n]);

describe('plan cache size', () => {
  beforeEach(() => clearPlanCache());

  it('stays bounded across 100,000 distinct shapes', () => {
    expect(PLAN_CACHE_CAPACITY).toBeGreaterThan(0);
    for (let n = 1; n <= 100_000; n++) {
      const result = rearrange(emptyOfWidth(n), 'a b -> b a');
      if (n % 10_000 === 0) {
        expect(result.shape).toEqual([n, 0]);
        expect(planCacheSize()).toBeLessThanOrEqual(PLAN_CACHE_CAPACITY);
      }
    }
    expect(planCacheSize()).toBeLessThanOrEqual(PLAN_CACHE_CAPACITY);
    expect(planCacheSize()).toBeGreaterThan(0);
    // an evicted shape still binds correctly
    const x = tensor(Int32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
    expect(rearrange(x, 'a b -> b a').toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
  });

  it('stays bounded across distinct axes lengths and distinct patterns', () => {
    const x = tensor(new Float32Array(0), [0]);
    for (let b = 0; b < 5000; b++) {
      expect(repeat(x, 'a -> a b', { b }).shape[1]).toBe(b);
    }
    expect(planCacheSize()).toBeLessThanOrEqual(PLAN_CACHE_CAPACITY);
    const y = tensor(Int32Array.from([1, 2, 3, 4]), [2, 2]);
    for (let i = 0; i < 3000; i++) {
      const pattern = `p${i} q -> q p${i}`;
      expect(Array.from(rearrange(y, pattern).data)).toEqual([1, 3, 2, 4]);
    }
    expect(planCacheSize()).toBeLessThanOrEqual(PLAN_CACHE_CAPACITY);
  });

  it('clearPlanCache empties it and later calls still work', () => {
    rearrange(tensor(new Float32Array(6), [2, 3]), 'a b -> b a');
    expect(planCacheSize()).toBeGreaterThan(0);
    clearPlanCache();
    expect(planCacheSize()).toBe(0);
    expect(rearrange(tensor(new Float32Array(6), [2, 3]), 'a b -> b a').shape).toEqual([3, 2]);
  });
});

describe('a failed call leaves nothing behind', () => {
  const x8 = tensor(Int32Array.from({ length: 8 }, (_, i) => i), [8]);

  it('wrong lengths, then right lengths for the same pattern and shape', () => {
    clearPlanCache();
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => rearrange(x8, '(h w) -> h w', { h: 3 })).toThrow(EinopsError);
    expect(planCacheSize()).toBe(0);
    expect(rearrange(x8, '(h w) -> h w', { h: 2 }).toArray()).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => rearrange(x8, '(h w) -> h w', { h: 3 })).toThrow(/not divisible/);
    expect(rearrange(x8, '(h w) -> h w', { h: 4 }).shape).toEqual([4, 2]);
    expect(rearrange(x8, '(h w) -> h w', { w: 4, h: 2 }).shape).toEqual([2, 4]);
    expect(rearrange(x8, '(h w) -> h w', { h: 2, w: 4 }).shape).toEqual([2, 4]);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => rearrange(x8, '(h w) -> h w', { h: 2, w: 3 })).toThrow(/gives 6/);
  });

  it('a cached plan does not let an invalid length through', () => {
    expect(rearrange(x8, '(h w) -> h w', { h: 2 }).shape).toEqual([2, 4]);
    // the same key text as { h: 2 } once stringified; each must still be rejected
    for (const bad of ['2', [2], Object(2)]) {
      expect(() => rearrange(x8, '(h w) -> h w', { h: bad } as unknown as Record<string, number>)).toThrow(EinopsError);
    }
    expect(repeat(x8, 'a -> a b', { b: 2 }).shape).toEqual([8, 2]);
    expect(() => repeat(x8, 'a -> a b', { b: '2' } as unknown as Record<string, number>)).toThrow(EinopsError);
  });

  it('wrong rank, then right rank for the same pattern', () => {
    const rank3 = tensor(new Float32Array(24), [2, 3, 4]);
    const rank2 = tensor(Int32Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => rearrange(rank3, 'a b -> b a')).toThrow(/2 dimensions/);
    expect(rearrange(rank2, 'a b -> b a').toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => rearrange(rank3, 'a b -> b a')).toThrow(/2 dimensions/);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => rearrange(tensor(new Float32Array(2), [2]), 'a b -> b a')).toThrow(/2 dimensions/);
  });

  it('a bad pattern fails every time', () => {
    const t = tensor(new Float32Array(6), [2, 3]);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => rearrange(t, 'a b -> a b c')).toThrow(/c appears only on the right/);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => rearrange(t, 'a b -> a b c')).toThrow(/c appears only on the right/);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => rearrange(t, 'a b -> a b c', { c: 1 })).toThrow(EinopsError);
    expect(repeat(t, 'a b -> a b c', { c: 1 }).shape).toEqual([2, 3, 1]);
  });

  it('rearrange, reduce and repeat with one pattern do not confuse each other', () => {
    const t = tensor(Int32Array.from([1, 5, 2, 7, 3, 4]), [2, 3]);
    expect(reduce(t, 'a b -> a', 'sum').toArray()).toEqual([8, 14]);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => rearrange(t, 'a b -> a')).toThrow(/b appears only on the left/);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => repeat(t, 'a b -> a')).toThrow(/repeat cannot remove/);
    expect(reduce(t, 'a b -> a', 'max').toArray()).toEqual([5, 7]);
    expect(reduce(t, 'a b -> a', 'min').toArray()).toEqual([1, 3]);
    expect(reduce(t, 'a b -> a', 'prod').toArray()).toEqual([10, 84]);

    expect(repeat(t, 'a b -> a b c', { c: 2 }).shape).toEqual([2, 3, 2]);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => rearrange(t, 'a b -> a b c', { c: 2 })).toThrow(/c appears only on the right/);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => reduce(t, 'a b -> a b c', 'sum', { c: 2 })).toThrow(/reduce cannot add/);
    expect(repeat(t, 'a b -> a b c', { c: 2 }).toArray()).toEqual([
      [[1, 1], [5, 5], [2, 2]],
      [[7, 7], [3, 3], [4, 4]],
    ]);
  });

  it('a failed reduction does not poison the same pattern and shape', () => {
    const ints = tensor(Int32Array.from([1, 2, 3, 4]), [2, 2]);
    const floats = tensor(Float32Array.from([1, 2, 3, 4]), [2, 2]);
    // @ts-expect-error the type-level checker rejects this call too
    expect(() => reduce(ints, 'a b -> a', 'mean')).toThrow(/mean/);
    expect(reduce(floats, 'a b -> a', 'mean').toArray()).toEqual([1.5, 3.5]);
    expect(() => reduce(floats, 'a b -> a', () => 0)).toThrow(EinopsError);
    expect(reduce(floats, 'a b -> a', 'sum').toArray()).toEqual([3, 7]);
    expect(() => reduce(floats, 'a b -> a', 'median' as never)).toThrow(/unknown reduction/);
    expect(reduce(floats, 'a b -> a', 'max').toArray()).toEqual([2, 4]);
  });
});

// ── inputs are never written ─────────────────────────────────────────────────────────────

interface Snapshot {
  readonly shape: readonly number[];
  readonly dtype: string;
  readonly data: readonly number[];
}

const snapshot = (t: NDArray): Snapshot => ({ shape: [...t.shape], dtype: t.dtype, data: Array.from(t.data as ArrayLike<number>) });

/** Reads every element of a result and feeds it through more ops, as user code would. */
function useResult(result: unknown): void {
  if (!(result instanceof NDArray)) return;
  void result.toArray();
  void Array.from(result.data as ArrayLike<number>);
  if (result.ndim > 0) {
    for (const row of result) void row.data;
    void rearrange(result, 'a ... -> ... a');
    void repeat(result, '... -> ... r', { r: 2 }).data;
    void reduce(result, 'a ... -> ...', 'max').data;
  }
}

/** A reduction function: sums `y` over `axes` with einops itself, whatever y's rank. */
function sumOver(y: NDArray, axes: readonly number[]): NDArray {
  const names = y.shape.map((_, i) => `x${i}`);
  return reduce(y, `${names.join(' ')} -> ${names.filter((_, i) => !axes.includes(i)).join(' ')}`, 'sum');
}

describe('no op writes into its inputs', () => {
  const makeInputs = () => {
    const source = Int32Array.from({ length: 24 }, (_, i) => (i * 7) % 11);
    const ints = tensor(source, [2, 3, 4]);
    const floats = tensor(Float64Array.from({ length: 24 }, (_, i) => i / 3 - 2), [2, 3, 4]);
    const bools = tensor(Array.from({ length: 24 }, (_, i) => i % 3 === 0), [2, 3, 4]);
    // a strided view (not contiguous) as input
    const view = rearrange(tensor(Float32Array.from({ length: 24 }, (_, i) => i), [4, 3, 2]), 'c b a -> a b c');
    return { source, ints, floats, bools, view };
  };

  const operations: [string, (t: NDArray) => unknown][] = [
    ['rearrange transpose', (t) => rearrange(t, 'a b c -> c b a')],
    ['rearrange identity', (t) => rearrange(t, '... -> ...')],
    ['rearrange merge', (t) => rearrange(t, 'a b c -> (a b c)')],
    ['rearrange split', (t) => rearrange(t, 'a b (c d) -> d a b c', { d: 2 })],
    ['rearrange unit axes', (t) => rearrange(t, 'a b c -> 1 a () b c 1')],
    ...(['min', 'max', 'sum', 'prod', 'any', 'all'] as const).map(
      (op): [string, (t: NDArray) => unknown] => [`reduce ${op}`, (t) => reduce(t, 'a b c -> c a', op)],
    ),
    ['reduce none', (t) => reduce(t, 'a b c -> c b a', 'sum')],
    ['reduce all axes', (t) => reduce(t, '... -> ', 'max')],
    ['reduce with a function', (t) => reduce(t, 'a b c -> a', sumOver)],
    ['repeat', (t) => repeat(t, 'a b c -> a r b c', { r: 3 })],
    ['repeat tile', (t) => repeat(t, 'a b c -> (r a) b (c s)', { r: 2, s: 2 })],
    ['parseShape', (t) => parseShape(t, 'a _ c')],
    ['asNDArray', (t) => asNDArray(t)],
    ['rearrange of a list', (t) => rearrange([t, t], 'n a b c -> a (b n) c')],
    ['reduce of a list', (t) => reduce([t, t, t], 'n a b c -> a c', 'max')],
    ['repeat of a list', (t) => repeat([t], 'n a b c -> n a b c r', { r: 2 })],
    ['list of the rows', (t) => rearrange([...t], 'n b c -> c n b')],
  ];

  for (const [name, operation] of operations) {
    it(name, () => {
      const inputs = makeInputs();
      const sourceCopy = Array.from(inputs.source);
      const tensors = [inputs.ints, inputs.floats, inputs.bools, inputs.view];
      const before = tensors.map(snapshot);
      for (const t of tensors) {
        useResult(operation(t));
        useResult(operation(t)); // a second call takes the cached plan
      }
      expect(tensors.map(snapshot)).toEqual(before);
      expect(Array.from(inputs.source)).toEqual(sourceCopy);
    });
  }

  it('reduce mean leaves float inputs alone', () => {
    const { floats, view } = makeInputs();
    const before = [snapshot(floats), snapshot(view)];
    useResult(reduce(floats, 'a b c -> b', 'mean'));
    useResult(reduce(view, 'a b c -> c a', 'mean'));
    expect([snapshot(floats), snapshot(view)]).toEqual(before);
  });

  it('reduce and repeat return new buffers', () => {
    const { ints, floats } = makeInputs();
    for (const op of ['min', 'max', 'sum', 'prod'] as const) {
      expect(reduce(ints, 'a b c -> a c', op).data.buffer).not.toBe(ints.data.buffer);
    }
    expect(reduce(floats, 'a b c -> a c', 'mean').data.buffer).not.toBe(floats.data.buffer);
    expect(repeat(ints, 'a b c -> a b c r', { r: 2 }).data.buffer).not.toBe(ints.data.buffer);
  });

  it('the axes object and the list are not changed', () => {
    const { ints, floats } = makeInputs();
    const axes = Object.freeze({ d: 2 });
    expect(rearrange(ints, 'a b (c d) -> a b c d', axes).shape).toEqual([2, 3, 2, 2]);
    expect(axes).toEqual({ d: 2 });
    const list = Object.freeze([floats, floats]);
    expect(rearrange(list, 'n a b c -> n c b a').shape).toEqual([2, 4, 3, 2]);
    expect(list.length).toBe(2);
    expect(list[0]).toBe(floats);
  });

  it('a reduction function sees the values and cannot reach the input through einops', () => {
    const { floats } = makeInputs();
    const before = snapshot(floats);
    let seen: Snapshot | undefined;
    const result = reduce(floats, 'a b c -> c', (y: NDArray, axes: readonly number[]) => {
      seen = snapshot(y);
      return sumOver(y, axes);
    });
    expect(result.shape).toEqual([4]);
    expect(seen).toBeDefined();
    expect(seen!.data.reduce((a, b) => a + b, 0)).toBeCloseTo(before.data.reduce((a, b) => a + b, 0), 9);
    expect(snapshot(floats)).toEqual(before);
  });
});
