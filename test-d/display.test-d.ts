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
