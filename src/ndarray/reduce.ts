import { EinopsError } from '../errors';
import { allocate, allocateForOverwrite, isFloatDType } from './dtype';
import type { DType, TypedArray } from './dtype';
import { bufferOf, offsetOf, shapeOf, stridesOf, trustedView } from './ndarray';
import type { NDArray } from './ndarray';
import { contiguousStrides, formatShape } from './shape';

export type ReduceOp = 'min' | 'max' | 'sum' | 'mean' | 'prod' | 'any' | 'all';

const REDUCE_OPS: readonly ReduceOp[] = ['min', 'max', 'sum', 'mean', 'prod', 'any', 'all'];

/**
 * The dtype of a reduction's result. min and max keep the dtype; any and all give 'bool';
 * sum and prod keep float dtypes and give 'float64' for integers and bools, which is exact up
 * to 2^53 where int32 would silently wrap around; mean is for floats only.
 */
export function reducedDType(dtype: DType, op: ReduceOp): DType {
  if (op === 'any' || op === 'all') return 'bool';
  if (op === 'min' || op === 'max') return dtype;
  if (isFloatDType(dtype)) return dtype;
  if (op === 'mean') {
    throw new EinopsError(`reduce: mean needs a float dtype, got ${dtype}; convert the tensor to float32 or float64 first`);
  }
  return 'float64';
}

/**
 * Reduces x over `axes` (any set, in any order), removing them. Returns a new contiguous
 * array; x is only read. Over zero elements: sum 0, prod 1, any false, all true, mean NaN;
 * min and max throw, as numpy does.
 */
export function reduce(x: NDArray, op: ReduceOp, axes: readonly number[]): NDArray {
  if (!REDUCE_OPS.includes(op)) {
    throw new EinopsError(`reduce: unknown operation ${String(op)}, expected one of ${REDUCE_OPS.join(', ')}`);
  }
  // The layout read without freezing it (see NDArray's #exposed): x is usually a step's
  // intermediate view, which no user sees.
  const shape = shapeOf(x);
  const ndim = shape.length;
  const reduced = new Array<boolean>(ndim).fill(false);
  for (const a of axes) {
    if (!Number.isInteger(a) || a < 0 || a >= ndim || reduced[a]) {
      throw new EinopsError(
        `reduce: axes ${formatShape(axes)} are not distinct axes of shape ${formatShape(shape)}`,
      );
    }
    reduced[a] = true;
  }
  const outDType = reducedDType(x.dtype, op);
  // A loop rather than filter and checkedSize's lazy message: closures made on every call show
  // on a tiny tensor. The output is no larger than the valid input, so its size needs no check.
  const outShape: number[] = [];
  let outSize = 1;
  for (let i = 0; i < ndim; i++) {
    if (reduced[i]) continue;
    outShape.push(shape[i]!);
    outSize *= shape[i]!;
  }
  let count = 1;
  for (const a of axes) count *= shape[a]!;
  // numpy raises whenever a reduced axis is empty, even if the result has no elements.
  if (count === 0 && (op === 'min' || op === 'max')) {
    throw new EinopsError(
      `reduce: ${op} over zero elements (axes ${formatShape(axes)} of shape ${formatShape(shape)}) has no value`,
    );
  }

  const buffer = bufferOf(x);
  const offset = offsetOf(x);
  const loops = outSize > 0 && count > 0 ? planLoops(shape, stridesOf(x), reduced, contiguousStrides(outShape)) : undefined;
  let out: TypedArray;
  if (loops !== undefined && (op === 'sum' || op === 'mean') && outDType === 'float32' && isRowSum(loops)) {
    // Every element of the output is written by the first pass, so it need not be zeroed.
    const sums = allocateForOverwrite('float32', outSize);
    const [rows, cols] = [loops.lens[0]!, loops.lens[1]!];
    sumRowsFloat32(buffer as Float32Array, offset, rows, loops.srcStrides[0]!, cols, sums, op === 'mean' ? count : 1);
    out = sums;
  } else {
    out = allocate(outDType, outSize);
    // Accumulate in JS numbers (float64) whatever the output dtype, so float32 sums do not
    // lose precision along the way; narrow once at the end.
    const acc = outDType === 'float64' ? (out as Float64Array) : new Float64Array(outSize);
    if (IDENTITY[op] !== 0) acc.fill(IDENTITY[op]); // a new array is already all zeros
    if (loops !== undefined) runLoops(op, readable(buffer), offset, acc, loops);
    if (op === 'mean') {
      for (let i = 0; i < outSize; i++) acc[i]! /= count;
    }
    if (acc !== out) out.set(acc);
  }
  return trustedView(out, outDType, outShape, contiguousStrides(outShape), 0, outSize);
}

