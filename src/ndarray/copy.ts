import type { TypedArray } from './dtype';

/**
 * The strided copy kernel: writes the elements of a strided source view, in row-major order,
 * into a contiguous run of `dst` starting at `dstOffset`. Source strides may be 0 (broadcast)
 * and are never negative. `src` and `dst` must have the same element width (same dtype).
 */
export function copyStrided(
  src: TypedArray,
  srcOffset: number,
  shape: readonly number[],
  srcStrides: readonly number[],
  dst: TypedArray,
  dstOffset: number,
): void {
  const dims = mergeDims(shape, srcStrides);
  if (dims === undefined) return; // no elements
  const s = asWords(src);
  const d = asWords(dst);
  const rank = dims.lens.length;
  if (rank === 0) {
    d[dstOffset] = s[srcOffset]!;
  } else if (rank === 1 && dims.ss[0] === 1) {
    // The whole view is one contiguous run.
    d.set(s.subarray(srcOffset, srcOffset + dims.lens[0]!), dstOffset);
  } else {
    copyFrom(s, srcOffset, d, dstOffset, dims, 0);
  }
}

/**
 * Copying does not look at values, so every dtype is copied through an unsigned view of the
 * same element width. Kernels then see at most four array classes, which keeps V8's element
 * accesses polymorphic (fast) instead of megamorphic, and float bits (NaN payloads) survive.
 */
type Words = Uint8Array | Uint16Array | Int32Array | Float64Array;

function asWords(a: TypedArray): Words {
  switch (a.BYTES_PER_ELEMENT) {
    case 1:
      return a.constructor === Uint8Array ? (a as Uint8Array) : new Uint8Array(a.buffer, a.byteOffset, a.length);
    case 2:
      return a.constructor === Uint16Array ? (a as Uint16Array) : new Uint16Array(a.buffer, a.byteOffset, a.length);
    case 4:
      return a.constructor === Int32Array ? (a as Int32Array) : new Int32Array(a.buffer, a.byteOffset, a.length);
    default:
      return a.constructor === Float64Array ? (a as Float64Array) : new Float64Array(a.buffer, a.byteOffset, a.length);
  }
}

/** Loop dimensions after simplification, in destination (row-major) order. */
interface Dims {
  readonly lens: number[];
  /** Source strides. */
  readonly ss: number[];
  /** Destination strides: row-major over `lens`. */
  readonly ds: number[];
  /** For each i, the first axis j >= i worth replicating with copyWithin, or -1. */
  readonly nextBroadcast: number[];
}

/** Broadcast blocks smaller than this are cheaper to fill by the plain loop than by copyWithin. */
const MIN_BROADCAST_BLOCK = 16;
/** Contiguous runs at least this long are copied with set(subarray()); shorter ones by a loop. */
const MIN_SET_RUN = 32;
/**
 * Rows per band of a cache-blocked transpose: 512 rows by 8 columns of (at most) 8-byte words
 * read 32 KiB and write into 512 destination lines, inside L2. (128 rows measured ~10% slower
 * on 'b c h w -> b h w c', float32.)
 */
const TILE = 512;
/** Fewer rows than this are copied row by row (copyRows), not in 8-column bands. */
const MIN_TILE_ROWS = 8;

/**
 * Drops length-1 axes and merges each axis into its outer neighbour when the pair is contiguous
 * in the source (the destination is row-major, so it always is there). Most einops
 * permutations collapse to rank 2 or 3. Returns undefined when there are no elements.
 */
function mergeDims(shape: readonly number[], strides: readonly number[]): Dims | undefined {
  const lens: number[] = [];
  const ss: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    const n = shape[i]!;
    if (n === 0) return undefined;
    if (n === 1) continue;
    const stride = strides[i]!;
    const last = lens.length - 1;
    if (last >= 0 && ss[last] === stride * n) {
      lens[last]! *= n;
      ss[last] = stride;
    } else {
      lens.push(n);
      ss.push(stride);
    }
  }
  const rank = lens.length;
  const ds = new Array<number>(rank);
  let block = 1;
  for (let i = rank - 1; i >= 0; i--) {
    ds[i] = block;
    block *= lens[i]!;
  }
  const nextBroadcast = new Array<number>(rank + 1).fill(-1);
  // The innermost axis is never replicated by blocks: a broadcast there is a fill.
  for (let i = rank - 2; i >= 0; i--) {
    nextBroadcast[i] = ss[i] === 0 && ds[i]! >= MIN_BROADCAST_BLOCK ? i : nextBroadcast[i + 1]!;
  }
  return { lens, ss, ds, nextBroadcast };
}

