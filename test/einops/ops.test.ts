/**
 * Port of einops/tests/test_ops.py: rearrange, reduce and repeat on the embedded NDArray,
 * checked against a small numpy-like reference written on flat JS arrays below.
 */
import { describe, expect, it } from 'vitest';
import { EinopsError, NDArray, rearrange, reduce, repeat, tensor } from '../../src/index';
import { makeRng } from '../helpers';
import { identityPatterns } from '../cases';

// ── reference: numpy-like operations on flat row-major arrays ─────────────────────────────

interface Ref {
  readonly shape: readonly number[];
  readonly data: readonly number[];
}

type RefReduction = 'min' | 'max' | 'sum' | 'mean' | 'prod' | 'any' | 'all';

const product = (values: readonly number[]): number => values.reduce((acc, v) => acc * v, 1);

function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= shape[i]!;
  }
  return strides;
}

/** Calls `visit(flatIndex, multiIndex)` for every index of `shape` in row-major order. */
function forEachIndex(shape: readonly number[], visit: (flat: number, index: readonly number[]) => void): void {
  const size = product(shape);
  const index = new Array<number>(shape.length).fill(0);
  for (let flat = 0; flat < size; flat++) {
    visit(flat, index);
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      if (++index[axis]! < shape[axis]!) break;
      index[axis] = 0;
    }
  }
}

const arange = (shape: readonly number[], start = 0): Ref => ({
  shape,
  data: Array.from({ length: product(shape) }, (_, i) => start + i),
});

function refTranspose(x: Ref, permutation: readonly number[]): Ref {
  const shape = permutation.map((axis) => x.shape[axis]!);
  const inStrides = stridesOf(x.shape);
  const data = new Array<number>(product(shape));
  forEachIndex(shape, (flat, index) => {
    let offset = 0;
    for (let k = 0; k < index.length; k++) offset += index[k]! * inStrides[permutation[k]!]!;
    data[flat] = x.data[offset]!;
  });
  return { shape, data };
}

function refReshape(x: Ref, shape: readonly number[]): Ref {
  const known = product(shape.filter((d) => d !== -1));
  const full = shape.map((d) => (d === -1 ? x.data.length / known : d));
  expect(product(full)).toBe(x.data.length);
  return { shape: full, data: x.data };
}

function refReduce(x: Ref, op: RefReduction, axes: readonly number[], keepDims = false): Ref {
  const reduced = x.shape.map((_, axis) => axes.includes(axis));
  const outShape = x.shape.flatMap((d, axis) => (reduced[axis] ? (keepDims ? [1] : []) : [d]));
  const outStrides = stridesOf(x.shape.filter((_, axis) => !reduced[axis]));
  const initial = { min: Infinity, max: -Infinity, sum: 0, mean: 0, prod: 1, any: 0, all: 1 }[op];
  const acc = new Array<number>(product(outShape)).fill(initial);
  forEachIndex(x.shape, (flat, index) => {
    let out = 0;
    let k = 0;
    index.forEach((i, axis) => {
      if (!reduced[axis]) out += i * outStrides[k++]!;
    });
    const v = x.data[flat]!;
    const a = acc[out]!;
    acc[out] =
      op === 'min' ? Math.min(a, v)
      : op === 'max' ? Math.max(a, v)
      : op === 'prod' ? a * v
      : op === 'any' ? (a !== 0 || v !== 0 ? 1 : 0)
      : op === 'all' ? (a !== 0 && v !== 0 ? 1 : 0)
      : a + v;
  });
  const count = product(axes.map((axis) => x.shape[axis]!));
  return { shape: outShape, data: op === 'mean' ? acc.map((v) => v / count) : acc };
}

const refOf = (t: NDArray): Ref => ({ shape: [...t.shape], data: Array.from(t.data as ArrayLike<number>, Number) });

function fromRef(x: Ref, dtype: 'int32' | 'float64' | 'float32' = 'int32'): NDArray {
  const Ctor = { int32: Int32Array, float64: Float64Array, float32: Float32Array }[dtype];
  return tensor(Ctor.from(x.data), x.shape);
}

function expectSame(actual: NDArray, expected: Ref): void {
  expect([...actual.shape]).toEqual([...expected.shape]);
  expect(Array.from(actual.data as ArrayLike<number>, Number)).toEqual([...expected.data]);
}