/**
 * A Uint8ClampedArray is read through a Uint8Array of the same bytes (clamping only acts on
 * writes). Each array class that reaches a kernel's loops costs V8 a map check there, and past
 * four classes the element loads go megamorphic (about ten times slower); canvas pixels then
 * share the class of uint8 and bool data.
 */
function readable(a: TypedArray): TypedArray {
  return a.constructor === Uint8ClampedArray ? new Uint8Array(a.buffer, a.byteOffset, a.length) : a;
}

const IDENTITY: Readonly<Record<ReduceOp, number>> = {
  sum: 0,
  mean: 0,
  prod: 1,
  any: 0,
  all: 1,
  min: Infinity,
  max: -Infinity,
};

/** The loop nest, outermost first: one loop per axis group, with source and output strides. */
interface Loops {
  readonly lens: number[];
  readonly srcStrides: number[];
  /** 0 for reduced axes. */
  readonly outStrides: number[];
}

interface LoopAxis {
  readonly len: number;
  readonly ss: number;
  readonly os: number;
}

// A kept broadcast (stride-0) axis goes outermost, so the inner loops still walk the source's
// memory. A reduced one sorts innermost, where the loop re-reads one cached value.
const loopKey = (a: LoopAxis): number => (a.ss === 0 && a.os !== 0 ? Infinity : a.ss);
const byLoopOrder = (a: LoopAxis, b: LoopAxis): number =>
  loopKey(a) === loopKey(b) ? b.os - a.os : loopKey(a) > loopKey(b) ? -1 : 1;

/**
 * Orders the loops by decreasing source stride, so the innermost loop walks the densest
 * memory (a reduced axis accumulates into a register; a kept axis accumulates a whole row
 * into the output), then merges neighbouring loops of the same kind that are contiguous in
 * both source and output. Length-1 axes are dropped.
 */
function planLoops(
  shape: readonly number[],
  strides: readonly number[],
  reduced: readonly boolean[],
  outStrides: readonly number[],
): Loops {
  const axes: LoopAxis[] = [];
  let k = 0;
  for (let i = 0; i < shape.length; i++) {
    const os = reduced[i] ? 0 : outStrides[k++]!;
    if (shape[i] !== 1) axes.push({ len: shape[i]!, ss: strides[i]!, os });
  }
  axes.sort(byLoopOrder);
  const lens: number[] = [];
  const srcStrides: number[] = [];
  const outs: number[] = [];
  for (const a of axes) {
    const last = lens.length - 1;
    if (
      last >= 0 &&
      (outs[last] === 0) === (a.os === 0) &&
      srcStrides[last] === a.ss * a.len &&
      outs[last] === a.os * a.len
    ) {
      lens[last]! *= a.len;
      srcStrides[last] = a.ss;
      outs[last] = a.os;
    } else {
      lens.push(a.len);
      srcStrides.push(a.ss);
      outs.push(a.os);
    }
  }
  return { lens, srcStrides, outStrides: outs };
}

/**
 * Runs the two innermost loops in one kernel call (so short inner rows, as in 2x2 pooling,
 * do not pay a call each) and drives the outer loops with an odometer (no index division).
 */
