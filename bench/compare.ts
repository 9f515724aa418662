/**
 * The comparison section alone (engine, numpy, TensorFlow.js, floors): `npm run bench:compare`,
 * with EINOPS_BASELINE=<dir holding an older src/> for a before/after pair from one run. Prints
 * the table; writes nothing.
 */
import { comparisonSection } from './sections/comparison';

await comparisonSection();
