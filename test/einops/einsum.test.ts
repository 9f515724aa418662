/**
 * Port of einops/tests/test_einsum.py: the functional cases (the pattern einops compacts to,
 * the output shape, and values equal to numpy's einsum, here the explicit summation of
 * ../property/einsumReference.ts), and test_functional_errors' accept/reject decisions. The
 * EinMix layer cases belong to the layers, not here.
 */
import { describe, expect, it } from 'vitest';
import { EinopsError, einsum, NDArray, tensor } from '../../src/index';
import { compileEinsumRecipe, type EinsumRecipe } from '../../src/pattern/einsum';
import { ELLIPSIS } from '../../src/pattern/recipe';
import { naiveEinsum } from '../property/einsumReference';
import { prng } from '../helpers';


const rand = prng(0);
const uniform = (shape: number[]): NDArray =>
  tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rand()), shape);

/** The recipe written in numpy's letters, as einops' `_compactify_pattern_for_einsum` returns it. */
function compact(recipe: EinsumRecipe): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const side = (dims: readonly number[]): string => dims.map((id) => (id === ELLIPSIS ? '...' : letters[id])).join('');
  return `${recipe.inputs.map(side).join(',')}->${side(recipe.output)}`;
}

// test_functional_cases: [einops pattern, numpy pattern, input shapes, output shape]
const functionalCases: [string, string, number[][], number[]][] = [
  ['b c h w, b w -> b h', 'abcd,ad->ac', [[2, 3, 4, 5], [2, 5]], [2, 4]],
  ['b c h w, b w, b c -> b h', 'abcd,ad,ab->ac', [[2, 3, 40, 5], [2, 5], [2, 3]], [2, 40]],
  ['... one two three, three four five -> ... two five', '...abc,cde->...be', [[32, 5, 2, 3, 4], [4, 5, 6]], [32, 5, 3, 6]],
  ['one two three ..., three four five -> two five ...', 'abc...,cde->be...', [[2, 3, 4, 32, 5], [4, 5, 6]], [3, 6, 32, 5]],
  ['... one two three, ... three four five -> ... two five', '...abc,...cde->...be', [[32, 5, 2, 3, 4], [32, 5, 4, 5, 6]], [32, 5, 3, 6]],
  ['first_tensor second_tensor -> first_tensor', 'ab->a', [[5, 4]], [5]],
  ['i i -> ', 'aa->', [[5, 5]], []],
  [' one  two  ,  three four->two  four  ', 'ab,cd->bd', [[2, 3], [4, 5]], [3, 5]],
  ['i middle i -> middle', 'aba->b', [[5, 10, 5]], [10]],
  ['i ... i -> ...', 'a...a->...', [[5, 3, 2, 1, 4, 5]], [3, 2, 1, 4]],
  ['i ... i -> i ...', 'a...a->a...', [[5, 3, 2, 1, 4, 5]], [5, 3, 2, 1, 4]],
  ['one one one -> one', 'aaa->a', [[5, 5, 5]], [5]],
  ['i j k -> j i k', 'abc->bac', [[1, 2, 3]], [2, 1, 3]],
  ['... -> ...', '...->...', [[5, 4, 3, 2, 1]], [5, 4, 3, 2, 1]],
  ['..., ..., ... -> ...', '...,...,...->...', [[3, 2], [3, 2], [3, 2]], [3, 2]],
  ['index ->', 'a->', [[10]], []],
];

