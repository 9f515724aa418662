/**
 * The build-time transformer: (a) what it saves in a shipped bundle, minified and gzipped, for a
 * small app calling rearrange, reduce and repeat on the NDArray; (b) one precompiled call next
 * to the cached string-pattern call on a [2, 3, 4] tensor (the two differ by one recipe-cache
 * lookup; the parse a first call pays is shown beside them); (c) how fast it transforms a
 * generated file of 1,000 calls.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import { type Plugin, rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { compileRecipe, rearrange, reduce, tensor } from '../../src/index';
import { applyRecipe } from '../../src/runtime/index';
import einops from '../../src/transformer/rollup';
import { createTransformer } from '../../src/transformer/transform';
import { formatTime, measure, measurePerCall, printTable } from '../measure';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = join(ROOT, 'src/index.ts');
const RUNTIME = join(ROOT, 'src/runtime/index.ts');

const APP = `import { rearrange, reduce, repeat, tensor } from 'einops';
const x = tensor(Float32Array.from({ length: 24 }, (_, i) => i), [2, 3, 4]);
console.log(rearrange(x, 'a b c -> c b a').shape, reduce(x, 'a b (c 2) -> a c', 'max').shape, repeat(x, 'a b c -> a b c r', { r: 2 }).shape);
`;

interface BundleSize {
  readonly minified: number;
  readonly gzipped: number;
  /** The largest modules in the bundle, by their share of the (unminified) rendered code. */
  readonly largest: readonly { module: string; share: number }[];
  /** The embedded NDArray engine's (src/ndarray) share of the rendered code: the part the plugin cannot remove. */
  readonly engineShare: number;
}

/** Bundles the app from the source tree as a user's bundler would take the package (sideEffects: false). */
async function bundleSize(entry: string, precompile: boolean): Promise<BundleSize> {
  const fromSource: Plugin = {
    name: 'einops-from-source',
    resolveId: (id) => (id === 'einops' ? SOURCE : id === 'einops/runtime' ? RUNTIME : null),
  };
  const build = await rollup({
    input: entry,
    plugins: [...(precompile ? [einops()] : []), fromSource, nodeResolve({ extensions: ['.ts', '.js'] }), esbuild({ target: 'es2022' })],
  });
  const { output } = await build.generate({ format: 'es' });
  const chunk = output[0];
  const { code } = await transform(chunk.code, { minify: true, format: 'esm', target: 'es2022' });
  const total = Object.values(chunk.modules).reduce((sum, module) => sum + module.renderedLength, 0);
  const shares = Object.entries(chunk.modules)
    .map(([id, module]) => ({ module: relative(ROOT, id), share: module.renderedLength / total }))
    .sort((a, b) => b.share - a.share);
  const engineShare = shares.filter(({ module }) => module.startsWith('src/ndarray/')).reduce((sum, { share }) => sum + share, 0);
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, largest: shares.slice(0, 6), engineShare };
}

/** A module with `count` calls over the three ops and a spread of patterns, as a big app might have. */
function generatedFile(count: number): string {
  const lines = ["import { rearrange, reduce, repeat, tensor } from 'einops';", 'const x = tensor(new Float32Array(24), [2, 3, 4]);'];
  for (let i = 0; i < count; i++) {
    const axis = `k${i % 50}`;
    if (i % 3 === 0) lines.push(`export const r${i} = rearrange(x, 'a b (c ${axis}) -> ${axis} c b a', { ${axis}: 2 });`);
    else if (i % 3 === 1) lines.push(`export const r${i} = reduce(x, 'a b ${axis} -> a ${axis}', 'max');`);
    else lines.push(`export const r${i} = repeat(x, 'a b c -> a b c ${axis}', { ${axis}: ${(i % 4) + 1} });`);
  }
  return `${lines.join('\n')}\n`;
}

const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;

