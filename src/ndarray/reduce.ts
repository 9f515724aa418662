import { EinopsError } from '../errors';
import { allocate, isFloatDType } from './dtype';
import type { DType, TypedArray } from './dtype';
import { fromView, viewInfo } from './ndarray';
import type { NDArray } from './ndarray';
import { checkedSize, contiguousStrides, formatShape } from './shape';

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
  const ndim = x.ndim;
  const reduced = new Array<boolean>(ndim).fill(false);
  for (const a of axes) {
    if (!Number.isInteger(a) || a < 0 || a >= ndim || reduced[a]) {
      throw new EinopsError(
        `reduce: axes ${formatShape(axes)} are not distinct axes of shape ${formatShape(x.shape)}`,
      );
    }
    reduced[a] = true;
  }
  const outDType = reducedDType(x.dtype, op);
  const outShape = x.shape.filter((_, i) => !reduced[i]);
  const outSize = checkedSize(outShape, () => `reduce ${op}`);
  let count = 1;
  for (const a of axes) count *= x.shape[a]!;
  if (count === 0 && (op === 'min' || op === 'max') && outSize > 0) {
    throw new EinopsError(
      `reduce: ${op} over zero elements (axes ${formatShape(axes)} of shape ${formatShape(x.shape)}) has no value`,
    );
  }

  const out = allocate(outDType, outSize);
  // Accumulate in JS numbers (float64) whatever the output dtype, so float32 sums do not
  // lose precision along the way; narrow once at the end.
  const acc = outDType === 'float64' ? (out as Float64Array) : new Float64Array(outSize);
  acc.fill(IDENTITY[op]);
  if (outSize > 0 && count > 0) {
    const info = viewInfo(x);
    const loops = planLoops(x.shape, info.strides, reduced, contiguousStrides(outShape));
    runLoops(op, info.buffer, info.offset, acc, loops);
  }
  if (op === 'mean') {
    for (let i = 0; i < outSize; i++) acc[i]! /= count;
  }
  if (acc !== out) out.set(acc);
  return fromView(out, outDType, outShape, contiguousStrides(outShape), 0);
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
  const axes: { len: number; ss: number; os: number }[] = [];
  let k = 0;
  for (let i = 0; i < shape.length; i++) {
    const os = reduced[i] ? 0 : outStrides[k++]!;
    if (shape[i] !== 1) axes.push({ len: shape[i]!, ss: strides[i]!, os });
  }
  // A kept broadcast (stride-0) axis goes outermost: inside, it would only make the inner
  // loop write output rows without reading new memory. A reduced one stays innermost, where
  // the loop re-reads one cached value.
  const key = (a: { ss: number; os: number }): number => (a.ss === 0 && a.os !== 0 ? Infinity : a.ss);
  axes.sort((a, b) => (key(a) === key(b) ? b.os - a.os : key(a) > key(b) ? -1 : 1));
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

/** Drives the innermost loop with an odometer over the outer ones (no index division). */
function runLoops(op: ReduceOp, src: TypedArray, offset: number, acc: Float64Array, loops: Loops): void {
  const { lens, srcStrides, outStrides } = loops;
  const inner = lens.length - 1;
  if (inner < 0) {
    acc[0] = combine(op, acc[0]!, src[offset]!);
    return;
  }
  const n = lens[inner]!;
  const ss = srcStrides[inner]!;
  const os = outStrides[inner]!;
  let count = 1;
  for (let d = 0; d < inner; d++) count *= lens[d]!;
  const idx = new Array<number>(inner).fill(0);
  let s = offset;
  let o = 0;
  for (let it = 0; it < count; it++) {
    if (os === 0) acc[o] = combine(op, acc[o]!, reduceRow(op, src, s, ss, n));
    else combineRow(op, acc, o, os, src, s, ss, n);
    for (let d = inner - 1; d >= 0; d--) {
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

function combine(op: ReduceOp, a: number, b: number): number {
  switch (op) {
    case 'sum':
    case 'mean':
      return a + b;
    case 'prod':
      return a * b;
    case 'any':
      return a !== 0 || b !== 0 ? 1 : 0;
    case 'all':
      return a !== 0 && b !== 0 ? 1 : 0;
    // NaN wins, as in numpy.
    case 'min':
      return b < a || b !== b ? b : a;
    case 'max':
      return b > a || b !== b ? b : a;
  }
}

/** Reduces n elements at stride ss starting at s. */
function reduceRow(op: ReduceOp, src: TypedArray, s: number, ss: number, n: number): number {
  let r = IDENTITY[op];
  // Counted loops: with a broadcast axis ss is 0, so an end address would equal the start.
  switch (op) {
    case 'sum':
    case 'mean':
      for (let j = 0, k = s; j < n; j++, k += ss) r += src[k]!;
      return r;
    case 'prod':
      for (let j = 0, k = s; j < n; j++, k += ss) r *= src[k]!;
      return r;
    case 'any':
      for (let j = 0, k = s; j < n; j++, k += ss) if (src[k] !== 0) return 1;
      return 0;
    case 'all':
      for (let j = 0, k = s; j < n; j++, k += ss) if (src[k] === 0) return 0;
      return 1;
    case 'min':
      for (let j = 0, k = s; j < n; j++, k += ss) {
        const v = src[k]!;
        if (v < r) r = v;
        else if (v !== v) return v;
      }
      return r;
    case 'max':
      for (let j = 0, k = s; j < n; j++, k += ss) {
        const v = src[k]!;
        if (v > r) r = v;
        else if (v !== v) return v;
      }
      return r;
  }
}

/** acc[o + j*os] = acc[o + j*os] (op) src[s + j*ss] for j < n: the row-wise accumulation. */
function combineRow(
  op: ReduceOp,
  acc: Float64Array,
  o: number,
  os: number,
  src: TypedArray,
  s: number,
  ss: number,
  n: number,
): void {
  const end = o + n * os; // os is never 0 here: the axis is kept
  switch (op) {
    case 'sum':
    case 'mean':
      for (let j = o, k = s; j !== end; j += os, k += ss) acc[j]! += src[k]!;
      return;
    case 'prod':
      for (let j = o, k = s; j !== end; j += os, k += ss) acc[j]! *= src[k]!;
      return;
    case 'any':
      for (let j = o, k = s; j !== end; j += os, k += ss) if (src[k] !== 0) acc[j] = 1;
      return;
    case 'all':
      for (let j = o, k = s; j !== end; j += os, k += ss) if (src[k] === 0) acc[j] = 0;
      return;
    case 'min':
      for (let j = o, k = s; j !== end; j += os, k += ss) {
        const v = src[k]!;
        if (v < acc[j]! || v !== v) acc[j] = v;
      }
      return;
    case 'max':
      for (let j = o, k = s; j !== end; j += os, k += ss) {
        const v = src[k]!;
        if (v > acc[j]! || v !== v) acc[j] = v;
      }
      return;
  }
}
