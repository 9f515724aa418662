/**
 * Another tensor library joins the shape checker through the TensorTypes registry (module
 * augmentation): how to read its shape, how to rebuild its type with a new shape.
 */
import { expectType } from 'tsd';
import type { ReductionName } from '../src/types';
import { explain, type NDArray, parseShape, rearrange, reduce, repeat } from './einops';

/** A stand-in for another library's tensor type, e.g. tf.Tensor. */
interface FakeTensor<Shape extends readonly number[]> {
  readonly fakeShape: Shape;
}

declare module '../src/types/registry' {
  interface TensorTypes<X, S extends readonly number[]> {
    fake: X extends FakeTensor<infer Shape>
      ? {
          shape: Shape;
          dtype: 'float32';
          isFloat: true;
          withShape: FakeTensor<S>;
          reduced: { [R in ReductionName]: FakeTensor<S> };
        }
      : never;
  }
}

declare const t: FakeTensor<[10, 32, 100, 200]>;
expectType<FakeTensor<[10, 640000]>>(rearrange(t, 'b c h w -> b (c h w)'));
expectType<FakeTensor<[10, 32]>>(reduce(t, 'b c h w -> b c', 'mean'));
expectType<FakeTensor<[10, 32, 100, 200, 3]>>(repeat(t, 'b c h w -> b c h w k', { k: 3 }));
expectType<{ b: 10 }>(parseShape(t, 'b ...'));
expectType<FakeTensor<[2, 10, 32, 100, 200]>>(rearrange([t, t], 'n b c h w -> n b c h w'));
expectType<'einops: rearrange "b c h w -> b c h w d": axis d appears only on the right side'>(
  explain.rearrange(t, 'b c h w -> b c h w d'),
);
rearrange(
  t,
  // @ts-expect-error checked like an NDArray
  'b c h -> b c h',
);

// NDArray is still the first entry
declare const x: NDArray<[2, 3], 'float64'>;
expectType<NDArray<[3, 2], 'float64'>>(rearrange(x, 'a b -> b a'));

// a type the registry does not know keeps its type, and its pattern is still checked
interface Unknown {
  readonly whatever: true;
}
declare const u: Unknown;
expectType<Unknown>(rearrange(u, 'a b -> b a'));
expectType<'einops: rearrange "a b -> b a c": axis c appears only on the right side'>(explain.rearrange(u, 'a b -> b a c'));

// a union of tensor types: each member on its own, and the pattern must fit each
declare const either: NDArray<[2, 3], 'float32'> | NDArray<[4, 5], 'int32'>;
expectType<NDArray<[3, 2], 'float32'> | NDArray<[5, 4], 'int32'>>(rearrange(either, 'a b -> b a'));
declare const ranks: NDArray<[2, 3], 'float32'> | NDArray<[2, 3, 4], 'float32'>;
rearrange(
  ranks,
  // @ts-expect-error fits [2, 3] only
  'a b -> b a',
);
expectType<'einops: rearrange "a b -> b a": the left side has 2 dimensions but the tensor has 3'>(
  explain.rearrange(ranks, 'a b -> b a') as Extract<ReturnType<typeof explain.rearrange<typeof ranks, 'a b -> b a'>>, string>,
);

// any stays usable without leaking any; unknown stays unknown
declare const anything: any;
expectType<NDArray<[number, number], import('../src/ndarray/dtype').DType> | FakeTensor<[number, number]>>(
  rearrange(anything, 'a b -> b a'),
);
declare const opaque: unknown;
expectType<unknown>(rearrange(opaque, 'a b -> b a'));
