// Type-check budget of the ops' signatures: instantiations and check time per call, measured with
// `tsc --extendedDiagnostics` on generated files of typical calls, under TypeScript 5.9 (tsd's),
// 6 and 7. Usage: node bench/types/run.mjs [--calls N] [--runs N] [--quick 7,6] [--module path/to/einops/types] [--set einsum] [--steady] [--instructions] [--json]
//
// Four files share one prelude (the imports and 2N declared tensors): the prelude alone (the
// baseline, 0 calls), the prelude with one call (the first call's cost), with N calls and with
// 2N calls. Per call is (N calls − 0 calls) / N: the fixed cost of loading the declarations and
// checking the prelude is left out, but not what the first calls pay once (resolving the
// library's declarations and the lib's array types, and the compiler's JIT warming up: the first
// nine calls take about 40% of the time of 100 under TypeScript 5.9/6); "warm" is (2N calls − N calls) / N, what further calls
// cost once that is done, as in an editor's language server. Times are medians of several runs
// (--runs, 3 by default).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
const count = Number(option('--calls', '100'));
const out = join(root, 'bench/types/.generated');
mkdirSync(out, { recursive: true });

// The module that declares rearrange, reduce, repeat and NDArray with their types, compiled to
// declarations first, so the calls are checked as a consumer's would be (skipLibCheck).
const source = resolve(root, option('--module', 'test-d/einops.ts'));
const declarations = join(out, 'dts');
const declarationConfig = join(out, 'tsconfig.declarations.json');
writeFileSync(
  declarationConfig,
  JSON.stringify({
    compilerOptions: {
      declaration: true,
      emitDeclarationOnly: true,
      outDir: declarations,
      rootDir: root,
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      skipLibCheck: true,
      types: [],
    },
    files: [source],
  }),
);
try {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', declarationConfig], { encoding: 'utf8' });
} catch (error) {
  // Declarations are written even when some source does not type-check; say so and go on.
  console.warn(`(declarations emitted with errors)\n${error.stdout}`);
}
const module = join(declarations, relative(root, source)).replace(/\.ts$/, '.d.ts');

// A seeded generator, so every run measures the same calls.
let seed = 0x2545f491;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};
const pick = (items) => items[Math.floor(random() * items.length)];
const shuffle = (items) => {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};
const NAMES = ['b', 'c', 'h', 'w', 't', 'd', 'k', 'g'];
const LENGTHS = [2, 3, 4, 8, 10, 12, 16, 24, 32, 48, 64, 100, 128, 200, 224, 256, 512];
const EVEN = LENGTHS.filter((n) => n % 2 === 0);
// Where a result could pass the typed-array limit of 2^32 elements (an error, for the types as at
// run time), some lengths come from the small ones: as many picks, so the other calls stay the same.
const SMALL = LENGTHS.filter((n) => n <= 64);

