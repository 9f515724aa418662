/**
 * What plain JavaScript can reach on the comparison's workload, whatever the engine: loops
 * written by hand for exactly this shape and dtype, with nothing general about them (no
 * strides, no dispatch). An engine kernel can only be slower, so when one of these is slower
 * than numpy, that op's "at most numpy's time" cannot be met in JavaScript; only SIMD over the tensor's own memory could, which JS typed arrays do not offer.
 * WebAssembly's SIMD reads only its own memory: wasmSumOverBatch times it with the copies a
 * wasm kernel over a JS tensor needs, and without them.
 *
 * - fresh copy: allocate an output as the engine does (uninitialised where Node allows) and
 *   copy the input into it. The floor of every op that materialises a new 25.6 MB result; it
 *   is above the memcpy floor by the page faults of fresh memory, which numpy avoids when
 *   malloc hands back the block its last result freed.
 * - element copy: the same, but a JS loop moves the elements one at a time, in order, as
 *   4-byte words, sixteen per iteration. A transpose whose last axis moves has no contiguous
 *   run to hand to `set`, so it moves every element this way (and out of order): this is its
 *   floor in JS.
 * - sum over batch: one expression over the ten rows per output element, into a fresh output.
 * - global mean: four float64 accumulators over each contiguous row of 20,000 elements.
 */
import { allocateForOverwrite } from '../../src/ndarray/dtype';

/** The comparison's workload: one float32 tensor of this shape. */
export const WORKLOAD_SHAPE = [10, 32, 100, 200] as const;

const [BATCH, CHANNELS, HEIGHT, WIDTH] = WORKLOAD_SHAPE;
const PLANE = HEIGHT * WIDTH;
const SIZE = BATCH * CHANNELS * PLANE;

/** An output allocated as the engine allocates one that it fills entirely. */
const freshFloat32 = (length: number): Float32Array => allocateForOverwrite('float32', length);

/** Allocates a fresh output and copies the input into it. */
export function freshCopy(src: Float32Array): Float32Array {
  const out = freshFloat32(SIZE);
  out.set(src);
  return out;
}

/** A fresh output filled by a JS loop, one 4-byte word at a time, sixteen per iteration. */
export function elementCopy(src: Float32Array): Float32Array {
  const out = freshFloat32(SIZE);
  const from = new Uint32Array(src.buffer, src.byteOffset, SIZE);
  const to = new Uint32Array(out.buffer, out.byteOffset, SIZE);
  // SIZE is a multiple of 16.
  for (let i = 0; i < SIZE; i += 16) {
    to[i] = from[i]!;
    to[i + 1] = from[i + 1]!;
    to[i + 2] = from[i + 2]!;
    to[i + 3] = from[i + 3]!;
    to[i + 4] = from[i + 4]!;
    to[i + 5] = from[i + 5]!;
    to[i + 6] = from[i + 6]!;
    to[i + 7] = from[i + 7]!;
    to[i + 8] = from[i + 8]!;
    to[i + 9] = from[i + 9]!;
    to[i + 10] = from[i + 10]!;
    to[i + 11] = from[i + 11]!;
    to[i + 12] = from[i + 12]!;
    to[i + 13] = from[i + 13]!;
    to[i + 14] = from[i + 14]!;
    to[i + 15] = from[i + 15]!;
  }
  return out;
}

/** `b c h w -> c h w` with sum, written out for ten rows. */
export function sumOverBatch(src: Float32Array): Float32Array {
  const n = CHANNELS * PLANE;
  const out = freshFloat32(n); // every element is written, as the engine's output is
  for (let i = 0; i < n; i++) {
    out[i] =
      src[i]! +
      src[i + n]! +
      src[i + 2 * n]! +
      src[i + 3 * n]! +
      src[i + 4 * n]! +
      src[i + 5 * n]! +
      src[i + 6 * n]! +
      src[i + 7 * n]! +
      src[i + 8 * n]! +
      src[i + 9 * n]!;
  }
  return out;
}

/** `b c h w -> b c` with mean: each output is the mean of one contiguous row of h·w elements. */
export function globalMean(src: Float32Array): Float32Array {
  const rows = BATCH * CHANNELS;
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    const end = (r + 1) * PLANE;
    // PLANE is a multiple of 4, so four lanes cover the row exactly.
    for (let i = r * PLANE; i < end; i += 4) {
      a0 += src[i]!;
      a1 += src[i + 1]!;
      a2 += src[i + 2]!;
      a3 += src[i + 3]!;
    }
    out[r] = (a0 + a1 + a2 + a3) / PLANE;
  }
  return out;
}

