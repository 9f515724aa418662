/**
 * pack and unpack on any backend, as einops' packing.py does them. pack merges each tensor's
 * dimensions at the `*` into one (a reshape) and concatenates the tensors along it; unpack
 * slices that dimension back into pieces and reshapes each to its packed shape. The shape
 * checks are cheap, so nothing here is cached beyond the recipe.
 */
import { EinopsError } from '../errors';
import type { PackRecipe } from '../pattern/pack';
import {
  writePackDTypeMismatchMessage,
  writePackedShapeEntryMessage,
  writePackedShapesInferMessage,
  writePackedShapesMessage,
  writePackedShapesOverflowMessage,
  writePackedShapesTotalMessage,
  writePackedShapesUnknownsMessage,
  writePackEmptyListMessage,
  writePackListMessage,
  writePackRankMessage,
  writePackShapeMismatchMessage,
  writeUnpackRankMessage,
} from '../pattern/messages';
import { checkRecipeVersion } from '../pattern/recipe';
import { describeInput, describeInputs } from './apply';
import { describeShape, inContext } from './context';
import { inScope } from './backend';
import { withAllSteps } from './backends/ndarray';
import { getBackend, getCommonBackend } from './registry';

const product = (values: readonly number[]): number => values.reduce((acc, value) => acc * value, 1);

const sameShape = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * Packs tensors into one along the `*` of the recipe; returns it with each tensor's packed
 * shape (the dimensions that `*` stood for), which unpack takes to split it again. Throws an
 * {@link EinopsError} as {@link pack} does.
 * @example
 * ```ts
 * import { applyPackRecipe, compilePackRecipe, tensor } from 'einops';
 *
 * const recipe = compilePackRecipe('b *');
 * applyPackRecipe(recipe, [tensor([[1], [2]]), tensor([[3, 4], [5, 6]])]); // [[[1, 3, 4], [2, 5, 6]], [[1], [2]]]
 * ```
 */
export function applyPackRecipe(recipe: PackRecipe, tensors: unknown): [unknown, number[][]] {
  try {
    checkRecipeVersion(recipe);
    if (!Array.isArray(tensors)) {
      throw new EinopsError(writePackListMessage(tensors === null ? 'null' : typeof tensors === 'object' ? 'a single tensor' : typeof tensors));
    }
    if (tensors.length === 0) throw new EinopsError(writePackEmptyListMessage());
    const list = tensors as readonly unknown[];
    const backend = withAllSteps(getCommonBackend(list));
    const { before, after } = recipe;
    const firstShape = backend.shape(list[0]);
    const firstDType = backend.dtype(list[0]);
    const outside = (shape: readonly number[]): number[] => [...shape.slice(0, before), ...shape.slice(shape.length - after)];
    const packedShapes: number[][] = [];
    const joined = inScope(backend, list, () => {
      const parts = list.map((x, i) => {
        const shape = backend.shape(x);
        if (shape.length < before + after) {
          throw new EinopsError(writePackRankMessage(i, describeShape(shape), before + after));
        }
        if (!sameShape(outside(shape), outside(firstShape))) {
          throw new EinopsError(writePackShapeMismatchMessage(i, describeShape(shape), describeShape(firstShape)));
        }
        const dtype = backend.dtype(x);
        if (dtype !== firstDType) throw new EinopsError(writePackDTypeMismatchMessage(i, dtype, firstDType));
        const end = shape.length - after;
        const packed = shape.slice(before, end);
        packedShapes.push(packed);
        const merged = [...shape.slice(0, before), product(packed), ...shape.slice(end)];
        return sameShape(merged, shape) ? x : backend.reshape(x, merged);
      });
      return parts.length === 1 ? parts[0] : backend.concat(parts, before);
    });
    return [joined, packedShapes];
  } catch (error) {
    throw inContext(error, { op: 'pack', pattern: recipe.pattern, input: () => describeInputs(tensors) });
  }
}

