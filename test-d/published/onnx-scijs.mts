// A consumer's ESM file, compiled against the BUILT dist/ as an installed package
// (scripts/check-published-types.mjs): importing einops/onnx and einops/scijs adds tensors shaped
// like onnxruntime-web's and scijs's to the shape checker (declared here by shape, as they are recognised).
import { rearrange, reduce } from 'einops';
import { withDims, type WithDims } from 'einops/onnx';
import type { WithShape } from 'einops/scijs';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

interface OrtTensor {
  readonly data: Float32Array;
  readonly dims: readonly number[];
  readonly type: 'float32';
  dispose(): void;
}
declare const output: OrtTensor;
const candidates = rearrange(output, '1 c n -> n c');
export const onnxRank: Equal<typeof candidates, WithDims<OrtTensor, [number, number]>> = true;
const input = withDims(output, [1, 84, 8400]);
export const onnxRankDims: Equal<(typeof candidates)['dims'], [number, number]> = true;
export const onnxDims: Equal<ReturnType<typeof rearrange<typeof input, '1 c n -> n c'>>['dims'], [8400, 84]> = true;

interface ScijsArray {
  readonly data: Float32Array;
  readonly shape: number[];
  readonly stride: number[];
  readonly offset: number;
  readonly dtype: 'float32';
}
declare const image: ScijsArray;
const pooled = reduce(image, 'b c (h 2) (w 2) -> b c h w', 'max');
export const scijsRank: Equal<typeof pooled, WithShape<ScijsArray, [number, number, number, number]>> = true;

rearrange(
  input,
  // @ts-expect-error the tensor has 3 dimensions
  'a b -> b a',
);