function expectClose(actual: NDArray, expected: Ref, rtol = 1e-6, atol = 1e-9): void {
  expect([...actual.shape]).toEqual([...expected.shape]);
  const data = actual.data;
  expect(data.length).toBe(expected.data.length);
  for (let i = 0; i < data.length; i++) {
    const a = Number(data[i]);
    const e = expected.data[i]!;
    if (a === e) continue;
    if (Math.abs(a - e) > atol + rtol * Math.abs(e)) {
      expect.fail(`element ${i}: ${a} is not close to ${e}`);
    }
  }
}

const at = (t: NDArray, index: readonly number[]): number => {
  const strides = stridesOf(t.shape);
  return Number(t.data[index.reduce((acc, i, k) => acc + i * strides[k]!, 0)]);
};


// ── patterns shared by several tests (test_ops.py's module-level lists) ───────────────────


/** Pairs of equivalent rearrange patterns on a [2, 3, 4, 5, 6] input, with the reference result. */
const equivalentRearrangePatterns: [string, string, (x: Ref) => Ref][] = [
  ['a b c d e -> (a b) c d e', 'a b ... -> (a b) ... ', (x) => refReshape(x, [6, 4, 5, 6])],
  ['a b c d e -> a b (c d) e', '... c d e -> ... (c d) e', (x) => refReshape(x, [2, 3, 20, 6])],
  ['a b c d e -> a b c d e', '... -> ... ', (x) => x],
  ['a b c d e -> (a b c d e)', '... ->  (...)', (x) => refReshape(x, [720])],
  ['a b c d e -> b (c d e) a', 'a b ... -> b (...) a', (x) => refReshape(refTranspose(x, [1, 2, 3, 4, 0]), [3, 120, 2])],
  ['a b c d e -> b (a c d) e', 'a b ... e -> b (a ...) e', (x) => refReshape(refTranspose(x, [1, 0, 2, 3, 4]), [3, 40, 6])],
];

/** Pairs of equivalent reduce patterns on a [2, 3, 4, 5, 6] input, with the reference result. */
const equivalentReductionPatterns: [string, string, (x: Ref, op: RefReduction) => Ref][] = [
  ['a b c d e -> ', ' ... ->  ', (x, op) => refReduce(x, op, [0, 1, 2, 3, 4])],
  ['a b c d e -> (e a)', 'a ... e -> (e a)', (x, op) => refReshape(refTranspose(refReduce(x, op, [1, 2, 3]), [1, 0]), [12])],
  [
    'a b c d e -> d (a e)',
    ' a b c d e ... -> d (a e) ',
    (x, op) => refReshape(refTranspose(refReduce(x, op, [1, 2]), [1, 0, 2]), [5, 12]),
  ],
  ['a b c d e -> (a b)', ' ... c d e  -> (...) ', (x, op) => refReshape(refReduce(x, op, [2, 3, 4]), [6])],
];

const base = arange([2, 3, 4, 5, 6]);

// ── tests ─────────────────────────────────────────────────────────────────────────────────

describe('ellipsis', () => {
  // test_collapsed_ellipsis_errors_out
  it('allows a collapsed ellipsis on the right only', () => {
    const x = tensor(new Float64Array(1), [1, 1, 1, 1, 1]);
    expect(rearrange(x, 'a b c d ... ->  a b c ... d').shape).toEqual([1, 1, 1, 1, 1]);
    // @ts-expect-error the type-level checker rejects this pattern too
    expect(() => rearrange(x, 'a b c d (...) ->  a b c ... d')).toThrow(EinopsError);
    expect(rearrange(x, '... ->  (...)').shape).toEqual([1]);
    // @ts-expect-error the type-level checker rejects this pattern too
    expect(() => rearrange(x, '(...) -> (...)')).toThrow(EinopsError);
  });

  // test_ellipsis_ops_numpy: identity patterns
  it.each(identityPatterns)('identity pattern %j returns the input', (pattern) => {
    const x = fromRef(base);
    const result = rearrange(x, pattern);
    expect(result.dtype).toBe('int32');
    expectSame(result, base);
  });

  // test_ellipsis_ops_numpy + test_ellipsis_ops_imperative: equivalent rearrange patterns
  it.each(equivalentRearrangePatterns)('rearrange %j equals %j', (pattern1, pattern2, reference) => {
    const x = fromRef(base);
    const expected = reference(base);
    expectSame(rearrange(x, pattern1), expected);
    expectSame(rearrange(x, pattern2), expected);
  });

  // test_ellipsis_ops_numpy + test_ellipsis_ops_imperative: equivalent reduction patterns
  for (const op of ['min', 'max', 'sum'] as const) {
    it.each(equivalentReductionPatterns)(`reduce ${op}: %j equals %j`, (pattern1, pattern2, reference) => {
      const x = fromRef(base);
      const expected = reference(base, op);
      expectSame(reduce(x, pattern1, op), expected);
      expectSame(reduce(x, pattern2, op), expected);
    });
  }
});