describe('einsum: test_functional', () => {
  it.each(functionalCases)('%j compacts to %j and matches the explicit sum', (pattern, numpyPattern, shapes, outShape) => {
    expect(compact(compileEinsumRecipe(pattern))).toBe(numpyPattern);
    const inputs = shapes.map(uniform);
    const before = inputs.map((x) => x.data.slice());
    const out = einsum(...inputs, pattern);
    expect(out.shape).toEqual(outShape);
    expect(out.dtype).toBe('float32');
    const expected = naiveEinsum(pattern, inputs.map((x) => ({ shape: x.shape, data: x.data })));
    expect(expected.shape).toEqual(outShape);
    const actual = out.data;
    expect(actual.length).toBe(expected.data.length);
    // numpy.testing.assert_array_almost_equal(decimal=5)
    expected.data.forEach((value, i) => expect(Math.abs(actual[i]! - value)).toBeLessThan(1.5e-5 * Math.max(1, Math.abs(value))));
    inputs.forEach((x, i) => expect(x.data).toEqual(before[i]));
  });
});

function expectEinsumError(call: () => unknown, pattern: string, reason: RegExp): EinopsError {
  let error: unknown;
  try {
    call();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(EinopsError);
  const e = error as EinopsError;
  expect(e.message).toContain(`einsum "${pattern}"`);
  expect(e.reason).toMatch(reason);
  return e;
}

describe('einsum: test_functional_errors', () => {
  const x51 = uniform([5, 1]);

  it('rejects unit axes, compositions and anonymous axes', () => {
    // @ts-expect-error the type-level checker rejects this call too
    expectEinsumError(() => einsum(x51, 'i () -> i'), 'i () -> i', /unit axes/);
    // @ts-expect-error the type-level checker rejects this call too
    expectEinsumError(() => einsum(x51, 'i 1 -> i'), 'i 1 -> i', /unit axes/);
    // @ts-expect-error the type-level checker rejects this call too
    expectEinsumError(() => einsum(x51, 'a b -> (a b)'), 'a b -> (a b)', /not the composition \(a b\)/);
    // @ts-expect-error the type-level checker rejects this call too
    expectEinsumError(() => einsum(uniform([10, 1]), '(a b) -> a b'), '(a b) -> a b', /not the composition \(a b\)/);
    // @ts-expect-error the type-level checker rejects this call too
    expectEinsumError(() => einsum(x51, 'i 2 -> i'), 'i 2 -> i', /anonymous axis 2/);
  });

  it('accepts a parenthesised single axis, as einops does', () => {
    expect(einsum(x51, '(i) j -> j (i)').shape).toEqual([1, 5]);
  });

  it('rejects an invalid axis name, pointing at it', () => {
    // @ts-expect-error the type-level checker rejects this call too
    const e = expectEinsumError(() => einsum(x51, 'i 2j -> i'), 'i 2j -> i', /"2j" is not a valid axis name/);
    expect(e.column).toBe(3);
  });

  it('needs the arrow', () => {
    // @ts-expect-error the type-level checker rejects this call too
    expectEinsumError(() => einsum(uniform([5, 3, 2]), 'i j k'), 'i j k', /"->" exactly once, found 0/);
  });

  it('rejects more than 52 axes', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const pattern = `${[...letters].join(' ')} extra ->`;
    expectEinsumError(() => einsum(uniform([1]), pattern), pattern, /at most 52 different axes, got 53/);
  });

  it('rejects an axis on the right that no input has', () => {
    // @ts-expect-error the type-level checker rejects this call too
    expectEinsumError(() => einsum(x51, 'i j -> k'), 'i j -> k', /axis k appears only on the right side/);
  });

  it('takes the tensors first and the pattern last', () => {
    expect(() => einsum('i j k -> i' as never, uniform([5, 4, 3]) as never)).toThrow(EinopsError);
    expect(() => einsum('i j k -> i' as never, uniform([5, 4, 3]) as never)).toThrow(/pattern must be the last argument and a string, got NDArray/);
    expect(() => (einsum as (...args: unknown[]) => unknown)('i j k -> i')).toThrow(/einsum takes one or more tensors and then the pattern/);
    expect(() => (einsum as (...args: unknown[]) => unknown)(uniform([5, 1]))).toThrow(/einsum takes one or more tensors/);
    expect(() => (einsum as (...args: unknown[]) => unknown)()).toThrow(EinopsError);
  });
});
