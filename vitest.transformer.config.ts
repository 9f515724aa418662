/**
 * The runtime test suite once more, with every test file passed through the einops plugin
 * first: calls with literal patterns run precompiled (through einops/runtime's apply functions)
 * and must give the same results and the same errors as the string-pattern ops. Calls whose
 * pattern is invalid stay as they are (`warn`), since the tests expect them to throw at run time.
 */
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import einops from './src/transformer/rollup';

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [
    einops({
      // The tests import the ops from the source tree, not from the package.
      modules: [source('./src/index.ts'), source('./src/runtime/ops.ts')],
      runtime: source('./src/runtime/index.ts'),
      // And the layers, which then run their recipes through the lean layers entry.
      layerModules: [source('./src/layers/tfjs/index.ts')],
      layerRuntime: source('./src/layers/tfjs/runtime.ts'),
      warn: true,
      include: ['test/**'],
    }),
  ],
  // The invalid patterns the tests call on purpose would each print a warning.
  logLevel: 'error',
  test: {
    include: ['test/**/*.test.ts'],
    // The transformer's own tests, and the docs test (its code blocks are separate files the plugin never sees).
    exclude: [...configDefaults.exclude, 'test/transformer/**', 'test/docs/**'],
    globalSetup: ['test/transformer/transformedRun.ts'],
    testTimeout: 60_000,
  },
});
