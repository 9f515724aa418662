/**
 * Image pre-processing: an RGBA 1920×1080 image (Uint8ClampedArray, as a canvas gives it) into a
 * model's 1×3×H×W float32 input, normalised per channel with ImageNet's mean and std. The
 * einops version of examples/image-preprocess.ts (unpack + rearrange, then one scale-and-shift
 * pass per channel plane) next to the usual hand-written loop over pixels and channels.
 */
import { IMAGENET_MEAN, IMAGENET_STD, preprocess, preprocessByHand } from '../../examples/image-preprocess';
import { formatTime, measure, printTable } from '../measure';

export function imageSection() {
  const [H, W] = [1080, 1920];
  const rgba = Uint8ClampedArray.from({ length: H * W * 4 }, (_, i) => Math.imul(i, 2654435761) >>> 24);
  const viaEinops = preprocess(rgba, H, W, IMAGENET_MEAN, IMAGENET_STD).data as Float32Array;
  const byHand = preprocessByHand(rgba, H, W, IMAGENET_MEAN, IMAGENET_STD);
  const maxDifference = byHand.reduce((max, value, i) => Math.max(max, Math.abs(value - viaEinops[i]!)), 0);
  const results = [
    measure("einops: unpack 'h w *', rearrange 'h w c -> 1 c h w', normalise", () => preprocess(rgba, H, W, IMAGENET_MEAN, IMAGENET_STD)),
    measure('hand-written loop over pixels and channels', () => preprocessByHand(rgba, H, W, IMAGENET_MEAN, IMAGENET_STD)),
  ];
  printTable(
    `image pre-processing — RGBA [${H}, ${W}, 4] uint8 → [1, 3, ${H}, ${W}] float32, per-channel mean and std`,
    ['implementation', 'median', 'runs'],
    results.map(({ name, medianMs, runs }) => [name, formatTime(medianMs), String(runs)]),
  );
  console.log(`largest difference between einops and the loop: ${maxDifference.toExponential(2)}`);
  return { shape: [H, W, 4], results, maxDifference };
}
