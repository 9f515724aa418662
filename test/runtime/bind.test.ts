import { describe, expect, it } from 'vitest';
import { compileRecipe } from '../../src/pattern/compile';
import type { RecipeOp } from '../../src/pattern/recipe';
import { bindRecipe, stepCount } from '../../src/runtime/bind';
import { reasonOf } from '../helpers';

const bind = (op: RecipeOp, pattern: string, shape: number[], axes: Record<string, number> = {}) =>
  bindRecipe(compileRecipe(op, pattern), shape, axes);


describe('bindRecipe: plans', () => {
  it('a plain transpose is one permutation and nothing else', () => {
    expect(bind('rearrange', 'b c h w -> b h w c', [2, 3, 4, 5])).toEqual({
      initShape: [2, 3, 20],
      reducedAxes: [],
      permutation: [0, 2, 1],
      addedAxes: null,
      addedRank: 3,
      finalShape: [2, 4, 5, 3],
      outputShape: [2, 4, 5, 3],
    });
  });

  it('with fewestSteps (tfjs), keeps axes apart when that saves a step, and merges otherwise', () => {
    const fewest = (op: RecipeOp, pattern: string, shape: number[], axes: Record<string, number> = {}) =>
      bindRecipe(compileRecipe(op, pattern), shape, axes, { fewestSteps: true });
    // tf.transpose(x, [0, 2, 3, 1]) rather than reshape, transpose, reshape
    expect(fewest('rearrange', 'b c h w -> b h w c', [2, 3, 4, 5])).toEqual({
      initShape: null,
      reducedAxes: [],
      permutation: [0, 2, 3, 1],
      addedAxes: null,
      addedRank: 4,
      finalShape: null,
      outputShape: [2, 4, 5, 3],
    });
    // tf.mean(x, [2, 3]) rather than merging h and w first
    expect(fewest('reduce', 'b c h w -> b c', [2, 3, 4, 5])).toMatchObject({ initShape: null, reducedAxes: [2, 3], permutation: null, finalShape: null });
    expect(bind('reduce', 'b c h w -> b c', [2, 3, 4, 5])).toMatchObject({ initShape: [6, 20], reducedAxes: [1], finalShape: [2, 3] });
    // max pooling: split, reduce; no merge of b and c and split back
    expect(stepCount(fewest('reduce', 'b c (h 2) (w 2) -> b c h w', [2, 3, 4, 4]))).toBe(2);
    expect(stepCount(bind('reduce', 'b c (h 2) (w 2) -> b c h w', [2, 3, 4, 4]))).toBe(3);
    // new axes next to each other stay apart: one broadcast, no reshape
    expect(fewest('repeat', 'h w -> h w c d', [2, 3], { c: 2, d: 4 })).toMatchObject({ initShape: null, finalShape: null, addedRank: 4 });
    // a tie keeps the merged plan: fewer dimensions for the same number of steps
    expect(fewest('rearrange', 'a b c -> (a b) c', [2, 3, 4])).toEqual(bind('rearrange', 'a b c -> (a b) c', [2, 3, 4]));
    expect(fewest('rearrange', '(a b) c -> c a b', [6, 4], { a: 2 })).toEqual(bind('rearrange', '(a b) c -> c a b', [6, 4], { a: 2 }));
    expect(fewest('rearrange', 'a b c d -> c d a b', [2, 3, 4, 5])).toMatchObject({ initShape: null, permutation: [2, 3, 0, 1], finalShape: null });
  });

  it('the identity does nothing at all', () => {
    const plan = bind('rearrange', 'a b c -> a b c', [2, 3, 4]);
    expect(plan).toMatchObject({ initShape: null, permutation: null, addedAxes: null, finalShape: null });
    expect(bind('rearrange', '... -> ...', [2, 3])).toMatchObject({ initShape: null, finalShape: null });
    expect(bind('rearrange', 'a b c -> (a b) c', [2, 3, 4])).toMatchObject({ initShape: null, finalShape: [6, 4] });
  });

  it('merges neighbouring reduced axes and reduces before permuting', () => {
    const plan = bind('reduce', 'b c (h 2) (w 2) -> b c h w', [2, 3, 4, 6]);
    expect(plan.initShape).toEqual([12, 2, 3, 2]);
    expect(plan.reducedAxes).toEqual([1, 3]);
    expect(plan.permutation).toBeNull();
    expect(plan.finalShape).toEqual([2, 3, 2, 3]);
  });

  it('merges runs of new axes into one', () => {
    const plan = bind('repeat', 'h w -> h a b w', [2, 3], { a: 4, b: 5 });
    expect(plan.addedAxes).toEqual(new Map([[1, 20]]));
    expect(plan.addedRank).toBe(3);
    expect(plan.finalShape).toEqual([2, 4, 5, 3]);
  });

  it('infers lengths through compositions and the ellipsis', () => {
    expect(bind('rearrange', 'b (h h1) ... -> b h h1 ...', [2, 6, 7, 8], { h1: 3 }).outputShape).toEqual([2, 2, 3, 7, 8]);
    expect(bind('rearrange', '... (c 1) -> (...) c', [2, 3, 5]).outputShape).toEqual([6, 5]);
    expect(bind('reduce', '... -> ', [2, 3]).outputShape).toEqual([]);
  });

  it('allows zero-length dimensions and zero lengths for new axes', () => {
    expect(bind('rearrange', 'a b -> b a', [0, 3]).outputShape).toEqual([3, 0]);
    expect(bind('repeat', 'a -> a c', [2], { c: 0 }).outputShape).toEqual([2, 0]);
  });
});

