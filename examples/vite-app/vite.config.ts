/**
 * The einops plugin precompiles every einops call whose pattern is a literal: the bundle gets
 * the compiled recipe instead of the string, so the page's own code needs no pattern parser.
 * `einops`, `einops/tfjs`, … resolve as in any project that has einops installed: here through
 * the package's own `exports` (Node's self-reference), i.e. to the repository's built dist/.
 */
import { fileURLToPath } from 'node:url';
import einops from 'einops/rollup';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the built page works from any folder a server puts it in.
  base: './',
  // Only the app's own sources hold einops calls; the plugin need not parse anything else.
  plugins: [einops({ include: [`${root}src/**`] })],
  // TensorFlow.js alone is about 900 kB minified: no warning for the chunk that holds it.
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
