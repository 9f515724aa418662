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
