import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { tensor } from '../../src/ndarray/index';
import { rearrange, recipeFor, reduce, repeat } from '../../src/runtime/ops';

describe('ops', () => {
  const x = tensor(Int32Array.from([0, 1, 2, 3, 4, 5]), [2, 3]);

  it('compiles each (op, pattern) once', () => {
    expect(recipeFor('rearrange', 'a b -> b a')).toBe(recipeFor('rearrange', 'a b -> b a'));
    expect(recipeFor('reduce', 'a b -> b a')).not.toBe(recipeFor('rearrange', 'a b -> b a'));
  });

  it('rearrange, reduce and repeat keep the dtype where einops does', () => {
    expect(rearrange(x, 'a b -> b a').dtype).toBe('int32');
    expect(reduce(x, 'a b -> a', 'max').toArray()).toEqual([2, 5]);
    expect(reduce(x, 'a b -> a', 'sum').dtype).toBe('float64');
    expect(repeat(x, 'a b -> a b 2').shape).toEqual([2, 3, 2]);
  });

  it('reports a syntax error with the op and the input', () => {
    // @ts-expect-error the type-level checker rejects this pattern too
    expect(() => reduce(x, 'a (b -> a', 'sum')).toThrow(/^reduce "a \(b -> a" with sum: "\(" is never closed \(column 3\)/);
    expect(() => rearrange(x, 42 as never)).toThrow(EinopsError);
    expect(() => rearrange(x, 42 as never)).toThrow(/the pattern must be a string, got number/);
  });
});
