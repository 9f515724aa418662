/**
 * The engine against the others on one workload, float32 [10, 32, 100, 200] (25.6 MB): this
 * engine, TensorFlow.js (cpu and wasm backends, the same work written with tf ops, results read
 * back with dataSync), numpy (the plain numpy calls einops makes, in the system python3) and the
 * memcpy floor (one TypedArray.set of the input). One process, one run: compare the ratios.
 * Where floors.ts has one, the "JS floor" column times the same op, or a part of its work that
 * it cannot skip, written by hand for this shape alone: no engine kernel can beat it, so an op
 * whose floor is slower than numpy (or than 3× memcpy) cannot get there in JavaScript.
 *
 * A quick before/after of this section alone: `npm run bench:compare` (with EINOPS_BASELINE).
 *
 * With EINOPS_BASELINE=<dir holding an older src/> the same ops also run on that older engine,
 * so a before/after pair comes from one run (e.g. `git archive HEAD src | tar -x -C /tmp/base`).
 *
 * Memory: the bytes of ArrayBuffers an op leaves allocated (V8's `arrayBuffers` counter, read
 * after a forced GC before the op and right after it) are every buffer it allocated, since no
 * GC runs in between; that bounds its peak, and it must not pass output + one input.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type * as TF from '@tensorflow/tfjs';
import * as engine from '../../src/index';
import { formatTime, measure, measurePerCall, printTable, runNumpy } from '../measure';
import { ELEMENT_COPY, FRESH_COPY, GLOBAL_MEAN, SUM_OVER_BATCH, WORKLOAD_SHAPE, wasmSumOverBatch, type Floor } from './floors';

type Engine = typeof engine;
type Tensor = engine.NDArray;
type Tf = typeof TF;

const SHAPE = WORKLOAD_SHAPE;
const SIZE = SHAPE.reduce((a, b) => a * b, 1);
const BYTES = SIZE * 4;

interface Op {
  readonly name: string;
  /** Runs the op on the engine; its timing reads the whole result, as a consumer would (see consume). */
  readonly run: (e: Engine, x: Tensor, list: Tensor[], tiny: Tensor) => Tensor;
  /** The same work in tf ops; the result is read back and disposed. */
  readonly tf: (tf: Tf, x: TF.Tensor, list: TF.Tensor[], tiny: TF.Tensor) => TF.Tensor;
  /** A numpy expression over x, xs (the list) and tiny. */
  readonly numpy: string;
  /** Bytes of the result. */
  readonly outBytes: number;
  readonly perCall?: boolean;
  /** The op, or the part of its work it cannot skip, written by hand for this shape (floors.ts). */
  readonly floor?: Floor;
}

