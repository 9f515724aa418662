/**
 * rearrange: every grammar feature and every error class, on literal shapes, on shapes with
 * unknown lengths and on shapes of unknown rank.
 */
import { expectAssignable, expectType } from 'tsd';
import { explain, type NDArray, rearrange } from './einops';

declare const x: NDArray<[2, 3, 4], 'float32'>;
declare const image: NDArray<[10, 32, 100, 200], 'float32'>;

// ── grammar ──────────────────────────────────────────────────────────────────────────────

// permutations, merges and splits
expectType<NDArray<[4, 3, 2], 'float32'>>(rearrange(x, 'a b c -> c b a'));
expectType<NDArray<[2, 12], 'float32'>>(rearrange(x, 'a b c -> a (b c)'));
expectType<NDArray<[24], 'float32'>>(rearrange(x, 'a b c -> (a b c)'));
expectType<NDArray<[8, 3], 'float32'>>(rearrange(x, 'a b c -> (c a) b'));
expectType<NDArray<[2, 3, 2, 2], 'float32'>>(rearrange(x, 'a b (c d) -> a b c d', { c: 2 }));
expectType<NDArray<[2, 3, 4, 1], 'float32'>>(rearrange(x, 'a b (c d) -> a b c d', { d: 1 }));
expectType<NDArray<[2, 3, 2, 2], 'float32'>>(rearrange(x, 'a b (c d) -> a b c d', { c: 2, d: 2 }));
// a parenthesised single axis is that axis
expectType<NDArray<[2, 3, 4], 'float32'>>(rearrange(x, '(a) b (c) -> a (b) c'));

// unit axes: 1 and ()
expectType<NDArray<[2, 1, 3, 1, 4], 'float32'>>(rearrange(x, 'a b c -> a 1 b () c'));
declare const withUnits: NDArray<[2, 1, 1, 4], 'float32'>;
expectType<NDArray<[4, 2], 'float32'>>(rearrange(withUnits, 'a 1 () c -> c a'));
expectType<NDArray<[2, 4], 'float32'>>(rearrange(withUnits, 'a (1 1) () c -> a (c 1)'));
// "01" is the number 1, as int("01") is
expectType<NDArray<[4, 2], 'float32'>>(rearrange(withUnits, 'a 01 (01) c -> c a'));

// the ellipsis: any number of dimensions, anywhere, also composed on the right
expectType<NDArray<[3, 4, 2], 'float32'>>(rearrange(x, 'a ... -> ... a'));
expectType<NDArray<[4, 2, 3], 'float32'>>(rearrange(x, '... c -> c ...'));
expectType<NDArray<[2, 4, 3], 'float32'>>(rearrange(x, 'a ... c -> a c ...'));
expectType<NDArray<[4, 6], 'float32'>>(rearrange(x, '... c -> c (...)'));
expectType<NDArray<[24], 'float32'>>(rearrange(x, '... -> (...)'));
expectType<NDArray<[2, 3, 4], 'float32'>>(rearrange(x, 'a b c ... -> a b c ...'));
expectType<NDArray<[2, 1, 3, 4], 'float32'>>(rearrange(x, 'a b c ... -> a (...) b c'));
expectType<NDArray<[2, 3, 4], 'float32'>>(rearrange(x, '\u2026 -> \u2026'));
declare const scalar: NDArray<[], 'float32'>;
expectType<NDArray<[1], 'float32'>>(rearrange(scalar, '... -> (...)'));
expectType<NDArray<[], 'float32'>>(rearrange(scalar, ' -> '));

// spaces anywhere, names of any length, Unicode names
expectType<NDArray<[4, 3, 2], 'float32'>>(rearrange(x, '   a  b c->c b   a '));
expectType<NDArray<[4, 3, 2], 'float32'>>(rearrange(x, 'batch channel_1 h2 -> h2 channel_1 batch'));
expectType<NDArray<[4, 3, 2], 'float32'>>(rearrange(x, 'α β γ -> γ β α'));
expectType<NDArray<[3, 4, 2], 'float32'>>(rearrange(x, 'a(b)c -> (b)c(a)'));

// ── unknown lengths and ranks ────────────────────────────────────────────────────────────