// Each maker returns [shape, call text with X for the tensor].
const makers = [
  function permute() {
    const rank = 4 + Math.floor(random() * 3);
    const names = NAMES.slice(0, rank);
    const shape = names.map(() => pick(LENGTHS));
    return [shape, `rearrange(X, '${names.join(' ')} -> ${shuffle(names).join(' ')}')`];
  },
  function merge() {
    const rank = 4 + Math.floor(random() * 2);
    const names = NAMES.slice(0, rank);
    const shape = names.map(() => pick(LENGTHS));
    const [first, ...rest] = shuffle(names);
    const cut = 1 + Math.floor(random() * (rest.length - 1));
    return [shape, `rearrange(X, '${names.join(' ')} -> ${first} (${rest.slice(0, cut).join(' ')}) ${rest.slice(cut).join(' ')}')`];
  },
  function split() {
    const shape = [pick(LENGTHS), pick(EVEN) * 2, pick(EVEN), pick(EVEN)];
    return [shape, `rearrange(X, 'b (c g) h w -> b g c h w', { g: 2 })`];
  },
  function spaceToDepth() {
    const shape = [pick(LENGTHS), pick(LENGTHS), pick(EVEN), pick(EVEN)];
    return [shape, `rearrange(X, 'b c (h h1) (w w1) -> b (h1 w1 c) h w', { h1: 2, w1: 2 })`];
  },
  function pool() {
    const shape = [pick(LENGTHS), pick(LENGTHS), pick(EVEN), pick(EVEN)];
    return [shape, `reduce(X, 'b c (h 2) (w 2) -> b c h w', '${pick(['max', 'mean', 'min'])}')`];
  },
  function reduceAxes() {
    const names = NAMES.slice(0, 4 + Math.floor(random() * 2));
    const shape = names.map(() => pick(LENGTHS));
    const kept = shuffle(names).slice(0, 2);
    return [shape, `reduce(X, '${names.join(' ')} -> ${names.filter((n) => kept.includes(n)).join(' ')}', '${pick(['sum', 'mean', 'max'])}')`];
  },
  function repeatNew() {
    const shape = [pick(SMALL), pick(SMALL), pick(SMALL)];
    return [shape, `repeat(X, 'h w c -> h w c k', { k: ${pick(LENGTHS)} })`];
  },
  function upsample() {
    const shape = [pick(SMALL), pick(SMALL), pick(SMALL), pick(SMALL)];
    return [shape, `repeat(X, 'b c h w -> b c (h 2) (w 2)')`];
  },
  function ellipsis() {
    const shape = [pick(LENGTHS), pick(LENGTHS), pick(LENGTHS), pick(LENGTHS), pick(LENGTHS)];
    return [shape, `rearrange(X, 'b ... c -> b c ...')`];
  },
];

// `--set einsum`: typical einsum, pack and unpack calls instead (several tensors per call:
// X0, X1, … in the call text).
const multiMakers = [
  function matmul() {
    const [i, j, k] = [pick(LENGTHS), pick(LENGTHS), pick(LENGTHS)];
    return [[[i, j], [j, k]], `einsum(X0, X1, 'i j, j k -> i k')`];
  },
  function attention() {
    const [b, h, i, j, d] = [pick(SMALL), pick(SMALL), pick(LENGTHS), pick(LENGTHS), pick(LENGTHS)];
    return [[[b, h, i, d], [b, h, j, d]], `einsum(X0, X1, 'batch head i d, batch head j d -> batch head i j')`];
  },
  function linear() {
    const [b, t, c, o] = [pick(LENGTHS), pick(LENGTHS), pick(LENGTHS), pick(LENGTHS)];
    return [[[b, t, c], [c, o]], `einsum(X0, X1, '... c, c o -> ... o')`];
  },
  function traceAndSum() {
    const n = pick(LENGTHS);
    return [[[n, n]], `einsum(X0, 'i i ->')`];
  },
  function chain() {
    const [i, j, k, l] = [pick(LENGTHS), pick(LENGTHS), pick(LENGTHS), pick(LENGTHS)];
    return [[[i, j], [j, k], [k, l]], `einsum(X0, X1, X2, 'i j, j k, k l -> i l')`];
  },
  function transpose() {
    const [b, c, h, w] = [pick(SMALL), pick(SMALL), pick(LENGTHS), pick(LENGTHS)];
    return [[[b, c, h, w]], `einsum(X0, 'b c h w -> b h w c')`];
  },
  function packTokens() {
    const [b, h, w, c] = [pick(LENGTHS), pick(LENGTHS), pick(LENGTHS), pick(LENGTHS)];
    return [[[b, c], [b, h, w, c]], `pack([X0, X1], 'b * c')`];
  },
  function unpackTokens() {
    const [b, n, c] = [pick(LENGTHS), pick(LENGTHS), pick(LENGTHS)];
    return [[[b, n + 1, c]], `unpack(X0, [[1], [-1]], 'b * c')`];
  },
];
const multi = option('--set', 'patterns') === 'einsum';
// 2N calls: the file of N calls holds the first N, the file of 2N all of them.
const calls = Array.from({ length: 2 * count }, (_, i) => {
  if (multi) {
    const [shapes, call] = multiMakers[i % multiMakers.length]();
    return { shapes, call };
  }
  const [shape, call] = makers[i % makers.length]();
  return { shapes: [shape], call: call.replace('X', 'X0') };
});
const importPath = relative(out, module).replace(/\.d\.ts$/, '').replace(/\\/g, '/');
const prelude = [
  `import { ${multi ? 'einsum, pack, unpack' : 'rearrange, reduce, repeat'}, type NDArray } from '${importPath.startsWith('.') ? importPath : `./${importPath}`}';`,
  ...calls.flatMap(({ shapes }, i) => shapes.map((shape, j) => `declare const x${i}_${j}: NDArray<[${shape.join(', ')}], 'float32'>;`)),
].join('\n');
const callText = (call, i) => call.replace(/X(\d)/g, (_, j) => `x${i}_${j}`);
const files = {
  baseline: prelude,
  first: `${prelude}\nexport const y0 = ${callText(calls[0].call, 0)};`,
  calls: `${prelude}\n${calls.slice(0, count).map(({ call }, i) => `export const y${i} = ${callText(call, i)};`).join('\n')}`,
  more: `${prelude}\n${calls.map(({ call }, i) => `export const y${i} = ${callText(call, i)};`).join('\n')}`,
};
const compilerOptions = {
  noEmit: true,
  strict: true,
  skipLibCheck: true,
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  types: [],
};
for (const [name, text] of Object.entries(files)) {
  writeFileSync(join(out, `${name}.ts`), `${text}\n`);
  writeFileSync(join(out, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: [`${name}.ts`] }, null, 2));
}