describe('bindRecipe: errors', () => {
  it('checks the rank', () => {
    expect(reasonOf(() => bind('rearrange', 'a b -> b a', [2]))).toBe('the left side has 2 dimensions but the tensor has 1');
    expect(reasonOf(() => bind('rearrange', 'a b ... -> b a ...', [2]))).toBe(
      'the left side needs at least 2 dimensions but the tensor has 1',
    );
  });

  it('checks divisibility and products', () => {
    expect(reasonOf(() => bind('rearrange', '(h w) -> h w', [7], { w: 2 }))).toBe(
      'dimension 0 of length 7 cannot be split as (h w): 7 is not divisible by 2',
    );
    expect(reasonOf(() => bind('rearrange', '(h w) -> h w', [7], { h: 2, w: 3 }))).toBe(
      'dimension 0 has length 7 but (h w) gives 6',
    );
    expect(reasonOf(() => bind('rearrange', '(h w) -> h w', [6]))).toBe(
      'cannot infer the lengths of h, w in (h w): give all but one of them',
    );
    expect(reasonOf(() => bind('rearrange', '(h w) -> h w', [6], { w: 0 }))).toMatch(/not divisible by 0/);
  });

  it('checks the axes lengths object', () => {
    expect(reasonOf(() => bind('rearrange', 'a -> a', [2], { b: 2 }))).toBe('axis length b is given but b is not in the pattern');
    expect(reasonOf(() => bind('rearrange', 'a -> a', [2], { a: -1 }))).toBe('axis length a must be a non-negative integer, got -1');
    expect(reasonOf(() => bind('rearrange', 'a -> a', [2], { a: 1.5 }))).toMatch(/non-negative integer, got 1.5/);
    expect(reasonOf(() => bind('rearrange', 'a -> a', [2], { a: Number.NaN }))).toMatch(/got NaN/);
    expect(reasonOf(() => bind('rearrange', 'a -> a', [2], { _a: 2 }))).toBe('"_a" in the axes lengths is not a valid axis name');
    expect(reasonOf(() => bind('reduce', '(a 2) -> a', [4], { '2': 2 }))).toMatch(/not a valid axis name/);
    expect(reasonOf(() => bind('rearrange', 'a -> a', [2], { a: 3 }))).toBe('dimension 0 has length 2 but (a) gives 3');
  });

  it('asks for the lengths of new axes in repeat', () => {
    expect(reasonOf(() => bind('repeat', 'a -> a b c', [2], { b: 2 }))).toBe('new axis c needs a length: pass { c: <length> }');
    expect(reasonOf(() => bind('repeat', 'a -> a b c', [2]))).toBe('new axes b, c need lengths: pass { b: <length>, c: <length> }');
  });

  it('rejects results too large for a typed array before allocating', () => {
    expect(reasonOf(() => bind('repeat', 'a -> a b c', [4], { b: 2 ** 16, c: 2 ** 16 }))).toMatch(/more than the typed-array limit/);
  });
});
