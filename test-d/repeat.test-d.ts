/** repeat: new axes from the axes lengths or anonymous, tiling, and every error class. */
import { expectType } from 'tsd';
import { explain, type NDArray, repeat } from './einops';

declare const x: NDArray<[2, 3], 'float32'>;
declare const ints: NDArray<[2, 3], 'int32'>;

expectType<NDArray<[2, 3, 4], 'float32'>>(repeat(x, 'h w -> h w c', { c: 4 }));
expectType<NDArray<[4, 2, 3], 'int32'>>(repeat(ints, 'h w -> c h w', { c: 4 }));
expectType<NDArray<[4, 6], 'float32'>>(repeat(x, 'h w -> (h 2) (w 2)'));
expectType<NDArray<[4, 6], 'float32'>>(repeat(x, 'h w -> (r h) (w s)', { r: 2, s: 2 }));
expectType<NDArray<[2, 3, 2, 2], 'float32'>>(repeat(x, 'h w -> h w 2 2'));
expectType<NDArray<[6, 1, 2], 'float32'>>(repeat(x, 'h w -> (w h) 1 2'));
expectType<NDArray<[2, 3, 0], 'float32'>>(repeat(x, 'h w -> h w c', { c: 0 }));
expectType<NDArray<[2, 3, 5], 'float32'>>(repeat(x, '... -> ... c', { c: 5 }));
expectType<NDArray<[5, 6], 'float32'>>(repeat(x, '... -> c (...)', { c: 5 }));
// a given length for an axis on the left is checked against the shape
expectType<NDArray<[2, 3, 2], 'float32'>>(repeat(x, 'h w -> h w c', { h: 2, c: 2 }));
declare const anyRank: NDArray<number[], 'float32'>;
expectType<NDArray<[number, number, 7], 'float32'>>(repeat(anyRank, 'h w -> h w c', { c: 7 }));
declare const unknownLength: number;
expectType<NDArray<[2, 3, number], 'float32'>>(repeat(x, 'h w -> h w c', { c: unknownLength }));

// errors
repeat(
  x,
  // @ts-expect-error new axis c needs a length
  'h w -> h w c',
);
expectType<'einops: repeat "h w -> h w c": new axis c needs a length: pass { c: <length> }'>(explain.repeat(x, 'h w -> h w c'));
expectType<'einops: repeat "h w -> c h w d": new axes c, d need lengths: pass { c: <length>, d: <length> }'>(
  explain.repeat(x, 'h w -> c h w d'),
);
expectType<'einops: repeat "h w -> c h w d": new axis d needs a length: pass { d: <length> }'>(
  explain.repeat(x, 'h w -> c h w d', { c: 2 }),
);
expectType<'einops: repeat "h w -> h": axis w appears only on the left side: repeat cannot remove axes, use reduce'>(
  explain.repeat(x, 'h w -> h'),
);
expectType<'einops: repeat "h (w 3) -> h w": axis 3 appears only on the left side: repeat cannot remove axes, use reduce'>(
  explain.repeat(x, 'h (w 3) -> h w'),
);
expectType<'einops: repeat "h ... -> h": axis ... appears only on the left side: repeat cannot remove axes, use reduce'>(
  explain.repeat(x, 'h ... -> h'),
);
expectType<'einops: repeat "h w -> h w c": dimension 0 has length 2 but (h) gives 5'>(
  explain.repeat(x, 'h w -> h w c', { h: 5, c: 2 }),
);
expectType<'einops: repeat "h w -> h w c": axis length c must be a non-negative integer, got -2'>(
  explain.repeat(x, 'h w -> h w c', { c: -2 }),
);
