/**
 * Global setup of vitest.transformer.config.ts: after the run, checks that the plugin really
 * rewrote the suite's calls, so a green run cannot mean that nothing was transformed.
 */
import type { TestProject } from 'vitest/node';
import type { EinopsPlugin } from '../../src/transformer/rollup';

// The whole suite has about 160 calls with literal patterns (most take theirs from tables);
// far fewer means the plugin missed them. A run of a few files only needs some.
const MINIMUM_CALLS = 100;

export default function setup(project: TestProject): () => Promise<void> {
  return async () => {
    const plugin = project.vite.config.plugins.find((candidate) => candidate.name === 'einops') as unknown as EinopsPlugin | undefined;
    const stats = plugin?.api.stats;
    const { testFiles } = await project.globTestFiles();
    const wholeSuite = project.vitest.state.getFiles().length >= testFiles.length;
    const minimum = wholeSuite ? MINIMUM_CALLS : 1;
    const problem =
      stats === undefined ? 'the einops plugin is not in the transformed run'
      : stats.calls < minimum ? `the einops plugin precompiled only ${stats.calls} calls, expected at least ${minimum}`
      : undefined;
    if (stats !== undefined) console.log(`einops plugin: ${stats.calls} calls precompiled in ${stats.parsed} parsed of ${stats.files} files`);
    if (problem === undefined) return;
    // Vitest reports an error thrown here but does not fail the run for it.
    process.exitCode = 1;
    throw new Error(problem);
  };
}