function runLoops(op: ReduceOp, src: TypedArray, offset: number, acc: Float64Array, loops: Loops): void {
  const { lens, srcStrides, outStrides } = loops;
  const b = lens.length - 1;
  if (b < 0) {
    // A single element.
    reduceInner(op, src, offset, 1, 0, 1, 0, acc, 0, 0);
    return;
  }
  const a = b - 1;
  const nb = lens[b]!;
  const sb = srcStrides[b]!;
  const ob = outStrides[b]!;
  const na = a >= 0 ? lens[a]! : 1;
  const sa = a >= 0 ? srcStrides[a]! : 0;
  const oa = a >= 0 ? outStrides[a]! : 0;
  const nOuter = Math.max(a, 0);
  let count = 1;
  for (let d = 0; d < nOuter; d++) count *= lens[d]!;
  const idx = new Array<number>(nOuter).fill(0);
  let s = offset;
  let o = 0;
  for (let it = 0; it < count; it++) {
    if (ob === 0) reduceInner(op, src, s, na, sa, nb, sb, acc, o, oa);
    else accumulateInner(op, src, s, na, sa, nb, sb, acc, o, oa, ob);
    for (let d = nOuter - 1; d >= 0; d--) {
      const len = lens[d]!;
      s += srcStrides[d]!;
      o += outStrides[d]!;
      if (++idx[d]! < len) break;
      idx[d] = 0;
      s -= srcStrides[d]! * len;
      o -= outStrides[d]! * len;
    }
  }
}

/**
 * The innermost loop is a reduced axis: for each of `na` rows, reduce its `nb` elements in a
 * register, then fold that into acc[o]. (`oa` is 0 when the rows are reduced too.)
 * Counted loops throughout: a broadcast axis has stride 0, so end addresses would not work.
 */
function reduceInner(
  op: ReduceOp,
  src: TypedArray,
  s: number,
  na: number,
  sa: number,
  nb: number,
  sb: number,
  acc: Float64Array,
  o: number,
  oa: number,
): void {
  switch (op) {
    case 'sum':
    case 'mean':
      // Partial sums: one chain of dependent adds is bound by the add's latency, several
      // overlap. (Float64 sums of float32 or integer values; the order changes nothing that a
      // float32 result can show.)
      if (sb === 1) {
        // Contiguous rows (a global mean): eight partial sums in a leaf kernel of its own.
        for (let i = 0; i < na; i++, s += sa, o += oa) acc[o]! += sumRun(src, s, s + nb);
        return;
      }
      for (let i = 0; i < na; i++, s += sa, o += oa) {
        let r0 = 0;
        let r1 = 0;
        let r2 = 0;
        let r3 = 0;
        let j = 0;
        let k = s;
        for (const step = 4 * sb; j + 4 <= nb; j += 4, k += step) {
          r0 += src[k]!;
          r1 += src[k + sb]!;
          r2 += src[k + 2 * sb]!;
          r3 += src[k + 3 * sb]!;
        }
        for (; j < nb; j++, k += sb) r0 += src[k]!;
        acc[o]! += r0 + r1 + (r2 + r3);
      }
      return;
    case 'prod':
      for (let i = 0; i < na; i++, s += sa, o += oa) {
        let r = 1;
        for (let j = 0, k = s; j < nb; j++, k += sb) r *= src[k]!;
        acc[o]! *= r;
      }
      return;
    case 'any':
      for (let i = 0; i < na; i++, s += sa, o += oa) {
        if (acc[o] !== 0) continue;
        for (let j = 0, k = s; j < nb; j++, k += sb) {
          if (src[k] !== 0) {
            acc[o] = 1;
            break;
          }
        }
      }
      return;
    case 'all':
      for (let i = 0; i < na; i++, s += sa, o += oa) {
        if (acc[o] === 0) continue;
        for (let j = 0, k = s; j < nb; j++, k += sb) {
          if (src[k] === 0) {
            acc[o] = 0;
            break;
          }
        }
      }
      return;
    // NaN wins, as in numpy: it ends the row, and no comparison can replace it afterwards.
    case 'min':
      for (let i = 0; i < na; i++, s += sa, o += oa) {
        let r = acc[o]!;
        for (let j = 0, k = s; j < nb; j++, k += sb) {
          const v = src[k]!;
          if (v < r) r = v;
          else if (v !== v) {
            r = v;
            break;
          }
        }
        acc[o] = r;
      }
      return;
    case 'max':
      for (let i = 0; i < na; i++, s += sa, o += oa) {
        let r = acc[o]!;
        for (let j = 0, k = s; j < nb; j++, k += sb) {
          const v = src[k]!;
          if (v > r) r = v;
          else if (v !== v) {
            r = v;
            break;
          }
        }
        acc[o] = r;
      }
      return;
  }
}