/** Copies axes `from`..rank-1 of the view at `so` to the row-major block at `dOff`. */
function copyFrom(src: Words, so: number, dst: Words, dOff: number, dims: Dims, from: number): void {
  const b = dims.nextBroadcast[from]!;
  if (b < 0) {
    copyPlain(src, so, dst, dOff, dims, from);
    return;
  }
  if (b > from) {
    // Axes above the broadcast one: recursion is per block of at least MIN_BROADCAST_BLOCK
    // elements, so the call overhead is amortised.
    const n = dims.lens[from]!;
    const sStep = dims.ss[from]!;
    const dStep = dims.ds[from]!;
    for (let i = 0; i < n; i++) copyFrom(src, so + i * sStep, dst, dOff + i * dStep, dims, from + 1);
    return;
  }
  // A broadcast axis: write the first block once, then double it with copyWithin.
  copyFrom(src, so, dst, dOff, dims, from + 1);
  const block = dims.ds[from]!;
  const total = block * dims.lens[from]!;
  for (let done = block; done < total; ) {
    const n = Math.min(done, total - done);
    dst.copyWithin(dOff + done, dOff, dOff + n);
    done += n;
  }
}

/**
 * Copies axes `from`..rank-1 with no block replication: a two-axis inner kernel (rows, or a
 * cache-blocked tile for transposes) driven by an odometer over the other axes, so no element
 * index is ever divided.
 */
function copyPlain(src: Words, so: number, dst: Words, dOff: number, dims: Dims, from: number): void {
  const { lens, ss, ds } = dims;
  const p = lens.length - 1;
  if (p < from) {
    dst[dOff] = src[so]!;
    return;
  }
  // The destination is contiguous along p. If the source's densest axis is another one, q,
  // reading along p would jump through memory: tile over (q, p) instead. A short q (e.g. the
  // 2 of a space-to-depth) makes the rows of the tile: each reads a short stretch of source
  // that the next one reads again from cache.
  let q = -1;
  const sp = ss[p]!;
  if (sp > 1) {
    for (let i = from; i < p; i++) {
      const s = ss[i]!;
      if (s !== 0 && s < sp && (q < 0 || s < ss[q]!)) q = i;
    }
  }
  const tiled = q >= 0;
  const a = tiled ? q : p - 1 >= from ? p - 1 : -1; // the second inner axis, if any
  const la = a >= 0 ? lens[a]! : 1;
  const sa = a >= 0 ? ss[a]! : 0;
  const da = a >= 0 ? ds[a]! : 0;
  const lp = lens[p]!;

  const outer: number[] = [];
  for (let i = from; i < p; i++) if (i !== a) outer.push(i);
  const pair = tiled && la === 2;
  if (pair) {
    // Row pairs write long destination rows, so the outer axes can run in the source's memory
    // order instead (largest stride first; the sort is stable): the rows of a space-to-depth's
    // h1 are then read one after the other, and the prefetcher's next lines are used, not
    // skipped. (Tiles with short destination rows keep the destination's order: the next tile
    // there completes the cache lines this one wrote in part.)
    outer.sort((x, y) => ss[y]! - ss[x]!);
  }
  // A row pair moves few elements per call, so its kernel also runs the innermost outer axis.
  const m = pair && outer.length > 0 ? outer.pop()! : -1;
  const lm = m >= 0 ? lens[m]! : 1;
  const sm = m >= 0 ? ss[m]! : 0;
  const dm = m >= 0 ? ds[m]! : 0;
  const no = outer.length;
  let count = 1;
  for (let j = 0; j < no; j++) count *= lens[outer[j]!]!;
  const idx = new Array<number>(no).fill(0);

  let s = so;
  let t = dOff;
  for (let it = 0; it < count; it++) {
    if (tiled && la >= MIN_TILE_ROWS) copyTile(src, s, la, sa, dst, t, da, lp, sp);
    else if (pair) copyRowPairs(src, s, lm, sm, sa, dst, t, dm, da, lp, sp);
    else copyRows(src, s, la, sa, dst, t, da, lp, sp);
    for (let j = no - 1; j >= 0; j--) {
      const d = outer[j]!;
      const n = lens[d]!;
      s += ss[d]!;
      t += ds[d]!;
      if (++idx[j]! < n) break;
      idx[j] = 0;
      s -= ss[d]! * n;
      t -= ds[d]! * n;
    }
  }
}