const OPS: readonly Op[] = [
  {
    name: "transpose 'b c h w -> b h w c'",
    run: (e, x) => e.rearrange(x, 'b c h w -> b h w c'),
    tf: (tf, x) => tf.transpose(x, [0, 2, 3, 1]),
    numpy: 'np.ascontiguousarray(x.transpose(0, 2, 3, 1))',
    outBytes: BYTES,
    floor: ELEMENT_COPY,
  },
  {
    name: "space-to-depth 'b c (h h1) (w w1) -> b (h1 w1 c) h w'",
    run: (e, x) => e.rearrange(x, 'b c (h h1) (w w1) -> b (h1 w1 c) h w', { h1: 2, w1: 2 }),
    tf: (_tf, x) => x.reshape([10, 32, 50, 2, 100, 2]).transpose([0, 3, 5, 1, 2, 4]).reshape([10, 128, 50, 100]),
    numpy: 'x.reshape(10, 32, 50, 2, 100, 2).transpose(0, 3, 5, 1, 2, 4).reshape(10, 128, 50, 100)',
    outBytes: BYTES,
    floor: ELEMENT_COPY,
  },
  {
    name: "2×2 max pool 'b c (h 2) (w 2) -> b c h w'",
    run: (e, x) => e.reduce(x, 'b c (h 2) (w 2) -> b c h w', 'max'),
    tf: (_tf, x) => x.reshape([10, 32, 50, 2, 100, 2]).max([3, 5]),
    numpy: 'x.reshape(10, 32, 50, 2, 100, 2).max(axis=(3, 5))',
    outBytes: BYTES / 4,
  },
  {
    name: "global mean 'b c h w -> b c'",
    run: (e, x) => e.reduce(x, 'b c h w -> b c', 'mean'),
    tf: (_tf, x) => x.mean([2, 3]),
    numpy: 'x.mean(axis=(2, 3))',
    outBytes: 10 * 32 * 4,
    floor: GLOBAL_MEAN,
  },
  {
    name: "sum over batch 'b c h w -> c h w'",
    run: (e, x) => e.reduce(x, 'b c h w -> c h w', 'sum'),
    tf: (_tf, x) => x.sum(0),
    numpy: 'x.sum(axis=0)',
    outBytes: BYTES / 10,
    floor: SUM_OVER_BATCH,
  },
  {
    name: "2× upsample 'b c h w -> b c (h 2) (w 2)'",
    run: (e, x) => e.repeat(x, 'b c h w -> b c (h h2) (w w2)', { h2: 2, w2: 2 }),
    tf: (_tf, x) => x.reshape([10, 32, 100, 1, 200, 1]).tile([1, 1, 1, 2, 1, 2]).reshape([10, 32, 200, 400]),
    numpy: 'np.tile(x.reshape(10, 32, 100, 1, 200, 1), (1, 1, 1, 2, 1, 2)).reshape(10, 32, 200, 400)',
    outBytes: BYTES * 4,
  },
  {
    name: "stack a list of 10 [32, 100, 200] 'b c h w -> b c h w'",
    run: (e, _x, list) => e.rearrange(list, 'b c h w -> b c h w'),
    tf: (tf, _x, list) => tf.stack(list),
    numpy: 'np.stack(xs)',
    outBytes: BYTES,
    floor: FRESH_COPY,
  },
  {
    name: "cached call [2, 3, 4] 'a b c -> c a b' (a view)",
    run: (e, _x, _list, tiny) => e.rearrange(tiny, 'a b c -> c a b'),
    tf: (tf, _x, _list, tiny) => tf.transpose(tiny, [2, 0, 1]),
    numpy: 'tiny.transpose(2, 0, 1)',
    outBytes: 0,
    perCall: true,
  },
];

function makeInputs(e: Engine): { x: Tensor; list: Tensor[]; tiny: Tensor; data: Float32Array } {
  const data = new Float32Array(SIZE);
  for (let i = 0; i < SIZE; i++) data[i] = Math.sin(i);
  const x = e.tensor(data, [...SHAPE]);
  return { x, list: [...x], tiny: e.tensor(new Float32Array(24), [2, 3, 4]), data };
}

/** Bytes of ArrayBuffers that one call of `run` leaves allocated (see the module comment). */
function allocatedBytes(gc: () => void, run: () => unknown): number {
  gc();
  const before = process.memoryUsage().arrayBuffers;
  const keep = run();
  const after = process.memoryUsage().arrayBuffers;
  void keep;
  return after - before;
}

/**
 * Runs the op and reads its result as a consumer would: the data of a result (which
 * materialises a view), only the rank of the per-call op's (a view, as in numpy).
 */
function consume(e: Engine, op: Op, x: Tensor, list: Tensor[], tiny: Tensor): number {
  const y = op.run(e, x, list, tiny);
  return op.perCall === true ? y.ndim : y.data.length;
}

function timeEngine(e: Engine, op: Op): number {
  const { x, list, tiny } = makeInputs(e);
  const run = (): number => consume(e, op, x, list, tiny);
  return (op.perCall === true ? measurePerCall(op.name, run, 100_000) : measure(op.name, run, 700)).medianMs;
}

/**
 * The engine's time, and the baseline's when there is one: alternated over rounds and the best
 * median of each kept, so a burst of load on the machine does not land on one side only.
 */
function timeEngines(op: Op, baseline: Engine | undefined): [number, number | undefined] {
  let mine = Infinity;
  let theirs = Infinity;
  for (let round = 0; round < 3; round++) {
    mine = Math.min(mine, timeEngine(engine, op));
    if (baseline !== undefined) theirs = Math.min(theirs, timeEngine(baseline, op));
  }
  return [mine, baseline === undefined ? undefined : theirs];
}

/**
 * The floor's time, after checking that it computes what it stands for (floors.ts): a floor that
 * did less work than the op would make the op look closer to its limit than it is.
 */
