/**
 * The public ops that take a pattern string: compile it (once, cached) and apply the recipe.
 * This is the module that brings the parser in; `einops/runtime` leaves it out.
 */
import { EinopsError } from '../errors';
import { compileRecipe } from '../pattern/compile';
import { compileEinsumRecipe, type EinsumRecipe } from '../pattern/einsum';
import { compilePackRecipe, type PackRecipe } from '../pattern/pack';
import { compileParseShapeRecipe, type ParseShapeRecipe } from '../pattern/parseShape';
import { writeEinsumArgumentsMessage, writeEinsumPatternLastMessage, writePatternTypeMessage } from '../pattern/messages';
import type { Recipe, RecipeOp } from '../pattern/recipe';
import { applyRecipe, describeInput, describeInputs, reductionDetail, type Reduction } from './apply';
import type { AxesLengths } from './bind';
import type {
  AxesLengths as PatternAxesLengths,
  EinsumAnalysis,
  EinsumResult,
  OpAnalysis,
  PackAnalysis,
  PackResult,
  ParseShapeOf,
  PatternParameter,
  RearrangeResult,
  ReduceAnalysis,
  ReduceResult,
  ReductionFunctionFor,
  ReductionParameter,
  RepeatResult,
  UnpackAnalysis,
  UnpackResult,
} from '../types';
import { inContext } from './context';
import { applyEinsumRecipe } from './einsum';
import { LruCache } from './lru';
import { applyPackRecipe, applyUnpackRecipe } from './pack';
import { applyParseShapeRecipe } from './parseShape';

// Compiled recipes of every op (Recipe, EinsumRecipe, PackRecipe, ParseShapeRecipe), keyed by
// pattern and then by op. A hit builds no key: the pattern is a string the caller already holds
// (usually a literal, whose hash is computed once).
const recipes = new LruCache<string, Map<string, unknown>>(256);

function cachedRecipe<R>(op: string, pattern: string, compile: (pattern: string) => R): R {
  if (typeof pattern !== 'string') throw new EinopsError(writePatternTypeMessage(typeof pattern));
  let byOp = recipes.get(pattern);
  let recipe = byOp?.get(op) as R | undefined;
  if (recipe === undefined) {
    recipe = compile(pattern);
    if (byOp === undefined) {
      byOp = new Map();
      recipes.set(pattern, byOp);
    }
    byOp.set(op, recipe);
  }
  return recipe;
}

/** The compiled recipe for (op, pattern), from the cache when it has been seen. */
export function recipeFor(op: RecipeOp, pattern: string): Recipe {
  return cachedRecipe(op, pattern, COMPILERS[op]);
}

// One compile function per op, made once: a closure per call would be allocated on every hit.
const COMPILERS: { readonly [Op in RecipeOp]: (pattern: string) => Recipe } = {
  rearrange: (pattern) => compileRecipe('rearrange', pattern),
  reduce: (pattern) => compileRecipe('reduce', pattern),
  repeat: (pattern) => compileRecipe('repeat', pattern),
};

/** The compiled einsum recipe for a pattern, cached. */
export const einsumRecipeFor = (pattern: string): EinsumRecipe => cachedRecipe('einsum', pattern, compileEinsumRecipe);

/** The compiled recipe of a pack or unpack pattern (the two share it), cached. */
export const packRecipeFor = (pattern: string): PackRecipe => cachedRecipe('pack', pattern, compilePackRecipe);

/** The compiled recipe of a parseShape pattern, cached. */
const parseShapeRecipeFor = (pattern: string): ParseShapeRecipe => cachedRecipe('parseShape', pattern, compileParseShapeRecipe);

function run(op: RecipeOp, x: unknown, pattern: string, reduction: Reduction | undefined, axes?: AxesLengths): unknown {
  let recipe: Recipe;
  try {
    recipe = recipeFor(op, pattern);
  } catch (error) {
    throw inContext(error, {
      op,
      pattern: String(pattern),
      detail: reductionDetail(op, reduction),
      input: () => describeInput(x),
      axesLengths: axes ?? {},
    });
  }
  return applyRecipe(recipe, x, reduction, axes);
}


/**
 * Reorders, splits, merges, squeezes and unsqueezes axes, as a pattern says: einops'
 * `rearrange`. `x` is a tensor of any registered library, or a list of tensors of one shape
 * (stacked on a new first axis); `axes` gives the lengths the shape cannot tell. The result may
 * be a view of `x`. Throws an {@link EinopsError} for a bad pattern, a shape that does not fit
 * it, or bad axis lengths; with a literal pattern, the same message is a type error.
 * @example
 * ```ts
 * import { rearrange, tensor } from 'einops';
 *
 * const images = tensor(new Float32Array(2 * 4 * 6 * 3), [2, 4, 6, 3]);
 * rearrange(images, 'b h w c -> b c h w').shape;                                     // [2, 3, 4, 6]
 * rearrange(images, 'b (h h1) (w w1) c -> b h w (c h1 w1)', { h1: 2, w1: 2 }).shape; // [2, 2, 3, 12]
 * rearrange([images, images], 'n b h w c -> (n b) h w c').shape;                     // [4, 4, 6, 3]
 * ```
 */
