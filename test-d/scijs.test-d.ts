/**
 * scijs ndarrays in the shape checker: the result is the input's type with a shape of the
 * output's rank, or literal lengths when the input's type has them.
 */
import type ndarray from 'ndarray';
import { expectAssignable, expectType } from 'tsd';
import type { WithShape } from '../src/types/scijs';
import '../src/types/scijsRegistry';
import { explain, parseShape, rearrange, reduce, repeat, type NDArray } from './einops';

declare const images: ndarray.NdArray<Float32Array>;
expectType<WithShape<ndarray.NdArray<Float32Array>, [number, number]>>(rearrange(images, 'b c h w -> b (c h w)'));
expectType<[number, number, 3]>(repeat(images, 'h w -> h w c', { c: 3 }).shape);
expectType<{ b: number; c: number }>(parseShape(images, 'b c _ _'));
expectType<'float32'>(reduce(images, 'b c h w -> b c', 'mean').dtype);
expectAssignable<ndarray.NdArray<Float32Array>>(rearrange(images, 'b c h w -> b h w c'));

// literal lengths in the input's type are kept
declare const fixed: ndarray.NdArray<Int32Array> & { readonly shape: [2, 6] };
expectType<[6, 2]>(rearrange(fixed, 'a b -> b a').shape);
expectType<[2, 3]>(reduce(fixed, 'a (b 2) -> a b', 'max').shape);
expectType<'float64'>(reduce(fixed, 'a b -> a', 'sum').dtype);
expectType<'uint8'>(reduce(fixed, 'a b -> a', 'any').dtype);
rearrange(
  fixed,
  // @ts-expect-error 6 is not divisible by 4
  'a (b 4) -> a b',
);
expectType<'einops: rearrange "a b c -> a b c": the left side has 3 dimensions but the tensor has 2'>(
  explain.rearrange(fixed, 'a b c -> a b c'),
);

// the embedded NDArray is not mistaken for one
declare const x: NDArray<[2, 3], 'float32'>;
expectType<NDArray<[3, 2], 'float32'>>(rearrange(x, 'a b -> b a'));