function timeFloor(op: Op, floor: Floor, inputs: ReturnType<typeof makeInputs>): number {
  const expected = floor.equals === 'input' ? inputs.data : op.run(engine, inputs.x, inputs.list, inputs.tiny).data;
  const result = floor.run(inputs.data);
  // Sums may round differently (floors.ts adds all rows before rounding): a float32 ulp or so.
  const close = result.length === expected.length && result.every((v, i) => Math.abs(v - expected[i]!) <= 1e-5 * Math.max(1, Math.abs(v)));
  if (!close) throw new Error(`the floor of ${op.name} (${floor.name}) does not give the op's result`);
  return measure(floor.name, () => floor.run(inputs.data), 700).medianMs;
}

/** The row of the sum over the batch, which the wasm floor is for. */
const SUM_OVER_BATCH_ROW = OPS.findIndex((op) => op.floor === SUM_OVER_BATCH);

/** floors.ts's wasm sum over the batch, checked against the engine's result like the other floors. */
function timeWasmSum(inputs: ReturnType<typeof makeInputs>): { withCopiesMs: number; sumAloneMs: number } | undefined {
  const wasm = wasmSumOverBatch();
  if (wasm === undefined) return undefined;
  const withCopiesMs = timeFloor(OPS[SUM_OVER_BATCH_ROW]!, { name: 'wasm sum over batch', run: wasm.run, equals: 'result' }, inputs);
  return { withCopiesMs, sumAloneMs: measure('wasm sum alone', wasm.sumInPlace, 700).medianMs };
}

/**
 * TensorFlow.js is loaded only here, after the engine has been timed: its heap makes every
 * garbage collection that the engine's 25.6 MB results trigger slower (measured: the engine's
 * transpose ~30% slower with tfjs merely imported), a cost that numpy's process does not pay.
 */
async function loadTf(): Promise<Tf> {
  const tf = await import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-wasm');
  return tf;
}

async function timeTf(tf: Tf, backend: 'cpu' | 'wasm', data: Float32Array): Promise<(number | undefined)[]> {
  if (!(await tf.setBackend(backend))) return OPS.map(() => undefined);
  await tf.ready();
  const x = tf.tensor(data, [...SHAPE]);
  const list = tf.unstack(x);
  const tiny = tf.zeros([2, 3, 4]);
  const times = OPS.map((op) => {
    const run = (): void => {
      const y = op.tf(tf, x, list, tiny);
      if (op.perCall !== true) y.dataSync();
      y.dispose();
    };
    // tf's cpu backend takes seconds on the big ops: fewer runs, same median.
    return op.perCall === true ? measurePerCall(op.name, run, 10_000).medianMs : measure(op.name, run, 1000, 3).medianMs;
  });
  tf.dispose([x, tiny, ...list]);
  return times;
}

function timeNumpy(): { version: string; times: number[] } | { skipped: string } {
  const program = `
x = np.sin(np.arange(${SIZE}, dtype=np.float64)).astype(np.float32).reshape(${SHAPE.join(', ')})
xs = list(x)
tiny = np.zeros((2, 3, 4), dtype=np.float32)
def per_call(run, calls=100000):
    def batch():
        for _ in range(calls): run()
    return median_ms(batch) / calls
times = [${OPS.map((op) => `${op.perCall === true ? 'per_call' : 'median_ms'}(lambda: ${op.numpy})`).join(', ')}]
print(json.dumps({"version": np.__version__, "times": times}))
`;
  const python = runNumpy<{ version: string; times: number[] }>(program);
  return 'value' in python ? python.value : python;
}

export interface ComparisonRow {
  readonly op: string;
  readonly engineMs: number;
  readonly baselineMs?: number | undefined;
  readonly tfCpuMs: number | undefined;
  readonly tfWasmMs: number | undefined;
  readonly numpyMs: number | undefined;
  readonly vsNumpy: number | undefined;
  readonly vsMemcpy: number | undefined;
  /** The op's floor (floors.ts), where it has one: what plain JS can reach at best. */
  readonly floorMs: number | undefined;
  readonly floorVsNumpy: number | undefined;
  readonly floorVsMemcpy: number | undefined;
  readonly allocatedBytes: number;
  /** Output plus one input-sized buffer. */
  readonly allowedBytes: number;
}

