/**
 * einsum on any backend. An EinsumRecipe bound to the input shapes is a plan of backend steps:
 *
 *   1. per input: take the diagonal of each repeated axis, drop the length-1 dimensions that
 *      broadcast against longer ones, and sum the axes that neither another input nor the
 *      output has;
 *   2. contract the inputs pairwise, the pair with the smallest result first: each pair is one
 *      batched matrix product, [batch, m, k] × [batch, k, n], after a transpose and a reshape
 *      that merge the shared, the own and the summed axes; an operand whose axes are already
 *      in [batch, k, m] (or [batch, n, k]) order goes in as it is, with the product's transpose
 *      flag, instead of being transposed first (`q k^T` of attention is one product);
 *   3. transpose the last tensor into the output's order.
 *
 * Lengths broadcast as in numpy's einsum: an axis of length 1 in one input takes the length the
 * others give it, and the ellipsis' dimensions are matched from the right.
 *
 * Dtype: an einsum that only moves elements (one input, nothing summed) keeps the dtype, as
 * rearrange does; once anything is summed or multiplied, float32 stays float32 and every
 * other dtype gives float64, as reduce's sum does (integers are summed exactly, never wrapped).
 */
import { EinopsError } from '../errors';
import { checkedSize } from '../ndarray/shape';
import type { EinsumRecipe } from '../pattern/einsum';
import {
  writeEinsumDiagonalMessage,
  writeEinsumEllipsisOutputMessage,
  writeEinsumLengthMessage,
  writeEinsumMinimumRankMessage,
  writeEinsumOperandCountMessage,
  writeEinsumRankMessage,
} from '../pattern/messages';
import { checkRecipeVersion, ELLIPSIS } from '../pattern/recipe';
import { describeInputs } from './apply';
import { type Backend, inScope } from './backend';
import { inContext } from './context';
import { cachedPlan, lastShapesPlan, storeShapesPlan } from './planCache';
import { withAllSteps } from './backends/ndarray';
import { getCommonBackend } from './registry';

export interface EinsumPlan {
  /** What happens to each input on its own, before any contraction. */
  readonly inputs: readonly InputSteps[];
  /** Pairwise contractions over the list of pending tensors, in order. */
  readonly contractions: readonly Contraction[];
  /** The last tensor's axes into the output's order, or null when they already are. */
  readonly permutation: readonly number[] | null;
  readonly outputShape: readonly number[];
  /** How many backend calls the plan makes. */
  readonly steps: number;
}

export interface InputSteps {
  /** Axis pairs whose diagonal is taken, in order; each removes both and appends the diagonal. */
  readonly diagonals: readonly (readonly [number, number])[];
  /** The shape without the length-1 dimensions that broadcast, or null when there are none. */
  readonly squeezedShape: readonly number[] | null;
  /** Axes to sum because no other input and not the output has them. */
  readonly summedAxes: readonly number[];
}

export interface Contraction {
  /** Positions in the pending list (left may come after right); both leave it and their product is appended. */
  readonly left: number;
  readonly right: number;
  /**
   * The left tensor to [batch…, m…, k…] (null: already), then reshaped to [batch, m, k]; or,
   * when `transposeLeft`, to [batch…, k…, m…] and [batch, k, m], transposed by the product.
   */
  readonly leftPermutation: readonly number[] | null;
  readonly leftShape: readonly number[] | null;
  readonly transposeLeft: boolean;
  /** The right tensor to [batch…, k…, n…] and [batch, k, n]; or, when `transposeRight`, [batch…, n…, k…] and [batch, n, k]. */
  readonly rightPermutation: readonly number[] | null;
  readonly rightShape: readonly number[] | null;
  readonly transposeRight: boolean;
  /** The product [batch, m, n] split back into [batch…, m…, n…], or null when it is that shape. */
  readonly resultShape: readonly number[] | null;
}

const product = (values: readonly number[]): number => values.reduce((acc, value) => acc * value, 1);

const sameShape = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((value, i) => value === b[i]);

const isIdentity = (permutation: readonly number[]): boolean => permutation.every((axis, i) => axis === i);

