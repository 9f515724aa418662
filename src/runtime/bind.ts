/**
 * Recipe + input shape + axes lengths → Plan: every length known, every check done, and the
 * steps (reshape → reduce → permute → add axes → reshape) with numbers filled in. Elementary
 * axes that travel together are merged first, so a backend sees as few dimensions as possible.
 *
 * Binding is pure; `planCache` memoises it. A failed bind throws before anything is stored.
 */
import { EinopsError } from '../errors';
import {
  writeCannotInferMessage,
  writeInvalidAxisLengthMessage,
  writeMinimumRankMessage,
  writeNotDivisibleMessage,
  writeProductMismatchMessage,
  writeRankMessage,
  writeRepeatNeedsLengthMessage,
  writeUnusedAxisLengthMessage,
  writeAxisLengthNameMessage,
  writeAxesObjectMessage,
} from '../pattern/messages';
import { ELLIPSIS, type Recipe } from '../pattern/recipe';
import { checkedSize } from '../ndarray/index';

/** Lengths of axes by name, e.g. `{ h1: 2, w1: 2 }` (Python's keyword arguments). */
export type AxesLengths = Readonly<Record<string, number>>;

/** The lengths of a call that gives none: one object, so the plan cache can tell it by identity. */
export const NO_AXES: AxesLengths = Object.freeze({});

export interface Plan {
  /** Reshape the input to this first (elementary axes, merged), or null to keep its shape. */
  readonly initShape: readonly number[] | null;
  /** Axes of the (reshaped) input to reduce away, in increasing order. */
  readonly reducedAxes: readonly number[];
  /** Permutation of the axes left after reducing, or null when they are already in order. */
  readonly permutation: readonly number[] | null;
  /** New axes (repeat): position → length in a result of `addedRank` dimensions. */
  readonly addedAxes: ReadonlyMap<number, number> | null;
  readonly addedRank: number;
  /** Reshape to this at the end, or null when the shape is already the output shape. */
  readonly finalShape: readonly number[] | null;
  readonly outputShape: readonly number[];
}

// The axis-name check is only needed for names the recipe does not know; a valid recipe name is
// valid by construction. Kept here (not imported from pattern/axisName) so the lean runtime
// carries no parser code.
const AXIS_NAME = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;

const sameShape = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((value, i) => value === b[i]);

const product = (values: readonly number[]): number => values.reduce((acc, value) => acc * value, 1);

/** Rejects null, arrays and primitives: they would otherwise read as "no lengths given". */
export function checkAxesObject(axesLengths: unknown): asserts axesLengths is AxesLengths {
  if (typeof axesLengths !== 'object' || axesLengths === null || Array.isArray(axesLengths)) {
    const type = axesLengths === null ? 'null' : Array.isArray(axesLengths) ? 'an array' : typeof axesLengths;
    throw new EinopsError(writeAxesObjectMessage(type));
  }
}

/**
 * How plans are shaped for a backend. `fewestSteps`: for a backend whose every step is a call
 * with a fixed cost (tfjs: a kernel dispatch and a tensor, even for a reshape), the plan takes
 * the fewest steps, e.g. reduces 'b c h w -> b c' over h and w as they are rather than merging
 * them first. Otherwise (the NDArray, where a reshape is a view) it merges every axis it can,
 * so the kernels see as few dimensions as possible.
 */
export interface PlanOptions {
  readonly fewestSteps?: boolean;
}

export function bindRecipe(recipe: Recipe, shape: readonly number[], axesLengths: AxesLengths, options: PlanOptions = {}): Plan {
  const { axes, left, right } = recipe;

  // Lengths of the recipe's elementary axes: fixed by the pattern, given, or inferred below.
  const lengths = recipe.lengths.slice();
  checkAxesObject(axesLengths);
  for (const name of Object.keys(axesLengths)) {
    const value = axesLengths[name];
    const id = axes.indexOf(name);
    if (id < 0 || lengths[id] !== -1) {
      if (!AXIS_NAME.test(name) || name.startsWith('_') || name.endsWith('_')) {
        throw new EinopsError(writeAxisLengthNameMessage(name));
      }
      throw new EinopsError(writeUnusedAxisLengthMessage(name));
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new EinopsError(writeInvalidAxisLengthMessage(name, String(value)));
    }
    lengths[id] = value;
  }

  const leftIds = new Set(left.flatMap((dim) => (dim === ELLIPSIS ? [] : dim)));
  if (recipe.op === 'repeat') {
    const missing = axes.filter((_, id) => !leftIds.has(id) && lengths[id] === -1);
    if (missing.length > 0) throw new EinopsError(writeRepeatNeedsLengthMessage(missing));
  }

  // Expand the ellipsis into as many elementary axes as it matches. Expanded ids: the recipe's
  // ids stay, the ellipsis' axes are appended after them.
  const hasEllipsis = left.includes(ELLIPSIS);
  const fixedRank = hasEllipsis ? left.length - 1 : left.length;
  if (hasEllipsis ? shape.length < fixedRank : shape.length !== fixedRank) {
    const write = hasEllipsis ? writeMinimumRankMessage : writeRankMessage;
    throw new EinopsError(write(fixedRank, shape.length));
  }
  const ellipsisIds = Array.from({ length: shape.length - fixedRank }, (_, i) => axes.length + i);
  for (let i = 0; i < ellipsisIds.length; i++) lengths.push(-1);
  const expand = (dim: readonly number[]): number[] => dim.flatMap((id) => (id === ELLIPSIS ? ellipsisIds : [id]));
  const inputDims = left.flatMap((dim) => (dim === ELLIPSIS ? ellipsisIds.map((id) => [id]) : [dim]));
  const outputDims = right.flatMap((dim) => (dim === ELLIPSIS ? ellipsisIds.map((id) => [id]) : [expand(dim)]));

  // Infer the one unknown length of each input dimension, check the known ones.
  const nameOf = (id: number): string => (id < axes.length ? axes[id]! : `...${id - axes.length}`);
  const describe = (dim: readonly number[]): string => `(${dim.map(nameOf).join(' ')})`;
  inputDims.forEach((dim, dimension) => {
    const length = shape[dimension]!;
    const unknown = dim.filter((id) => lengths[id] === -1);
    if (unknown.length > 1) throw new EinopsError(writeCannotInferMessage(unknown.map(nameOf), describe(dim)));
    const knownProduct = product(dim.filter((id) => lengths[id] !== -1).map((id) => lengths[id]!));
    if (unknown.length === 1) {
      if (knownProduct === 0 || length % knownProduct !== 0) {
        throw new EinopsError(writeNotDivisibleMessage(dimension, length, describe(dim), knownProduct));
      }
      lengths[unknown[0]!] = length / knownProduct;
    } else if (knownProduct !== length) {
      throw new EinopsError(writeProductMismatchMessage(dimension, length, describe(dim), knownProduct));
    }
  });

  const outputShape = outputDims.map((dim) => product(dim.map((id) => lengths[id]!)));
  checkedSize(outputShape, () => 'the result');

  const merged = planSteps(shape, inputDims.flat(), outputDims.flat(), lengths, outputShape, true);
  if (options.fewestSteps !== true) return merged;
  const unmerged = planSteps(shape, inputDims.flat(), outputDims.flat(), lengths, outputShape, false);
  return stepCount(unmerged) < stepCount(merged) ? unmerged : merged;
}

