import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { compileEinsumRecipe } from '../../src/pattern/einsum';
import { ELLIPSIS, RECIPE_VERSION } from '../../src/pattern/recipe';

const errorOf = (pattern: string): EinopsError => {
  try {
    compileEinsumRecipe(pattern);
  } catch (error) {
    expect(error).toBeInstanceOf(EinopsError);
    return error as EinopsError;
  }
  throw new Error(`expected ${pattern} to be rejected`);
};

describe('compileEinsumRecipe', () => {
  it('numbers axes by first appearance on the left, and is plain JSON', () => {
    const recipe = compileEinsumRecipe('b i d, b j d -> b i j');
    expect(recipe).toEqual({
      version: RECIPE_VERSION,
      op: 'einsum',
      pattern: 'b i d, b j d -> b i j',
      axes: ['b', 'i', 'd', 'j'],
      inputs: [[0, 1, 2], [0, 3, 2]],
      output: [0, 1, 3],
    });
    expect(JSON.parse(JSON.stringify(recipe))).toEqual(recipe);
  });

  it('keeps repeated axes, ellipses, empty inputs and an empty output', () => {
    expect(compileEinsumRecipe('i ... i, -> ...')).toMatchObject({ axes: ['i'], inputs: [[0, ELLIPSIS, 0], []], output: [ELLIPSIS] });
    expect(compileEinsumRecipe('i i ->').output).toEqual([]);
    // the ellipsis may be on the right only: it then stands for no dimensions
    expect(compileEinsumRecipe('i -> ... i').output).toEqual([ELLIPSIS, 0]);
    expect(compileEinsumRecipe('… a -> a …').inputs).toEqual([[ELLIPSIS, 0]]);
  });

  it('takes multi-letter names, _ and a parenthesised single axis', () => {
    expect(compileEinsumRecipe('batch in_dim, in_dim (out) -> batch out').axes).toEqual(['batch', 'in_dim', 'out']);
    expect(compileEinsumRecipe('_ a, _ b -> a b _').axes).toEqual(['_', 'a', 'b']);
    expect(compileEinsumRecipe('(1 a) -> a').inputs).toEqual([[0]]);
    // einops takes `(...)` for one axis named by the ellipsis character, not for the ellipsis
    expect(compileEinsumRecipe('(...) i, i (...) -> (...)')).toMatchObject({ axes: ['\u2026', 'i'], inputs: [[0, 1], [1, 0]], output: [0] });
  });

  it.each([
    ['i () -> i', /unit axes/, 3],
    ['i 1 -> i', /unit axes/, 3],
    ['a b -> (a b)', /not the composition \(a b\)/, 8],
    ['(a b) -> a b', /not the composition \(a b\)/, 1],
    ['i 2 -> i', /anonymous axis 2/, 3],
    ['i (2) -> i', /anonymous axis 2/, 4],
    ['i j -> k', /^axis k appears only on the right side$/, 8],
    ['i j -> k i l', /^axes k, l appear only on the right side$/, 8],
    ['_ j -> _ _', /axis _ appears twice on the right side/, 10],
    ['i j -> i i', /axis i appears twice on the right side/, 10],
    ['i 2j -> i', /"2j" is not a valid axis name/, 3],
    ['a, b_ -> a', /"b_" must not start or end/, 4],
    ['a ... ..., b -> a', /only one ellipsis/, 7],
    ['i j', /"->" exactly once, found 0/, 1],
    ['i -> j -> k', /"->" exactly once, found 2/, 8],
  ])('rejects %j, pointing at the column', (pattern, reason, column) => {
    const error = errorOf(pattern);
    expect(error.reason).toMatch(reason);
    expect(error.column).toBe(column);
  });

  it('allows 52 different axes, not 53', () => {
    const names = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
    expect(compileEinsumRecipe(`${names.join(' ')} ->`).axes).toHaveLength(52);
    expect(errorOf(`${names.slice(0, 26).join(' ')}, ${names.slice(26).join(' ')} extra ->`).reason).toBe(
      'einsum takes at most 52 different axes, got 53',
    );
  });
});