declare const someLengths: NDArray<[number, 32, number], 'float32'>;
expectType<NDArray<[number, number, 32], 'float32'>>(rearrange(someLengths, 'a b c -> a c b'));
expectType<NDArray<[number, number], 'float32'>>(rearrange(someLengths, 'a b c -> a (b c)'));
expectType<NDArray<[number, 16, 2, number], 'float32'>>(rearrange(someLengths, 'a (b b2) c -> a b b2 c', { b2: 2 }));

declare const anyRank: NDArray<number[], 'float32'>;
expectType<NDArray<[number, number], 'float32'>>(rearrange(anyRank, 'b c h w -> b (c h w)'));
expectType<NDArray<[number, 2, number, number], 'float32'>>(rearrange(anyRank, 'b (c c2) h -> b c2 c h', { c2: 2 }));
expectType<NDArray<[number, ...number[]], 'float32'>>(rearrange(anyRank, 'b ... -> b ...'));
expectType<NDArray<[number, number], 'float32'>>(rearrange(anyRank, 'b ... -> b (...)'));
expectType<NDArray<[number, ...number[], number], 'float32'>>(rearrange(anyRank, 'a ... b -> b ... a'));

declare const pattern: string;
expectType<NDArray<number[], 'float32'>>(rearrange(x, pattern));
declare const partly: `a b ${string} -> c b a`;
expectType<NDArray<number[], 'float32'>>(rearrange(x, partly));

// ── lists stack on a new first axis ─────────────────────────────────────────────────────

declare const list: NDArray<[2, 3, 4], 'float32'>[];
expectType<NDArray<[number, 2, 3, 4], 'float32'>>(rearrange(list, 'n a b c -> n a b c'));
expectType<NDArray<[2, 3, 4, 2], 'float32'>>(rearrange([x, x], 'n a b c -> a b c n'));
declare const pair: readonly [NDArray<[2, 3, 4], 'float32'>, NDArray<[2, 3, 4], 'float32'>];
expectType<NDArray<[2, 12, 2], 'float32'>>(rearrange(pair, 'n a b c -> a (b c) n'));

// ── errors: the pattern argument fails with the runtime's message ───────────────────────

rearrange(
  x,
  // @ts-expect-error axis d appears only on the right side
  'a b c -> a b c d',
);
expectType<'einops: rearrange "a b c -> a b c d": axis d appears only on the right side'>(
  explain.rearrange(x, 'a b c -> a b c d'),
);
expectType<'einops: rearrange "b c h w -> b c h w d": axis d appears only on the right side'>(
  explain.rearrange(image, 'b c h w -> b c h w d'),
);
// a dropped axis
rearrange(
  x,
  // @ts-expect-error axis c appears only on the left side
  'a b c -> a b',
);
expectType<'einops: rearrange "a b c -> a b": axis c appears only on the left side'>(explain.rearrange(x, 'a b c -> a b'));
expectType<'einops: rearrange "a b c -> a": axes b, c appear only on the left side'>(explain.rearrange(x, 'a b c -> a'));
expectType<'einops: rearrange "a -> a b c": axes b, c appear only on the right side'>(
  explain.rearrange(scalar, 'a -> a b c'),
);
expectType<'einops: rearrange "a ... -> a": axis ... appears only on the left side'>(explain.rearrange(x, 'a ... -> a'));
expectType<'einops: rearrange "a b ... -> a": axes b, ... appear only on the left side'>(explain.rearrange(x, 'a b ... -> a'));
expectType<'einops: rearrange "a b c -> a b c ...": ellipsis "..." appears on the right side but not on the left'>(
  explain.rearrange(x, 'a b c -> a b c ...'),
);
expectType<'einops: rearrange "a (b ...) -> a b ...": ellipsis "..." cannot be inside parentheses on the left side'>(
  explain.rearrange(x, 'a (b ...) -> a b ...'),
);
expectType<'einops: rearrange "a b (c 2) -> a b c": rearrange cannot use the anonymous axis 2: only 1 is allowed, name the axis or use reduce or repeat'>(
  explain.rearrange(x, 'a b (c 2) -> a b c'),
);
expectType<'einops: rearrange "a b c -> a b c 3": rearrange cannot use the anonymous axis 3: only 1 is allowed, name the axis or use reduce or repeat'>(
  explain.rearrange(x, 'a b c -> a b c 3'),
);