describe('rearrange', () => {
  // test_rearrange_consistency_numpy
  it('permutes elements without losing any and keeps the dtype', () => {
    const shape = [1, 2, 3, 5, 7, 11];
    const ref = arange(shape);
    const x = fromRef(ref);
    for (const pattern of [
      'a b c d e f -> a b c d e f',
      'b a c d e f -> a b d e f c',
      'a b c d e f -> f e d c b a',
      'a b c d e f -> (f e) d (c b a)',
      'a b c d e f -> (f e d c b a)',
    ]) {
      const result = rearrange(x, pattern);
      expect(result.dtype).toBe('int32');
      expect(Array.from(result.data).sort((p, q) => p - q)).toEqual(ref.data);
    }

    expect(Array.from(rearrange(x, 'a b c d e f -> a (b) (c d e) f').data)).toEqual(ref.data);
    expectSame(rearrange(x, 'a aa aa1 a1a1 aaaa a11 -> a aa aa1 a1a1 aaaa a11'), ref);

    const reversed1 = rearrange(x, 'a b c d e f -> f e d c b a');
    const reversed2 = rearrange(x, 'f e d c b a -> a b c d e f');
    expectSame(reversed1, refOf(reversed2));
    expectSame(reversed1, refTranspose(ref, [5, 4, 3, 2, 1, 0]));

    const there = rearrange(x, 'a b c d e f -> (f d) c (e b) a');
    expect(there.shape).toEqual([11 * 5, 3, 7 * 2, 1]);
    expectSame(rearrange(there, '(f d) c (e b) a -> a b c d e f', { b: 2, d: 5 }), ref);

    const sizes = { a: 1, b: 2, c: 3, d: 5, e: 7, f: 11 };
    const temp = rearrange(x, 'a b c d e f -> (f d) c (e b) a', sizes);
    expectSame(rearrange(temp, '(f d) c (e b) a -> a b c d e f', sizes), ref);

    const x2 = fromRef(arange([2, 3, 4]));
    const result = rearrange(x2, 'a b c -> b c a');
    expect(result.shape).toEqual([3, 4, 2]);
    expect(at(result, [2, 3, 1])).toBe(at(x2, [1, 2, 3]));
    expect(at(result, [1, 2, 0])).toBe(at(x2, [0, 1, 2]));
  });

  // test_rearrange_permutations_numpy (first half): random permutations of rank 1..9
  it('moves each element to its permuted index', () => {
    const rng = makeRng(1);
    for (let n = 1; n < 10; n++) {
      const x = fromRef(arange(Array.from({ length: n }, () => 2)));
      const permutation = rng.permutation(n);
      const left = Array.from({ length: n }, (_, axis) => `i${axis}`).join(' ');
      const right = permutation.map((axis) => `i${axis}`).join(' ');
      const result = rearrange(x, `${left} -> ${right}`);
      for (let attempt = 0; attempt < 10; attempt++) {
        const pick = Array.from({ length: n }, () => rng.integer(0, 2));
        expect(at(result, permutation.map((axis) => pick[axis]!))).toBe(at(x, pick));
      }
    }
  });

  // test_rearrange_permutations_numpy (second half): the permutation permutes the index bits
  it('permutes the bits of a [2, ..., 2] arange', () => {
    const rng = makeRng(2);
    for (let n = 1; n < 10; n++) {
      const x = fromRef(arange(Array.from({ length: n }, () => 2)));
      const permutation = rng.permutation(n);
      const left = Array.from({ length: n }, (_, axis) => `i${n - 1 - axis}`).join(' ');
      const right = [...permutation].reverse().map((axis) => `i${axis}`).join(' ');
      const result = rearrange(x, `${left} -> ${right}`);
      expect(result.shape).toEqual(x.shape);
      const expected = Array.from({ length: 2 ** n }, (_, value) =>
        permutation.reduce((acc, resultAxis, originalAxis) => acc | (((value >> originalAxis) & 1) << resultAxis), 0),
      );
      expect(Array.from(result.data)).toEqual(expected);
    }
  });

  it('keeps float64 values and dtype', () => {
    const ref = { shape: [3, 4], data: Array.from({ length: 12 }, (_, i) => i / 7 + 0.1) };
    const result = rearrange(fromRef(ref, 'float64'), 'h w -> w h');
    expect(result.dtype).toBe('float64');
    expectSame(result, refTranspose(ref, [1, 0]));
  });
});

