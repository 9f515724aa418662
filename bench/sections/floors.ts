/**
 * What plain JavaScript can reach on the comparison's workload, whatever the engine: loops
 * written by hand for exactly this shape and dtype, with nothing general about them (no
 * strides, no dispatch, no accumulator wider than needed). An engine kernel can only be slower,
 * so when one of these is slower than numpy, that op's "at most numpy's time" cannot be met in
 * JavaScript; only SIMD over the tensor's own memory could, which JS typed arrays do not offer
 * (WebAssembly's SIMD reads only its own memory, and copying the input there costs a memcpy,
 * already more than numpy's whole reduction).
 *
 * - fresh copy: allocate an output as the engine does (uninitialised where Node allows) and
 *   copy the input into it. The floor of every op that materialises a new 25.6 MB result; it
 *   is above the memcpy floor by the page faults of fresh memory, which numpy avoids when
 *   malloc hands back the block its last result freed.
 * - sum over batch: one expression over the ten rows per output element, into a fresh output.
 * - global mean: four float64 accumulators over each contiguous row of 20,000 elements.
 */

/** The comparison's workload: one float32 tensor of this shape. */
export const WORKLOAD_SHAPE = [10, 32, 100, 200] as const;

const [BATCH, CHANNELS, HEIGHT, WIDTH] = WORKLOAD_SHAPE;
const PLANE = HEIGHT * WIDTH;
const SIZE = BATCH * CHANNELS * PLANE;

// Found as a global, never imported: the same allocation the engine's dtype.ts uses in Node.
const bufferGlobal = (globalThis as { Buffer?: { allocUnsafeSlow(bytes: number): Uint8Array } }).Buffer;

function freshFloat32(length: number): Float32Array {
  return bufferGlobal === undefined ? new Float32Array(length) : new Float32Array(bufferGlobal.allocUnsafeSlow(length * 4).buffer, 0, length);
}

/** Allocates a fresh output and copies the input into it. */
export function freshCopy(src: Float32Array): Float32Array {
  const out = freshFloat32(SIZE);
  out.set(src);
  return out;
}

/** `b c h w -> c h w` with sum, written out for ten rows. */
export function sumOverBatch(src: Float32Array): Float32Array {
  const n = CHANNELS * PLANE;
  const out = new Float32Array(n);
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
export const SUM_OVER_BATCH: Floor = { name: 'sum of ten rows by hand', run: sumOverBatch, equals: 'result' };
export const GLOBAL_MEAN: Floor = { name: 'row means by hand', run: globalMean, equals: 'result' };
