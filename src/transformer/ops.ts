/**
 * The ops the transformer precompiles: which arguments a call must have, which one is the
 * pattern, which compiler reads it (the same one the string-pattern ops use at run time) and
 * which `einops/runtime` function takes the recipe instead. And the layers it precompiles:
 * `new Rearrange(pattern, …)` and `new Reduce(pattern, …)` of `einops/layers/tfjs`, whose
 * classes take the recipe in the pattern's place, from `einops/layers/tfjs/runtime`; and
 * `new EinMix(pattern, { weightShape, biasShape, axes })` when all of those are literals.
 */
import { compileRecipe } from '../pattern/compile';
import type { RecipeOp } from '../pattern/recipe';
import { compileEinsumRecipe } from '../pattern/einsum';
import { compilePackRecipe } from '../pattern/pack';
import { compileParseShapeRecipe } from '../pattern/parseShape';

export type OpName = 'rearrange' | 'reduce' | 'repeat' | 'einsum' | 'pack' | 'unpack' | 'parseShape';

export type RuntimeFunction = 'applyRecipe' | 'applyEinsumRecipe' | 'applyPackRecipe' | 'applyUnpackRecipe' | 'applyParseShapeRecipe';

/**
 * How the arguments move into the runtime call:
 * - `recipe`: `op(x, pattern, reduction?, axes?)` → `applyRecipe(R, x, reduction, axes?)`;
 * - `einsum`: `einsum(a, b, pattern)` → `applyEinsumRecipe(R, [a, b])`;
 * - `trailing`: the pattern is the last argument and the others pass through in order.
 */
export type CallForm = 'recipe' | 'einsum' | 'trailing';

export interface OpSpec {
  readonly runtime: RuntimeFunction;
  readonly form: CallForm;
  /** The argument counts a call may have to be precompiled; other counts are left to run time. */
  readonly minArguments: number;
  readonly maxArguments: number;
  /** The pattern's position; -1 for the last argument. */
  readonly patternIndex: number;
  /** Ops whose patterns compile alike share hoisted recipes: pack and unpack. */
  readonly recipeKind: string;
  /** Throws the EinopsError the string-pattern op would throw at run time. */
  readonly compile: (pattern: string) => unknown;
}

export const OPS: Readonly<Record<OpName, OpSpec>> = {
  rearrange: {
    runtime: 'applyRecipe',
    form: 'recipe',
    minArguments: 2,
    maxArguments: 3,
    patternIndex: 1,
    recipeKind: 'rearrange',
    compile: (pattern) => compileRecipe('rearrange', pattern),
  },
  reduce: {
    runtime: 'applyRecipe',
    form: 'recipe',
    minArguments: 2,
    maxArguments: 4,
    patternIndex: 1,
    recipeKind: 'reduce',
    compile: (pattern) => compileRecipe('reduce', pattern),
  },
  repeat: {
    runtime: 'applyRecipe',
    form: 'recipe',
    minArguments: 2,
    maxArguments: 3,
    patternIndex: 1,
    recipeKind: 'repeat',
    compile: (pattern) => compileRecipe('repeat', pattern),
  },
  einsum: {
    runtime: 'applyEinsumRecipe',
    form: 'einsum',
    minArguments: 2,
    maxArguments: Infinity,
    patternIndex: -1,
    recipeKind: 'einsum',
    compile: compileEinsumRecipe,
  },
  pack: {
    runtime: 'applyPackRecipe',
    form: 'trailing',
    minArguments: 2,
    maxArguments: 2,
    patternIndex: 1,
    recipeKind: 'pack',
    compile: compilePackRecipe,
  },
  unpack: {
    runtime: 'applyUnpackRecipe',
    form: 'trailing',
    minArguments: 3,
    maxArguments: 3,
    patternIndex: 2,
    recipeKind: 'pack',
    compile: compilePackRecipe,
  },
  parseShape: {
    runtime: 'applyParseShapeRecipe',
    form: 'trailing',
    minArguments: 2,
    maxArguments: 2,
    patternIndex: 1,
    recipeKind: 'parseShape',
    compile: compileParseShapeRecipe,
  },
};

export const isOpName = (name: string): name is OpName => Object.hasOwn(OPS, name);

export type LayerName = 'Rearrange' | 'Reduce' | 'EinMix';

export interface LayerSpec {
  /**
   * The op whose recipe a Rearrange or Reduce pattern compiles to; undefined for EinMix, whose
   * whole definition compiles (its second argument's weightShape, biasShape and axes too).
   */
  readonly op: Extract<OpName, RecipeOp> | undefined;
  /** The argument counts a construction may have to be precompiled; the pattern comes first. */
  readonly minArguments: number;
  readonly maxArguments: number;
}

export const LAYERS: Readonly<Record<LayerName, LayerSpec>> = {
  Rearrange: { op: 'rearrange', minArguments: 1, maxArguments: 3 },
  Reduce: { op: 'reduce', minArguments: 2, maxArguments: 4 },
  EinMix: { op: undefined, minArguments: 2, maxArguments: 2 },
};

export const isLayerName = (name: string): name is LayerName => Object.hasOwn(LAYERS, name);
