/**
 * einsum: attention scores 'b i d, b j d -> b i j' on float32 [8, 256, 64]. GFLOP/s of the
 * library's batched GEMM, next to the plain loop anyone would write and, when the system Python
 * has it, numpy's einsum (as einops calls it: no `optimize`) and numpy's BLAS matmul, each timed
 * inside its own runtime.
 */
import { einsum, tensor } from '../../src/index';
import { formatTime, measure, printTable, runNumpy } from '../measure';

export interface Rate {
  readonly name: string;
  readonly medianMs: number;
  readonly gflops: number;
}

export function einsumSection() {
  const [B, I, J, D] = [8, 256, 256, 64];
  const FLOPS = 2 * B * I * J * D;
  const queries = tensor(Float32Array.from({ length: B * I * D }, (_, i) => Math.sin(i)), [B, I, D]);
  const keys = tensor(Float32Array.from({ length: B * J * D }, (_, i) => Math.cos(i)), [B, J, D]);

  /** out[b, i, j] = sum over d of q[b, i, d] * k[b, j, d], one index combination at a time. */
  function tripleLoop(q: Float32Array, k: Float32Array): Float32Array {
    const out = new Float32Array(B * I * J);
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < I; i++) {
        for (let j = 0; j < J; j++) {
          let sum = 0;
          for (let d = 0, qi = (b * I + i) * D, ki = (b * J + j) * D; d < D; d++) sum += q[qi + d]! * k[ki + d]!;
          out[(b * I + i) * J + j] = sum;
        }
      }
    }
    return out;
  }

  const rate = (name: string, medianMs: number): Rate => ({ name, medianMs, gflops: FLOPS / medianMs / 1e6 });

  const einsumResult = einsum(queries, keys, 'b i d, b j d -> b i j');
  const loopResult = tripleLoop(queries.data, keys.data);
  const maxDifference = loopResult.reduce((max, value, i) => Math.max(max, Math.abs(value - einsumResult.data[i]!)), 0);
  const rates: Rate[] = [
    rate("einsum 'b i d, b j d -> b i j'", measure('einsum', () => einsum(queries, keys, 'b i d, b j d -> b i j')).medianMs),
    rate('plain triple loop (dot products)', measure('loop', () => tripleLoop(queries.data, keys.data)).medianMs),
  ];

  const NUMPY = `
rng = np.random.default_rng(0)
q = rng.standard_normal((${B}, ${I}, ${D}), dtype=np.float32)
k = rng.standard_normal((${B}, ${J}, ${D}), dtype=np.float32)
print(json.dumps({
    "version": np.__version__,
    "einsum": median_ms(lambda: np.einsum("bid,bjd->bij", q, k)),
    "matmul": median_ms(lambda: np.matmul(q, k.transpose(0, 2, 1))),
}))
`;
  const python = runNumpy<{ version: string; einsum: number; matmul: number }>(NUMPY);
  let numpyNote = '';
  if ('value' in python) {
    const numpy = python.value;
    rates.push(rate(`numpy ${numpy.version} einsum (as einops calls it)`, numpy.einsum));
    rates.push(rate(`numpy ${numpy.version} matmul (BLAS)`, numpy.matmul));
  } else {
    numpyNote = python.skipped;
  }

  printTable(
    `einsum — float32 queries and keys [${B}, ${I}, ${D}], ${(FLOPS / 1e9).toFixed(3)} GFLOP per call`,
    ['implementation', 'median', 'GFLOP/s'],
    rates.map(({ name, medianMs, gflops }) => [name, formatTime(medianMs), gflops.toFixed(2)]),
  );
  if (numpyNote !== '') console.log(numpyNote);
  console.log(`largest difference between einsum and the loop: ${maxDifference.toExponential(2)}`);
  return { shape: [B, I, D], flops: FLOPS, rates, maxDifference, note: numpyNote };
}