describe('reduce', () => {
  // test_reduction_imperatives (FLOAT_REDUCTIONS: min, max, sum, mean, prod)
  for (const op of ['min', 'max', 'sum', 'mean', 'prod'] as const) {
    it(`${op} matches the reference`, () => {
      let ref = arange([2, 3, 4, 5, 6]);
      let x: NDArray;
      if (op === 'mean' || op === 'prod') {
        const mean = ref.data.reduce((a, b) => a + b, 0) / ref.data.length;
        ref = { shape: ref.shape, data: ref.data.map((v) => v / mean) };
        x = fromRef(ref, 'float64');
      } else {
        x = fromRef(ref);
      }
      const all = refReduce(ref, op, [0, 1, 2, 3, 4]);
      const eca = refReshape(refTranspose(refReduce(ref, op, [1, 3]), [2, 1, 0]), [-1, 2]);
      const cases: [string, Record<string, number>, Ref][] = [
        ['a b c d e -> ', {}, all],
        ['a ... -> ', {}, all],
        ['(a1 a2) ... (e1 e2) -> ', { a1: 1, e2: 2 }, all],
        ['a b c d e -> (e c) a', {}, eca],
        ['a ... c d e -> (e c) a', {}, eca],
        ['a b c d e ... -> (e c) a', {}, eca],
        ['a b c d e -> (e c a)', {}, refReshape(refTranspose(refReduce(ref, op, [1, 3]), [2, 1, 0]), [-1])],
        ['(a a2) ... -> (a2 a) ...', { a2: 1 }, ref],
      ];
      for (const [pattern, axes, expected] of cases) {
        const result = reduce(x, pattern, op, axes);
        expectClose(result, expected, 1e-9);
      }
    });
  }

  // test_reduction_stress_imperatives: random permutations of rank 0..10, reducing a prefix
  for (const op of ['min', 'max', 'sum', 'mean', 'prod', 'rearrange'] as const) {
    it(`stress: ${op} over random ranks and permutations`, () => {
      const rng = makeRng(100 + op.length);
      for (let n = 0; n < 11; n++) {
        const shape = Array.from({ length: n }, () => rng.integer(2, 4));
        const permutation = rng.permutation(n);
        const skipped = op === 'rearrange' ? 0 : rng.integer(0, n + 1);
        const left = Array.from({ length: n }, (_, i) => `x${i}`).join(' ');
        const right = permutation.slice(skipped).map((i) => `x${i}`).join(' ');
        const pattern = `${left}->${right}`;
        let ref = arange(shape, 1);
        const isFloat = op === 'mean' || op === 'prod';
        if (op === 'prod') {
          const mean = ref.data.reduce((a, b) => a + b, 0) / ref.data.length;
          ref = { shape, data: ref.data.map((v) => v / mean) };
        }
        const x = fromRef(ref, isFloat ? 'float64' : 'int32');
        const result = op === 'rearrange' ? rearrange(x, pattern) : reduce(x, pattern, op);
        let expected = refTranspose(ref, permutation);
        if (skipped > 0 && op !== 'rearrange') {
          expected = refReduce(expected, op, Array.from({ length: skipped }, (_, i) => i));
        }
        if (isFloat) expectClose(result, expected, 1e-9, 1e-300);
        else expectSame(result, expected);
        if (op === 'rearrange' || op === 'min' || op === 'max') expect(result.dtype).toBe(x.dtype);
      }
    });
  }

  // test_reduction_with_callable_imperatives: logsumexp as a user function
  it('accepts a function as the reduction (logsumexp)', () => {
    const max = 2 * 3 * 4 * 5 * 6 - 1;
    const ref: Ref = { shape: base.shape, data: base.data.map((v) => Math.fround(v / max)) };
    const x = fromRef(ref, 'float32');
    const seen: (readonly number[])[] = [];
    const logsumexp = (t: NDArray, axes: readonly number[]): NDArray => {
      expect(t).toBeInstanceOf(NDArray);
      seen.push([...axes]);
      const input = refOf(t);
      const maxima = refReduce(input, 'max', axes, true);
      const maxStrides = stridesOf(maxima.shape);
      const shifted: number[] = [];
      forEachIndex(input.shape, (flat, index) => {
        const m = maxima.data[index.reduce((acc, i, k) => acc + (maxima.shape[k] === 1 ? 0 : i * maxStrides[k]!), 0)]!;
        shifted.push(Math.exp(input.data[flat]! - m));
      });
      const sums = refReduce({ shape: input.shape, data: shifted }, 'sum', axes);
      const out = sums.data.map((s, i) => Math.log(s) + maxima.data[i]!);
      return tensor(Float32Array.from(out), sums.shape);
    };
    const naive = (r: Ref, axes: number[]): Ref => {
      const sums = refReduce({ shape: r.shape, data: r.data.map(Math.exp) }, 'sum', axes);
      return { shape: sums.shape, data: sums.data.map(Math.log) };
    };
    const expectations: [string, string, Ref][] = [
      ['a b c d e -> ', ' ... ->  ', naive(ref, [0, 1, 2, 3, 4])],
      ['a b c d e -> (e a)', 'a ... e -> (e a)', refReshape(refTranspose(naive(ref, [1, 2, 3]), [1, 0]), [12])],
      [
        'a b c d e -> d (a e)',
        ' a b c d e ... -> d (a e) ',
        refReshape(refTranspose(naive(ref, [1, 2]), [1, 0, 2]), [5, 12]),
      ],
      ['a b c d e -> (a b)', ' ... c d e  -> (...) ', refReshape(naive(ref, [2, 3, 4]), [6])],
    ];
    for (const [pattern1, pattern2, expected] of expectations) {
      const result1 = reduce(x, pattern1, logsumexp);
      const result2 = reduce(x, pattern2, logsumexp);
      expectClose(result1, expected, 1e-5);
      expectClose(result2, refOf(result1), 1e-6);
    }
    expect(seen.length).toBe(8);
    for (const axes of seen) expect(axes.length).toBeGreaterThan(0);
  });

  // test_reduction_imperatives_booleans
  it('any and all reduce bool tensors', () => {
    const bitCount = (v: number): number => v.toString(2).split('').filter((c) => c === '1').length;
    const ref: Ref = { shape: [2, 2, 2, 2, 2, 2], data: Array.from({ length: 64 }, (_, v) => (bitCount(v) % 2 === 0 ? 1 : 0)) };
    const x = tensor(Array.from(ref.data, (v) => v === 1), ref.shape);
    expect(x.dtype).toBe('bool');
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let axis = 0; axis < 6; axis++) {
      const expectedAny = refReduce(ref, 'any', [axis], true);
      const expectedAll = refReduce(ref, 'all', [axis], true);
      expect(expectedAny.data).not.toEqual(expectedAll.data);
      const right = names.map((name, i) => (i === axis ? '1' : name));
      const pattern = `${names.join(' ')} -> ${right.join(' ')}`;
      const resultAny = reduce(x, pattern, 'any');
      const resultAll = reduce(x, pattern, 'all');
      expect(resultAny.dtype).toBe('bool');
      expect(resultAll.dtype).toBe('bool');
      expectSame(resultAny, expectedAny);
      expectSame(resultAll, expectedAll);
    }
    const pattern = 'a b ... -> 1 1 ...';
    expectSame(reduce(x, pattern, 'any'), refReduce(ref, 'any', [0, 1], true));
    expectSame(reduce(x, pattern, 'all'), refReduce(ref, 'all', [0, 1], true));
    // toArray gives booleans for a bool tensor
    expect(reduce(x, 'a b c d e f -> ', 'any').toArray()).toBe(true);
    expect(reduce(x, 'a b c d e f -> ', 'all').toArray()).toBe(false);
  });

  it('min and max propagate NaN, as numpy does', () => {
    for (const data of [[NaN, 1], [1, NaN], [NaN, 1, 2], [1, NaN, 2], [1, 2, NaN]]) {
      for (const t of [tensor(Float64Array.from(data), [data.length]), tensor(Float32Array.from(data), [data.length])]) {
        expect(reduce(t, 'a -> ', 'min').toArray(), `min of ${t.dtype} [${data}]`).toBeNaN();
        expect(reduce(t, 'a -> ', 'max').toArray(), `max of ${t.dtype} [${data}]`).toBeNaN();
        expect(reduce(t, 'a ->', 'min').toArray(), `min of ${t.dtype} [${data}]`).toBeNaN();
      }
    }
  });

  it('any and all on numbers treat nonzero as true', () => {
    const x = tensor(Int32Array.from([0, 0, 3, 0, -1, 2]), [3, 2]);
    expect(reduce(x, 'a b -> a', 'any').toArray()).toEqual([false, true, true]);
    expect(reduce(x, 'a b -> a', 'all').toArray()).toEqual([false, false, true]);
  });
});