/** Binds a recipe to the inputs' shapes: every check, every length, every step. Pure. */
export function bindEinsumRecipe(recipe: EinsumRecipe, shapes: readonly (readonly number[])[]): EinsumPlan {
  const { axes, inputs, output } = recipe;
  if (shapes.length !== inputs.length) {
    throw new EinopsError(writeEinsumOperandCountMessage(inputs.length, shapes.length));
  }

  // How many dimensions each input's `...` stands for. They are the trailing ones of the
  // output's `...`: numpy aligns ellipses from the right, as broadcasting does.
  const ellipsisRanks = inputs.map((dims, k) => {
    const rank = shapes[k]!.length;
    const named = dims.filter((id) => id !== ELLIPSIS).length;
    if (named === dims.length) {
      if (rank !== named) throw new EinopsError(writeEinsumRankMessage(k, named, rank));
      return 0;
    }
    if (rank < named) throw new EinopsError(writeEinsumMinimumRankMessage(k, named, rank));
    return rank - named;
  });
  const ellipsisRank = Math.max(0, ...ellipsisRanks);
  if (ellipsisRank > 0 && !output.includes(ELLIPSIS)) {
    throw new EinopsError(writeEinsumEllipsisOutputMessage(ellipsisRank));
  }
  const ellipsisIds = Array.from({ length: ellipsisRank }, (_, j) => axes.length + j);
  const nameOf = (id: number): string => (id < axes.length ? axes[id]! : `...${id - axes.length}`);
  const expand = (dims: readonly number[], rank: number): number[] =>
    dims.flatMap((id) => (id === ELLIPSIS ? ellipsisIds.slice(ellipsisRank - rank) : [id]));
  const labels = inputs.map((dims, k) => expand(dims, ellipsisRanks[k]!));
  const outputIds = expand(output, ellipsisRank);

  // The length of every axis, broadcasting 1 against the others; `source` names the input
  // that fixed it, for messages.
  const lengths = new Array<number>(axes.length + ellipsisRank).fill(-1);
  const source = new Array<number>(lengths.length).fill(-1);
  labels.forEach((ids, k) => {
    const shape = shapes[k]!;
    ids.forEach((id, d) => {
      const length = shape[d]!;
      const first = ids.indexOf(id);
      if (first < d && shape[first] !== length) {
        throw new EinopsError(writeEinsumDiagonalMessage(nameOf(id), k, shape[first]!, length));
      }
      const known = lengths[id]!;
      if (known === -1 || (known === 1 && length !== 1)) {
        lengths[id] = length;
        source[id] = k;
      } else if (length !== 1 && length !== known) {
        throw new EinopsError(writeEinsumLengthMessage(nameOf(id), k, length, source[id]!, known));
      }
    });
  });
  const outputShape = outputIds.map((id) => lengths[id]!);
  checkedSize(outputShape, () => 'the result');

  // Each input on its own: diagonals, then broadcast dimensions out.
  const prepared = labels.map((ids, k) => {
    let current = ids.slice();
    let shape = shapes[k]!.slice();
    const diagonals: [number, number][] = [];
    for (;;) {
      const second = current.findIndex((id, d) => current.indexOf(id) !== d);
      if (second < 0) break;
      const first = current.indexOf(current[second]!);
      diagonals.push([first, second]);
      const keep = (_: number, d: number): boolean => d !== first && d !== second;
      current = [...current.filter(keep), current[second]!];
      shape = [...shape.filter(keep), shape[second]!];
    }
    const kept = current.map((id, d) => !(shape[d] === 1 && lengths[id] !== 1));
    const squeezedShape = kept.includes(false) ? shape.filter((_, d) => kept[d]) : null;
    return { diagonals, squeezedShape, ids: current.filter((_, d) => kept[d]) };
  });
  // Then the axes only this input has, and the output does not, are summed away.
  const holders = new Map<number, number>();
  for (const { ids } of prepared) for (const id of ids) holders.set(id, (holders.get(id) ?? 0) + 1);
  const pending: number[][] = [];
  const inputSteps = prepared.map(({ diagonals, squeezedShape, ids }) => {
    const summed = (id: number): boolean => holders.get(id) === 1 && !outputIds.includes(id);
    pending.push(ids.filter((id) => !summed(id)));
    const summedAxes: number[] = []; // by push: a packed array, as bind's reducedAxes
    ids.forEach((id, d) => {
      if (summed(id)) summedAxes.push(d);
    });
    return { diagonals, squeezedShape, summedAxes };
  });

  const contractions: Contraction[] = [];
  while (pending.length > 1) {
    // Greedy: the pair whose product is smallest (the first such pair on a tie).
    let best: PairLabels | undefined;
    for (let i = 0; i < pending.length; i++) {
      for (let j = i + 1; j < pending.length; j++) {
        const pair = pairLabels(pending, i, j, outputIds, lengths);
        if (best === undefined || pair.size < best.size) best = pair;
      }
    }
    let pair = best!;
    // The last product gives [batch, m, n]; when the output wants [batch, n, m], the same
    // product with the operands swapped gives it without a final transpose (same sums).
    if (pending.length === 2) {
      const swapped = pairLabels(pending, pair.right, pair.left, outputIds, lengths);
      if (!sameShape(pair.result, outputIds) && sameShape(swapped.result, outputIds)) pair = swapped;
    }
    contractions.push(contractionOf(pair, pending[pair.left]!, pending[pair.right]!, lengths));
    removePair(pending, pair.left, pair.right);
    pending.push([...pair.result]);
  }

  const last = pending[0]!;
  const permutation = outputIds.map((id) => last.indexOf(id));
  const plan = {
    inputs: inputSteps,
    contractions,
    permutation: isIdentity(permutation) ? null : permutation,
    outputShape,
  };
  return { ...plan, steps: stepCount(plan) };
}