/** `rows` rows of `len` elements; destination rows are contiguous. */
function copyRows(
  src: Words,
  s: number,
  rows: number,
  rowStride: number,
  dst: Words,
  t: number,
  dstRowStride: number,
  len: number,
  stride: number,
): void {
  if (stride === 1 && len >= MIN_SET_RUN) {
    for (let i = 0; i < rows; i++, s += rowStride, t += dstRowStride) dst.set(src.subarray(s, s + len), t);
  } else if (stride === 0 && len >= MIN_SET_RUN) {
    for (let i = 0; i < rows; i++, s += rowStride, t += dstRowStride) dst.fill(src[s]!, t, t + len);
  } else if (stride === 0 && len === 2 && dstRowStride === 2) {
    // The w2 of a 2x upsample: each source element written twice, side by side. A loop of two
    // per element would cost a mispredicted exit each time; this one runs over the whole row.
    for (let i = 0, u = t; i < rows; i++, s += rowStride, u += 2) {
      const v = src[s]!;
      dst[u] = v;
      dst[u + 1] = v;
    }
  } else if (stride === 0) {
    // A short broadcast innermost axis: one read, `len` writes.
    for (let i = 0; i < rows; i++, s += rowStride, t += dstRowStride) {
      const v = src[s]!;
      for (let j = 0; j < len; j++) dst[t + j] = v;
    }
  } else {
    // Unrolled by four: the loop's own work (compare, branch, two increments) would otherwise
    // cost more than the element it moves.
    const s2 = 2 * stride;
    const s3 = 3 * stride;
    const s4 = 4 * stride;
    for (let i = 0; i < rows; i++, s += rowStride, t += dstRowStride) {
      let j = 0;
      let k = s;
      for (; j + 4 <= len; j += 4, k += s4) {
        dst[t + j] = src[k]!;
        dst[t + j + 1] = src[k + stride]!;
        dst[t + j + 2] = src[k + s2]!;
        dst[t + j + 3] = src[k + s3]!;
      }
      for (; j < len; j++, k += stride) dst[t + j] = src[k]!;
    }
  }
}

/**
 * `n` pairs of destination rows where the two rows of a pair are neighbours in the source (the
 * w1 of a space-to-depth 'b c (h h1) (w w1) -> b (h1 w1 c) h w'): both rows of a pair in one
 * pass, four columns per step, so each source line is read once and every load feeds a store.
 */
function copyRowPairs(
  src: Words,
  s: number,
  n: number,
  pairStride: number,
  rowStride: number,
  dst: Words,
  t: number,
  dstPairStride: number,
  dstRowStride: number,
  len: number,
  stride: number,
): void {
  const s2 = 2 * stride;
  const s3 = 3 * stride;
  const step = 4 * stride;
  for (let r = 0; r < n; r++, s += pairStride, t += dstPairStride) {
    const v = t + dstRowStride;
    let j = 0;
    let k = s;
    for (; j + 4 <= len; j += 4, k += step) {
      const k1 = k + rowStride;
      dst[t + j] = src[k]!;
      dst[v + j] = src[k1]!;
      dst[t + j + 1] = src[k + stride]!;
      dst[v + j + 1] = src[k1 + stride]!;
      dst[t + j + 2] = src[k + s2]!;
      dst[v + j + 2] = src[k1 + s2]!;
      dst[t + j + 3] = src[k + s3]!;
      dst[v + j + 3] = src[k1 + s3]!;
    }
    for (; j < len; j++, k += stride) {
      dst[t + j] = src[k]!;
      dst[v + j] = src[k + rowStride]!;
    }
  }
}

