/**
 * onnx-shaped tensors (onnxruntime-web's Tensor, transformers.js's) in the shape checker: the
 * result is the input's type with dims of the output's rank, or literal dims through withDims.
 */
import type { Tensor, TypedTensor } from 'onnxruntime-web';
import { expectAssignable, expectType } from 'tsd';
import { withDims } from '../src/onnx';
import type { WithDims } from '../src/types/onnx';
import '../src/types/onnxRegistry';
import { explain, parseShape, rearrange, reduce, repeat } from './einops';

// rank from the pattern: dims are numbers, the rank follows it
declare const images: Tensor;
expectType<WithDims<Tensor, [number, number]>>(rearrange(images, 'b c h w -> b (c h w)'));
expectType<WithDims<Tensor, [number, number, 3]>>(repeat(images, 'h w -> h w c', { c: 3 }));
expectType<{ b: number; c: number }>(parseShape(images, 'b c _ _'));
expectType<[number, number]>(rearrange(images, 'b c h w -> b (c h w)').dims);
// a result goes back into a session: it is still a Tensor
expectAssignable<Tensor>(rearrange(images, 'b c h w -> b h w c'));

// literal dims through withDims, kept through every op
declare const pixels: TypedTensor<'float32'>;
const input = withDims(pixels, [1, 3, 224, 224]);
expectType<[1, 3, 224, 224]>(input.dims);
expectType<[1, 224, 224, 3]>(rearrange(input, 'b c h w -> b h w c').dims);
expectType<[1, 3, 112, 112]>(reduce(input, 'b c (h 2) (w 2) -> b c h w', 'max').dims);
expectType<'float32'>(reduce(input, 'b c h w -> b c', 'mean').type);
expectType<Float32Array>(rearrange(input, 'b c h w -> (b c h w)').data);
expectAssignable<TypedTensor<'float32'>>(rearrange(input, 'b c h w -> b h w c'));
rearrange(
  input,
  // @ts-expect-error 224 is not divisible by 3
  'b c (h 3) w -> b c h w',
);
expectType<'einops: rearrange "b c h -> b c h": the left side has 3 dimensions but the tensor has 4'>(
  explain.rearrange(input, 'b c h -> b c h'),
);

// the element type of a reduction: bool for any, float64 for sums of integers
declare const ids: TypedTensor<'int32'>;
const counts = withDims(ids, [2, 8]);
expectType<'bool'>(reduce(counts, 'b t -> b', 'any').type);
expectType<'float64'>(reduce(counts, 'b t -> b', 'sum').type);
expectType<Float64Array>(reduce(counts, 'b t -> b', 'sum').data);
reduce(
  counts,
  'b t -> b',
  // @ts-expect-error mean of integers
  'mean',
);

// a structural tensor (transformers.js's) works the same
interface HubTensor {
  readonly data: Float32Array;
  readonly dims: readonly [1, 84, 8400];
  readonly type: 'float32';
  tolist(): unknown;
}
declare const output: HubTensor;
expectType<[8400, 84]>(rearrange(output, '1 c n -> n c').dims);