/**
 * The innermost loop is a kept axis: acc[o + i*oa + j*ob] (op)= src[s + i*sa + j*sb], a
 * whole output row at a time (`oa` is 0 when the rows are a reduced axis).
 */
function accumulateInner(
  op: ReduceOp,
  src: TypedArray,
  s: number,
  na: number,
  sa: number,
  nb: number,
  sb: number,
  acc: Float64Array,
  o: number,
  oa: number,
  ob: number,
): void {
  // Rows reduced into one output row (oa = 0, as in a sum over the batch) go block by block,
  // so the block of acc stays in cache while every row adds into it.
  if (oa === 0 && na > 1 && nb > ACCUMULATE_BLOCK) {
    for (let j0 = 0; j0 < nb; j0 += ACCUMULATE_BLOCK) {
      const n = Math.min(ACCUMULATE_BLOCK, nb - j0);
      accumulateRows(op, src, s + j0 * sb, na, sa, n, sb, acc, o + j0 * ob, 0, ob);
    }
    return;
  }
  accumulateRows(op, src, s, na, sa, nb, sb, acc, o, oa, ob);
}

/** Elements of acc per block in accumulateInner: 16 KiB of float64. */
const ACCUMULATE_BLOCK = 2048;

/**
 * Whether the whole reduction is rows added into one contiguous output row: the loops are
 * [rows reduced, a kept run contiguous in source and output] (a sum over the batch).
 */
function isRowSum(loops: Loops): boolean {
  const { lens, srcStrides, outStrides } = loops;
  return lens.length === 2 && outStrides[0] === 0 && outStrides[1] === 1 && srcStrides[1] === 1;
}

/**
 * Columns per block of sumRowsFloat32: 64 KiB of float32 output, which stays in L2 while each
 * pass adds into it. (Whole rows measured the same at 10 rows, but more passes would then go
 * to memory each time.)
 */
const ROW_SUM_BLOCK = 16384;

/**
 * A float32 sum (or mean, dividing by `divisor`) of `na` contiguous rows into the contiguous
 * `out` (a sum over the batch), one block of columns at a time. Rows are taken eight at a time,
 * then four, two and one: each pass adds its rows in float64 (exact for up to eight float32
 * values of similar size) and rounds into `out` once, the first pass storing rather than adding,
 * so `out` need not be zeroed. That is one float32 rounding per pass where numpy, adding row by
 * row in float32, rounds once per row. Accumulating in a float64 scratch instead and narrowing
 * at the end measured 20% slower (3.2 ms against 2.6 ms for [10, 640000]): the extra loads,
 * stores and narrowing pass cost more than the adds.
 */
function sumRowsFloat32(src: Float32Array, s: number, na: number, sa: number, nb: number, out: Float32Array, divisor: number): void {
  for (let o = 0; o < nb; o += ROW_SUM_BLOCK) {
    const end = Math.min(o + ROW_SUM_BLOCK, nb);
    let d = s; // column j of the pass's first row is src[d + j]
    let first = true;
    let left = na;
    for (; left >= 8; left -= 8, d += 8 * sa, first = false) addRows8(src, d, sa, out, o, end, first);
    if (left >= 4) {
      addRows4(src, d, sa, out, o, end, first);
      [left, d, first] = [left - 4, d + 4 * sa, false];
    }
    if (left >= 2) {
      addRows2(src, d, sa, out, o, end, first);
      [left, d] = [left - 2, d + 2 * sa];
    }
    // Never the first pass: planLoops drops length-1 axes, so a row sum has two rows or more.
    if (left === 1) addRows1(src, d, out, o, end);
    if (divisor !== 1) for (let j = o; j < end; j++) out[j]! /= divisor;
  }
}

// The passes of sumRowsFloat32: out[j] (+)= the sum of src[d + i*sa + j] over their rows i, for
// o <= j < end; `first` stores instead of adding. One function per row count, each with its row
// offsets named outside the loop: the loop then reads every row with one add of j, and a pass
// over many rows amortises the per-iteration cost (V8 re-checks each array's map and reloads
// its length and base pointer on every iteration) over many loads.