/** Takes two tensors out of the pending list (the later position first, so the other stays put). */
function removePair(pending: unknown[], left: number, right: number): void {
  pending.splice(Math.max(left, right), 1);
  pending.splice(Math.min(left, right), 1);
}

/** How the axes of two pending tensors split up when they are contracted. */
interface PairLabels {
  readonly left: number;
  readonly right: number;
  /** In both and needed later: the batch of the matrix product. */
  readonly batch: readonly number[];
  /** Only in the left one. */
  readonly m: readonly number[];
  /** In both and needed by no one else: summed by the product. */
  readonly k: readonly number[];
  /** Only in the right one. */
  readonly n: readonly number[];
  readonly result: readonly number[];
  /** Elements of the result. */
  readonly size: number;
}

function pairLabels(
  pending: readonly (readonly number[])[],
  left: number,
  right: number,
  outputIds: readonly number[],
  lengths: readonly number[],
): PairLabels {
  const a = pending[left]!;
  const b = pending[right]!;
  const needed = new Set(outputIds);
  pending.forEach((ids, t) => {
    if (t !== left && t !== right) for (const id of ids) needed.add(id);
  });
  // Axes that only one side has are always needed later: the per-input sums removed the others.
  const batch = a.filter((id) => b.includes(id) && needed.has(id));
  const k = a.filter((id) => b.includes(id) && !needed.has(id));
  const m = a.filter((id) => !b.includes(id));
  const n = b.filter((id) => !a.includes(id));
  const result = [...batch, ...m, ...n];
  return { left, right, batch, m, k, n, result, size: product(result.map((id) => lengths[id]!)) };
}

function contractionOf(pair: PairLabels, a: readonly number[], b: readonly number[], lengths: readonly number[]): Contraction {
  const lengthsOf = (ids: readonly number[]): number[] => ids.map((id) => lengths[id]!);
  const { batch, m, k, n } = pair;
  const [batchLength, mLength, kLength, nLength] = [batch, m, k, n].map((ids) => product(lengthsOf(ids))) as [number, number, number, number];
  // Each operand in the product's order, or in the transposed one when that needs no transpose
  // of its own (the product reads it transposed for free) and the usual order would.
  const operand = (ids: readonly number[], usual: readonly (readonly number[])[], transposed: readonly (readonly number[])[], shapes: readonly number[][]) => {
    const permutationOf = (order: readonly number[]): number[] => order.map((id) => ids.indexOf(id));
    const usualPermutation = permutationOf(usual.flat());
    const transposedPermutation = permutationOf(transposed.flat());
    const transpose = !isIdentity(usualPermutation) && isIdentity(transposedPermutation);
    const order = (transpose ? transposed : usual).flat();
    const shape = shapes[transpose ? 1 : 0]!;
    const permutation = transpose ? transposedPermutation : usualPermutation;
    return {
      permutation: isIdentity(permutation) ? null : permutation,
      shape: sameShape(shape, lengthsOf(order)) ? null : shape,
      transpose,
    };
  };
  const left = operand(a, [batch, m, k], [batch, k, m], [[batchLength, mLength, kLength], [batchLength, kLength, mLength]]);
  const right = operand(b, [batch, k, n], [batch, n, k], [[batchLength, kLength, nLength], [batchLength, nLength, kLength]]);
  const resultShape = lengthsOf(pair.result);
  return {
    left: pair.left,
    right: pair.right,
    leftPermutation: left.permutation,
    leftShape: left.shape,
    transposeLeft: left.transpose,
    rightPermutation: right.permutation,
    rightShape: right.shape,
    transposeRight: right.transpose,
    resultShape: sameShape(resultShape, [batchLength, mLength, nLength]) ? null : resultShape,
  };
}

