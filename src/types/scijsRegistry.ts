/**
 * Adds scijs ndarrays to the shape checker's registry, kept apart from ./scijs.ts as
 * ./tfjsRegistry.ts is from ./tfjs.ts (README.md).
 */
import type { ScijsArrayEntry } from './scijs';

declare module './registry' {
  interface TensorTypes<X, S extends readonly number[]> {
    scijs: ScijsArrayEntry<X, S>;
  }
}