const compilers = {
  '5.9': { tsc: 'node_modules/@tsd/typescript/typescript/bin/tsc', api: 'node_modules/@tsd/typescript/typescript/lib/typescript.js' },
  '6': { tsc: 'node_modules/typescript/bin/tsc', api: 'node_modules/typescript/lib/typescript.js' },
  // The native compiler has no JS API to time from inside: wall time only.
  '7': { tsc: 'node_modules/typescript7/bin/tsc' },
};

// --steady: the JS compilers run under V8's --single-threaded, so their garbage collection and
// JIT compilation happen on the main thread, inside the check time. Times come out higher, but
// another process on the machine then disturbs them far less (about ±3% between runs, where
// the default mode's spread was 10–20% under load): for comparing two versions, not for the
// budget. The native compiler (7) has no such mode.
const nodeFlags = args.includes('--steady') ? ['--single-threaded'] : [];

/** `tsc --extendedDiagnostics`: instantiations and its "Check time" (wall clock). */
function measure(tsc, name, flags) {
  let text;
  try {
    text = execFileSync(process.execPath, [...flags, join(root, tsc), '-p', join(out, `tsconfig.${name}.json`), '--extendedDiagnostics'], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`${name}.ts does not compile:\n${error.stdout}`);
  }
  const number = (label) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(text)?.[1]);
  return { instantiations: number('Instantiations'), check: number('Check time') * 1000 };
}

// --instructions: each file's check counted in machine instructions instead of timed: tsc under
// valgrind (Debian's `valgrind` package; cachegrind without the cache model), V8 single-threaded.
// The count does not depend on what else the machine does (see SEEDED_V8), so two versions of
// the types can be told apart by 1%, which wall-clock times on a shared machine cannot do. It
// counts the whole process (startup, parsing, JIT compilation), so only differences between
// files mean anything, as in the per-call figures. JIT compilation, which a normal run does on
// other threads, is counted with the checking: a change that only spares the compiler work
// (such as one that makes the checker run fewer distinct code paths) shows here more than in
// wall-clock time. JS compilers only.
const countInstructions = args.includes('--instructions');
// V8 single-threaded, with fixed seeds for its hash tables and random numbers: a file then
// counts the same to 0.01% run after run (without the seeds, 0.5%), and two builds of the types
// that differ in one alias to about 0.5% of the per-call figure (the .d.ts text moves the heap).
const SEEDED_V8 = ['--single-threaded', '--hash-seed=42', '--random-seed=42'];

