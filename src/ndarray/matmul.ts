import { EinopsError } from '../errors';
import { allocate } from './dtype';
import type { DType, TypedArray } from './dtype';
import { fromView, viewInfo } from './ndarray';
import type { NDArray } from './ndarray';
import { checkedSize, contiguousStrides, formatShape } from './shape';
import { transpose } from './views';

/**
 * The dtype of a product: float32 when both factors are float32, float64 otherwise. Integers
 * and bools are multiplied and summed as JS numbers, exactly up to 2^53, as reduce's sum does;
 * narrowing back to an integer type would silently wrap around.
 */
export function productDType(a: DType, b: DType): 'float32' | 'float64' {
  return a === 'float32' && b === 'float32' ? 'float32' : 'float64';
}

const SWAP_LAST = [0, 2, 1];

// Register tile: MR x NR sums live in local variables, so each step over k loads MR + NR
// numbers for MR * NR multiply-adds. 4 x 4 measured fastest in V8 (16 accumulators still fit
// the x64 registers; larger tiles spill).
const MR = 4;
const NR = 4;
// Cache blocks (Goto's scheme): a KC x NC block of b is packed once and reused for every
// MC x KC block of a; one packed a row panel (MR x KC) and b column panel (KC x NR) of
// 8 KiB each stay in L1 while the register tile runs over k.
const KC = 256;
const MC = 64;
const NC = 256;

/**
 * Batched matrix product: a [batch, m, k] times b [batch, k, n] is [batch, m, n]. With
 * `transposeA`, a is given as [batch, k, m]; with `transposeB`, b as [batch, n, k]: the kernel
 * reads them through a transposed view (strides swapped, nothing copied), as it reads any view.
 * Both may be any strided views (transposed, broadcast); the result is a new contiguous array of
 * `productDType`. Sums are accumulated in float64 whatever the output dtype, so a float32
 * result is rounded once per element.
 *
 * Large products run a cache-blocked GEMM on packed float64 panels; when m or n is below the
 * register tile (matrix-vector products, elementwise products with batch axes) a direct loop
 * avoids packing and padding.
 */
export function matmul(a: NDArray, b: NDArray, transposeA = false, transposeB = false): NDArray {
  if (transposeA && a.ndim === 3) a = transpose(a, SWAP_LAST);
  if (transposeB && b.ndim === 3) b = transpose(b, SWAP_LAST);
  if (a.ndim !== 3 || b.ndim !== 3 || a.shape[0] !== b.shape[0] || a.shape[2] !== b.shape[1]) {
    throw new EinopsError(
      `matmul: cannot multiply shapes ${formatShape(a.shape)} and ${formatShape(b.shape)}: ` +
        'expected [batch, m, k] and [batch, k, n]',
    );
  }
  const [batch, m, k] = a.shape as unknown as [number, number, number];
  const n = b.shape[2]!;
  const dtype = productDType(a.dtype, b.dtype);
  const shape = [batch, m, n];
  const size = checkedSize(shape, () => 'matmul');
  const out = allocate(dtype, size);
  if (size > 0 && k > 0) {
    const ai = viewInfo(a);
    const bi = viewInfo(b);
    if (m < MR || n < NR) {
      directProducts(out, ai.buffer, ai.offset, ai.strides, bi.buffer, bi.offset, bi.strides, batch, m, n, k);
    } else {
      const [sab, sam, sak] = ai.strides as [number, number, number];
      const [sbb, sbk, sbn] = bi.strides as [number, number, number];
      // The GEMM writes each product block once per KC slice of k, so it accumulates into a
      // float64 buffer: the output itself when it is float64, else one matrix of scratch.
      const acc = out instanceof Float64Array ? out : new Float64Array(m * n);
      const panels = new Panels(m, n, k);
      for (let i = 0; i < batch; i++) {
        const co = i * m * n;
        const ao = ai.offset + i * sab;
        const bo = bi.offset + i * sbb;
        gemm(panels, acc, acc === out ? co : 0, ai.buffer, ao, sam, sak, bi.buffer, bo, sbk, sbn, m, n, k);
        if (acc !== out) out.set(acc, co);
      }
    }
  }
  return fromView(out, dtype, shape, contiguousStrides(shape), 0);
}

/** Reusable packing buffers for one matmul call, sized for its blocks. */
class Panels {
  readonly a: Float64Array;
  readonly b: Float64Array;
  constructor(m: number, n: number, k: number) {
    const kc = Math.min(KC, k);
    this.a = new Float64Array(roundUp(Math.min(MC, m), MR) * kc);
    this.b = new Float64Array(roundUp(Math.min(NC, n), NR) * kc);
  }
}

const roundUp = (value: number, step: number): number => Math.ceil(value / step) * step;

/** c[co + i*n + j] = sum over p of a[i, p] * b[p, j], for one m x k by k x n product. */
function gemm(
  panels: Panels,
  c: Float64Array,
  co: number,
  a: TypedArray,
  ao: number,
  sam: number,
  sak: number,
  b: TypedArray,
  bo: number,
  sbk: number,
  sbn: number,
  m: number,
  n: number,
  k: number,
): void {
  const ap = panels.a;
  const bp = panels.b;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packB(bp, b, bo + pc * sbk + jc * sbn, kc, nc, sbk, sbn);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packA(ap, a, ao + ic * sam + pc * sak, mc, kc, sam, sak);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = Math.min(NR, nc - jr);
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = Math.min(MR, mc - ir);
            tile(kc, ap, ir * kc, bp, jr * kc, c, co + (ic + ir) * n + jc + jr, n, mr, nr, pc === 0);
          }
        }
      }
    }
  }
}

