// Builds dist/: ESM (.js) and CJS (.cjs) bundles per entry, and bundled .d.ts/.d.cts types.
import { readFileSync, rmSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';
import { nodeResolve } from '@rollup/plugin-node-resolve';

// The package's entries, subpath → source, are listed once, in scripts/entries.json; here each
// subpath becomes its dist/ name ('.' → index, './layers/tfjs' → layers/tfjs).
// test/layout/entries.test.ts checks that package.json, tsconfig.test.json and typedoc.json agree.
const entryList = JSON.parse(readFileSync('scripts/entries.json', 'utf8'));
const distNames = (bySubpath) =>
  Object.fromEntries(Object.entries(bySubpath).map(([subpath, source]) => [subpath === '.' ? 'index' : subpath.slice(2), source]));

// The build-time tools: Node only, kept out of the library's chunks. ts-morph and rollup are
// the user's (optional peers); magic-string and the source-map code are bundled in.
const transformerEntries = { ...distNames(entryList.tools), ...entryList.bin };
const transformerExternal = (id) => id === 'ts-morph' || id === 'rollup' || id.startsWith('node:');

// Chunk names carry content hashes, so a build starts from an empty dist/ (no stale chunks ship).
rmSync('dist', { recursive: true, force: true });

const entries = distNames(entryList.library);
// Each library's entry in the shape checker's registry (src/types/registry.ts), written once in
// src/types/<name>Registry.ts as an augmentation of './registry'. Bundled declarations have no
// './registry' module, so the entry's .d.ts carries the same block as an augmentation of the
// package itself, `declare module 'einops'`: a consumer who imports einops/tfjs gets tfjs shapes.
// The block's types (e.g. TfjsTensorEntry) must be exported by the entry under their own names.
const registryAugmentations = {
  tfjs: 'src/types/tfjsRegistry.ts',
  onnx: 'src/types/onnxRegistry.ts',
  scijs: 'src/types/scijsRegistry.ts',
};
function registryAugmentation() {
  return {
    name: 'einops-registry-augmentation',
    renderChunk(code, chunk) {
      const source = chunk.isEntry ? registryAugmentations[chunk.name] : undefined;
      if (source === undefined) return null;
      const text = readFileSync(source, 'utf8');
      const block = /^declare module '\.\/registry' \{[\s\S]*?^\}$/m.exec(text)?.[0];
      if (block === undefined) this.error(`${source}: no \`declare module './registry' { … }\` block`);
      const exported = new Set([...code.matchAll(/^export (?:type )?\{([^}]*)\};?$/gm)].flatMap(([, names]) => names.split(',').map((n) => n.trim())));
      for (const [, names] of text.matchAll(/^import type \{([^}]*)\} from/gm)) {
        for (const name of names.split(',').map((n) => n.trim()).filter(Boolean)) {
          if (!exported.has(name)) {
            this.error(`${chunk.fileName}: the registry block needs ${name}, which the entry does not export`);
          }
        }
      }
      return { code: `${code}\n${block.replace("'./registry'", "'einops'")}\n`, map: null };
    },
  };
}

// TensorFlow.js is the user's (optional peers), imported only by the tfjs entries.
const external = (id) => id.startsWith('@tensorflow/');

export default [
  {
    input: entries,
    external,
    plugins: [esbuild({ target: 'es2022' })],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
    ],
  },
  {
    input: entries,
    external,
    plugins: [dts(), registryAugmentation()],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.cts', chunkFileNames: 'chunks/[name]-[hash].d.cts' },
    ],
  },
  {
    input: transformerEntries,
    external: transformerExternal,
    plugins: [nodeResolve(), esbuild({ target: 'node18' })],
    output: [
      {
        dir: 'dist',
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/transformer-[hash].js',
        banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
      },
    ],
  },
  {
    // CommonJS for configs that `require` the plugin; the CLI is ESM only.
    input: distNames(entryList.tools),
    external: transformerExternal,
    plugins: [nodeResolve(), esbuild({ target: 'node18' })],
    // `exports: 'named'`: the plugin is `require('einops/rollup').default`, as its .d.cts says
    // (a bare `module.exports = einops` would not match the declared default export).
    output: { dir: 'dist', format: 'cjs', exports: 'named', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/transformer-[hash].cjs' },
  },
  {
    input: distNames(entryList.tools),
    external: transformerExternal,
    plugins: [dts({ compilerOptions: { types: ['node'] } })],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/transformer-[hash].d.ts' },
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.cts', chunkFileNames: 'chunks/transformer-[hash].d.cts' },
    ],
  },
];