describe('list inputs', () => {
  // test_concatenations_and_stacking
  it.each([1, 2, 5])('stacks %i arrays on a new first axis', (count) => {
    for (const shape of [[], [1], [1, 1], [2, 3, 5, 7], [1, 1, 1, 1, 1, 1]]) {
      const refs = Array.from({ length: count }, (_, i) => arange(shape, i));
      const arrays = refs.map((r) => fromRef(r));
      const stacked: Ref = { shape: [count, ...shape], data: refs.flatMap((r) => r.data) };
      expectSame(rearrange(arrays, '...->...'), stacked);
      const moved = Array.from({ length: shape.length + 1 }, (_, i) => (i + 1) % (shape.length + 1));
      expectSame(rearrange(arrays, 'b ... -> ... b'), refTranspose(stacked, moved));
    }
  });

  // test_list_inputs
  it('treat a list like the stacked tensor in rearrange, reduce and repeat', () => {
    const x = fromRef(base);
    const list = [...x];
    expect(list.length).toBe(2);
    expectSame(rearrange(list, '... -> (...)'), refOf(rearrange(x, '... -> (...)')));
    expectSame(reduce(list, 'a ... e -> (...)', 'min'), refOf(reduce(x, 'a ... e -> (...)', 'min')));
    expectSame(repeat(list, '...  -> b (...)', { b: 3 }), refOf(repeat(x, '...  -> b (...)', { b: 3 })));
    expect(rearrange(list, '... -> (...)').dtype).toBe('int32');
  });
});

