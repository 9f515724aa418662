/**
 * The shapes of einops' deep-learning tutorial (part 2), as the editor infers them, with each
 * result's type written out as it shows on hover.
 */
import { expectType } from 'tsd';
import { type NDArray, parseShape, rearrange, reduce, repeat, tensor } from './einops';

const x = tensor(new Float32Array(10 * 32 * 100 * 200), [10, 32, 100, 200]);
expectType<NDArray<[10, 32, 100, 200], 'float32'>>(x);

// bhwc and back
expectType<NDArray<[10, 100, 200, 32], 'float32'>>(rearrange(x, 'b c h w -> b h w c'));
expectType<NDArray<[10, 32, 100, 200], 'float32'>>(rearrange(rearrange(x, 'b c h w -> b h w c'), 'b h w c -> b c h w'));

// flatten
expectType<NDArray<[10, 640000], 'float32'>>(rearrange(x, 'b c h w -> b (c h w)'));

// space-to-depth and depth-to-space
const s2d = rearrange(x, 'b c (h h1) (w w1) -> b (h1 w1 c) h w', { h1: 2, w1: 2 });
expectType<NDArray<[10, 128, 50, 100], 'float32'>>(s2d);
const d2s = rearrange(x, 'b (h1 w1 c) h w -> b c (h h1) (w w1)', { h1: 2, w1: 2 });
expectType<NDArray<[10, 8, 200, 400], 'float32'>>(d2s);

// global average and max pooling
expectType<NDArray<[10, 32], 'float32'>>(reduce(x, 'b c h w -> b c', 'mean'));
expectType<NDArray<[10, 32], 'float32'>>(reduce(x, 'b c h w -> b c', 'max'));

// 2x2 pooling with anonymous axes
expectType<NDArray<[10, 32, 50, 100], 'float32'>>(reduce(x, 'b c (h 2) (w 2) -> b c h w', 'max'));
expectType<NDArray<[10, 32, 50, 100], 'float32'>>(reduce(x, 'b c (h h2) (w w2) -> b c h w', 'mean', { h2: 2, w2: 2 }));

// 1d and 3d pooling
const seq = tensor(new Float32Array(10 * 32 * 100), [10, 32, 100]);
expectType<NDArray<[10, 32, 50], 'float32'>>(reduce(seq, 'b c (t 2) -> b c t', 'max'));
const vol = tensor(new Float32Array(10 * 32 * 8 * 8 * 8), [10, 32, 8, 8, 8]);
expectType<NDArray<[10, 32, 4, 4, 4], 'float32'>>(reduce(vol, 'b c (x 2) (y 2) (z 2) -> b c x y z', 'max'));

// squeeze and unsqueeze
expectType<NDArray<[10, 32, 100, 200, 1], 'float32'>>(rearrange(x, 'b c h w -> b c h w ()'));
expectType<NDArray<[10, 32, 1, 100, 200], 'float32'>>(rearrange(x, 'b c h w -> b c 1 h w'));
const pooled = reduce(x, 'b c h w -> b c () ()', 'max');
expectType<NDArray<[10, 32, 1, 1], 'float32'>>(pooled);
expectType<NDArray<[10, 32], 'float32'>>(rearrange(pooled, 'b c () () -> b c'));

// per-channel mean normalisation: keepdims-like b c 1 1
expectType<NDArray<[10, 32, 1, 1], 'float32'>>(reduce(x, 'b c h w -> b c 1 1', 'mean'));
expectType<NDArray<[1, 32, 1, 1], 'float32'>>(reduce(x, 'b c h w -> 1 c 1 1', 'mean'));

// stacking and concatenating a list of tensors
const frames = [x, x, x];
expectType<NDArray<[number, 10, 32, 100, 200], 'float32'>>(rearrange(frames, 'n b c h w -> n b c h w'));
expectType<NDArray<[3, 10, 32, 100, 200], 'float32'>>(rearrange([x, x, x], 'n b c h w -> n b c h w'));
expectType<NDArray<[10, 32, 100, 600], 'float32'>>(rearrange([x, x, x], 'n b c h w -> b c h (n w)'));

// channel shuffle
expectType<NDArray<[10, 32, 100, 200], 'float32'>>(rearrange(x, 'b (g1 g2 c) h w -> b (g2 g1 c) h w', { g1: 4, g2: 4 }));

// splitting the bbox axis into four variables (iterating may end early, hence undefined under
// noUncheckedIndexedAccess)
const boxes = tensor(new Float32Array(10 * 4 * 5), [10, 20]);
expectType<NDArray<[4, 10, 5], 'float32'>>(rearrange(boxes, 'b (coord n) -> coord b n', { coord: 4 }));
const [bx, , , bh] = rearrange(boxes, 'b (coord n) -> coord b n', { coord: 4 });
expectType<NDArray<[10, 5], 'float32'> | undefined>(bx);
expectType<NDArray<[10, 5], 'float32'> | undefined>(bh);

// parseShape with _
expectType<{ batch: 10; c: 32 }>(parseShape(x, 'batch c _ _'));
expectType<{ h: 100; w: 200 }>(parseShape(x, '_ _ h w'));

// upsampling by repeat
expectType<NDArray<[10, 32, 200, 400], 'float32'>>(repeat(x, 'b c h w -> b c (h 2) (w 2)'));
expectType<NDArray<[10, 32, 100, 200, 3], 'float32'>>(repeat(x, 'b c h w -> b c h w k', { k: 3 }));
