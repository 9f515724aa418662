/**
 * Runs a Recipe on a tensor (or a list of tensors, stacked on a new first axis): the part of
 * rearrange, reduce and repeat that is left once the pattern is compiled. This is what the
 * build-time transformer's output calls, so it imports no parser.
 */
import { EinopsError } from '../errors';
import {
  writeEmptyListMessage,
  writeMeanOfIntegersMessage,
  writeReductionResultMessage,
  writeUnknownReductionMessage,
} from '../pattern/messages';
import { checkRecipeVersion, type Recipe, type RecipeOp } from '../pattern/recipe';
import { type CoreBackend, inScope, REDUCTIONS, type ReductionName } from './backend';
import { type AxesLengths, checkAxesObject, NO_AXES, type Plan, type PlanOptions, stepCount } from './bind';
import { describeShape, inContext } from './context';
import { getPlan } from './planCache';
import { getBackend } from './registry';

/** A reduction by name, or a function of the tensor and the axes to reduce (einops' callable). */
export type Reduction = ReductionName | ((x: any, axes: readonly number[]) => any);

/** How an error names the reduction: `with max`, `with a function`. */
export function reductionDetail(op: RecipeOp, reduction: Reduction | undefined): string | undefined {
  if (op !== 'reduce') return undefined;
  return typeof reduction === 'function' ? 'with a function' : `with ${String(reduction)}`;
}

/** The backend of an input: a tensor, or a non-empty list of them (stacked in the op's scope). */
export function inputBackend(x: unknown): CoreBackend {
  if (!Array.isArray(x)) return getBackend(x);
  if (x.length === 0) throw new EinopsError(writeEmptyListMessage());
  return getBackend(x[0]);
}

export function describeInput(x: unknown): string {
  try {
    if (Array.isArray(x)) {
      const first = x.length > 0 ? describeShape(getBackend(x[0]).shape(x[0])) : '';
      return x.length === 0 ? 'input: an empty list' : `input: list of ${x.length} tensors, the first of shape ${first}`;
    }
    return `input shape ${describeShape(getBackend(x).shape(x))}`;
  } catch {
    return 'input of unsupported type';
  }
}

/** `input shapes [2, 3], [3, 4]`: the tensors of einsum or pack, each described on its own. */
export function describeInputs(xs: unknown): string {
  if (!Array.isArray(xs)) return describeInput(xs);
  if (xs.length === 0) return 'input: an empty list';
  const shapes = xs.map((x: unknown) => {
    try {
      return describeShape(getBackend(x).shape(x));
    } catch {
      return 'of unsupported type';
    }
  });
  return `input ${xs.length === 1 ? 'shape' : 'shapes'} ${shapes.join(', ')}`;
}

export function checkReduction(reduction: unknown): asserts reduction is Reduction {
  if (typeof reduction === 'function') return;
  if (!REDUCTIONS.includes(reduction as ReductionName)) {
    throw new EinopsError(writeUnknownReductionMessage(String(reduction)));
  }
}

export function executePlan(backend: CoreBackend, plan: Plan, x: unknown, reduction: Reduction | undefined): unknown {
  let tensor = x;
  if (plan.initShape !== null) tensor = backend.reshape(tensor, plan.initShape);
  if (plan.reducedAxes.length > 0) {
    if (typeof reduction === 'function') {
      const reduced = new Set(plan.reducedAxes);
      const expected = backend.shape(tensor).filter((_, axis) => !reduced.has(axis));
      tensor = reduction(tensor, plan.reducedAxes);
      // A user's function is outside our control: a wrong shape here would be silently wrong later.
      const actual = backend.isAppropriate(tensor) ? backend.shape(tensor) : undefined;
      if (actual === undefined || describeShape(actual) !== describeShape(expected)) {
        const got = actual === undefined ? 'a value that is not a tensor' : describeShape(actual);
        throw new EinopsError(writeReductionResultMessage(got, describeShape(expected)));
      }
    } else {
      if (reduction === 'mean' && !backend.isFloat(tensor)) {
        throw new EinopsError(writeMeanOfIntegersMessage(backend.dtype(tensor)));
      }
      tensor = backend.reduce(tensor, reduction as ReductionName, plan.reducedAxes);
    }
  }
  if (plan.permutation !== null) tensor = backend.transpose(tensor, plan.permutation);
  if (plan.addedAxes !== null) tensor = backend.addAxes(tensor, plan.addedRank, plan.addedAxes);
  if (plan.finalShape !== null) tensor = backend.reshape(tensor, plan.finalShape);
  return tensor;
}

