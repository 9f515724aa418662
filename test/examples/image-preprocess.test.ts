/**
 * examples/image-preprocess.ts: the einops versions give exactly what the hand-written loops
 * give, and leave their inputs as they were.
 */
import { Tensor } from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import {
  IMAGENET_MEAN,
  IMAGENET_STD,
  preprocess,
  preprocessByHand,
  splitDetections,
  splitDetectionsByHand,
} from '../../examples/image-preprocess';
import { prng } from '../ndarray/reference';

/** The first index where two arrays differ, -1 when none (toEqual on 672000 elements is slow). */
function firstDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  return a.findIndex((v, i) => !Object.is(v, b[i]));
}

describe('image pre-processing', () => {
  it.each([
    [1, 1],
    [3, 5],
    [48, 64],
  ])('RGBA %i×%i → 1×3×H×W float32, as the loop gives it', (height, width) => {
    const rand = prng(height * width);
    const rgba = Uint8ClampedArray.from({ length: height * width * 4 }, () => Math.floor(rand() * 256));
    const before = rgba.slice();
    const input = preprocess(rgba, height, width, IMAGENET_MEAN, IMAGENET_STD);
    expect(input.shape).toEqual([1, 3, height, width]);
    expect(input.dtype).toBe('float32');
    const expected = preprocessByHand(rgba, height, width, IMAGENET_MEAN, IMAGENET_STD);
    const actual = input.data as Float32Array;
    // The same values up to float32 rounding: scale-and-shift against divide-and-subtract.
    expect(actual.length).toBe(expected.length);
    expect(Math.max(0, ...actual.map((v, i) => Math.abs(v - expected[i]!)))).toBeLessThan(1e-5);
    expect(rgba).toEqual(before);
  });

  it('takes the user\'s statistics, and ignores alpha', () => {
    const rgba = Uint8ClampedArray.from([255, 0, 51, 7, 0, 255, 102, 200]);
    const input = preprocess(rgba, 1, 2, [0.5, 0, 0.2], [0.5, 1, 0.2]);
    expect(Array.from(input.data as Float32Array).map((v) => Math.round(v * 1e5) / 1e5)).toEqual([1, -1, 0, 1, 0, 1]);
  });

  it('splits a detector\'s [1, 84, 8400] output into boxes and class scores, as the loop does', () => {
    const rand = prng(84);
    const raw = Float32Array.from({ length: 84 * 8400 }, () => rand());
    const output = new Tensor('float32', raw.slice(), [1, 84, 8400]);
    const { boxes, scores } = splitDetections(output);
    expect(boxes).toBeInstanceOf(Tensor);
    expect(scores).toBeInstanceOf(Tensor);
    expect(boxes.dims).toEqual([8400, 4]);
    expect(scores.dims).toEqual([8400, 80]);
    const expected = splitDetectionsByHand(raw, 8400);
    expect(firstDifference(boxes.data as Float32Array, expected.boxes)).toBe(-1);
    expect(firstDifference(scores.data as Float32Array, expected.scores)).toBe(-1);
    expect(firstDifference(output.data as Float32Array, raw)).toBe(-1);
  });
});