describe('repeat', () => {
  /** test_ops.py's check_reversion: reducing the repeated axes with min or max gives the input back. */
  function checkReversion(x: NDArray, pattern: string, sizes: Record<string, number>): NDArray {
    const [left, right] = pattern.split('->') as [string, string];
    const reversePattern = `${right}->${left}`;
    const repeated = repeat(x, pattern, sizes);
    expectSame(reduce(repeated, reversePattern, 'min', sizes), refOf(x));
    expectSame(reduce(repeated, reversePattern, 'max', sizes), refOf(x));
    return repeated;
  }

  // test_repeat_numpy (all assume an input of shape [2, 3, 5])
  const repeatCases: [string, Record<string, number>, number[]][] = [
    ['a b c -> c a b', {}, [5, 2, 3]],
    ['a b c -> (c copy a b)', { copy: 2, a: 2, b: 3, c: 5 }, [60]],
    ['a b c -> (a copy) b c ', { copy: 1 }, [2, 3, 5]],
    ['a b c -> (c a) (copy1 b copy2)', { a: 2, copy1: 1, copy2: 2 }, [10, 6]],
    ['a ...  -> a ... copy', { copy: 4 }, [2, 3, 5, 4]],
    ['... c -> ... (copy1 c copy2)', { copy1: 1, copy2: 2 }, [2, 3, 10]],
    ['...  -> ... ', {}, [2, 3, 5]],
    [' ...  -> copy1 ... copy2 ', { copy1: 2, copy2: 3 }, [2, 2, 3, 5, 3]],
    ['a b c  -> copy1 a copy2 b c () ', { copy1: 2, copy2: 1 }, [2, 2, 1, 3, 5, 1]],
  ];

  it('adds a unit axis', () => {
    const x = fromRef(arange([2, 3, 5]));
    expectSame(repeat(x, 'a b c -> copy a b c ', { copy: 1 }), arange([1, 2, 3, 5]));
  });

  it.each(repeatCases)('%j is undone by reducing with min and max', (pattern, sizes, shape) => {
    const x = fromRef(arange([2, 3, 5]));
    const repeated = checkReversion(x, pattern, sizes);
    expect(repeated.shape).toEqual(shape);
    expect(repeated.dtype).toBe('int32');
  });

  it('tiles and repeats elements in the order of the composition', () => {
    const x = tensor(Int32Array.from([1, 2, 3]), [3]);
    expect(repeat(x, 'w -> (copy w)', { copy: 2 }).toArray()).toEqual([1, 2, 3, 1, 2, 3]);
    expect(repeat(x, 'w -> (w copy)', { copy: 2 }).toArray()).toEqual([1, 1, 2, 2, 3, 3]);
    expect(repeat(x, 'w -> h w', { h: 2 }).toArray()).toEqual([[1, 2, 3], [1, 2, 3]]);
    expect(repeat(x, 'w -> w h', { h: 2 }).toArray()).toEqual([[1, 1], [2, 2], [3, 3]]);
    // test_tiling_imperatives: np.tile of a [2, 1, 3, 1, 5] input by (3, 1, 1, 4, 1)
    const ref = arange([2, 1, 3, 1, 5]);
    const tiled = repeat(fromRef(ref), 'a b c d e -> (r a) b c (s d) e', { r: 3, s: 4 });
    expect(tiled.shape).toEqual([6, 1, 3, 4, 5]);
    forEachIndex(tiled.shape, (_, index) => {
      expect(at(tiled, index)).toBe(at(fromRef(ref), [index[0]! % 2, 0, index[2]!, 0, index[4]!]));
    });
  });

  // test_anonymous_axes (all assume an input of shape [1, 2, 4, 6])
  const anonymousCases: [string, Record<string, number>, number[]][] = [
    ['a b c d -> c a d b', {}, [4, 1, 6, 2]],
    ['a b c d -> (c 2 d a b)', { a: 1, c: 4, d: 6 }, [96]],
    ['1 b c d -> (d copy 1) 3 b c ', { copy: 3 }, [18, 3, 2, 4]],
    ['1 ...  -> 3 ... ', {}, [3, 2, 4, 6]],
    ['() ... d -> 1 (copy1 d copy2) ... ', { copy1: 2, copy2: 3 }, [1, 36, 2, 4]],
    ['1 b c d -> (1 1) (1 b) 2 c 3 d (1 1)', {}, [1, 2, 2, 4, 3, 6, 1]],
  ];

  it.each(anonymousCases)('anonymous axes: %j is undone by reducing', (pattern, sizes, shape) => {
    const x = fromRef(arange([1, 2, 4, 6]));
    expect(checkReversion(x, pattern, sizes).shape).toEqual(shape);
  });

  it('gives two anonymous axes of one length two distinct axes', () => {
    const x = tensor(Int32Array.from([7, 8]), [2]);
    const result = repeat(x, 'a -> a 2 2');
    expect(result.shape).toEqual([2, 2, 2]);
    expect(Array.from(result.data)).toEqual([7, 7, 7, 7, 8, 8, 8, 8]);
  });

  it('keeps bool and float dtypes', () => {
    expect(repeat(tensor([true, false], [2]), 'a -> a b', { b: 2 }).toArray()).toEqual([[true, true], [false, false]]);
    expect(repeat(tensor(Float64Array.from([0.5]), [1]), 'a -> (a b)', { b: 3 }).dtype).toBe('float64');
  });
});
