/**
 * One table of einops calls for checking a backend against the embedded NDArray: every op
 * (rearrange, reduce with each reduction, repeat, einsum, pack, unpack), list inputs, unit
 * and anonymous axes, ellipses, each tensor library's dtypes, empty reductions, and calls
 * that must fail. Patterns come from einops' test_ops, test_layers, test_einsum and
 * test_packing. A backend's test turns `caseInputs(c)` into its own tensors, calls
 * `runCase(c, inputs)` on both, and compares through asNDArray.
 */
import type { AxesLengths, ReductionName } from '../src/index';
import { describe, expect, it } from 'vitest';
import { einsum, EinopsError, NDArray, pack, rearrange, reduce, repeat, tensor, unpack } from '../src/index';
import { prng } from './ndarray/reference';

/** The dtypes every tensor library has. */
export type CaseDType = 'float32' | 'int32' | 'bool';

interface CaseBase {
  readonly pattern: string;
  /** The input shapes: one per tensor (einsum, pack, a list input), else one. */
  readonly shapes: number[][];
  readonly dtype?: CaseDType;
}

export type Case =
  | (CaseBase & { readonly op: 'rearrange' | 'repeat'; readonly axes?: AxesLengths; readonly list?: boolean })
  | (CaseBase & { readonly op: 'reduce'; readonly reduction: ReductionName; readonly axes?: AxesLengths; readonly list?: boolean })
  | (CaseBase & { readonly op: 'einsum' | 'pack' })
  | (CaseBase & { readonly op: 'unpack'; readonly packedShapes: number[][] });

const BASE = [2, 3, 4, 5, 6];

// test_ops: identity patterns and pairs of equivalent patterns on a [2, 3, 4, 5, 6] input.
export const identityPatterns = [
  '...->...',
  'a b c d e-> a b c d e',
  'a b c d e ...-> ... a b c d e',
  'a b c d e ...-> a ... b c d e',
  '... a b c d e -> ... a b c d e',
  'a ... e-> a ... e',
  'a ... -> a ... ',
  'a ... c d e -> a (...) c d e',
];
const equivalentRearrangePatterns = [
  ['a b c d e -> (a b) c d e', 'a b ... -> (a b) ... '],
  ['a b c d e -> a b (c d) e', '... c d e -> ... (c d) e'],
  ['a b c d e -> a b c d e', '... -> ... '],
  ['a b c d e -> (a b c d e)', '... ->  (...)'],
  ['a b c d e -> b (c d e) a', 'a b ... -> b (...) a'],
  ['a b c d e -> b (a c d) e', 'a b ... e -> b (a ...) e'],
];
const equivalentReductionPatterns = [
  ['a b c d e -> ', ' ... ->  '],
  ['a b c d e -> (e a)', 'a ... e -> (e a)'],
  ['a b c d e -> d (a e)', ' a b c d e ... -> d (a e) '],
  ['a b c d e -> (a b)', ' ... c d e  -> (...) '],
];

// test_layers: the layer patterns, here as functions.
const layerPatterns: [string, AxesLengths, number[]][] = [
  ['b c h w -> b (c h w)', { c: 3 }, [2, 3, 4, 5]],
  ['b c (h1 h2) (w1 w2) -> b (c h2 w2) h1 w1', { h2: 2, w2: 2 }, [2, 3, 4, 6]],
  ['b ... c -> c b ...', { b: 2 }, [2, 3, 4]],
];
const layerReductionPatterns: [string, AxesLengths, number[]][] = [
  ...layerPatterns,
  ['b c h w -> b ()', { b: 2 }, [2, 3, 4, 5]],
  ['b c (h1 h2) (w1 w2) -> b c h1 w1', { h1: 2, h2: 2, w2: 2 }, [2, 3, 4, 6]],
  ['b ... c -> b', { b: 2 }, [2, 3, 4, 5]],
];

const FLOAT_REDUCTIONS: readonly ReductionName[] = ['min', 'max', 'sum', 'mean', 'prod'];