/**
 * Splits a packed tensor along the recipe's `*` into tensors of the given packed shapes (one
 * of which may hold a -1). Throws an {@link EinopsError} as {@link unpack} does.
 * @example
 * ```ts
 * import { applyUnpackRecipe, compilePackRecipe, tensor } from 'einops';
 *
 * const recipe = compilePackRecipe('b *');
 * applyUnpackRecipe(recipe, tensor([[1, 3, 4], [2, 5, 6]]), [[1], [-1]]); // [[1], [2]] and [[3, 4], [5, 6]]
 * ```
 */
export function applyUnpackRecipe(recipe: PackRecipe, packed: unknown, packedShapes: unknown): unknown[] {
  try {
    checkRecipeVersion(recipe);
    const backend = withAllSteps(getBackend(packed));
    const shape = backend.shape(packed);
    const { before, after } = recipe;
    if (shape.length !== before + 1 + after) throw new EinopsError(writeUnpackRankMessage(before + 1 + after, shape.length));
    const pieces = resolvePackedShapes(packedShapes, before, shape[before]!);
    const head = shape.slice(0, before);
    const tail = shape.slice(before + 1);
    let start = 0;
    return inScope(backend, [packed], () =>
      pieces.map((pieceShape) => {
        const length = product(pieceShape);
        const piece = backend.slice(packed, before, start, start + length);
        start += length;
        return backend.reshape(piece, [...head, ...pieceShape, ...tail]);
      }),
    );
  } catch (error) {
    throw inContext(error, {
      op: 'unpack',
      pattern: recipe.pattern,
      input: () => `${describeInput(packed)}, packed shapes ${describePackedShapes(packedShapes)}`,
    });
  }
}

/**
 * The packed shapes with a -1 (at most one in all) replaced by what the dimension's length
 * leaves for it. They must add up to that length exactly.
 */
function resolvePackedShapes(packedShapes: unknown, dimension: number, length: number): number[][] {
  if (!Array.isArray(packedShapes) || !packedShapes.every((entry) => Array.isArray(entry))) {
    throw new EinopsError(writePackedShapesMessage(describePackedShapes(packedShapes)));
  }
  const shapes = (packedShapes as readonly unknown[][]).map((entries, index) =>
    entries.map((value) => {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < -1) {
        throw new EinopsError(writePackedShapeEntryMessage(index, String(value)));
      }
      return value;
    }),
  );
  const unknowns = shapes.flat().filter((value) => value === -1).length;
  if (unknowns > 1) throw new EinopsError(writePackedShapesUnknownsMessage(unknowns));
  const unknownIndex = shapes.findIndex((entries) => entries.includes(-1));
  const known = shapes.reduce((total, entries, index) => (index === unknownIndex ? total : total + product(entries)), 0);
  if (unknownIndex < 0) {
    if (known !== length) throw new EinopsError(writePackedShapesTotalMessage(dimension, length, known));
    return shapes;
  }
  const left = length - known;
  if (left < 0) throw new EinopsError(writePackedShapesOverflowMessage(dimension, length, known));
  const withUnknown = shapes[unknownIndex]!;
  const others = product(withUnknown.filter((value) => value !== -1));
  // 0 elements over a 0-length factor would fit any value: numpy refuses that reshape too.
  if (others === 0 || left % others !== 0) {
    throw new EinopsError(writePackedShapesInferMessage(dimension, length, unknownIndex, left, others));
  }
  shapes[unknownIndex] = withUnknown.map((value) => (value === -1 ? left / others : value));
  return shapes;
}

function describePackedShapes(packedShapes: unknown): string {
  if (!Array.isArray(packedShapes)) return packedShapes === null ? 'null' : typeof packedShapes;
  return `[${packedShapes.map((entry: unknown) => (Array.isArray(entry) ? `[${entry.map(String).join(', ')}]` : String(entry))).join(', ')}]`;
}