// a duplicate axis, on either side
rearrange(
  x,
  // @ts-expect-error axis b appears twice on the right side
  'a b c -> a b b',
);
expectType<'einops: rearrange "a b c -> a b b": axis b appears twice on the right side (column 14)'>(
  explain.rearrange(x, 'a b c -> a b b'),
);
expectType<'einops: rearrange "a a b -> a b": axis a appears twice on the left side (column 3)'>(
  explain.rearrange(x, 'a a b -> a b'),
);

// a rank that differs from the tensor's by any amount
for (const wrong of [
  explain.rearrange(x, 'a b -> b a'),
  explain.rearrange(x, 'a b c d -> d c b a'),
  explain.rearrange(x, 'a b c d e f g h -> h g f e d c b a'),
  explain.rearrange(x, 'a -> a'),
] as const) {
  expectAssignable<`einops: rearrange "${string}": the left side has ${number} dimensions but the tensor has 3`>(wrong);
}
expectType<'einops: rearrange "a b c d e f g h -> h g f e d c b a": the left side has 8 dimensions but the tensor has 3'>(
  explain.rearrange(x, 'a b c d e f g h -> h g f e d c b a'),
);
expectType<'einops: rearrange "a b c d ... -> a b c d ...": the left side needs at least 4 dimensions but the tensor has 3'>(
  explain.rearrange(x, 'a b c d ... -> a b c d ...'),
);
rearrange(
  x,
  // @ts-expect-error the left side has 2 dimensions
  'a b -> b a',
);

// axes lengths against the shape
rearrange(
  image,
  // @ts-expect-error { c: 31 } for a dimension of 32
  'b c h w -> b h w c',
  { c: 31 },
);
expectType<'einops: rearrange "b c h w -> b h w c": dimension 1 has length 32 but (c) gives 31'>(
  explain.rearrange(image, 'b c h w -> b h w c', { c: 31 }),
);
expectType<NDArray<[10, 100, 200, 32], 'float32'>>(rearrange(image, 'b c h w -> b h w c', { c: 32 }));
expectType<'einops: rearrange "b (c c2) h w -> b c c2 h w": dimension 1 of length 32 cannot be split as (c c2): 32 is not divisible by 3'>(
  explain.rearrange(image, 'b (c c2) h w -> b c c2 h w', { c2: 3 }),
);
expectType<'einops: rearrange "b (c c2) h w -> b c c2 h w": dimension 1 has length 32 but (c c2) gives 30'>(
  explain.rearrange(image, 'b (c c2) h w -> b c c2 h w', { c: 10, c2: 3 }),
);
expectType<'einops: rearrange "b (c c2) h w -> b c c2 h w": cannot infer the lengths of c, c2 in (c c2): give all but one of them'>(
  explain.rearrange(image, 'b (c c2) h w -> b c c2 h w'),
);
expectType<'einops: rearrange "b (c c2) h w -> b c c2 h w": dimension 1 of length 32 cannot be split as (c c2): 32 is not divisible by 0'>(
  explain.rearrange(image, 'b (c c2) h w -> b c c2 h w', { c2: 0 }),
);
expectType<'einops: rearrange "a b 1 -> a b": dimension 2 has length 4 but () gives 1'>(explain.rearrange(x, 'a b 1 -> a b'));
expectType<'einops: rearrange "a b c -> a b c": axis length d is given but d is not in the pattern'>(
  explain.rearrange(x, 'a b c -> a b c', { d: 2 }),
);
expectType<'einops: rearrange "a b c -> a b c": axis length a must be a non-negative integer, got -1'>(
  explain.rearrange(x, 'a b c -> a b c', { a: -1 }),
);
expectType<'einops: rearrange "a b c -> a b c": axis length a must be a non-negative integer, got 1.5'>(
  explain.rearrange(x, 'a b c -> a b c', { a: 1.5 }),
);
expectType<'einops: rearrange "a b c -> a b c": "1a" in the axes lengths is not a valid axis name'>(
  explain.rearrange(x, 'a b c -> a b c', { '1a': 2 }),
);
expectType<'einops: rearrange "a b c -> a b c": "_a" in the axes lengths is not a valid axis name'>(
  explain.rearrange(x, 'a b c -> a b c', { _a: 2 }),
);
// what the shape cannot tell, the axes lengths still must get right
expectType<'einops: rearrange "a (b c) -> a b c": cannot infer the lengths of b, c in (b c): give all but one of them'>(
  explain.rearrange(anyRank, 'a (b c) -> a b c'),
);
