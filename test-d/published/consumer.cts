// A consumer's CommonJS file, compiled against the BUILT dist/ as an installed package
// (scripts/check-published-types.mjs): importing einops/tfjs adds tfjs tensors to the shape checker.
import * as tf from '@tensorflow/tfjs-core';
import { rearrange, reduce } from 'einops';
import { type ShapedTensor, withShape } from 'einops/tfjs';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const x = withShape(tf.zeros([2, 3]), [2, 3]);
const transposed = rearrange(x, 'a b -> b a');
export const literal: Equal<typeof transposed, ShapedTensor<[3, 2]>> = true;

declare const images: tf.Tensor<tf.Rank.R4>;
const pooled = reduce(images, 'b c (h 2) (w 2) -> b c h w', 'max');
export const rank: Equal<typeof pooled, tf.Tensor<tf.Rank.R4>> = true;

rearrange(
  x,
  // @ts-expect-error the tensor has 2 dimensions
  'a b c -> c b a',
);
