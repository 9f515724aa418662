/** parseShape: names for dimensions, `_` and `...` to skip, numbers and units to check. */
import { expectType } from 'tsd';
import { explain, type NDArray, parseShape } from './einops';

declare const x: NDArray<[10, 32, 100, 200], 'float32'>;

expectType<{ batch: 10; c: 32 }>(parseShape(x, 'batch c _ _'));
expectType<{ b: 10; c: 32; h: 100; w: 200 }>(parseShape(x, 'b c h w'));
expectType<{}>(parseShape(x, '_ _ _ _'));
expectType<{ b: 10 }>(parseShape(x, 'b ...'));
expectType<{ w: 200 }>(parseShape(x, '... w'));
expectType<{ b: 10; w: 200 }>(parseShape(x, 'b ... w'));
expectType<{ b: 10; c: 32; h: 100; w: 200 }>(parseShape(x, 'b c h w ...'));
expectType<{ b: 10; h: 100 }>(parseShape(x, 'b 32 h 200'));
expectType<{ b: 10; c: 32 }>(parseShape(x, '(b) (c) _ _'));
declare const withUnit: NDArray<[10, 1, 5], 'float32'>;
expectType<{ b: 10; t: 5 }>(parseShape(withUnit, 'b 1 t'));
expectType<{ b: 10; t: 5 }>(parseShape(withUnit, 'b () t'));
declare const anyRank: NDArray<number[], 'float32'>;
expectType<{ b: number; c: number }>(parseShape(anyRank, 'b c _'));
expectType<{ b: number }>(parseShape(anyRank, 'b ...'));
declare const pattern: string;
expectType<Record<string, number>>(parseShape(x, pattern));

// errors
parseShape(
  x,
  // @ts-expect-error wrong rank
  'b c h',
);
expectType<'einops: parseShape "b c h": the left side has 3 dimensions but the tensor has 4'>(explain.parseShape(x, 'b c h'));
expectType<'einops: parseShape "a b c d e ...": the left side needs at least 5 dimensions but the tensor has 4'>(
  explain.parseShape(x, 'a b c d e ...'),
);
expectType<'einops: parseShape "b 1 h w": dimension 1 has length 32, not 1'>(explain.parseShape(x, 'b 1 h w'));
expectType<'einops: parseShape "b 3 h w": dimension 1 has length 32, not 3'>(explain.parseShape(x, 'b 3 h w'));
expectType<'einops: parseShape "... 1": dimension 3 has length 200, not 1'>(explain.parseShape(x, '... 1'));
expectType<'einops: parseShape "(b c) h w": parseShape cannot take compositions "( )": name each dimension'>(
  explain.parseShape(x, '(b c) h w'),
);
expectType<'einops: parseShape "b (...)": parseShape cannot take compositions "( )": name each dimension'>(
  explain.parseShape(x, 'b (...)'),
);
expectType<'einops: parseShape "b b h w": axis b appears twice on the left side (column 3)'>(explain.parseShape(x, 'b b h w'));
expectType<'einops: parseShape "b c h w.": dots are only allowed as an ellipsis "..." (column 8)'>(
  explain.parseShape(x, 'b c h w.'),
);
expectType<'einops: parseShape "b c h __": axis name "__" must not start or end with "_" (column 7)'>(
  explain.parseShape(x, 'b c h __'),
);