const FEWEST_STEPS: PlanOptions = Object.freeze({ fewestSteps: true });

const planOptions = (backend: CoreBackend): PlanOptions | undefined => (backend.fixedCostPerStep === true ? FEWEST_STEPS : undefined);

function planOrUndefined(backend: CoreBackend, recipe: Recipe, x: unknown, axesLengths: AxesLengths): Plan | undefined {
  try {
    return getPlan(recipe, backend.shape(x), axesLengths, planOptions(backend));
  } catch {
    return undefined;
  }
}

/** Stacks a list input, binds the plan (cached) and runs it. */
function applySteps(backend: CoreBackend, recipe: Recipe, x: unknown, reduction: Reduction | undefined, axesLengths: AxesLengths): unknown {
  const tensor = Array.isArray(x) ? backend.stack(x) : x;
  const plan = getPlan(recipe, backend.shape(tensor), axesLengths, planOptions(backend));
  return executePlan(backend, plan, tensor, reduction);
}

/**
 * Applies a compiled {@link Recipe} (from {@link compileRecipe}, or inlined by the build plugin)
 * to a tensor or a list of tensors: what rearrange, reduce and repeat do once the pattern is
 * parsed. `reduction` is for a reduce recipe only. Throws an {@link EinopsError}, with the op,
 * pattern and input in it, when the recipe does not fit the input or is of another version.
 * @example
 * ```ts
 * import { applyRecipe, compileRecipe, tensor } from 'einops';
 *
 * const recipe = compileRecipe('reduce', 'b (h 2) -> b h'); // plain JSON: store it, ship it
 * applyRecipe(recipe, tensor([[1, 5, 2, 3]]), 'max');        // [[5, 3]]
 * ```
 */
export function applyRecipe(
  recipe: Recipe,
  x: unknown,
  reduction?: Reduction,
  axesLengths: AxesLengths = NO_AXES,
): unknown {
  try {
    checkRecipeVersion(recipe);
    if (recipe.op === 'reduce') checkReduction(reduction);
    checkAxesObject(axesLengths);
    const backend = inputBackend(x);
    // Without a scope (the NDArray's case) the steps run as they are: no list or closure to build.
    if (backend.scope === undefined) return applySteps(backend, recipe, x, reduction, axesLengths);
    if (Array.isArray(x)) return inScope(backend, x, () => applySteps(backend, recipe, x, reduction, axesLengths));
    // The plan is bound once, outside the scope; a plan of one step (a transpose, a reduction)
    // needs no scope's bookkeeping. A plan that fails to bind (and a reduction function, which
    // makes tensors of its own) takes the usual way, so the scope's checks of the input still
    // come before a bind error.
    const plan = typeof reduction === 'function' ? undefined : planOrUndefined(backend, recipe, x, axesLengths);
    if (plan === undefined) return inScope(backend, [x], () => applySteps(backend, recipe, x, reduction, axesLengths));
    if (stepCount(plan) > 1) return inScope(backend, [x], () => executePlan(backend, plan, x, reduction));
    // inScope's one-step way, written out: on a small tfjs tensor the list and the closure show.
    backend.checkInput?.(x, 0);
    const result = executePlan(backend, plan, x, reduction);
    return result === x && backend.newHandle !== undefined ? backend.newHandle(x) : result;
  } catch (error) {
    throw inContext(error, {
      op: recipe.op,
      pattern: recipe.pattern,
      detail: reductionDetail(recipe.op, reduction),
      input: () => describeInput(x),
      axesLengths,
    });
  }
}
