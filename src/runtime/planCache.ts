/**
 * The one cache of bound plans, keyed by (recipe, shape, axes lengths). A recipe is a pure
 * function of its op and pattern, so those two name it. Only successful binds are stored:
 * a call that fails leaves the cache as it was. Every key starts with the op, so the plans of
 * different ops (rearrange's Plan, einsum's EinsumPlan) share the cache and its bound.
 *
 * In front of it, each recipe object remembers the last plan it was bound to: a call in a loop
 * (same recipe, same shape, same lengths) then costs a lookup by identity and a comparison of a
 * few numbers instead of building a key string.
 */
import type { Recipe } from '../pattern/recipe';
import { type AxesLengths, bindRecipe, NO_AXES, type Plan, type PlanOptions } from './bind';
import { LruCache } from './lru';

export const PLAN_CACHE_CAPACITY = 1024;

const plans = new LruCache<string, unknown>(PLAN_CACHE_CAPACITY);

/** A recipe's last bind: the shape and lengths (copied, in the object's key order) and the plan. */
interface LastBind {
  readonly shape: readonly number[];
  readonly names: readonly string[];
  readonly values: readonly number[];
  readonly fewestSteps: boolean;
  readonly plan: Plan;
}

// Keyed weakly: a recipe that is no longer used (evicted from the recipe cache, or a
// transformer literal that went out of scope) takes its entry with it.
let lastBinds = new WeakMap<Recipe, LastBind>();

function matchesLastBind(last: LastBind, shape: readonly number[], axesLengths: AxesLengths, fewestSteps: boolean): boolean {
  const rank = shape.length;
  if (last.shape.length !== rank || last.fewestSteps !== fewestSteps) return false;
  for (let i = 0; i < rank; i++) if (last.shape[i] !== shape[i]) return false;
  if (axesLengths === NO_AXES) return last.names.length === 0;
  let count = 0;
  for (const name in axesLengths) {
    // A non-number never matches (it is never stored), so bind gets to reject it.
    if (count >= last.names.length || last.names[count] !== name || last.values[count] !== axesLengths[name]) return false;
    count++;
  }
  return count === last.names.length;
}

/** The cache key, or undefined when a length is not a number (then bind rejects it, uncached). */
function planKey(recipe: Recipe, shape: readonly number[], axesLengths: AxesLengths, fewestSteps: boolean): string | undefined {
  let key = `${recipe.op}${fewestSteps ? '\u0001' : '\u0000'}${recipe.pattern}\u0000${shape.join(',')}`;
  for (const name in axesLengths) {
    const value = axesLengths[name];
    // '2' and [2] print like 2: they must not find the plan that 2 made.
    if (typeof value !== 'number') return undefined;
    key += `\u0000${name}=${value}`;
  }
  return key;
}

/** The plan of a recipe for a shape and lengths, shaped by `options` (see PlanOptions). */
export function getPlan(recipe: Recipe, shape: readonly number[], axesLengths: AxesLengths, options: PlanOptions = {}): Plan {
  const fewestSteps = options.fewestSteps === true;
  const last = lastBinds.get(recipe);
  if (last !== undefined && matchesLastBind(last, shape, axesLengths, fewestSteps)) return last.plan;
  const key = planKey(recipe, shape, axesLengths, fewestSteps);
  if (key === undefined) return bindRecipe(recipe, shape, axesLengths, options);
  const plan = cachedPlan(key, () => bindRecipe(recipe, shape, axesLengths, options));
  const names = Object.keys(axesLengths);
  lastBinds.set(recipe, { shape: shape.slice(), names, values: names.map((name) => axesLengths[name]!), fewestSteps, plan });
  return plan;
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

// The same for plans keyed by several shapes (einsum's inputs): each recipe's last bind.
let lastShapesBinds = new WeakMap<object, { readonly shapes: readonly (readonly number[])[]; readonly plan: unknown }>();

const sameShapes = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]): boolean =>
  a.length === b.length && a.every((shape, i) => shape.length === b[i]!.length && shape.every((length, d) => length === b[i]![d]));

/** The plan `recipe` was last bound to, when that was for these `shapes`; else undefined. */
export function lastShapesPlan<P>(recipe: object, shapes: readonly (readonly number[])[]): P | undefined {
  const last = lastShapesBinds.get(recipe);
  return last !== undefined && sameShapes(last.shapes, shapes) ? (last.plan as P) : undefined;
}

/** Remembers `plan` as the last bind of `recipe` for `shapes` (copied), and returns it. */
export function storeShapesPlan<P>(recipe: object, shapes: readonly (readonly number[])[], plan: P): P {
  lastShapesBinds.set(recipe, { shapes: shapes.map((shape) => shape.slice()), plan });
  return plan;
}

/** For tests and long-running processes that want the memory back. */
export const planCacheSize = (): number => plans.size;
export const clearPlanCache = (): void => {
  plans.clear();
  lastBinds = new WeakMap();
  lastShapesBinds = new WeakMap();
};
