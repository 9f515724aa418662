/**
 * pack and unpack: the packed shape from the `*` rule, the packed shapes as tuples, unpack's
 * tensors from literal packed shapes (a -1 inferred from the total), and every error class of
 * the runtime in its words.
 */
import { expectType } from 'tsd';
import { explain, type NDArray, pack, unpack } from './einops';

declare const classToken: NDArray<[8, 16], 'float32'>;
declare const patches: NDArray<[8, 14, 14, 16], 'float32'>;
declare const image: NDArray<[8, 3, 32, 32], 'float32'>;
declare const mask: NDArray<[8, 32, 32], 'float32'>;
declare const ints: NDArray<[8, 32, 32], 'int32'>;
declare const anyBatch: NDArray<[number, 16], 'float32'>;
declare const anyRank: NDArray<number[], 'float32'>;
declare const list: NDArray<[8, 5, 16], 'float32'>[];

// ── pack ─────────────────────────────────────────────────────────────────────────────────

// the dims at `*` merge (their product) and the tensors are concatenated along them (the sum)
expectType<[NDArray<[8, 197, 16], 'float32'>, [[], [14, 14]]]>(pack([classToken, patches], 'b * c'));
expectType<[NDArray<[8, 4, 32, 32], 'float32'>, [[3], []]]>(pack([image, mask], 'b * h w'));
expectType<[NDArray<[24, 32, 32], 'float32'>, [[8, 3]]]>(pack([image], '* h w'));
expectType<[NDArray<[8, 3072], 'float32'>, [[3, 32, 32]]]>(pack([image], 'b *'));
expectType<[NDArray<[24576], 'float32'>, [[8, 3, 32, 32]]]>(pack([image], '*'));
// multi-letter names
expectType<[NDArray<[8, 197, 16], 'float32'>, [[], [14, 14]]]>(pack([classToken, patches], 'batch * channel'));
// unknown lengths stay number
expectType<[NDArray<[number, 2, 16], 'float32'>, [[], []]]>(pack([anyBatch, anyBatch], 'b * c'));
expectType<[NDArray<[8, number, 16], 'float32'>, number[][]]>(pack(list, 'b * c'));
expectType<[NDArray<[number, number, number], 'float32'>, [number[], number[]]]>(pack([anyRank, anyRank], 'b * c'));
// a pattern that is only a string is not checked
declare const loose: string;
expectType<[NDArray<number[], 'float32'>, number[][]]>(pack([classToken], loose));

// ── unpack ───────────────────────────────────────────────────────────────────────────────

declare const packed: NDArray<[8, 197, 16], 'float32'>;
expectType<[NDArray<[8, 16], 'float32'>, NDArray<[8, 14, 14, 16], 'float32'>]>(unpack(packed, [[], [14, 14]], 'b * c'));
// a -1 is inferred from the total
expectType<[NDArray<[8, 1, 16], 'float32'>, NDArray<[8, 196, 16], 'float32'>]>(unpack(packed, [[1], [-1]], 'b * c'));
expectType<[NDArray<[8, 16], 'float32'>, NDArray<[8, 14, 14, 16], 'float32'>]>(unpack(packed, [[], [-1, 14]], 'b * c'));
// pack's packed shapes undo pack
const [together, shapes] = pack([classToken, patches], 'b * c');
expectType<[NDArray<[8, 16], 'float32'>, NDArray<[8, 14, 14, 16], 'float32'>]>(unpack(together, shapes, 'b * c'));
// packed shapes that are not literal: one tensor per entry, of unknown shape
declare const someShapes: number[][];
expectType<NDArray<[8, ...number[], 16], 'float32'>[]>(unpack(packed, someShapes, 'b * c'));

// ── errors, in the runtime's words ───────────────────────────────────────────────────────

