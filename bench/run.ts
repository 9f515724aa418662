/**
 * `npm run bench`: every benchmark section in one process, one run; prints a table per section
 * and writes bench/results.json. Compare ratios within a run, not absolute times across runs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparisonSection } from './sections/comparison';
import { einsumSection } from './sections/einsum';
import { imageSection } from './sections/image';
import { transformerSection } from './sections/transformer';
import { tutorialSection } from './sections/tutorial';

console.log(`einops bench — Node ${process.version}`);
const results = {
  node: process.version,
  tutorial: tutorialSection(),
  einsum: einsumSection(),
  image: imageSection(),
  comparison: await comparisonSection(),
  transformer: await transformerSection(),
  // Loaded last: tfjs's heap makes every later garbage collection slower, the engine's kernels' too.
  tfjs: await (await import('./sections/tfjs')).tfjsSection(),
};

const file = join(import.meta.dirname, 'results.json');
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${file}`);
