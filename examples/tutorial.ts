/**
 * einops tutorial, part 2 ("einops for deep learning"), on the embedded NDArray.
 * Run with `npm run demo`: each step prints the shape it produces.
 */
import { type NDArray, parseShape, rearrange, reduce, repeat, tensor } from '../src/index';

const log = (step: string, y: { shape: readonly number[] }): void => {
  console.log(`${step.padEnd(58)} [${y.shape.join(', ')}]`);
};

// A batch of 10 images, 32 channels, 100×200 pixels, with deterministic pseudo-random values.
const [B, C, H, W] = [10, 32, 100, 200];
const values = new Float32Array(B * C * H * W);
let seed = 42;
for (let i = 0; i < values.length; i++) {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  values[i] = seed / 2 ** 32 - 0.5;
}
const x = tensor(values, [B, C, H, W]);
log('x', x);

// Element-wise arithmetic is the user's own; einops only moves and reduces. These helpers
// work on two arrays of one shape (use repeat to broadcast first).
const zipWith = (a: NDArray, b: NDArray, f: (p: number, q: number) => number): NDArray => {
  const [p, q] = [a.data as Float32Array, b.data as Float32Array];
  return tensor(p.map((value, i) => f(value, q[i]!)), a.shape);
};

console.log('\n# simple computations');
log("rearrange(x, 'b c h w -> b h w c')", rearrange(x, 'b c h w -> b h w c'));

console.log('\n# building blocks');
log("flatten 'b c h w -> b (c h w)'", rearrange(x, 'b c h w -> b (c h w)'));
const spaceToDepth = rearrange(x, 'b c (h h1) (w w1) -> b (h1 w1 c) h w', { h1: 2, w1: 2 });
log('space-to-depth', spaceToDepth);
log('depth-to-space', rearrange(spaceToDepth, 'b (h1 w1 c) h w -> b c (h h1) (w w1)', { h1: 2, w1: 2 }));

console.log('\n# reductions');
log("global average pooling 'b c h w -> b c', mean", reduce(x, 'b c h w -> b c', 'mean'));
log('max-pooling 2×2 with h1=2, w1=2', reduce(x, 'b c (h h1) (w w1) -> b c h w', 'max', { h1: 2, w1: 2 }));
log("max-pooling 2×2 with anonymous axes '(h 2) (w 2)'", reduce(x, 'b c (h 2) (w 2) -> b c h w', 'max'));
const sequence = rearrange(x, 'b c h w -> (h w) b c');
log("1d pooling '(t 2) b c -> t b c'", reduce(sequence, '(t 2) b c -> t b c', 'max'));
const volume = rearrange(x, 'b c h (w1 w2) -> b c h w1 w2', { w2: 20 });
log("3d pooling 'b c (x 2) (y 2) (z 2) -> b c x y z'", reduce(volume, 'b c (x 2) (y 2) (z 2) -> b c x y z', 'max'));

console.log('\n# squeeze and unsqueeze');
const [firstImage] = x; // iterating over the first axis, as over a Python list
const [r, g, b] = firstImage!; // the first three channels
const image = rearrange([r!, g!, b!], 'c h w -> h w c');
log('one image, h w c', image);
const batchOfOne = rearrange(image, 'h w c -> () c h w');
log("add a batch axis 'h w c -> () c h w'", batchOfOne);
const predictions = rearrange(batchOfOne, 'b c h w -> b (c h w)');
log('flattened predictions', predictions);
log("remove the batch axis '() classes -> classes'", rearrange(predictions, '() classes -> classes'));

console.log('\n# keepdims-like reductions');
const perImageMean = reduce(x, 'b c h w -> b c 1 1', 'mean');
log("per-image channel mean 'b c h w -> b c 1 1'", perImageMean);
const centered = zipWith(x, repeat(perImageMean, 'b c 1 1 -> b c h w', { h: H, w: W }), (p, q) => p - q);
log('x minus its per-image channel means', centered);
const batchMean = reduce(centered, 'b c h w -> 1 c 1 1', 'mean');
log("per-batch channel mean 'b c h w -> 1 c 1 1'", batchMean);

console.log('\n# stacking and concatenation');
const listOfTensors = [...x]; // ten tensors of shape [32, 100, 200]
log('stack a list: b c h w -> b h w c', rearrange(listOfTensors, 'b c h w -> b h w c'));
log('stack along the last axis: b c h w -> h w c b', rearrange(listOfTensors, 'b c h w -> h w c b'));
log('concatenate along height: b c h w -> (b h) w c', rearrange(listOfTensors, 'b c h w -> (b h) w c'));
log('concatenate channels: b c h w -> h w (b c)', rearrange(listOfTensors, 'b c h w -> h w (b c)'));

console.log('\n# shuffling within a dimension');
log('channel shuffle (g1 g2 c) -> (g2 g1 c)', rearrange(x, 'b (g1 g2 c) h w -> b (g2 g1 c) h w', { g1: 4, g2: 4 }));
log('simple channel shuffle (g c) -> (c g)', rearrange(x, 'b (g c) h w -> b (c g) h w', { g: 4 }));

console.log('\n# split a dimension into variables');
const [bboxX, bboxY, bboxW, bboxH] = rearrange(x, 'b (coord bbox) h w -> coord b bbox h w', { coord: 4, bbox: 8 });
const area = zipWith(bboxW!, bboxH!, (p, q) => p * q);
log('bbox_x', bboxX!);
log('bbox_y', bboxY!);
log("max bbox area 'b bbox h w -> b h w', max", reduce(area, 'b bbox h w -> b h w', 'max'));

console.log('\n# shape parsing');
const x5d = rearrange(x, 'b c x (y z) -> b c x y z', { z: 20 });
log('x as 5d', x5d);
const convolve2d = (y: NDArray): NDArray => y; // stands in for a 2d convolution that keeps shapes
const flat = convolve2d(rearrange(x5d, 'b c x y z -> (b z) c x y'));
log('fold z into the batch for a 2d op', flat);
log('and back, checked by parseShape', rearrange(flat, '(b z) c x y -> b c x y z', parseShape(x5d, 'b c x y z')));
console.log(`parseShape(x5d, 'b c x y z')`.padEnd(58), parseShape(x5d, 'b c x y z'));
console.log(`parseShape(x5d, 'batch c _ _ _')`.padEnd(58), parseShape(x5d, 'batch c _ _ _'));

console.log('\n# striding anything');
const subgrids = convolve2d(rearrange(x, 'b c (h hs) (w ws) -> (hs ws b) c h w', { hs: 2, ws: 2 }));
log('each image split into 2×2 subgrids', subgrids);
const restored = rearrange(subgrids, '(hs ws b) c h w -> b c (h hs) (w ws)', { hs: 2, ws: 2 });
log('subgrids packed back', restored);
const same = restored.data.every((value, i) => value === x.data[i]);
console.log(`restored equals x: ${same}`);
if (!same) process.exitCode = 1;
