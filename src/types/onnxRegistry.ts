/**
 * Adds onnx-shaped tensors to the shape checker's registry, kept apart from ./onnx.ts as
 * ./tfjsRegistry.ts is from ./tfjs.ts (README.md).
 */
import type { OnnxTensorEntry } from './onnx';

declare module './registry' {
  interface TensorTypes<X, S extends readonly number[]> {
    onnx: OnnxTensorEntry<X, S>;
  }
}
