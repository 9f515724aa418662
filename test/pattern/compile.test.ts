import { describe, expect, it } from 'vitest';
import { compileRecipe } from '../../src/pattern/compile';
import { ELLIPSIS, RECIPE_VERSION } from '../../src/pattern/recipe';
import { reasonOf } from '../helpers';


describe('compileRecipe', () => {
  it('numbers left axes first, then new ones, and is plain JSON', () => {
    const recipe = compileRecipe('repeat', 'h w -> (h r) w c 3');
    expect(recipe).toEqual({
      version: RECIPE_VERSION,
      op: 'repeat',
      pattern: 'h w -> (h r) w c 3',
      axes: ['h', 'w', 'r', 'c', '3'],
      lengths: [-1, -1, -1, -1, 3],
      left: [[0], [1]],
      right: [[0, 2], [1], [3], [4]],
    });
    expect(JSON.parse(JSON.stringify(recipe))).toEqual(recipe);
  });

  it('gives anonymous axes their length', () => {
    const recipe = compileRecipe('reduce', 'h (w 2) -> h w');
    expect(recipe.axes).toEqual(['h', 'w', '2']);
    expect(recipe.lengths).toEqual([-1, -1, 2]);
    expect(recipe.left).toEqual([[0], [1, 2]]);
  });

  it('marks the top-level ellipsis and the merged one apart', () => {
    const recipe = compileRecipe('rearrange', 'a ... b -> (...) a b');
    expect(recipe.left).toEqual([[0], ELLIPSIS, [1]]);
    expect(recipe.right).toEqual([[ELLIPSIS], [0], [1]]);
  });

  it('keeps unit axes as empty compositions', () => {
    expect(compileRecipe('rearrange', 'a 1 () -> () a 1').right).toEqual([[], [0], []]);
  });

  it('checks which axes may appear on one side, per op', () => {
    expect(reasonOf(() => compileRecipe('rearrange', 'a b -> a b c'))).toBe('axis c appears only on the right side');
    expect(reasonOf(() => compileRecipe('rearrange', 'a b c -> a'))).toBe('axes b, c appear only on the left side');
    expect(reasonOf(() => compileRecipe('rearrange', 'a ... -> a'))).toBe('axis ... appears only on the left side');
    expect(reasonOf(() => compileRecipe('rearrange', '(a 2) -> a'))).toMatch(/anonymous axis 2/);
    expect(reasonOf(() => compileRecipe('reduce', 'a -> a b'))).toMatch(/^axis b appears only on the right side: reduce cannot add axes/);
    expect(reasonOf(() => compileRecipe('reduce', 'a -> a 2'))).toMatch(/^axis 2 appears only on the right side/);
    expect(reasonOf(() => compileRecipe('repeat', 'a b -> a'))).toMatch(/^axis b appears only on the left side: repeat cannot remove/);
    expect(reasonOf(() => compileRecipe('repeat', '(a 2) -> a'))).toMatch(/^axis 2 appears only on the left side/);
    expect(reasonOf(() => compileRecipe('reduce', 'a -> a ...'))).toBe('ellipsis "..." appears on the right side but not on the left');
    expect(reasonOf(() => compileRecipe('reduce', '(a ...) -> a'))).toBe('ellipsis "..." cannot be inside parentheses on the left side');
  });

  it('accepts what each op allows', () => {
    expect(() => compileRecipe('reduce', 'a (b 2) ... -> a')).not.toThrow();
    expect(() => compileRecipe('repeat', 'a ... -> a 2 b ...')).not.toThrow();
    expect(() => compileRecipe('rearrange', 'a 1 ... -> (... a) ()')).not.toThrow();
  });
});
