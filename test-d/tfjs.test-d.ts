/**
 * TensorFlow.js tensors in the shape checker: a tf.Tensor<R> gives results of the output's
 * rank, a tensor given its lengths by withShape keeps literal lengths.
 */
import type { Rank, Tensor, Variable } from '@tensorflow/tfjs-core';
import { expectType } from 'tsd';
import { withShape } from '../src/tfjs';
import type { ShapedTensor } from '../src/types/tfjs';
import '../src/types/tfjsRegistry';
import { explain, parseShape, rearrange, reduce, repeat } from './einops';

// rank only: lengths are numbers, the rank follows the pattern
declare const images: Tensor<Rank.R4>;
expectType<Tensor<Rank.R2>>(rearrange(images, 'b c h w -> b (c h w)'));
expectType<Tensor<Rank.R2>>(reduce(images, 'b c h w -> b c', 'max'));
expectType<Tensor<Rank.R0>>(reduce(images, 'b c h w ->', 'sum'));
expectType<Tensor<Rank.R5>>(repeat(images, 'b c h w -> b c h w k', { k: 3 }));
expectType<Tensor<Rank.R4>>(reduce(images, 'b c (h 2) (w 2) -> b c h w', 'mean'));
expectType<{ b: number; c: number }>(parseShape(images, 'b c _ _'));
rearrange(
  images,
  // @ts-expect-error the tensor has 4 dimensions
  'b c h -> b c h',
);
expectType<'einops: rearrange "b c h -> b c h": the left side has 3 dimensions but the tensor has 4'>(
  explain.rearrange(images, 'b c h -> b c h'),
);

// a variable is a tensor; a list stacks on a new first axis
declare const weights: Variable<Rank.R2>;
expectType<Tensor<Rank.R2>>(rearrange(weights, 'i o -> o i'));
expectType<Tensor<Rank.R3>>(rearrange([weights, weights], 'n i o -> n o i'));

// unknown rank: known again when the pattern fixes it
declare const anyRank: Tensor;
expectType<Tensor<Rank>>(rearrange(anyRank, 'b ... -> ... b'));
expectType<Tensor<Rank.R1>>(rearrange(anyRank, '... -> (...)'));

// literal lengths through withShape
const shaped = withShape(images, [10, 32, 100, 200]);
expectType<ShapedTensor<[10, 32, 100, 200]>>(shaped);
expectType<ShapedTensor<[10, 640000]>>(rearrange(shaped, 'b c h w -> b (c h w)'));
expectType<ShapedTensor<[10, 32, 50, 100]>>(reduce(shaped, 'b c (h 2) (w 2) -> b c h w', 'max'));
expectType<ShapedTensor<[10, 100, 200, 32]>>(rearrange(shaped, 'b c h w -> b h w c'));
expectType<{ b: 10; c: 32 }>(parseShape(shaped, 'b c _ _'));
rearrange(
  shaped,
  // @ts-expect-error 100 is not divisible by 3
  'b c (h 3) w -> b c h w',
);
// and a shaped tensor is still a tf.Tensor of its rank
expectType<Tensor<Rank.R4>>(shaped as Tensor<Rank.R4>);