// the pattern
expectType<'einops: pack "b c": pattern must contain "*" exactly once, found 0 (column 1)'>(explain.pack([classToken], 'b c'));
expectType<'einops: pack "b * * c": pattern must contain "*" exactly once, found 2 (column 5)'>(explain.pack([classToken], 'b * * c'));
expectType<'einops: pack "b * b": axis b appears twice (column 5)'>(explain.pack([classToken], 'b * b'));
expectType<'einops: pack "b 2c *": "2c" is not a valid axis name: use an identifier such as h or h1 (column 3)'>(
  explain.pack([classToken], 'b 2c *'),
);
expectType<'einops: pack "b (c) *": "(c)" is not a valid axis name: use an identifier such as h or h1 (column 3)'>(
  explain.pack([classToken], 'b (c) *'),
);
expectType<'einops: pack "b _c *": axis name "_c" must not start or end with "_" (column 3)'>(explain.pack([classToken], 'b _c *'));
expectType<'einops: unpack "b c": pattern must contain "*" exactly once, found 0 (column 1)'>(explain.unpack(packed, [[197]], 'b c'));
// the tensors
expectType<'einops: pack "b *": cannot pack an empty list of tensors'>(explain.pack([], 'b *'));
expectType<'einops: pack "b * c d": tensor 0 has shape [8, 16] but the pattern needs at least 3 dimensions'>(
  explain.pack([classToken, patches], 'b * c d'),
);
expectType<'einops: pack "b * c": tensor 1 has shape [8, 3, 32, 32] but tensor 0 has shape [8, 16]: the dimensions outside "*" must match'>(
  explain.pack([classToken, image], 'b * c'),
);
expectType<'einops: pack "b *": tensor 1 has dtype int32 but tensor 0 has dtype float32: pack needs one dtype'>(explain.pack([mask, ints], 'b *'));
// unpack
expectType<'einops: unpack "b * c d": the pattern has 4 dimensions but the tensor has 3'>(explain.unpack(packed, [[197]], 'b * c d'));
expectType<'einops: unpack "b * c": packed shape 1 has the entry -2: use non-negative integers and at most one -1'>(
  explain.unpack(packed, [[1], [-2]], 'b * c'),
);
expectType<'einops: unpack "b * c": packed shape 0 has the entry 1.5: use non-negative integers and at most one -1'>(
  explain.unpack(packed, [[1.5]], 'b * c'),
);
expectType<'einops: unpack "b * c": packed shapes may hold one -1 in all, found 2'>(explain.unpack(packed, [[-1], [-1]], 'b * c'));
expectType<'einops: unpack "b * c": dimension 1 has length 197 but the packed shapes hold 196'>(explain.unpack(packed, [[14, 14]], 'b * c'));
expectType<'einops: unpack "b * c": dimension 1 has length 197 but the packed shapes other than the one with -1 hold 200'>(
  explain.unpack(packed, [[200], [-1]], 'b * c'),
);
expectType<'einops: unpack "b * c": dimension 1 has length 197, which leaves 196 for packed shape 1: not a multiple of 3, so -1 cannot be inferred'>(
  explain.unpack(packed, [[1], [-1, 3]], 'b * c'),
);
expectType<'einops: unpack "b * c": dimension 1 has length 197, which leaves 197 for packed shape 0: not a multiple of 0, so -1 cannot be inferred'>(
  explain.unpack(packed, [[-1, 0]], 'b * c'),
);
// on the call, the message is the pattern argument's error
// @ts-expect-error the dimensions outside "*" differ
pack([classToken, image], 'b * c');
// @ts-expect-error the packed shapes do not add up
unpack(packed, [[1], [1]], 'b * c');

// ── what hovering shows ──────────────────────────────────────────────────────────────────

export const packedPair = pack([classToken, patches], 'b * c'); // => [NDArray<[8, 197, 16], "float32">, [[], [14, 14]]]
export const pieces = unpack(packed, [[1], [-1]], 'b * c'); // => [NDArray<[8, 1, 16], "float32">, NDArray<[8, 196, 16], "float32">]
export const restored = unpack(together, shapes, 'b * c'); // => [NDArray<[8, 16], "float32">, NDArray<[8, 14, 14, 16], "float32">]