/**
 * Packs an mc x kc block of a into row panels of MR rows, k-major inside a panel, so the
 * register tile reads it sequentially. Rows past mc are zeros: edge tiles compute on them
 * and store only the valid part.
 */
function packA(ap: Float64Array, a: TypedArray, offset: number, mc: number, kc: number, sm: number, sk: number): void {
  let p = 0;
  for (let i0 = 0; i0 < mc; i0 += MR) {
    const rows = Math.min(MR, mc - i0);
    for (let q = 0; q < kc; q++) {
      const base = offset + i0 * sm + q * sk;
      for (let r = 0; r < MR; r++) ap[p++] = r < rows ? a[base + r * sm]! : 0;
    }
  }
}

/** Packs a kc x nc block of b into column panels of NR columns, k-major; padded with zeros. */
function packB(bp: Float64Array, b: TypedArray, offset: number, kc: number, nc: number, sk: number, sn: number): void {
  let p = 0;
  for (let j0 = 0; j0 < nc; j0 += NR) {
    const cols = Math.min(NR, nc - j0);
    for (let q = 0; q < kc; q++) {
      const base = offset + q * sk + j0 * sn;
      for (let j = 0; j < NR; j++) bp[p++] = j < cols ? b[base + j * sn]! : 0;
    }
  }
}

// Edge tiles go through this instead of the 16 locals.
const edge = new Float64Array(MR * NR);

/**
 * The register tile: a 4 x 4 block of c from one packed a panel and one packed b panel.
 * `first` is the first KC slice of k, which stores; later slices add to what is there.
 */
function tile(
  kc: number,
  ap: Float64Array,
  pa: number,
  bp: Float64Array,
  pb: number,
  c: Float64Array,
  o: number,
  ldc: number,
  mr: number,
  nr: number,
  first: boolean,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let q = 0; q < kc; q++, pa += MR, pb += NR) {
    const a0 = ap[pa]!, a1 = ap[pa + 1]!, a2 = ap[pa + 2]!, a3 = ap[pa + 3]!;
    const b0 = bp[pb]!, b1 = bp[pb + 1]!, b2 = bp[pb + 2]!, b3 = bp[pb + 3]!;
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
  }
  if (mr === MR && nr === NR) {
    const o1 = o + ldc, o2 = o1 + ldc, o3 = o2 + ldc;
    if (!first) {
      c00 += c[o]!; c01 += c[o + 1]!; c02 += c[o + 2]!; c03 += c[o + 3]!;
      c10 += c[o1]!; c11 += c[o1 + 1]!; c12 += c[o1 + 2]!; c13 += c[o1 + 3]!;
      c20 += c[o2]!; c21 += c[o2 + 1]!; c22 += c[o2 + 2]!; c23 += c[o2 + 3]!;
      c30 += c[o3]!; c31 += c[o3 + 1]!; c32 += c[o3 + 2]!; c33 += c[o3 + 3]!;
    }
    c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03;
    c[o1] = c10; c[o1 + 1] = c11; c[o1 + 2] = c12; c[o1 + 3] = c13;
    c[o2] = c20; c[o2 + 1] = c21; c[o2 + 2] = c22; c[o2 + 3] = c23;
    c[o3] = c30; c[o3 + 1] = c31; c[o3 + 2] = c32; c[o3 + 3] = c33;
    return;
  }
  edge[0] = c00; edge[1] = c01; edge[2] = c02; edge[3] = c03;
  edge[4] = c10; edge[5] = c11; edge[6] = c12; edge[7] = c13;
  edge[8] = c20; edge[9] = c21; edge[10] = c22; edge[11] = c23;
  edge[12] = c30; edge[13] = c31; edge[14] = c32; edge[15] = c33;
  for (let r = 0; r < mr; r++) {
    for (let j = 0; j < nr; j++) {
      const t = o + r * ldc + j;
      c[t] = first ? edge[r * NR + j]! : c[t]! + edge[r * NR + j]!;
    }
  }
}

/**
 * Small m or n: no packing, and one call for all batches (elementwise products are batches of
 * 1 x 1 products). Dot products when b runs along k in memory (a row times a column read
 * contiguously), otherwise rows of b are scaled and added (axpy) into a float64 row, so b is
 * always read along its denser axis.
 */
function directProducts(
  c: Float32Array | Float64Array,
  a: TypedArray,
  aOffset: number,
  aStrides: readonly number[],
  b: TypedArray,
  bOffset: number,
  bStrides: readonly number[],
  batch: number,
  m: number,
  n: number,
  k: number,
): void {
  const [sab, sam, sak] = aStrides as [number, number, number];
  const [sbb, sbk, sbn] = bStrides as [number, number, number];
  if (sbk <= sbn) {
    for (let t = 0, o = 0; t < batch; t++) {
      for (let i = 0; i < m; i++) {
        const ar = aOffset + t * sab + i * sam;
        for (let j = 0; j < n; j++) {
          let sum = 0;
          for (let q = 0, pa = ar, pb = bOffset + t * sbb + j * sbn; q < k; q++, pa += sak, pb += sbk) sum += a[pa]! * b[pb]!;
          c[o++] = sum;
        }
      }
    }
    return;
  }
  const row = new Float64Array(n);
  for (let t = 0; t < batch; t++) {
    for (let i = 0; i < m; i++) {
      row.fill(0);
      const ar = aOffset + t * sab + i * sam;
      for (let q = 0; q < k; q++) {
        const x = a[ar + q * sak]!;
        for (let j = 0, pb = bOffset + t * sbb + q * sbk; j < n; j++, pb += sbn) row[j]! += x * b[pb]!;
      }
      c.set(row, (t * m + i) * n);
    }
  }
}
