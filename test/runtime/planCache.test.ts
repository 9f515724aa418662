import { beforeEach, describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { compileRecipe } from '../../src/pattern/compile';
import { clearPlanCache, getPlan, PLAN_CACHE_CAPACITY, planCacheSize } from '../../src/runtime/planCache';

describe('planCache', () => {
  beforeEach(clearPlanCache);

  it('returns the same plan for the same recipe, shape and axes', () => {
    const recipe = compileRecipe('rearrange', '(h w) -> w h');
    const first = getPlan(recipe, [6], { h: 2 });
    expect(getPlan(recipe, [6], { h: 2 })).toBe(first);
    expect(getPlan(recipe, [6], { h: 3 })).not.toBe(first);
    expect(getPlan(compileRecipe('reduce', '(h w) -> w h'), [6], { h: 2 })).not.toBe(first);
  });

  it('a recipe called again with another shape or other lengths gets the right plan', () => {
    const recipe = compileRecipe('rearrange', '(h w) c -> w h c');
    const axes: Record<string, number> = { h: 2 };
    const a = getPlan(recipe, [6, 1], axes);
    expect(getPlan(recipe, [6, 1], axes)).toBe(a);
    axes.h = 3; // the same object, changed between calls
    expect(getPlan(recipe, [6, 1], axes).outputShape).toEqual([2, 3, 1]);
    expect(getPlan(recipe, [6, 1], { h: 2 })).toBe(a);
    expect(getPlan(recipe, [8, 1], { h: 2 }).outputShape).toEqual([4, 2, 1]);
    expect(getPlan(recipe, [6, 1, 1].slice(0, 2), { h: 2 })).toBe(a);
    expect(() => getPlan(recipe, [6, 1], { h: 2, w: 4 })).toThrow(EinopsError);
    expect(getPlan(recipe, [6, 2], { w: 3 }).outputShape).toEqual([3, 2, 2]);
  });

  it('clearing forgets every plan, the last one of each recipe too', () => {
    const recipe = compileRecipe('rearrange', 'a b -> b a');
    const first = getPlan(recipe, [2, 3], {});
    clearPlanCache();
    expect(getPlan(recipe, [2, 3], {})).not.toBe(first);
    expect(planCacheSize()).toBe(1);
  });

  it('stays bounded', () => {
    const recipe = compileRecipe('rearrange', 'a b -> b a');
    for (let n = 1; n <= PLAN_CACHE_CAPACITY * 3; n++) getPlan(recipe, [1, n], {});
    expect(planCacheSize()).toBe(PLAN_CACHE_CAPACITY);
  });

  it('stores nothing for a failed bind', () => {
    const recipe = compileRecipe('rearrange', '(h w) -> h w');
    expect(() => getPlan(recipe, [8], { h: 3 })).toThrow(EinopsError);
    expect(planCacheSize()).toBe(0);
    expect(getPlan(recipe, [8], { h: 2 }).outputShape).toEqual([2, 4]);
  });
});
