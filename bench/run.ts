/**
 * `npm run bench`: the tutorial workload on float32 [10, 32, 100, 200] (25.6 MB) and the cost
 * of one cached call on a tiny tensor, on the embedded NDArray, next to the memcpy floor
 * (one TypedArray.set of the same bytes); then einsum's attention scores in GFLOP/s next to a
 * plain loop and numpy. Prints tables and writes bench/results.json.
 *
 * Figures are medians over repeated runs in this one process; compare ratios within a run,
 * not absolute times across machines.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { einsum, type NDArray, rearrange, reduce, repeat, tensor } from '../src/index';

interface Result {
  readonly name: string;
  readonly medianMs: number;
  readonly runs: number;
}

/** Median wall time of `run`, repeated until ~`budgetMs` is spent (at least `minRuns` times). */
function measure(name: string, run: () => unknown, budgetMs = 1500, minRuns = 5): Result {
  run(); // warm-up: JIT and caches
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < budgetMs) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
    if (times.length >= 10_000) break;
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)]!, runs: times.length };
}

/** Per-call time of a fast op: time a batch of calls so the timer's resolution does not matter. */
function measurePerCall(name: string, run: () => unknown, callsPerBatch = 10_000): Result {
  const batch = (): void => {
    for (let i = 0; i < callsPerBatch; i++) run();
  };
  const result = measure(name, batch, 1500, 7);
  return { name, medianMs: result.medianMs / callsPerBatch, runs: result.runs * callsPerBatch };
}

const shape = [10, 32, 100, 200] as const;
const size = shape.reduce((a, b) => a * b, 1);
const data = new Float32Array(size);
for (let i = 0; i < size; i++) data[i] = Math.sin(i);
const x = tensor(data, shape);
const list = [...x];
const target = new Float32Array(size);
// Forces the lazy view to be written out, as a consumer reading the result would.
const materialise = (y: NDArray): number => y.data.length;

const results: Result[] = [
  measure('memcpy floor: Float32Array.set of 25.6 MB', () => target.set(data)),
  measure("transpose 'b c h w -> b h w c' (materialised)", () => materialise(rearrange(x, 'b c h w -> b h w c'))),
  measure('space-to-depth (materialised)', () =>
    materialise(rearrange(x, 'b c (h h1) (w w1) -> b (h1 w1 c) h w', { h1: 2, w1: 2 })),
  ),
  measure("2×2 max pool 'b c (h 2) (w 2) -> b c h w'", () => materialise(reduce(x, 'b c (h 2) (w 2) -> b c h w', 'max'))),
  measure("global mean 'b c h w -> b c'", () => materialise(reduce(x, 'b c h w -> b c', 'mean'))),
  measure("sum over batch 'b c h w -> c h w'", () => materialise(reduce(x, 'b c h w -> c h w', 'sum'))),
  measure("2× upsample 'b c h w -> b c (h 2) (w 2)' (materialised)", () =>
    materialise(repeat(x, 'b c h w -> b c (h h2) (w w2)', { h2: 2, w2: 2 })),
  ),
  measure('stack a list of 10 [32, 100, 200]', () => materialise(rearrange(list, 'b c h w -> b c h w'))),
];

const tiny = tensor(new Float32Array(24), [2, 3, 4]);
results.push(measurePerCall("cached call: rearrange [2, 3, 4] 'a b c -> c a b'", () => rearrange(tiny, 'a b c -> c a b')));
results.push(measurePerCall("cached call: reduce [2, 3, 4] 'a b c -> a', sum", () => reduce(tiny, 'a b c -> a', 'sum')));

const floor = results[0]!.medianMs;
console.log(`einops bench — Node ${process.version}, float32 [${shape.join(', ')}]\n`);
console.log(`${'operation'.padEnd(62)}${'median'.padStart(12)}${'× memcpy'.padStart(10)}`);
for (const { name, medianMs } of results) {
  const time = medianMs >= 0.1 ? `${medianMs.toFixed(2)} ms` : `${(medianMs * 1000).toFixed(3)} µs`;
  const ratio = medianMs >= 0.1 ? (medianMs / floor).toFixed(2) : '';
  console.log(`${name.padEnd(62)}${time.padStart(12)}${ratio.padStart(10)}`);
}

// ── einsum: attention scores 'b i d, b j d -> b i j' on float32 [8, 256, 64] ──────────────────
// GFLOP/s of the library's batched GEMM, next to the plain loop anyone would write and, when
// the system Python has it, numpy's einsum (as einops calls it: no `optimize`) and numpy's BLAS
// matmul, each timed inside its own runtime.
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

interface Rate {
  readonly name: string;
  readonly medianMs: number;
  readonly gflops: number;
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
import json, time, numpy as np
rng = np.random.default_rng(0)
q = rng.standard_normal((${B}, ${I}, ${D}), dtype=np.float32)
k = rng.standard_normal((${B}, ${J}, ${D}), dtype=np.float32)
def median_ms(run):
    run()
    times = []
    start = time.perf_counter()
    while len(times) < 5 or time.perf_counter() - start < 1.5:
        t0 = time.perf_counter(); run(); times.append(time.perf_counter() - t0)
    times.sort()
    return times[len(times) // 2] * 1000
print(json.dumps({
    "version": np.__version__,
    "einsum": median_ms(lambda: np.einsum("bid,bjd->bij", q, k)),
    "matmul": median_ms(lambda: np.matmul(q, k.transpose(0, 2, 1))),
}))
`;
const python = spawnSync('/usr/bin/python3', ['-c', NUMPY], { encoding: 'utf8' });
let numpyNote = '';
if (python.status === 0) {
  const numpy = JSON.parse(python.stdout) as { version: string; einsum: number; matmul: number };
  rates.push(rate(`numpy ${numpy.version} einsum (as einops calls it)`, numpy.einsum));
  rates.push(rate(`numpy ${numpy.version} matmul (BLAS)`, numpy.matmul));
} else {
  numpyNote = 'numpy: skipped, /usr/bin/python3 cannot import numpy';
}

console.log(`\neinsum — float32 queries and keys [${B}, ${I}, ${D}], ${(FLOPS / 1e9).toFixed(3)} GFLOP per call\n`);
console.log(`${'implementation'.padEnd(62)}${'median'.padStart(12)}${'GFLOP/s'.padStart(10)}`);
for (const { name, medianMs, gflops } of rates) {
  console.log(`${name.padEnd(62)}${`${medianMs.toFixed(2)} ms`.padStart(12)}${gflops.toFixed(2).padStart(10)}`);
}
if (numpyNote !== '') console.log(numpyNote);
console.log(`largest difference between einsum and the loop: ${maxDifference.toExponential(2)}`);

const file = join(import.meta.dirname, 'results.json');
writeFileSync(file, `${JSON.stringify({ node: process.version, shape, results, einsum: { shape: [B, I, D], flops: FLOPS, rates } }, null, 2)}\n`);
console.log(`\nwrote ${file}`);