function addRows8(src: Float32Array, d: number, sa: number, out: Float32Array, o: number, end: number, first: boolean): void {
  const [k1, k2, k3, k4, k5, k6, k7] = [d + sa, d + 2 * sa, d + 3 * sa, d + 4 * sa, d + 5 * sa, d + 6 * sa, d + 7 * sa];
  if (first) {
    for (let j = o; j < end; j++) {
      out[j] = src[d + j]! + src[k1 + j]! + (src[k2 + j]! + src[k3 + j]!) + (src[k4 + j]! + src[k5 + j]! + (src[k6 + j]! + src[k7 + j]!));
    }
  } else {
    for (let j = o; j < end; j++) {
      out[j]! += src[d + j]! + src[k1 + j]! + (src[k2 + j]! + src[k3 + j]!) + (src[k4 + j]! + src[k5 + j]! + (src[k6 + j]! + src[k7 + j]!));
    }
  }
}

function addRows4(src: Float32Array, d: number, sa: number, out: Float32Array, o: number, end: number, first: boolean): void {
  const [k1, k2, k3] = [d + sa, d + 2 * sa, d + 3 * sa];
  if (first) for (let j = o; j < end; j++) out[j] = src[d + j]! + src[k1 + j]! + (src[k2 + j]! + src[k3 + j]!);
  else for (let j = o; j < end; j++) out[j]! += src[d + j]! + src[k1 + j]! + (src[k2 + j]! + src[k3 + j]!);
}

function addRows2(src: Float32Array, d: number, sa: number, out: Float32Array, o: number, end: number, first: boolean): void {
  const k1 = d + sa;
  if (first) for (let j = o; j < end; j++) out[j] = src[d + j]! + src[k1 + j]!;
  else for (let j = o; j < end; j++) out[j]! += src[d + j]! + src[k1 + j]!;
}

/** The last row of an odd count: always after another pass, since a row sum has two rows or more. */
function addRows1(src: Float32Array, d: number, out: Float32Array, o: number, end: number): void {
  for (let j = o; j < end; j++) out[j]! += src[d + j]!;
}

function accumulateRows(
  op: ReduceOp,
  src: TypedArray,
  s: number,
  na: number,
  sa: number,
  nb: number,
  sb: number,
  acc: Float64Array,
  o: number,
  oa: number,
  ob: number,
): void {
  switch (op) {
    case 'sum':
    case 'mean': {
      // Rows that all add into the same output row (oa = 0, a sum over the batch): several rows
      // per pass, so each output element is loaded and stored once per pass, not once per row;
      // the loop is bound by those loads and stores, not by the adds.
      if (oa === 0 && sb === 1 && ob === 1) {
        addRows(src, s, na, sa, nb, acc, o);
        return;
      }
      let i = 0;
      if (oa === 0) {
        for (; i + 4 <= na; i += 4, s += 4 * sa) {
          for (let j = 0, k = s, t = o; j < nb; j++, k += sb, t += ob) {
            acc[t]! += src[k]! + src[k + sa]! + (src[k + 2 * sa]! + src[k + 3 * sa]!);
          }
        }
      }
      for (; i < na; i++, s += sa, o += oa) {
        for (let j = 0, k = s, t = o; j < nb; j++, k += sb, t += ob) acc[t]! += src[k]!;
      }
      return;
    }
    case 'prod':
      for (let i = 0; i < na; i++, s += sa, o += oa) {
        for (let j = 0, k = s, t = o; j < nb; j++, k += sb, t += ob) acc[t]! *= src[k]!;
      }
      return;
    case 'any':
      for (let i = 0; i < na; i++, s += sa, o += oa) {
        for (let j = 0, k = s, t = o; j < nb; j++, k += sb, t += ob) if (src[k] !== 0) acc[t] = 1;
      }
      return;
    case 'all':
      for (let i = 0; i < na; i++, s += sa, o += oa) {
        for (let j = 0, k = s, t = o; j < nb; j++, k += sb, t += ob) if (src[k] === 0) acc[t] = 0;
      }
      return;
    case 'min':
      for (let i = 0; i < na; i++, s += sa, o += oa) {
        for (let j = 0, k = s, t = o; j < nb; j++, k += sb, t += ob) {
          const v = src[k]!;
          if (v < acc[t]! || v !== v) acc[t] = v;
        }
      }
      return;
    case 'max':
      for (let i = 0; i < na; i++, s += sa, o += oa) {
        for (let j = 0, k = s, t = o; j < nb; j++, k += sb, t += ob) {
          const v = src[k]!;
          if (v > acc[t]! || v !== v) acc[t] = v;
        }
      }
      return;
  }
}