/** Runs a bound plan on the inputs. */
export function executeEinsumPlan(backend: Backend, plan: EinsumPlan, tensors: readonly unknown[]): unknown {
  // The common case of a plan that is one matrix product of the two inputs as they are
  // (`b i d, b j d -> b i j`): on tfjs a small product costs a few microseconds, so the lists
  // the general loop builds would show.
  if (plan.steps === 1 && plan.contractions.length === 1) {
    const step = plan.contractions[0]!;
    return backend.matmul(tensors[step.left], tensors[step.right], step.transposeLeft, step.transposeRight);
  }
  const pending = tensors.map((x, k) => {
    const steps = plan.inputs[k]!;
    let tensor = x;
    for (const [first, second] of steps.diagonals) tensor = backend.diagonal(tensor, first, second);
    if (steps.squeezedShape !== null) tensor = backend.reshape(tensor, steps.squeezedShape);
    if (steps.summedAxes.length > 0) tensor = backend.reduce(tensor, 'sum', steps.summedAxes);
    return tensor;
  });
  for (const step of plan.contractions) {
    let a = pending[step.left];
    let b = pending[step.right];
    if (step.leftPermutation !== null) a = backend.transpose(a, step.leftPermutation);
    if (step.leftShape !== null) a = backend.reshape(a, step.leftShape);
    if (step.rightPermutation !== null) b = backend.transpose(b, step.rightPermutation);
    if (step.rightShape !== null) b = backend.reshape(b, step.rightShape);
    let result = backend.matmul(a, b, step.transposeLeft, step.transposeRight);
    if (step.resultShape !== null) result = backend.reshape(result, step.resultShape);
    removePair(pending, step.left, step.right);
    pending.push(result);
  }
  const last = pending[0];
  return plan.permutation === null ? last : backend.transpose(last, plan.permutation);
}

/** How many backend calls a plan makes. */
function stepCount(plan: Omit<EinsumPlan, 'steps'>): number {
  let count = plan.permutation === null ? 0 : 1;
  for (const steps of plan.inputs) {
    count += steps.diagonals.length + (steps.squeezedShape === null ? 0 : 1) + (steps.summedAxes.length === 0 ? 0 : 1);
  }
  for (const step of plan.contractions) {
    count += 1;
    for (const shape of [step.leftPermutation, step.leftShape, step.rightPermutation, step.rightShape, step.resultShape]) {
      if (shape !== null) count++;
    }
  }
  return count;
}

/**
 * Applies a compiled einsum recipe (from {@link compileEinsumRecipe}, or inlined by the build
 * plugin) to its input tensors. Throws an {@link EinopsError}, with the pattern and the shapes
 * in it, when the inputs do not fit the recipe.
 * @example
 * ```ts
 * import { applyEinsumRecipe, compileEinsumRecipe, tensor } from 'einops';
 *
 * const recipe = compileEinsumRecipe('i j, j k -> i k');
 * applyEinsumRecipe(recipe, [tensor([[1, 2]]), tensor([[3], [4]])]); // [[11]]
 * ```
 */
export function applyEinsumRecipe(recipe: EinsumRecipe, tensors: readonly unknown[]): unknown {
  try {
    checkRecipeVersion(recipe);
    if (tensors.length === 0) throw new EinopsError(writeEinsumOperandCountMessage(recipe.inputs.length, 0));
    const backend = withAllSteps(getCommonBackend(tensors));
    const shapes = tensors.map((x) => backend.shape(x));
    const plan =
      lastShapesPlan<EinsumPlan>(recipe, shapes) ??
      storeShapesPlan(
        recipe,
        shapes,
        cachedPlan(`einsum\u0000${recipe.pattern}\u0000${shapes.map((shape) => shape.join(',')).join(';')}`, () => bindEinsumRecipe(recipe, shapes)),
      );
    return inScope(backend, tensors, () => executeEinsumPlan(backend, plan, tensors), plan.steps <= 1);
  } catch (error) {
    throw inContext(error, { op: 'einsum', pattern: recipe.pattern, input: () => describeInputs(tensors) });
  }
}
