/**
 * einops on TensorFlow.js: each op called through einops on tf.Tensors, next to the same work
 * written by hand with tf ops (in tf.tidy when it takes several ops, as careful code frees its
 * intermediates), on small tensors, where einops' own cost (recipe and plan lookup, the op's
 * scope) shows, and on large ones, where the kernels dominate. The ratio is einops / by hand.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { einsum, rearrange, reduce, repeat } from '../../src/tfjs';
import { formatTime, printTable } from '../measure';

interface Op {
  readonly name: string;
  /** The op's inputs at a size: `small` a few hundred elements, else about two million. */
  readonly inputs: (small: boolean) => tf.Tensor[];
  readonly einops: (xs: tf.Tensor[]) => tf.Tensor;
  readonly byHand: (xs: tf.Tensor[]) => tf.Tensor;
}

const OPS: readonly Op[] = [
  {
    name: "rearrange 'b c h w -> b h w c'",
    inputs: (small) => [tf.randomNormal(small ? [2, 3, 4, 5] : [32, 64, 32, 32])],
    einops: ([x]) => rearrange(x!, 'b c h w -> b h w c'),
    byHand: ([x]) => tf.transpose(x!, [0, 2, 3, 1]),
  },
  {
    name: "rearrange 'b (h h1) (w w1) c -> b h w (c h1 w1)'",
    inputs: (small) => [tf.randomNormal(small ? [2, 4, 4, 3] : [32, 64, 64, 16])],
    einops: ([x]) => rearrange(x!, 'b (h h1) (w w1) c -> b h w (c h1 w1)', { h1: 2, w1: 2 }),
    byHand: ([x]) =>
      tf.tidy(() => {
        const [b, h, w, c] = x!.shape as [number, number, number, number];
        return x!.reshape([b, h / 2, 2, w / 2, 2, c]).transpose([0, 1, 3, 5, 2, 4]).reshape([b, h / 2, w / 2, c * 4]);
      }),
  },
  {
    name: "reduce 'b c (h 2) (w 2) -> b c h w', 'max'",
    inputs: (small) => [tf.randomNormal(small ? [2, 3, 4, 4] : [32, 64, 32, 32])],
    einops: ([x]) => reduce(x!, 'b c (h 2) (w 2) -> b c h w', 'max'),
    byHand: ([x]) =>
      tf.tidy(() => {
        const [b, c, h, w] = x!.shape as [number, number, number, number];
        return x!.reshape([b, c, h / 2, 2, w / 2, 2]).max([3, 5]);
      }),
  },
  {
    name: "reduce 'b c h w -> b c', 'mean'",
    inputs: (small) => [tf.randomNormal(small ? [2, 3, 4, 5] : [32, 64, 32, 32])],
    einops: ([x]) => reduce(x!, 'b c h w -> b c', 'mean'),
    byHand: ([x]) => tf.mean(x!, [2, 3]),
  },
  {
    name: "repeat 'h w -> h w c', c: 3",
    inputs: (small) => [tf.randomNormal(small ? [8, 8] : [1024, 1024])],
    einops: ([x]) => repeat(x!, 'h w -> h w c', { c: 3 }),
    byHand: ([x]) => tf.tidy(() => tf.tile(tf.expandDims(x!, 2), [1, 1, 3])),
  },
  {
    name: "einsum 'b i d, b j d -> b i j'",
    inputs: (small) => (small ? [tf.randomNormal([2, 4, 8]), tf.randomNormal([2, 5, 8])] : [tf.randomNormal([8, 256, 64]), tf.randomNormal([8, 256, 64])]),
    einops: ([q, k]) => einsum(q!, k!, 'b i d, b j d -> b i j'),
    byHand: ([q, k]) => tf.matMul(q!, k!, false, true),
  },
];

interface Row {
  readonly backend: string;
  readonly op: string;
  readonly size: 'small' | 'large';
  readonly einopsMs: number;
  readonly byHandMs: number;
  readonly ratio: number;
}

/**
 * Median times of one call each way, the result read back (so lazy backends finish) and
 * disposed, and the median of their ratio. The two are timed in adjacent pairs of batches,
 * in alternating order, and each pair gives one ratio: a load that comes and goes on the
 * machine weighs on both sides of a pair alike, so the ratio holds where the times drift.
 */
function compare(op: Op, xs: tf.Tensor[], small: boolean): { einopsMs: number; byHandMs: number; ratio: number } {
  // Small calls take microseconds: time batches of them so the timer's resolution does not matter.
  const calls = small ? 500 : 1;
  const timeBatch = (f: (xs: tf.Tensor[]) => tf.Tensor): number => {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) {
      const y = f(xs);
      y.dataSync();
      y.dispose();
    }
    return (performance.now() - t0) / calls;
  };
  for (let warm = 0; warm < (small ? 5 : 1); warm++) {
    timeBatch(op.einops);
    timeBatch(op.byHand);
  }
  const einopsTimes: number[] = [];
  const byHandTimes: number[] = [];
  const ratios: number[] = [];
  const rounds = small ? 81 : 11;
  for (let round = 0; round < rounds; round++) {
    const einopsFirst = round % 2 === 0;
    const first = timeBatch(einopsFirst ? op.einops : op.byHand);
    const second = timeBatch(einopsFirst ? op.byHand : op.einops);
    const [einops, byHand] = einopsFirst ? [first, second] : [second, first];
    einopsTimes.push(einops);
    byHandTimes.push(byHand);
    ratios.push(einops / byHand);
  }
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { einopsMs: median(einopsTimes), byHandMs: median(byHandTimes), ratio: median(ratios) };
}

export async function tfjsSection() {
  const rows: Row[] = [];
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend);
    for (const op of OPS) {
      for (const small of [true, false]) {
        const xs = op.inputs(small);
        const before = tf.memory().numTensors;
        const { einopsMs, byHandMs, ratio } = compare(op, xs, small);
        if (tf.memory().numTensors !== before) throw new Error(`${op.name} leaked ${tf.memory().numTensors - before} tensors`);
        tf.dispose(xs);
        rows.push({ backend, op: op.name, size: small ? 'small' : 'large', einopsMs, byHandMs, ratio });
      }
    }
  }
  printTable(
    'TensorFlow.js — einops calls next to the same tf ops by hand (median per call, result read back)',
    ['backend / op / size', 'einops', 'by hand', 'ratio'],
    rows.map((row) => [`${row.backend.padEnd(5)} ${row.op} ${row.size}`, formatTime(row.einopsMs), formatTime(row.byHandMs), row.ratio.toFixed(2)]),
  );
  const worst = (size: Row['size']): string => {
    const row = rows.filter((r) => r.size === size).sort((a, b) => b.ratio - a.ratio)[0]!;
    return `${row.ratio.toFixed(2)} (${row.backend} ${row.op})`;
  };
  console.log(`worst ratio on small tensors: ${worst('small')}, goal at most 1.10; on large ones: ${worst('large')}`);
  return rows;
}