/** How many backend calls a plan makes. */
export function stepCount(plan: Plan): number {
  return (
    (plan.initShape === null ? 0 : 1) +
    (plan.reducedAxes.length === 0 ? 0 : 1) +
    (plan.permutation === null ? 0 : 1) +
    (plan.addedAxes === null ? 0 : 1) +
    (plan.finalShape === null ? 0 : 1)
  );
}

/**
 * Builds the steps from the elementary axes in input order and in output order. With `merge`,
 * neighbouring input axes are merged when both are reduced, or both kept and adjacent in the
 * output, and new axes that are neighbours in the output are merged too; without, every
 * elementary axis stays its own dimension.
 */
function planSteps(
  inputShape: readonly number[],
  inputOrder: readonly number[],
  outputOrder: readonly number[],
  lengths: readonly number[],
  outputShape: readonly number[],
  merge: boolean,
): Plan {
  const outputPosition = new Map(outputOrder.map((id, position) => [id, position]));

  // Group consecutive input axes.
  const groupOf = new Map<number, number>();
  const groupLengths: number[] = [];
  const groupKept: boolean[] = [];
  inputOrder.forEach((id, i) => {
    const position = outputPosition.get(id);
    const previous = i > 0 ? inputOrder[i - 1]! : undefined;
    const previousPosition = previous === undefined ? undefined : outputPosition.get(previous);
    const joins =
      merge &&
      previous !== undefined &&
      (position === undefined
        ? previousPosition === undefined
        : previousPosition !== undefined && previousPosition + 1 === position);
    if (!joins) {
      groupLengths.push(1);
      groupKept.push(position !== undefined);
    }
    const group = groupLengths.length - 1;
    groupOf.set(id, group);
    groupLengths[group]! *= lengths[id]!;
  });

  // Built by push, not flatMap: flatMap's arrays are holey, and tfjs's reduction kernels go
  // measurably slower on a holey axis list (the plan hands this one to the backend each call).
  const reducedAxes: number[] = [];
  groupKept.forEach((kept, group) => {
    if (!kept) reducedAxes.push(group);
  });
  const keptGroups = groupKept.flatMap((kept, group) => (kept ? [group] : []));

  // Walk the output order: each kept group appears once (its axes are consecutive there),
  // runs of new axes collapse into one new axis.
  const outputGroups: number[] = [];
  const addedAxes = new Map<number, number>();
  const afterAddShape: number[] = [];
  let previousWasAdded = false;
  for (const id of outputOrder) {
    const group = groupOf.get(id);
    if (group === undefined) {
      if (merge && previousWasAdded) {
        const last = afterAddShape.length - 1;
        afterAddShape[last]! *= lengths[id]!;
        addedAxes.set(last, afterAddShape[last]!);
      } else {
        addedAxes.set(afterAddShape.length, lengths[id]!);
        afterAddShape.push(lengths[id]!);
      }
      previousWasAdded = true;
    } else {
      // A kept group's axes are consecutive in the output (that is why they were merged).
      if (outputGroups[outputGroups.length - 1] !== group) {
        outputGroups.push(group);
        afterAddShape.push(groupLengths[group]!);
      }
      previousWasAdded = false;
    }
  }

  const permutation = outputGroups.map((group) => keptGroups.indexOf(group));
  const isIdentity = permutation.every((axis, i) => axis === i);
  if (isIdentity && reducedAxes.length === 0 && addedAxes.size === 0) {
    // Nothing moves: one reshape (a view when the backend can) instead of merge-then-split.
    const finalShape = sameShape(outputShape, inputShape) ? null : outputShape;
    return { initShape: null, reducedAxes, permutation: null, addedAxes: null, addedRank: inputShape.length, finalShape, outputShape };
  }
  return {
    initShape: sameShape(groupLengths, inputShape) ? null : groupLengths,
    reducedAxes,
    permutation: isIdentity ? null : permutation,
    addedAxes: addedAxes.size > 0 ? addedAxes : null,
    addedRank: afterAddShape.length,
    finalShape: sameShape(afterAddShape, outputShape) ? null : outputShape,
    outputShape,
  };
}