/** Instructions of `node` (SEEDED_V8) running tsc on the file, and its instantiations, under valgrind. */
function measureInstructions(tsc, name) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'valgrind',
      ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, ...SEEDED_V8, join(root, tsc), '-p', join(out, `tsconfig.${name}.json`), '--extendedDiagnostics'],
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => reject(new Error(`--instructions needs valgrind (apt-get install valgrind): ${error.message}`)));
    child.on('close', () => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr)?.[1];
      const instantiations = /^Instantiations:\s+(\d+)/m.exec(stdout)?.[1];
      if (refs === undefined || instantiations === undefined) reject(new Error(`${name}.ts: no count from valgrind:\n${stdout}\n${stderr}`));
      else resolve({ instantiations: Number(instantiations), instructions: Number(refs.replace(/,/g, '')) });
    });
  });
}

/** The four files' counts, two at a time: valgrind runs one thread, and the machine has two cores. */
async function measureAllInstructions(tsc) {
  const [baseline, first] = await Promise.all([measureInstructions(tsc, 'baseline'), measureInstructions(tsc, 'first')]);
  const [all, more] = await Promise.all([measureInstructions(tsc, 'calls'), measureInstructions(tsc, 'more')]);
  return [baseline, first, all, more];
}

/**
 * The same check through the JS API, for its CPU times: the whole process's (all threads), and
 * the checking thread's alone (see check.mjs: V8's compiler and GC threads compete with it on
 * this 2-core machine, and the wall-clock check time holds part of their work).
 */
function measureCpu(api, name) {
  const text = execFileSync(process.execPath, [...nodeFlags, join(root, 'bench/types/check.mjs'), join(root, api), join(out, `tsconfig.${name}.json`)], { encoding: 'utf8' });
  const { cpuMs, threadMs } = JSON.parse(text);
  return { cpu: cpuMs, thread: threadMs };
}