/**
 * A floor for an op: its code, and what its result must equal (checked once before timing, so
 * that a floor cannot look fast by doing less): the input itself for a fresh copy, which only
 * stands for the cost of writing a new result, or the engine's result for the same op.
 */
export interface Floor {
  readonly name: string;
  readonly run: (src: Float32Array) => Float32Array;
  readonly equals: 'input' | 'result';
}

export const FRESH_COPY: Floor = { name: 'fresh copy', run: freshCopy, equals: 'input' };
export const ELEMENT_COPY: Floor = { name: 'element copy', run: elementCopy, equals: 'input' };
export const SUM_OVER_BATCH: Floor = { name: 'sum of ten rows by hand', run: sumOverBatch, equals: 'result' };
export const GLOBAL_MEAN: Floor = { name: 'row means by hand', run: globalMean, equals: 'result' };

/**
 * The sum over the batch with WebAssembly SIMD (f32x4.add, four columns per instruction), as a
 * wasm kernel in this package would have to run it: the input copied into the module's memory,
 * summed there, the result copied out. Also timed: the sum alone, as if the data already lived
 * in wasm memory. The module, from this text (wat2wasm):
 *
 *   (module
 *     (memory (export "memory") 1)
 *     ;; out[j] = the sum over r < rows of src[r*n + j], four columns at a time (n % 4 == 0)
 *     (func (export "sumRows") (param $src i32) (param $rows i32) (param $n i32) (param $out i32)
 *       (local $j i32) (local $r i32) (local $acc v128) (local $p i32) (local $stride i32)
 *       (local.set $stride (i32.shl (local.get $n) (i32.const 2)))
 *       (local.set $j (i32.const 0))
 *       (block $done (loop $cols
 *         (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
 *         (local.set $p (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2))))
 *         (local.set $acc (v128.load (local.get $p)))
 *         (local.set $r (i32.const 1))
 *         (block $rdone (loop $rowsl
 *           (br_if $rdone (i32.ge_u (local.get $r) (local.get $rows)))
 *           (local.set $p (i32.add (local.get $p) (local.get $stride)))
 *           (local.set $acc (f32x4.add (local.get $acc) (v128.load (local.get $p))))
 *           (local.set $r (i32.add (local.get $r) (i32.const 1)))
 *           (br $rowsl)))
 *         (v128.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))) (local.get $acc))
 *         (local.set $j (i32.add (local.get $j) (i32.const 4)))
 *         (br $cols))))
 *   )
 */
const SUM_ROWS_WASM =
  'AGFzbQEAAAABCAFgBH9/f38AAwIBAAUDAQABBxQCBm1lbW9yeQIAB3N1bVJvd3MAAAp5AXcDAn8BewJ/IAJBAnQhCEEAIQQCQANAIAQgAk8NASAAIARBAnRqIQcgB/0ABAAhBkEBIQUCQANAIAUgAU8NASAHIAhqIQcgBiAH/QAEAP3kASEGIAVBAWohBQwACwsgAyAEQQJ0aiAG/QsEACAEQQRqIQQMAAsLCw==';

export interface WasmSumOverBatch {
  /** Copy in, sum, copy out: what a wasm kernel over a JS tensor costs. */
  readonly run: (src: Float32Array) => Float32Array;
  /** The sum alone, on the copy already in wasm memory. */
  readonly sumInPlace: () => void;
}

/** The wasm sum over the batch, or undefined where WebAssembly SIMD is not available. */
export function wasmSumOverBatch(): WasmSumOverBatch | undefined {
  const bytes = Uint8Array.from(atob(SUM_ROWS_WASM), (c) => c.charCodeAt(0));
  if (!WebAssembly.validate(bytes)) return undefined;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  const { memory, sumRows } = instance.exports as { memory: WebAssembly.Memory; sumRows: (src: number, rows: number, n: number, out: number) => void };
  const n = CHANNELS * PLANE;
  memory.grow(Math.ceil(((SIZE + n) * 4) / 65536));
  const heap = new Float32Array(memory.buffer);
  const sumInPlace = (): void => sumRows(0, BATCH, n, SIZE * 4);
  return {
    run: (src) => {
      heap.set(src);
      sumInPlace();
      return heap.slice(SIZE, SIZE + n);
    },
    sumInPlace,
  };
}