const rearrangeCases: Case[] = [
  ...identityPatterns.map((pattern): Case => ({ op: 'rearrange', pattern, shapes: [BASE] })),
  ...equivalentRearrangePatterns.flat().map((pattern): Case => ({ op: 'rearrange', pattern, shapes: [BASE] })),
  ...layerPatterns.map(([pattern, axes, shape]): Case => ({ op: 'rearrange', pattern, axes, shapes: [shape] })),
  { op: 'rearrange', pattern: 'a b c d e f -> (f d) c (e b) a', shapes: [[1, 2, 3, 5, 7, 11]] },
  { op: 'rearrange', pattern: 'b (h h1) (w w1) c -> b h w (c h1 w1)', axes: { h1: 2, w1: 2 }, shapes: [[2, 4, 6, 3]] },
  { op: 'rearrange', pattern: 'a b c -> a 1 b () c', shapes: [[2, 3, 4]] },
  { op: 'rearrange', pattern: 'a 1 b () -> b a', shapes: [[2, 1, 3, 1]] },
  { op: 'rearrange', pattern: 'n a b -> a (n b)', shapes: [[2, 3], [2, 3], [2, 3]], list: true },
  { op: 'rearrange', pattern: 'a b -> b a', shapes: [[3, 4]], dtype: 'int32' },
  { op: 'rearrange', pattern: 'a b -> b a', shapes: [[3, 4]], dtype: 'bool' },
  { op: 'rearrange', pattern: 'a b c -> (c a) b', shapes: [[0, 2, 3]] },
];

const reduceCases: Case[] = FLOAT_REDUCTIONS.flatMap((reduction): Case[] => [
  ...equivalentReductionPatterns.flat().map((pattern): Case => ({ op: 'reduce', pattern, reduction, shapes: [BASE] })),
  ...layerReductionPatterns.map(([pattern, axes, shape]): Case => ({ op: 'reduce', pattern, reduction, axes, shapes: [shape] })),
  { op: 'reduce', pattern: 'b c (h 2) (w 2) -> b c h w', reduction, shapes: [[2, 3, 4, 6]] },
  { op: 'reduce', pattern: 'a b c -> c a', reduction, shapes: [[2, 3, 4]] },
  { op: 'reduce', pattern: 'n a b -> b', reduction, shapes: [[2, 3], [2, 3]], list: true },
]).concat(
  (['min', 'max', 'sum', 'prod'] as const).map((reduction): Case => ({ op: 'reduce', pattern: 'a b c -> a c', reduction, shapes: [[2, 3, 4]], dtype: 'int32' })),
  (['min', 'max', 'any', 'all', 'sum'] as const).map((reduction): Case => ({ op: 'reduce', pattern: 'a b c -> b', reduction, shapes: [[2, 3, 4]], dtype: 'bool' })),
  (['any', 'all'] as const).map((reduction): Case => ({ op: 'reduce', pattern: 'a b -> a', reduction, shapes: [[4, 3]] })),
  (['sum', 'prod', 'mean', 'any', 'all'] as const).map((reduction): Case => ({ op: 'reduce', pattern: 'a b c -> a c', reduction, shapes: [[2, 0, 3]] })),
);

const repeatCases: Case[] = [
  { op: 'repeat', pattern: 'h w -> h w c', axes: { c: 3 }, shapes: [[2, 3]] },
  { op: 'repeat', pattern: 'h w -> (repeat h) w', axes: { repeat: 2 }, shapes: [[2, 3]] },
  { op: 'repeat', pattern: 'h w -> h (w repeat)', axes: { repeat: 3 }, shapes: [[2, 3]] },
  { op: 'repeat', pattern: 'b h w -> b (h h2) (w w2)', axes: { h2: 2, w2: 2 }, shapes: [[2, 3, 4]] },
  { op: 'repeat', pattern: '... -> b ...', axes: { b: 2 }, shapes: [[3, 4]] },
  { op: 'repeat', pattern: 'a b -> a b 1 c', axes: { c: 2 }, shapes: [[2, 3]] },
  { op: 'repeat', pattern: 'a b -> a b c', axes: { c: 1 }, shapes: [[2, 3]] },
  { op: 'repeat', pattern: 'a b -> (2 a) (b 3)', shapes: [[2, 3]] },
  { op: 'repeat', pattern: 'a b -> c b a', axes: { c: 2 }, shapes: [[2, 3]], dtype: 'int32' },
  { op: 'repeat', pattern: 'a -> a c', axes: { c: 2 }, shapes: [[3]], dtype: 'bool' },
];