export function rearrange<const X, const P extends string, const A extends PatternAxesLengths = {}>(
  x: X,
  pattern: PatternParameter<P, OpAnalysis<'rearrange', X, P, A>>,
  axes?: A,
): RearrangeResult<X, P, A>;
export function rearrange(x: unknown, pattern: string, axes?: AxesLengths): unknown {
  return run('rearrange', x, pattern, undefined, axes);
}

/**
 * Reduces the axes that the right side leaves out and rearranges the rest: einops' `reduce`.
 * `reduction` is `'min'`, `'max'`, `'sum'`, `'mean'`, `'prod'`, `'any'`, `'all'`, or a function
 * `(x, axes) => y` that reduces the given axes of the backend's tensor. Integer `sum`/`prod`
 * give float64; `mean` of integers is an error, as in einops. Throws an {@link EinopsError} as
 * {@link rearrange} does, and for an unknown reduction.
 * @example
 * ```ts
 * import { reduce, tensor } from 'einops';
 *
 * const x = tensor(new Float32Array(2 * 3 * 4 * 4), [2, 3, 4, 4]);
 * reduce(x, 'b c (h 2) (w 2) -> b c h w', 'max').shape; // [2, 3, 2, 2]: 2×2 max pooling
 * reduce(x, 'b c h w -> b c', 'mean').shape;            // [2, 3]: global average pooling
 * reduce(x, 'b c h w -> b c 1 1', 'sum').shape;         // [2, 3, 1, 1]: keepdims
 * ```
 */
export function reduce<
  const X,
  const P extends string,
  const R extends string | ReductionFunctionFor<X>,
  const A extends PatternAxesLengths = {},
>(
  x: X,
  pattern: PatternParameter<P, ReduceAnalysis<X, P, R, A>>,
  reduction: ReductionParameter<X, P, R>,
  axes?: A,
): ReduceResult<X, P, R, A>;
export function reduce(x: unknown, pattern: string, reduction: Reduction, axes?: AxesLengths): unknown {
  return run('reduce', x, pattern, reduction, axes);
}

/**
 * Repeats along the axes that are new on the right side (their lengths in `axes`, or written as
 * numbers) and rearranges the rest: einops' `repeat`. Throws an {@link EinopsError} as
 * {@link rearrange} does, and when a new axis has no length.
 * @example
 * ```ts
 * import { repeat, tensor } from 'einops';
 *
 * const image = tensor(new Float32Array(4 * 6), [4, 6]);
 * repeat(image, 'h w -> h w c', { c: 3 }).shape; // [4, 6, 3]: grey to RGB
 * repeat(image, 'h w -> (h 2) (w 2)').shape;     // [8, 12]: nearest upsampling
 * repeat(image, 'h w -> b h w', { b: 8 }).shape; // [8, 4, 6]: a batch of copies
 * ```
 */
export function repeat<const X, const P extends string, const A extends PatternAxesLengths = {}>(
  x: X,
  pattern: PatternParameter<P, OpAnalysis<'repeat', X, P, A>>,
  axes?: A,
): RepeatResult<X, P, A>;
export function repeat(x: unknown, pattern: string, axes?: AxesLengths): unknown {
  return run('repeat', x, pattern, undefined, axes);
}

/**
 * Multiplies tensors and sums over the axes the output leaves out, written with einops' named
 * axes: tensors first, the pattern last. An axis repeated within one input takes its diagonal;
 * `...` stands for the same leading or trailing dimensions in every input (broadcast as numpy
 * does). Three or more inputs are contracted pairwise, the smallest intermediate first, each
 * pair as one batched matrix product.
 *
 * The result is float32 when every input is float32 and float64 otherwise, except that an
 * einsum that only rearranges (one input, nothing summed) keeps the dtype. Throws an
 * {@link EinopsError} for a bad pattern, inputs of the wrong rank or with lengths that differ
 * for one axis, or when the pattern is not the last argument.
 * @example
 * ```ts
 * import { einsum, tensor } from 'einops';
 *
 * const queries = tensor(new Float32Array(2 * 5 * 8), [2, 5, 8]);
 * const keys = tensor(new Float32Array(2 * 7 * 8), [2, 7, 8]);
 * einsum(queries, keys, 'b i d, b j d -> b i j').shape;      // [2, 5, 7]: attention scores
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * const weights = tensor(new Float32Array(3 * 4), [3, 4]);
 * einsum(x, weights, 'batch in, in out -> batch out').shape; // [2, 4]: a linear layer
 * einsum(tensor([[1, 2], [3, 4]]), 'i i ->').item();         // 5: the trace
 * ```
 */
