/**
 * The one cache of bound plans, keyed by (recipe, shape, axes lengths). A recipe is a pure
 * function of its op and pattern, so those two name it. Only successful binds are stored:
 * a call that fails leaves the cache as it was. Every key starts with the op, so the plans of
 * different ops (rearrange's Plan, einsum's EinsumPlan) share the cache and its bound.
 */
import type { Recipe } from '../pattern/recipe';
import { type AxesLengths, bindRecipe, type Plan } from './bind';
import { LruCache } from './lru';

export const PLAN_CACHE_CAPACITY = 1024;

const plans = new LruCache<string, unknown>(PLAN_CACHE_CAPACITY);

/** The cache key, or undefined when a length is not a number (then bind rejects it, uncached). */
function planKey(recipe: Recipe, shape: readonly number[], axesLengths: AxesLengths): string | undefined {
  let key = `${recipe.op}\u0000${recipe.pattern}\u0000${shape.join(',')}`;
  for (const name in axesLengths) {
    const value = axesLengths[name];
    // '2' and [2] print like 2: they must not find the plan that 2 made.
    if (typeof value !== 'number') return undefined;
    key += `\u0000${name}=${value}`;
  }
  return key;
}

export function getPlan(recipe: Recipe, shape: readonly number[], axesLengths: AxesLengths): Plan {
  const key = planKey(recipe, shape, axesLengths);
  if (key === undefined) return bindRecipe(recipe, shape, axesLengths);
  return cachedPlan(key, () => bindRecipe(recipe, shape, axesLengths));
}

/** The plan stored under `key`, or what `bind` returns, stored. `key` must start with the op. */
export function cachedPlan<P>(key: string, bind: () => P): P {
  let plan = plans.get(key) as P | undefined;
  if (plan === undefined) {
    plan = bind();
    plans.set(key, plan);
  }
  return plan;
}

/** For tests and long-running processes that want the memory back. */
export const planCacheSize = (): number => plans.size;
export const clearPlanCache = (): void => plans.clear();
