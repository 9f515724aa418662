/**
 * What hovering shows: each result written out as the editor prints it (checked by
 * scripts/typecheck-types.mjs against TypeScript's own printer, after `// =>`).
 */
import { type NDArray, parseShape, rearrange, reduce, repeat, tensor } from './einops';

const x = tensor(new Float32Array(10 * 32 * 100 * 200), [10, 32, 100, 200]); // => NDArray<[10, 32, 100, 200], "float32">
export const flat = rearrange(x, 'b c h w -> b (c h w)'); // => NDArray<[10, 640000], "float32">
export const s2d = rearrange(x, 'b c (h h1) (w w1) -> b (h1 w1 c) h w', { h1: 2, w1: 2 }); // => NDArray<[10, 128, 50, 100], "float32">
export const pooled = reduce(x, 'b c (h 2) (w 2) -> b c h w', 'max'); // => NDArray<[10, 32, 50, 100], "float32">
export const kept = reduce(x, 'b c h w -> b c 1 1', 'mean'); // => NDArray<[10, 32, 1, 1], "float32">
export const any = reduce(x, 'b c h w -> b', 'any'); // => NDArray<[10], "bool">
export const tiled = repeat(x, 'b c h w -> b c (h 2) (w 2)'); // => NDArray<[10, 32, 200, 400], "float32">
export const names = parseShape(x, 'batch c _ _'); // => { batch: 10; c: 32; }
export const stacked = rearrange([x, x], 'n b c h w -> b n c h w'); // => NDArray<[10, 2, 32, 100, 200], "float32">
declare const anyRank: NDArray<number[], 'float32'>;
export const ranked = rearrange(anyRank, 'b c h w -> b (c h w)'); // => NDArray<[number, number], "float32">
export const open = rearrange(anyRank, 'b ... -> ... b'); // => NDArray<[...number[], number], "float32">

// toArray and iteration read the shape through `this` (see ndarray.ts): the same nesting and
// rows as before, and a tensor of a literal shape passes where a plain NDArray is taken.
const small = tensor([[1, 2, 3], [4, 5, 6]]); // => NDArray<[2, 3], "float32">
export const nested = small.toArray(); // => number[][]
export const flags = tensor([true, false]).toArray(); // => boolean[]
export const scalar = tensor(7).toArray(); // => number
// Each kind of argument still picks its overload (nested arrays are tried before a lone typed array).
export const wrapped = tensor(new Uint8Array(4)); // => NDArray<[number], "uint8">
export const wrappedAs = tensor(new Float64Array(4), undefined, 'float32'); // => NDArray<[number], "float32">
export const flatShaped = tensor([1, 2, 3, 4], [2, 2]); // => NDArray<[2, 2], "float32">
export const nestedAs = tensor([[1, 2], [3, 4]], undefined, 'int32'); // => NDArray<[2, 2], "int32">
export const rows = [...small]; // => NDArray<[3], "float32">[]
const [firstRow] = small;
export const row = firstRow!; // => NDArray<[3], "float32">
export const rowValues = firstRow!.toArray(); // => number[]
export const anyRows = [...anyRank]; // => NDArray<number[], "float32">[]
export const widened: NDArray = small;
export const byDType: NDArray<readonly number[], 'float32'> = small; // => NDArray<readonly number[], "float32">
// In generic code the rows and nested arrays stay typed by the shape parameter.
export function sizesOfRows<S extends readonly number[]>(t: NDArray<S, 'float32'>): number[] {
  const sizes: number[] = [];
  for (const r of t) {
    const nested: number | readonly unknown[] = r.toArray();
    sizes.push(r.size * r.shape.length, Array.isArray(nested) ? nested.length : 0);
  }
  return sizes;
}
