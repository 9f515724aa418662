/**
 * Scale without "Type instantiation is excessively deep": patterns of 12 axes, lengths up to
 * 2^31, products up to 2^53, ten ops chained on one tensor, long names and long patterns.
 */
import { expectType } from 'tsd';
import { explain, type NDArray, parseShape, rearrange, reduce, repeat } from './einops';

// 12 axes
declare const t12: NDArray<[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], 'float32'>;
expectType<NDArray<[13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2], 'float32'>>(
  rearrange(t12, 'a b c d e f g h i j k l -> l k j i h g f e d c b a'),
);
expectType<NDArray<[6227020800], 'float32'>>(rearrange(t12, 'a b c d e f g h i j k l -> (a b c d e f g h i j k l)'));
expectType<NDArray<[120, 3024, 17160], 'float32'>>(rearrange(t12, 'a b c d e f g h i j k l -> (a b c d) (e f g h) (i j k l)'));
declare const flat12: NDArray<[6227020800], 'float32'>;
expectType<NDArray<[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], 'float32'>>(
  rearrange(flat12, '(a b c d e f g h i j k l) -> a b c d e f g h i j k l', { a: 2, b: 3, c: 4, d: 5, e: 6, f: 7, g: 8, h: 9, i: 10, j: 11, k: 12 }),
);
expectType<NDArray<[2, 13], 'float32'>>(reduce(t12, 'a b c d e f g h i j k l -> a l', 'sum'));
expectType<NDArray<[13, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'float32'>>(rearrange(t12, 'a ... l -> l a ...'));
expectType<{ a: 2; f: 7; l: 13 }>(parseShape(t12, 'a _ _ _ _ f ... l'));

// lengths up to 2^31, products up to 2^53
declare const huge: NDArray<[2147483648, 4194304], 'float32'>;
expectType<NDArray<[9007199254740992], 'float32'>>(rearrange(huge, 'a b -> (a b)'));
expectType<NDArray<[4194304, 2147483648], 'float32'>>(rearrange(huge, 'a b -> b a'));
declare const flat53: NDArray<[9007199254740992], 'float32'>;
expectType<NDArray<[2147483648, 4194304], 'float32'>>(rearrange(flat53, '(a b) -> a b', { a: 2147483648 }));
expectType<NDArray<[2147483648, 4194304], 'float32'>>(rearrange(flat53, '(a b) -> b a', { b: 2147483648 }));
expectType<'einops: rearrange "(a b) -> a b": dimension 0 of length 9007199254740992 cannot be split as (a b): 9007199254740992 is not divisible by 2147483647'>(
  explain.rearrange(flat53, '(a b) -> a b', { b: 2147483647 }),
);
declare const primes: NDArray<[2147483647, 3], 'float32'>;
expectType<NDArray<[6442450941], 'float32'>>(rearrange(primes, 'a b -> (a b)'));
// a result past 2^32 elements fails as at run time (checkedSize), with the exact count
declare const quarter: NDArray<[65536, 16384], 'float32'>;
expectType<NDArray<[65536, 16384, 4], 'float32'>>(repeat(quarter, 'a b -> a b c', { c: 4 }));
expectType<'einops: repeat "a b -> a (b c)": the result: shape [65536, 81920] would have 5368709120 elements, more than the typed-array limit of 2^32'>(
  explain.repeat(quarter, 'a b -> a (b c)', { c: 5 }),
);
expectType<'einops: repeat "a b -> a b c": the result: shape [2147483647, 3, 1000] would have 6442450941000 elements, more than the typed-array limit of 2^32'>(
  explain.repeat(primes, 'a b -> a b c', { c: 1000 }),
);
expectType<'einops: repeat "a b -> (a c) b": the result: shape [2147483647000, 3] would have 6442450941000 elements, more than the typed-array limit of 2^32'>(
  explain.repeat(primes, 'a b -> (a c) b', { c: 1000 }),
);
expectType<'einops: repeat "a b -> a b c d": the result: shape [2147483647, 3, 4294967296, 4294967296] would have 118842243716056274169187270656 elements, more than the typed-array limit of 2^32'>(
  explain.repeat(primes, 'a b -> a b c d', { c: 4294967296, d: 4294967296 }),
);
expectType<NDArray<[2147483647, 3, 0, 4294967296], 'float32'>>(repeat(primes, 'a b -> a b c d', { c: 0, d: 4294967296 }));
declare const odd: NDArray<[999999999999], 'float32'>;
expectType<NDArray<[333333333333, 3], 'float32'>>(rearrange(odd, '(a b) -> a b', { b: 3 }));
expectType<NDArray<[27, 37037037037], 'float32'>>(rearrange(odd, '(a b) -> a b', { a: 27 }));
// past 2^53 a double holds only some integers: an odd product there is an unknown length
declare const past: NDArray<[3, 3002399751580331], 'float32'>;
expectType<NDArray<[number], 'float32'>>(rearrange(past, 'a b -> (a b)'));
declare const pastEven: NDArray<[2, 4503599627370497], 'float32'>;
expectType<NDArray<[9007199254740994], 'float32'>>(rearrange(pastEven, 'a b -> (a b)'));

// ten ops chained on one tensor
declare const video: NDArray<[8, 16, 3, 64, 64], 'float32'>;
const chained = rearrange(
  reduce(
    repeat(
      rearrange(
        reduce(
          rearrange(
            rearrange(
              repeat(rearrange(rearrange(video, 'b t c h w -> b c t h w'), 'b c t (h h2) (w w2) -> b (c h2 w2) t h w', { h2: 2, w2: 2 }), 'b c t h w -> b c t h w k', { k: 2 }),
              'b c t h w k -> (b k) c t h w',
            ),
            'n c (t t2) h w -> n c t t2 h w',
            { t2: 4 },
          ),
          'n c t t2 h w -> n c t h w',
          'mean',
        ),
        'n c t h w -> n t (c h w)',
      ),
      'n t d -> n t d r',
      { r: 3 },
    ),
    'n t d r -> n t d',
    'max',
  ),
  'n t d -> (n t) d',
);
expectType<NDArray<[64, 12288], 'float32'>>(chained);
