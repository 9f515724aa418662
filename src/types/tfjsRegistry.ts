/**
 * Adds tfjs tensors to the shape checker's registry, for the sources and their tests. Kept
 * apart from ./tfjs.ts because bundled declarations have no './registry' module to augment:
 * the build (rollup.config.mjs, registryAugmentation) appends this block to dist/tfjs.d.ts and
 * dist/tfjs.d.cts as `declare module 'einops'`, and scripts/check-published-types.mjs checks
 * that a consumer of the built package gets tfjs shapes from it.
 */
import type { TfjsTensorEntry } from './tfjs';

declare module './registry' {
  interface TensorTypes<X, S extends readonly number[]> {
    tfjs: TfjsTensorEntry<X, S>;
  }
}