export async function comparisonSection(): Promise<{ shape: readonly number[]; memcpyMs: number; numpy: string; baseline?: string; rows: ComparisonRow[] }> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const inputs = makeInputs(engine);
  const target = new Float32Array(SIZE);
  // The floor every ratio is taken against: timed before and after the engine's ops, the lower
  // kept, so that one busy spell on the machine does not skew every ÷ memcpy of the run.
  const timeMemcpy = (): number => measure('memcpy', () => target.set(inputs.data)).medianMs;
  let memcpyMs = timeMemcpy();

  const baselineDir = process.env.EINOPS_BASELINE;
  const baseline = baselineDir === undefined ? undefined : ((await import(`${baselineDir}/src/index.ts`)) as Engine);

  const times = OPS.map((op) => timeEngines(op, baseline));
  const engineMs = times.map(([mine]) => mine);
  const baselineMs = times.map(([, theirs]) => theirs);
  const floorMs = OPS.map((op) => (op.floor === undefined ? undefined : timeFloor(op, op.floor, inputs)));
  memcpyMs = Math.min(memcpyMs, timeMemcpy());
  const wasm = timeWasmSum(inputs);
  // A GC that V8 starts during the op (its external-memory limit) can free buffers before the
  // counter is read again: the largest of a few tries is the count.
  const allocated = OPS.map((op) =>
    Math.max(...[0, 1, 2].map(() => allocatedBytes(gc, () => consume(engine, op, inputs.x, inputs.list, inputs.tiny)))),
  );
  const numpy = timeNumpy();
  const tf = await loadTf();
  const tfCpu = await timeTf(tf, 'cpu', inputs.data);
  const tfWasm = await timeTf(tf, 'wasm', inputs.data);

  const rows: ComparisonRow[] = OPS.map((op, i) => {
    const numpyMs = 'times' in numpy ? numpy.times[i] : undefined;
    return {
      op: op.name,
      engineMs: engineMs[i]!,
      baselineMs: baselineMs[i],
      tfCpuMs: tfCpu[i],
      tfWasmMs: tfWasm[i],
      numpyMs,
      vsNumpy: numpyMs === undefined ? undefined : engineMs[i]! / numpyMs,
      vsMemcpy: op.perCall === true ? undefined : engineMs[i]! / memcpyMs,
      floorMs: floorMs[i],
      floorVsNumpy: floorMs[i] === undefined || numpyMs === undefined ? undefined : floorMs[i]! / numpyMs,
      floorVsMemcpy: floorMs[i] === undefined ? undefined : floorMs[i]! / memcpyMs,
      allocatedBytes: allocated[i]!,
      allowedBytes: op.perCall === true ? 0 : op.outBytes + BYTES,
    };
  });

  const time = (ms: number | undefined): string => (ms === undefined ? '—' : formatTime(ms));
  const ratio = (r: number | undefined): string => (r === undefined ? '' : `${r.toFixed(2)}×`);
  const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  printTable(
    `engine vs TensorFlow.js, numpy and memcpy — float32 [${SHAPE.join(', ')}]; memcpy floor ${formatTime(memcpyMs)}`,
    [
      'operation',
      ...(baseline === undefined ? [] : ['before']),
      'engine',
      'tfjs cpu',
      'tfjs wasm',
      'numpy',
      '÷ numpy',
      '÷ memcpy',
      'JS floor',
      'fl ÷ numpy',
      'fl ÷ memcpy',
      'allocated',
      'out + in',
    ],
    rows.map((r) => [
      r.op,
      ...(baseline === undefined ? [] : [time(r.baselineMs)]),
      time(r.engineMs),
      time(r.tfCpuMs),
      time(r.tfWasmMs),
      time(r.numpyMs),
      ratio(r.vsNumpy),
      ratio(r.vsMemcpy),
      time(r.floorMs),
      ratio(r.floorVsNumpy),
      ratio(r.floorVsMemcpy),
      mb(r.allocatedBytes),
      mb(r.allowedBytes),
    ]),
  );
  const numpyNote = 'version' in numpy ? `numpy ${numpy.version}` : numpy.skipped;
  console.log(numpyNote);
  if (wasm !== undefined) {
    const vs = (ms: number): string => ('times' in numpy ? ` (${ratio(ms / numpy.times[SUM_OVER_BATCH_ROW]!)} numpy)` : '');
    console.log(
      `sum over batch with WebAssembly SIMD: ${time(wasm.withCopiesMs)}${vs(wasm.withCopiesMs)} copying in and out, ` +
        `${time(wasm.sumAloneMs)}${vs(wasm.sumAloneMs)} for the sum alone on data already in wasm memory`,
    );
  }
  return {
    shape: SHAPE,
    memcpyMs,
    numpy: numpyNote,
    ...(baselineDir === undefined ? {} : { baseline: baselineDir }),
    rows,
  };
}