// test_einsum's functional cases, and the einsum uses of the einops tutorial.
const einsumCases: Case[] = [
  ['b c h w, b w -> b h', [[2, 3, 4, 5], [2, 5]]],
  ['b c h w, b w, b c -> b h', [[2, 3, 40, 5], [2, 5], [2, 3]]],
  ['... one two three, three four five -> ... two five', [[32, 5, 2, 3, 4], [4, 5, 6]]],
  ['one two three ..., three four five -> two five ...', [[2, 3, 4, 32, 5], [4, 5, 6]]],
  ['... one two three, ... three four five -> ... two five', [[32, 5, 2, 3, 4], [32, 5, 4, 5, 6]]],
  ['first_tensor second_tensor -> first_tensor', [[5, 4]]],
  ['i i -> ', [[5, 5]]],
  [' one  two  ,  three four->two  four  ', [[2, 3], [4, 5]]],
  ['i middle i -> middle', [[5, 10, 5]]],
  ['i ... i -> ...', [[5, 3, 2, 1, 4, 5]]],
  ['i ... i -> i ...', [[5, 3, 2, 1, 4, 5]]],
  ['one one one -> one', [[5, 5, 5]]],
  ['i j k -> j i k', [[1, 2, 3]]],
  ['... -> ...', [[5, 4, 3, 2, 1]]],
  ['..., ..., ... -> ...', [[3, 2], [3, 2], [3, 2]]],
  ['index ->', [[10]]],
  ['b i d, b j d -> b i j', [[2, 3, 4], [2, 5, 4]]],
  ['batch in, in out -> batch out', [[3, 4], [4, 2]]],
  ['i j, j k -> i k', [[2, 0], [0, 3]]],
].map(([pattern, shapes]): Case => ({ op: 'einsum', pattern: pattern as string, shapes: shapes as number[][] }));
einsumCases.push({ op: 'einsum', pattern: 'i j, j k -> i k', shapes: [[2, 3], [3, 4]], dtype: 'int32' });

// test_packing: pack as stack and concatenate, unpack with and without -1.
const packCases: Case[] = [
  { op: 'pack', pattern: 'h w *', shapes: [[3, 4], [3, 4], [3, 4, 5]] },
  { op: 'pack', pattern: '* w', shapes: [[2, 3], [4, 3]] },
  { op: 'pack', pattern: 'b * c', shapes: [[2, 5], [2, 3, 4, 5]] },
  { op: 'pack', pattern: 'a *', shapes: [[2, 3]] },
  { op: 'pack', pattern: '* a', shapes: [[2, 3], [3]], dtype: 'int32' },
  { op: 'unpack', pattern: 'b * c', shapes: [[2, 7, 3]], packedShapes: [[1], [2, 3]] },
  { op: 'unpack', pattern: 'b * c', shapes: [[2, 7, 3]], packedShapes: [[], [-1, 2], [4]] },
  { op: 'unpack', pattern: '*', shapes: [[6]], packedShapes: [[2, 3]], dtype: 'bool' },
];

export const CASES: readonly Case[] = [...rearrangeCases, ...reduceCases, ...repeatCases, ...einsumCases, ...packCases];

/** Calls that every backend must reject with an EinopsError. */
export const FAILING_CASES: readonly Case[] = [
  { op: 'rearrange', pattern: 'a b -> a b c', shapes: [[2, 3]] },
  { op: 'rearrange', pattern: 'a b c -> a b', shapes: [[2, 3, 4]] },
  { op: 'rearrange', pattern: '(a b) c -> a b c', shapes: [[6, 4]] },
  { op: 'rearrange', pattern: 'a b -> b a', shapes: [[2, 3, 4]] },
  { op: 'rearrange', pattern: '(a 2) -> a', shapes: [[5]] },
  { op: 'rearrange', pattern: 'a (b 2) -> (a 2) b', shapes: [[3, 4]] },
  { op: 'rearrange', pattern: 'a b -> b a', shapes: [[2, 3]], axes: { c: 2 } },
  { op: 'reduce', pattern: 'a b -> a', reduction: 'mean', shapes: [[2, 3]], dtype: 'int32' },
  { op: 'reduce', pattern: 'a b -> a', reduction: 'max', shapes: [[2, 0]] },
  { op: 'reduce', pattern: 'a b -> a c', reduction: 'sum', shapes: [[2, 3]] },
  { op: 'repeat', pattern: 'a -> a b', shapes: [[3]] },
  { op: 'einsum', pattern: 'i j, j k -> i k', shapes: [[2, 3], [4, 5]] },
  { op: 'einsum', pattern: 'i i -> i', shapes: [[2, 3]] },
  { op: 'pack', pattern: 'a *', shapes: [[2, 3], [3, 3]] },
  { op: 'unpack', pattern: 'b * c', shapes: [[2, 7, 3]], packedShapes: [[1], [2, 2]] },
];

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * The inputs of a case, seeded by its index. Floats are multiples of 1/4 in [-2, 2] (sums are
 * exact in float32 in any order), or powers of two for prod so products neither lose bits nor
 * overflow; integers lie in [-3, 3].
 */
