/**
 * Adds tfjs tensors to the shape checker's registry. Kept apart from ./tfjs.ts, which the
 * einops/tfjs entry's types carry: bundled declarations have no './registry' module to
 * augment, so the published form of this line is `declare module 'einops'`, once the
 * registry is part of the public types (INTEGRATION.md).
 */
import type { TfjsTensorEntry } from './tfjs';

declare module './registry' {
  interface TensorTypes<X, S extends readonly number[]> {
    tfjs: TfjsTensorEntry<X, S>;
  }
}
