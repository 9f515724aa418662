/**
 * TensorFlow.js tensors in the shape checker. A tf.Tensor<R> knows its rank but not its
 * lengths, so an op on it gives a tensor of the output's rank (`rearrange` of a
 * Tensor<Rank.R4> by 'b c h w -> b (c h w)' is a Tensor<Rank.R2>); the pattern is checked
 * against the rank. A tensor whose lengths were checked by `withShape` (einops/tfjs) is a
 * ShapedTensor and keeps literal lengths through every op, as an NDArray does.
 */
import type { Rank, Tensor } from '@tensorflow/tfjs-core';
import type { ReductionName } from './ops';

declare const SHAPE: unique symbol;

/** A tfjs tensor of rank RankOf<S> whose lengths S the type checker knows. */
export type ShapedTensor<S extends readonly number[]> = Tensor<RankOf<S>> & { readonly [SHAPE]: S };

/** tfjs's Rank for a shape: R0 to R6 by its length, `Rank` when the length is not known. */
export type RankOf<S extends readonly number[]> = number extends S['length']
  ? Rank
  : S['length'] extends 0
    ? Rank.R0
    : S['length'] extends 1
      ? Rank.R1
      : S['length'] extends 2
        ? Rank.R2
        : S['length'] extends 3
          ? Rank.R3
          : S['length'] extends 4
            ? Rank.R4
            : S['length'] extends 5
              ? Rank.R5
              : S['length'] extends 6
                ? Rank.R6
                : Rank;

/** What an op on X gives with shape S: lengths kept for a ShapedTensor, the rank otherwise. */
type TfjsResult<X, S extends readonly number[]> = X extends { readonly [SHAPE]: readonly number[] } ? ShapedTensor<S> : Tensor<RankOf<S>>;

/**
 * The registry's entry for tfjs (see ./registry.ts; ./tfjsRegistry.ts adds it). An `any` is
 * left to the other entries, so untyped code gets no tfjs types mixed into its results.
 */
export type TfjsTensorEntry<X, S extends readonly number[]> = 0 extends 1 & X
  ? never
  : X extends Tensor
    ? {
        shape: X extends { readonly [SHAPE]: infer Shape extends readonly number[] } ? Shape : X['shape'];
        dtype: X['dtype'];
        // tf.Tensor's type does not carry its dtype, so mean is left to the run-time check.
        isFloat: boolean;
        withShape: TfjsResult<X, S>;
        reduced: { readonly [R in ReductionName]: TfjsResult<X, S> };
      }
    : never;