export function caseInputs(c: Case, seed: number): NDArray[] {
  const rand = prng(seed);
  const dtype = c.dtype ?? 'float32';
  const powersOfTwo = c.op === 'reduce' && c.reduction === 'prod';
  return c.shapes.map((shape) => {
    const n = size(shape);
    if (dtype === 'bool') return tensor(Uint8Array.from({ length: n }, () => (rand() < 0.5 ? 1 : 0)), shape, 'bool');
    if (dtype === 'int32') return tensor(Int32Array.from({ length: n }, () => Math.floor(rand() * 7) - 3), shape);
    if (powersOfTwo) return tensor(Float32Array.from({ length: n }, () => [0.5, 1, 2, -1][Math.floor(rand() * 4)]!), shape);
    return tensor(Float32Array.from({ length: n }, () => (Math.floor(rand() * 17) - 8) / 4), shape);
  });
}

/** Runs a case on inputs of any backend; returns every tensor it gives (unpack gives several). */
export function runCase(c: Case, inputs: readonly unknown[]): unknown[] {
  switch (c.op) {
    case 'rearrange':
      return [rearrange(c.list === true ? inputs : inputs[0], c.pattern, c.axes)];
    case 'repeat':
      return [repeat(c.list === true ? inputs : inputs[0], c.pattern, c.axes)];
    case 'reduce':
      return [reduce(c.list === true ? inputs : inputs[0], c.pattern, c.reduction, c.axes)];
    case 'einsum':
      return [einsum(...inputs, c.pattern)];
    case 'pack':
      return [pack(inputs, c.pattern)[0]];
    case 'unpack':
      return unpack(inputs[0], c.packedShapes, c.pattern);
  }
}

/** `reduce max "a b -> a" [2, 3] int32`: names a case in a test title. */
export function describeCase(c: Case): string {
  const reduction = c.op === 'reduce' ? ` ${c.reduction}` : '';
  const shapes = c.shapes.map((shape) => `[${shape.join(', ')}]`).join(' ');
  return `${c.op}${reduction} "${c.pattern}" ${shapes}${c.dtype === undefined ? '' : ` ${c.dtype}`}`;
}

/** How a backend's test plugs into `describeSharedCases`. */
export interface BackendUnderTest<T> {
  /** The library's tensor with the same values (and dtype) as the NDArray. */
  readonly convert: (x: NDArray) => T;
  /** A copy of everything an op must not change in an input. */
  readonly snapshot: (x: T) => unknown;
  /** Asserts that one result is the library's tensor with the NDArray result's values. */
  readonly check: (result: unknown, expected: NDArray) => void;
}

/**
 * The shared cases on another backend: each valid case gives what the NDArray gives and leaves
 * its inputs untouched; each failing case throws an EinopsError naming the pattern.
 */
export function describeSharedCases<T>(name: string, backend: BackendUnderTest<T>): void {
  describe(`${name}: the shared cases`, () => {
    it.each(CASES.map((c, i): [string, Case, number] => [describeCase(c), c, i]))('%s matches the NDArray', (_, c, seed) => {
      const inputs = caseInputs(c, seed);
      const expected = runCase(c, inputs) as NDArray[];
      const tensors = inputs.map(backend.convert);
      const before = tensors.map(backend.snapshot);
      const results = runCase(c, tensors);
      expect(tensors.map(backend.snapshot)).toEqual(before);
      expect(results).toHaveLength(expected.length);
      results.forEach((result, k) => backend.check(result, expected[k]!));
    });

    it.each(FAILING_CASES.map((c, i): [string, Case, number] => [describeCase(c), c, i]))('%s throws an EinopsError', (_, c, seed) => {
      const tensors = caseInputs(c, seed).map(backend.convert);
      expect(() => runCase(c, tensors)).toThrow(EinopsError);
      expect(() => runCase(c, tensors)).toThrow(c.pattern);
    });
  });
}