export async function transformerSection() {
  // (a) bundle size
  const directory = mkdtempSync(join(tmpdir(), 'einops-bench-'));
  const entry = join(directory, 'app.ts');
  writeFileSync(entry, APP);
  let without: BundleSize;
  let withPlugin: BundleSize;
  try {
    without = await bundleSize(entry, false);
    withPlugin = await bundleSize(entry, true);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  const ratio = withPlugin.gzipped / without.gzipped;
  printTable(
    'transformer (a) — bundle of an app calling rearrange, reduce and repeat on the NDArray',
    ['bundle', 'minified', 'min+gz'],
    [
      ['without the plugin (parser + runtime)', kilobytes(without.minified), kilobytes(without.gzipped)],
      ['with the plugin (precompiled recipes + runtime)', kilobytes(withPlugin.minified), kilobytes(withPlugin.gzipped)],
    ],
  );
  console.log(`with / without: ${(ratio * 100).toFixed(0)}% (goal: at most 3 KB and under 50%)`);
  console.log(
    `the embedded engine (src/ndarray) is ${(withPlugin.engineShare * 100).toFixed(0)}% of the code with the plugin, ${(without.engineShare * 100).toFixed(0)}% without`,
  );
  console.log(`largest modules with the plugin: ${withPlugin.largest.map(({ module, share }) => `${module} ${(share * 100).toFixed(0)}%`).join(', ')}`);

  // (b) one call on a tiny tensor: the cached string-pattern op against the precompiled recipe
  const tiny = tensor(new Float32Array(24), [2, 3, 4]);
  const transposeRecipe = JSON.parse(JSON.stringify(compileRecipe('rearrange', 'a b c -> c a b'))) as ReturnType<typeof compileRecipe>;
  const sumRecipe = JSON.parse(JSON.stringify(compileRecipe('reduce', 'a b c -> a'))) as ReturnType<typeof compileRecipe>;
  const calls = [
    measurePerCall("cached call: rearrange [2, 3, 4] 'a b c -> c a b'", () => rearrange(tiny, 'a b c -> c a b')),
    measurePerCall('precompiled: applyRecipe(same recipe, x)', () => applyRecipe(transposeRecipe, tiny)),
    measurePerCall("cached call: reduce [2, 3, 4] 'a b c -> a', sum", () => reduce(tiny, 'a b c -> a', 'sum')),
    measurePerCall("precompiled: applyRecipe(same recipe, x, 'sum')", () => applyRecipe(sumRecipe, tiny, 'sum')),
    // What the first call of a pattern pays at run time (and any call once the recipe cache dropped it).
    measurePerCall("parse + compile 'a b c -> c a b' (a first call's extra cost)", () => compileRecipe('rearrange', 'a b c -> c a b')),
  ];
  printTable(
    'transformer (b) — one call on float32 [2, 3, 4]',
    ['call', 'median', 'runs'],
    calls.map(({ name, medianMs, runs }) => [name, formatTime(medianMs), String(runs)]),
  );

  // (c) transform throughput
  const CALLS = 1000;
  const file = generatedFile(CALLS);
  const transformer = createTransformer();
  const first = performance.now();
  const firstResult = transformer.transform(file, '/bench/generated.ts');
  const firstMs = performance.now() - first;
  if (firstResult.calls !== CALLS) throw new Error(`the transformer precompiled ${firstResult.calls} of ${CALLS} calls`);
  const steady = measure('transform', () => transformer.transform(file, '/bench/generated.ts'), 3000, 5);
  const other = file.replaceAll('einops', 'tensors');
  const skipped = measurePerCall('skip', () => transformer.transform(other, '/bench/other.ts'), 100);
  printTable(
    `transformer (c) — transforming a generated file of ${CALLS} calls (${kilobytes(file.length)})`,
    ['run', 'time', 'calls/s'],
    [
      ['first file (cold: ts-morph project, JIT)', formatTime(firstMs), String(Math.round(CALLS / (firstMs / 1000)))],
      ['same file again (median, project reused)', formatTime(steady.medianMs), String(Math.round(CALLS / (steady.medianMs / 1000)))],
      ['a file of the same size without einops (string check only)', formatTime(skipped.medianMs), '—'],
    ],
  );

  return {
    bundle: { without, withPlugin, ratio },
    calls,
    transform: { calls: CALLS, bytes: file.length, firstMs, medianMs: steady.medianMs, skippedMs: skipped.medianMs },
  };
}