// --quick: one run each, under the given versions only (e.g. --quick 7,6).
const quick = option('--quick', undefined);
const versions = (quick === undefined ? Object.keys(compilers) : quick.split(',')).filter(
  (version) => !countInstructions || compilers[version].api !== undefined,
);
const runs = quick === undefined && !countInstructions ? Number(option('--runs', '3')) : 1;
const median = (values) => {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const report = {};
for (const version of versions) {
  const { tsc, api } = compilers[version];
  if (countInstructions) {
    const [baseline, first, all, more] = await measureAllInstructions(tsc);
    const millions = (instructions) => Number((instructions / 1e6).toFixed(1));
    report[version] = {
      instantiationsPerCall: Math.round((all.instantiations - baseline.instantiations) / count),
      firstCallInstantiations: first.instantiations - baseline.instantiations,
      millionInstructionsPerCall: millions((all.instructions - baseline.instructions) / count),
      firstCallMillionInstructions: millions(first.instructions - baseline.instructions),
      warmMillionInstructionsPerCall: millions((more.instructions - all.instructions) / count),
    };
    continue;
  }
  // Times are noisy (other work on the machine): the median of the runs of each file, the
  // files taking turns so that a busy spell falls on all of them alike.
  const results = { baseline: [], first: [], calls: [], more: [] };
  for (let run = 0; run < runs; run++) {
    for (const name of Object.keys(results)) {
      // The native compiler (no JS API) is no V8 program: --steady does not apply to it.
      const { instantiations, check } = measure(tsc, name, api === undefined ? [] : nodeFlags);
      const { cpu, thread } = api === undefined ? { cpu: Number.NaN, thread: Number.NaN } : measureCpu(api, name);
      results[name].push({ instantiations, check, cpu, thread });
    }
  }
  const summary = (name) => ({
    instantiations: results[name][0].instantiations,
    check: median(results[name].map((r) => r.check)),
    cpu: median(results[name].map((r) => r.cpu)),
    thread: median(results[name].map((r) => r.thread)),
  });
  const [baseline, first, all, more] = ['baseline', 'first', 'calls', 'more'].map(summary);
  const perCall = (key) => Number(((all[key] - baseline[key]) / count).toFixed(2));
  // The next N calls, once the compiler has warmed up on the first N (as an editor's is).
  const warmPerCall = (key) => Number(((more[key] - all[key]) / count).toFixed(2));
  report[version] = {
    instantiationsPerCall: Math.round((all.instantiations - baseline.instantiations) / count),
    firstCallInstantiations: first.instantiations - baseline.instantiations,
    checkMsPerCall: perCall('check'),
    cpuMsPerCall: perCall('cpu'),
    checkerThreadMsPerCall: perCall('thread'),
    warmInstantiationsPerCall: Math.round((more.instantiations - all.instantiations) / count),
    warmCheckMsPerCall: warmPerCall('check'),
    warmCpuMsPerCall: warmPerCall('cpu'),
    warmCheckerThreadMsPerCall: warmPerCall('thread'),
  };
}
if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
else if (countInstructions) {
  console.log(`${count} typical calls on as many tensors, against the declarations of ${relative(root, source)}`);
  console.log(
    `--instructions: tsc under valgrind, V8 single-threaded and seeded; per call: (file of ${count} calls − file of 0 calls) / ${count}; ` +
      `warm: (file of ${2 * count} − file of ${count}) / ${count}; first call: (1 call − 0 calls)`,
  );
  for (const [version, r] of Object.entries(report)) {
    console.log(
      `TypeScript ${version.padEnd(3)}  ${String(r.instantiationsPerCall).padStart(5)} instantiations/call, ` +
        `${r.millionInstructionsPerCall}M instructions/call; first call ${r.firstCallInstantiations} instantiations, ` +
        `${r.firstCallMillionInstructions}M instructions; warm: ${r.warmMillionInstructionsPerCall}M instructions/call`,
    );
  }
} else {
  console.log(`${count} typical calls on as many tensors, against the declarations of ${relative(root, source)}`);
  if (nodeFlags.length > 0) console.log('--steady: TypeScript 5.9 and 6 under V8 --single-threaded (GC and JIT inside the check time; for comparing versions)');
  console.log(
    `per call: (file of ${count} calls − file of 0 calls, same imports and tensors) / ${count}, so without the fixed cost of ` +
      `loading the declarations (it still holds what the first calls pay once: resolving the library's declarations and the types they use); warm: (file of ${2 * count} − file of ` +
      `${count}) / ${count}, the next calls once that is paid, as in an editor; first call: (1 call − 0 calls); ` +
      `times are medians of ${runs} run${runs === 1 ? '' : 's'} ("check" is tsc's wall-clock Check time; "thread" the CPU time of the ` +
      `thread that checks, without V8's compiler and GC threads, which compete with it for this machine's cores; "process" the CPU time of all threads)`,
  );
  for (const [version, r] of Object.entries(report)) {
    // No CPU times for the native compiler; no thread time where /proc/thread-self is missing.
    const cpu = (thread, process) =>
      Number.isNaN(process) ? '' : ` (${Number.isNaN(thread) ? '' : `thread ${thread.toFixed(2)} ms, `}process ${process.toFixed(2)} ms CPU)`;
    console.log(
      `TypeScript ${version.padEnd(3)}  ${String(r.instantiationsPerCall).padStart(5)} instantiations/call, ` +
        `first call ${r.firstCallInstantiations}, check ${r.checkMsPerCall.toFixed(2)} ms/call${cpu(r.checkerThreadMsPerCall, r.cpuMsPerCall)}; ` +
        `warm: ${r.warmInstantiationsPerCall} instantiations/call, check ${r.warmCheckMsPerCall.toFixed(2)} ms/call${cpu(r.warmCheckerThreadMsPerCall, r.warmCpuMsPerCall)}`,
    );
  }
}
