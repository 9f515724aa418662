/**
 * The two loops written around every vision model in JavaScript, as einops calls:
 *
 * 1. an RGBA canvas image (`ImageData.data`, a Uint8ClampedArray of H×W×4) into the model's
 *    input: alpha dropped, each channel normalised by the user's mean and std, laid out as
 *    1×3×H×W float32;
 * 2. a YOLO-style detector's raw output [1, 84, 8400] (4 box coordinates and 80 class scores
 *    for each of 8400 candidates) into boxes [8400, 4] and class scores [8400, 80].
 *
 * einops moves the data; the only arithmetic is the normalisation, which is the user's own.
 * The output part runs on onnxruntime-web tensors (einops/onnx): its results are Tensors again.
 * Run with `npx tsx examples/image-preprocess.ts`.
 */
import { Tensor } from 'onnxruntime-web';
import { type NDArray, rearrange, tensor, unpack } from '../src/onnx';

/** Per-channel statistics, R, G, B. */
export type ChannelStats = readonly [number, number, number];

/** ImageNet's, the usual choice. */
export const IMAGENET_MEAN: ChannelStats = [0.485, 0.456, 0.406];
export const IMAGENET_STD: ChannelStats = [0.229, 0.224, 0.225];

/** RGBA pixels of an H×W image → 1×3×H×W float32, each channel as (value / 255 - mean) / std. */
export function preprocess(rgba: Uint8ClampedArray, height: number, width: number, mean: ChannelStats, std: ChannelStats): NDArray {
  const pixels = tensor(rgba, [height, width, 4]);
  // Drop alpha: the first 3 of the 4 channels (a view, nothing copied yet).
  const [rgb] = unpack(pixels, [[3], [1]], 'h w *');
  // Channels first, one image: the one copy of the pixels, still as bytes.
  const planes = rearrange(rgb!, 'h w c -> 1 c h w').data;
  // The user's arithmetic: one scale and shift per channel plane.
  const out = new Float32Array(planes.length);
  const area = height * width;
  for (let c = 0; c < 3; c++) {
    const scale = 1 / (255 * std[c]!);
    const shift = mean[c]! / std[c]!;
    for (let i = c * area, end = i + area; i < end; i++) out[i] = planes[i]! * scale - shift;
  }
  return tensor(out, [1, 3, height, width]);
}

/** A detector's raw output [1, 4 + classes, candidates] → boxes [candidates, 4] and scores [candidates, classes]. */
export function splitDetections(output: Tensor, classes = 80): { boxes: Tensor; scores: Tensor } {
  // One row per candidate, then its first 4 values are the box, the rest the class scores.
  const candidates = rearrange(output, '1 values n -> n values');
  const [boxes, scores] = unpack(candidates, [[4], [classes]], 'n *');
  return { boxes: boxes!, scores: scores! };
}

/** The same two steps as hand-written loops, for the test and the bench. */
export function preprocessByHand(rgba: Uint8ClampedArray, height: number, width: number, mean: ChannelStats, std: ChannelStats): Float32Array {
  const area = height * width;
  const out = new Float32Array(3 * area);
  for (let i = 0; i < area; i++) {
    for (let c = 0; c < 3; c++) out[c * area + i] = (rgba[i * 4 + c]! / 255 - mean[c]!) / std[c]!;
  }
  return out;
}

export function splitDetectionsByHand(raw: Float32Array, candidates: number, classes = 80): { boxes: Float32Array; scores: Float32Array } {
  const boxes = new Float32Array(candidates * 4);
  const scores = new Float32Array(candidates * classes);
  for (let n = 0; n < candidates; n++) {
    for (let k = 0; k < 4; k++) boxes[n * 4 + k] = raw[k * candidates + n]!;
    for (let k = 0; k < classes; k++) scores[n * classes + k] = raw[(4 + k) * candidates + n]!;
  }
  return { boxes, scores };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [height, width] = [480, 640];
  const rgba = Uint8ClampedArray.from({ length: height * width * 4 }, (_, i) => (i * 37) % 256);
  const input = preprocess(rgba, height, width, IMAGENET_MEAN, IMAGENET_STD);
  console.log(`preprocess: RGBA [${height}, ${width}, 4] → [${input.shape.join(', ')}] ${input.dtype}`);
  // What a session would take: an onnxruntime-web Tensor over the same data.
  const feed = new Tensor('float32', input.data as Float32Array, [...input.shape]);
  console.log(`model input: ${feed.constructor.name} ${feed.type} [${feed.dims.join(', ')}]`);

  const output = new Tensor('float32', Float32Array.from({ length: 84 * 8400 }, (_, i) => i % 1000), [1, 84, 8400]);
  const { boxes, scores } = splitDetections(output);
  console.log(`detections: [${output.dims.join(', ')}] → boxes [${boxes.dims.join(', ')}], scores [${scores.dims.join(', ')}] (${boxes.constructor.name}s)`);
}