export function einsum<const T extends readonly unknown[], const P extends string>(
  ...args: [...tensors: T, pattern: PatternParameter<P, EinsumAnalysis<T, P>>]
): EinsumResult<T, P>;
export function einsum(...args: unknown[]): unknown {
  const pattern = args[args.length - 1];
  const tensors = args.slice(0, -1);
  let recipe: EinsumRecipe;
  try {
    if (args.length < 2) throw new EinopsError(writeEinsumArgumentsMessage());
    if (typeof pattern !== 'string') throw new EinopsError(writeEinsumPatternLastMessage(describeArgument(pattern)));
    recipe = einsumRecipeFor(pattern);
  } catch (error) {
    const text = args.find((arg): arg is string => typeof arg === 'string') ?? '';
    throw inContext(error, { op: 'einsum', pattern: text, input: () => describeInputs(args.filter((arg) => typeof arg !== 'string')) });
  }
  return applyEinsumRecipe(recipe, tensors);
}

const describeArgument = (x: unknown): string =>
  x === null ? 'null' : typeof x === 'object' ? ((x as object).constructor?.name ?? 'object') : typeof x;

/**
 * Packs tensors into one: the dimensions each tensor has at the `*` are merged into one and the
 * tensors are concatenated along it; the other dimensions, named around the `*`, must agree.
 * Returns the packed tensor and each tensor's packed shape, which {@link unpack} takes to undo
 * it. Throws an {@link EinopsError} for a bad pattern, an empty list, or tensors whose other
 * dimensions or dtypes differ.
 * @example
 * ```ts
 * import { pack, tensor } from 'einops';
 *
 * const classToken = tensor(new Float32Array(2 * 16), [2, 16]);
 * const patches = tensor(new Float32Array(2 * 3 * 3 * 16), [2, 3, 3, 16]);
 * const [packed, ps] = pack([classToken, patches], 'b * c');
 * packed.shape; // [2, 10, 16]
 * ps;           // [[], [3, 3]]
 * ```
 */
export function pack<const T extends readonly unknown[], const P extends string>(
  tensors: T,
  pattern: PatternParameter<P, PackAnalysis<T, P>>,
): PackResult<T, P>;
export function pack(tensors: unknown, pattern: string): [unknown, number[][]] {
  let recipe: PackRecipe;
  try {
    recipe = packRecipeFor(pattern);
  } catch (error) {
    throw inContext(error, { op: 'pack', pattern: String(pattern), input: () => describeInputs(tensors) });
  }
  return applyPackRecipe(recipe, tensors);
}

/**
 * Splits a tensor packed by `pack` back into tensors: one for each packed shape, which may hold
 * one -1 in all, inferred from the length of the packed dimension. Throws an
 * {@link EinopsError} when the shapes do not add up to that length.
 * @example
 * ```ts
 * import { pack, tensor, unpack } from 'einops';
 *
 * const x = tensor(new Float32Array(2 * 10 * 16), [2, 10, 16]);
 * const [first, rest] = unpack(x, [[1], [-1]], 'b * c'); // [2, 1, 16] and [2, 9, 16]
 * const [packed, ps] = pack([first, rest], 'b * c');      // [2, 10, 16], [[1], [9]]
 * const [first2, rest2] = unpack(packed, ps, 'b * c');    // pack's shapes undo it
 * ```
 */
export function unpack<const X, const PS extends readonly (readonly number[])[], const P extends string>(
  packed: X,
  packedShapes: PS,
  pattern: PatternParameter<P, UnpackAnalysis<X, PS, P>>,
): UnpackResult<X, PS, P>;
export function unpack(packed: unknown, packedShapes: readonly (readonly number[])[], pattern: string): unknown[] {
  let recipe: PackRecipe;
  try {
    recipe = packRecipeFor(pattern);
  } catch (error) {
    throw inContext(error, { op: 'unpack', pattern: String(pattern), input: () => describeInput(packed) });
  }
  return applyUnpackRecipe(recipe, packed, packedShapes);
}

/**
 * Maps the axis names of a pattern to the lengths of the tensor's dimensions: einops'
 * `parse_shape`; `_` skips a dimension, `...` any number of them, and `1`, `()` or a number
 * checks a length. Throws an {@link EinopsError} when the pattern does not fit the tensor's rank
 * or lengths.
 * @example
 * ```ts
 * import { parseShape, tensor } from 'einops';
 *
 * const x = tensor(new Float32Array(2 * 3 * 5 * 7), [2, 3, 5, 7]);
 * parseShape(x, 'batch _ h w'); // { batch: 2, h: 5, w: 7 }
 * ```
 */
export function parseShape<const X, const P extends string>(x: X, pattern: PatternParameter<P, ParseShapeOf<X, P>>): ParseShapeOf<X, P>;
export function parseShape(x: unknown, pattern: string): Record<string, number> {
  let recipe: ParseShapeRecipe;
  try {
    recipe = parseShapeRecipeFor(pattern);
  } catch (error) {
    throw inContext(error, { op: 'parseShape', pattern: String(pattern), input: () => describeInput(x) });
  }
  return applyParseShapeRecipe(recipe, x);
}
