/**
 * `einops/scijs`: einops on scijs `ndarray`s. Register the backend once with the `ndarray`
 * factory, which builds the results (so einops itself imports no package); see
 * {@link registerScijsBackend}. It re-exports the API, so a scijs user needs only this import.
 * @module einops/scijs
 */
import { registerBackend } from './runtime/registry';
import { type ScijsFactory, scijsBackend } from './runtime/backends/scijs';

/**
 * Lets every op take scijs ndarrays; results are made by `factory`. Registering again keeps the
 * first.
 * @example
 * ```ts
 * import ndarray from 'ndarray';
 * import { rearrange, registerScijsBackend } from 'einops/scijs';
 *
 * registerScijsBackend(ndarray);
 * const t = rearrange(ndarray(new Float32Array(6), [2, 3]), 'a b -> b a'); // a view: shape [3, 2], stride [1, 3]
 * ```
 */
export function registerScijsBackend(factory: ScijsFactory): void {
  registerBackend(scijsBackend(factory));
}

export { scijsBackend, type ScijsFactory, type ScijsLikeArray } from './runtime/backends/scijs';
// ScijsArrayEntry: the registry entry the published scijs.d.ts adds to TensorTypes (rollup.config.mjs).
export type { RetypedWithShape, ScijsArrayEntry, WithShape } from './types/scijs';
export * from './index';
