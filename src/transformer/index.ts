/**
 * `einops/transformer`: the build-time precompilation of einops patterns, for tools that drive
 * it themselves. `einops/rollup` wraps it as a Rollup/Vite plugin; `einops-precompile` runs it
 * on emitted JavaScript.
 * @module einops/transformer
 */
export {
  createTransformer,
  PrecompileError,
  type Diagnostic,
  type EncodedSourceMap,
  type Transformer,
  type TransformerStats,
  type TransformOptions,
  type TransformResult,
} from './transform';
export { precompileFiles, type PrecompileFilesOptions, type PrecompileSummary } from './precompile';
