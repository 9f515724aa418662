/**
 * Finds the backend for a tensor. The embedded NDArray is always known; other libraries add
 * theirs with `registerBackend` when their entry (e.g. `einops/tfjs`) is imported.
 */
import { EinopsError } from '../errors';
import { NDArray } from '../ndarray/ndarray';
import { writeMixedBackendsMessage, writeUnsupportedTensorMessage } from '../pattern/messages';
import type { Backend, CoreBackend } from './backend';
import { ndarrayCoreBackend } from './backends/ndarray';

const backends: Backend[] = [];

/**
 * Adds a tensor library: every op then takes its tensors (those its `isAppropriate` accepts).
 * A backend of the same name registered before is kept. `einops/tfjs` and `einops/onnx` call
 * this when imported; `registerScijsBackend` does for scijs.
 * @example
 * ```ts
 * import { registerBackend } from 'einops';
 * import { onnxBackend } from 'einops/onnx';
 *
 * registerBackend(onnxBackend); // what importing einops/onnx does (a second call changes nothing)
 * ```
 */
export function registerBackend<T>(backend: Backend<T>): void {
  if (!backends.some((known) => known.name === backend.name)) backends.push(backend as Backend);
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'Array (a list of tensors must hold tensors, not numbers; use tensor() for nested arrays)';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'object';
  return typeof x;
}

/**
 * The backend that handles `x`, as the ops find it: the embedded NDArray's for an NDArray,
 * else the first registered backend that recognises `x`. Throws an {@link EinopsError} when
 * none does. (einsum and pack take its whole set of steps through `withAllSteps`.)
 * @example
 * ```ts
 * import { getBackend, tensor } from 'einops';
 *
 * getBackend(tensor([1, 2, 3])).name; // 'ndarray'
 * ```
 */
export function getBackend(x: unknown): CoreBackend {
  if (x instanceof NDArray) return ndarrayCoreBackend as CoreBackend;
  for (const backend of backends) if (backend.isAppropriate(x)) return backend;
  throw new EinopsError(writeUnsupportedTensorMessage(describe(x)));
}

/** The backend of several tensors (einsum's inputs, pack's list): one library for all of them. */
export function getCommonBackend(xs: readonly unknown[]): CoreBackend {
  const backend = getBackend(xs[0]);
  for (let i = 1; i < xs.length; i++) {
    const other = getBackend(xs[i]);
    if (other !== backend) throw new EinopsError(writeMixedBackendsMessage(i, other.name, backend.name));
  }
  return backend;
}