/**
 * acc[o + j] += the sum over i < na of src[s + i*sa + j], for j < nb: contiguous rows added
 * into one contiguous output row (a sum over the batch). Eight rows per pass, then four, two,
 * one: each output element is loaded and stored once per pass, and the eight reads of a pass
 * are independent, so the loop runs at the speed of the loads.
 */
function addRows(src: TypedArray, s: number, na: number, sa: number, nb: number, acc: Float64Array, o: number): void {
  const d = s - o; // src index of acc[o + j] in the first row of a pass, minus (o + j)
  const end = o + nb;
  let i = 0;
  // The row offsets are named outside the loops: TurboFan does not hoist `c * sa` out of them.
  for (; i + 8 <= na; i += 8) {
    const k0 = d + i * sa;
    const [k1, k2, k3] = [k0 + sa, k0 + 2 * sa, k0 + 3 * sa];
    const [k4, k5, k6, k7] = [k0 + 4 * sa, k0 + 5 * sa, k0 + 6 * sa, k0 + 7 * sa];
    for (let j = o; j < end; j++) {
      acc[j]! += src[k0 + j]! + src[k1 + j]! + (src[k2 + j]! + src[k3 + j]!) + (src[k4 + j]! + src[k5 + j]! + (src[k6 + j]! + src[k7 + j]!));
    }
  }
  if (i + 4 <= na) {
    const k0 = d + i * sa;
    const [k1, k2, k3] = [k0 + sa, k0 + 2 * sa, k0 + 3 * sa];
    for (let j = o; j < end; j++) acc[j]! += src[k0 + j]! + src[k1 + j]! + (src[k2 + j]! + src[k3 + j]!);
    i += 4;
  }
  if (i + 2 <= na) {
    const k0 = d + i * sa;
    const k1 = k0 + sa;
    for (let j = o; j < end; j++) acc[j]! += src[k0 + j]! + src[k1 + j]!;
    i += 2;
  }
  if (i < na) {
    const k = d + i * sa;
    for (let j = o; j < end; j++) acc[j]! += src[k + j]!;
  }
}

/**
 * The float64 sum of src[begin..end): sixteen elements per iteration, as four partial sums that
 * each add a tree of four, so several adds are in flight at once instead of one chain bound by
 * the add's latency. Each element costs V8 several instructions (index add, bounds check, load,
 * conversion), so fewer loop iterations and fewer accumulator updates per element is what
 * counts: this measured 20% faster than eight partial sums of one element each (1.9 ms against
 * 2.35 ms for 6.4M float32 in rows of 20000). A function of its own so that its loop gets all
 * the registers.
 */
function sumRun(src: TypedArray, begin: number, end: number): number {
  let r0 = 0;
  let r1 = 0;
  let r2 = 0;
  let r3 = 0;
  let j = begin;
  for (; j + 16 <= end; j += 16) {
    r0 += src[j]! + src[j + 1]! + (src[j + 2]! + src[j + 3]!);
    r1 += src[j + 4]! + src[j + 5]! + (src[j + 6]! + src[j + 7]!);
    r2 += src[j + 8]! + src[j + 9]! + (src[j + 10]! + src[j + 11]!);
    r3 += src[j + 12]! + src[j + 13]! + (src[j + 14]! + src[j + 15]!);
  }
  for (; j + 4 <= end; j += 4) r0 += src[j]! + src[j + 1]! + (src[j + 2]! + src[j + 3]!);
  for (; j < end; j++) r1 += src[j]!;
  return r0 + r1 + (r2 + r3);
}
