/** reduce: every reduction by name or as a function, the dtype of each, and every error class. */
import { expectType } from 'tsd';
import { explain, type NDArray, reduce } from './einops';

declare const x: NDArray<[2, 3, 4], 'float32'>;
declare const ints: NDArray<[2, 3, 4], 'int32'>;
declare const flags: NDArray<[2, 3, 4], 'bool'>;

expectType<NDArray<[2], 'float32'>>(reduce(x, 'a b c -> a', 'max'));
expectType<NDArray<[2], 'float32'>>(reduce(x, 'a b c -> a', 'min'));
expectType<NDArray<[2], 'float32'>>(reduce(x, 'a b c -> a', 'sum'));
expectType<NDArray<[2], 'float32'>>(reduce(x, 'a b c -> a', 'mean'));
expectType<NDArray<[2], 'float32'>>(reduce(x, 'a b c -> a', 'prod'));
expectType<NDArray<[2], 'bool'>>(reduce(x, 'a b c -> a', 'any'));
expectType<NDArray<[2], 'bool'>>(reduce(x, 'a b c -> a', 'all'));
expectType<NDArray<[], 'float32'>>(reduce(x, 'a b c -> ', 'sum'));

// integer sums are exact in float64; min and max keep the dtype; nothing reduced, nothing changes
expectType<NDArray<[2], 'float64'>>(reduce(ints, 'a b c -> a', 'sum'));
expectType<NDArray<[2], 'float64'>>(reduce(flags, 'a b c -> a', 'prod'));
expectType<NDArray<[2], 'int32'>>(reduce(ints, 'a b c -> a', 'max'));
expectType<NDArray<[2, 3, 4], 'int32'>>(reduce(ints, 'a b c -> a b c', 'sum'));
expectType<NDArray<[2, 3, 4], 'int32'>>(reduce(ints, 'a b c ... -> a b c', 'sum'));

// a function (x, axes) => y, called on the input reshaped to its elementary axes
expectType<NDArray<[2], 'float32'>>(
  reduce(x, 'a b c -> a', (t, axes) => {
    expectType<NDArray<number[], 'float32'>>(t);
    expectType<readonly number[]>(axes);
    return t;
  }),
);

// anonymous and unit axes, the ellipsis, axes lengths
expectType<NDArray<[2, 3, 2], 'float32'>>(reduce(x, 'a b (c 2) -> a b c', 'max'));
expectType<NDArray<[2, 1, 1], 'float32'>>(reduce(x, 'a b c -> a 1 1', 'mean'));
expectType<NDArray<[2, 1, 1], 'float32'>>(reduce(x, 'a b c -> a () ()', 'mean'));
expectType<NDArray<[4], 'float32'>>(reduce(x, '... c -> c', 'min'));
expectType<NDArray<[2], 'float32'>>(reduce(x, 'a ... -> a', 'min'));
expectType<NDArray<[2, 2], 'float32'>>(reduce(x, 'a b (c c2) -> a c', 'max', { c2: 2 }));
declare const anyRank: NDArray<number[], 'float32'>;
expectType<NDArray<[number, 1], 'float32'>>(reduce(anyRank, 'b c h w -> b 1', 'mean'));

// errors
reduce(
  x,
  // @ts-expect-error reduce cannot add axes
  'a b c -> a b c d',
  'sum',
);
expectType<'einops: reduce "a b c -> a b c d" with sum: axis d appears only on the right side: reduce cannot add axes, use repeat'>(
  explain.reduce(x, 'a b c -> a b c d', 'sum'),
);
expectType<'einops: reduce "a b c -> a 2" with max: axis 2 appears only on the right side: reduce cannot add axes, use repeat'>(
  explain.reduce(x, 'a b c -> a 2', 'max'),
);
expectType<NDArray<[2], 'float32'>>(reduce(x, 'a (c 3) b -> a', 'sum'));
expectType<'einops: reduce "a b (c 3) -> a" with sum: dimension 2 of length 4 cannot be split as (c 3): 4 is not divisible by 3'>(
  explain.reduce(x, 'a b (c 3) -> a', 'sum'),
);
expectType<'einops: reduce "a b c d -> a" with a function: the left side has 4 dimensions but the tensor has 3'>(
  explain.reduce(x, 'a b c d -> a', (t: NDArray<number[], 'float32'>) => t),
);

// a reduction that does not exist, and mean of integers: errors on the reduction argument
reduce(
  x,
  'a b c -> a',
  // @ts-expect-error unknown reduction
  'avg',
);
expectType<'einops: reduce "a b c -> a" with avg: unknown reduction "avg": use min, max, sum, mean, prod, any, all or a function (x, axes) => y'>(
  explain.reduction(x, 'a b c -> a', 'avg'),
);
reduce(
  ints,
  'a b c -> a',
  // @ts-expect-error mean of integers
  'mean',
);
expectType<'einops: reduce "a b c -> a" with mean: mean needs a floating-point tensor, got int32'>(
  explain.reduction(ints, 'a b c -> a', 'mean'),
);
// nothing reduced: the runtime does not reduce, so mean is fine
expectType<NDArray<[4, 3, 2], 'int32'>>(reduce(ints, 'a b c -> c b a', 'mean'));