/**
 * A transpose-like block: destination contiguous along the columns, source densest along the
 * rows. Sixteen columns at a time (then eight, then one): each row then writes sixteen
 * neighbouring destination elements, a whole cache line of 4-byte words, from sixteen source
 * streams that each advance densely, and a band of TILE rows keeps all of them in cache.
 * (Unrolling by hand, with each stream's base named outside the row loop, is what lets V8 keep
 * the offsets in registers: 16 columns measured about 15% faster than 8 on
 * 'b c h w -> b h w c', float32.)
 */
function copyTile(
  src: Words,
  s: number,
  rows: number,
  rowStride: number,
  dst: Words,
  t: number,
  dstRowStride: number,
  cols: number,
  colStride: number,
): void {
  const c = colStride;
  for (let i0 = 0; i0 < rows; i0 += TILE) {
    const n = Math.min(TILE, rows - i0);
    const first = s + i0 * rowStride;
    const firstOut = t + i0 * dstRowStride;
    let j = 0;
    for (; j + 16 <= cols; j += 16) {
      const k0 = first + j * c;
      const [k1, k2, k3, k4, k5, k6, k7] = [k0 + c, k0 + 2 * c, k0 + 3 * c, k0 + 4 * c, k0 + 5 * c, k0 + 6 * c, k0 + 7 * c];
      const [k8, k9, k10, k11] = [k0 + 8 * c, k0 + 9 * c, k0 + 10 * c, k0 + 11 * c];
      const [k12, k13, k14, k15] = [k0 + 12 * c, k0 + 13 * c, k0 + 14 * c, k0 + 15 * c];
      for (let i = 0, q = 0, u = firstOut + j; i < n; i++, q += rowStride, u += dstRowStride) {
        dst[u] = src[k0 + q]!;
        dst[u + 1] = src[k1 + q]!;
        dst[u + 2] = src[k2 + q]!;
        dst[u + 3] = src[k3 + q]!;
        dst[u + 4] = src[k4 + q]!;
        dst[u + 5] = src[k5 + q]!;
        dst[u + 6] = src[k6 + q]!;
        dst[u + 7] = src[k7 + q]!;
        dst[u + 8] = src[k8 + q]!;
        dst[u + 9] = src[k9 + q]!;
        dst[u + 10] = src[k10 + q]!;
        dst[u + 11] = src[k11 + q]!;
        dst[u + 12] = src[k12 + q]!;
        dst[u + 13] = src[k13 + q]!;
        dst[u + 14] = src[k14 + q]!;
        dst[u + 15] = src[k15 + q]!;
      }
    }
    for (; j + 8 <= cols; j += 8) {
      const k0 = first + j * c;
      const [k1, k2, k3, k4, k5, k6, k7] = [k0 + c, k0 + 2 * c, k0 + 3 * c, k0 + 4 * c, k0 + 5 * c, k0 + 6 * c, k0 + 7 * c];
      for (let i = 0, q = 0, u = firstOut + j; i < n; i++, q += rowStride, u += dstRowStride) {
        dst[u] = src[k0 + q]!;
        dst[u + 1] = src[k1 + q]!;
        dst[u + 2] = src[k2 + q]!;
        dst[u + 3] = src[k3 + q]!;
        dst[u + 4] = src[k4 + q]!;
        dst[u + 5] = src[k5 + q]!;
        dst[u + 6] = src[k6 + q]!;
        dst[u + 7] = src[k7 + q]!;
      }
    }
    for (; j < cols; j++) {
      for (let i = 0, k = first + j * c, u = firstOut + j; i < n; i++, k += rowStride, u += dstRowStride) dst[u] = src[k]!;
    }
  }
}
