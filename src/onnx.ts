/**
 * `einops/onnx`: importing this entry registers the backend for tensors shaped like
 * onnxruntime-web's `Tensor` (`{ data, dims, type }`, as transformers.js's Tensor is too), so
 * every op of einops takes them and returns tensors of the input's own class, ready for an
 * inference session. Recognised by shape: neither library is imported. It re-exports the API.
 * @module einops/onnx
 */
import { registerBackend } from './runtime/registry';
import { onnxBackend } from './runtime/backends/onnx';

registerBackend(onnxBackend);

export { onnxBackend, type OnnxLikeTensor, withDims } from './runtime/backends/onnx';
// OnnxTensorEntry: the registry entry the published onnx.d.ts adds to TensorTypes (rollup.config.mjs).
export type { OnnxTensorEntry, RetypedWithDims, WithDims } from './types/onnx';
export * from './index';
