/**
 * einsum: shapes (multi-letter names, ellipsis, diagonals, sums, 1..n inputs, broadcasting),
 * the dtype rule of runtime/einsum.ts, and every error class of the runtime in its words.
 */
import { expectType } from 'tsd';
import { einsum, explain, type NDArray } from './einops';

declare const a: NDArray<[2, 3], 'float32'>;
declare const b: NDArray<[3, 4], 'float32'>;
declare const c: NDArray<[4, 5], 'float32'>;
declare const square: NDArray<[3, 3], 'float32'>;
declare const cube: NDArray<[3, 3, 3], 'float32'>;
declare const q: NDArray<[8, 10, 16], 'float32'>;
declare const k: NDArray<[8, 12, 16], 'float32'>;
declare const batch: NDArray<[5, 6, 2, 3], 'float32'>;
declare const row: NDArray<[1, 3], 'float32'>;
declare const ints: NDArray<[3, 4], 'int32'>;
declare const intSquare: NDArray<[3, 3], 'int32'>;
declare const doubles: NDArray<[3, 4], 'float64'>;
declare const anyRank: NDArray<number[], 'float32'>;
declare const anyLength: NDArray<[number, 3], 'float32'>;
declare const anyDType: NDArray<[3, 4]>;

// ── shapes ───────────────────────────────────────────────────────────────────────────────

// matrix products, multi-letter names, 1, 2 and 3 inputs
expectType<NDArray<[2, 4], 'float32'>>(einsum(a, b, 'i j, j k -> i k'));
expectType<NDArray<[2, 4], 'float32'>>(einsum(a, b, 'rows inner, inner cols -> rows cols'));
expectType<NDArray<[4, 2], 'float32'>>(einsum(a, b, 'i j, j k -> k i'));
expectType<NDArray<[2, 5], 'float32'>>(einsum(a, b, c, 'i j, j k, k l -> i l'));
expectType<NDArray<[3, 2], 'float32'>>(einsum(a, 'i j -> j i'));
// attention scores: a batch axis, a summed axis
expectType<NDArray<[8, 10, 12], 'float32'>>(einsum(q, k, 'b i d, b j d -> b i j'));
// sums: an axis no output has; everything summed gives a scalar
expectType<NDArray<[2], 'float32'>>(einsum(a, 'i j -> i'));
expectType<NDArray<[], 'float32'>>(einsum(a, 'i j ->'));
expectType<NDArray<[], 'float32'>>(einsum(a, a, 'i j, i j ->'));
// outer product
expectType<NDArray<[2, 3, 3, 4], 'float32'>>(einsum(a, b, 'i j, k l -> i j k l'));
// diagonals: an axis repeated within one input
expectType<NDArray<[3], 'float32'>>(einsum(square, 'i i -> i'));
expectType<NDArray<[], 'float32'>>(einsum(square, 'i i ->'));
expectType<NDArray<[3], 'float32'>>(einsum(cube, 'i i i -> i'));
expectType<NDArray<[3, 3], 'float32'>>(einsum(cube, 'i j i -> i j'));
// the ellipsis: the same dims in every input, aligned from the right, broadcast
expectType<NDArray<[5, 6, 2, 4], 'float32'>>(einsum(batch, b, '... i j, j k -> ... i k'));
expectType<NDArray<[2, 4], 'float32'>>(einsum(a, b, '... j, j k -> ... k'));
expectType<NDArray<[4, 5, 6, 2], 'float32'>>(einsum(batch, b, '... j, j k -> k ...'));
expectType<NDArray<[5, 6], 'float32'>>(einsum(batch, '... i j -> ...'));
expectType<NDArray<[2, 3], 'float32'>>(einsum(a, '... -> ...'));
// `(...)` is one axis named by the ellipsis character, `(i)` the axis i, `_` a name
expectType<NDArray<[3, 2], 'float32'>>(einsum(a, '(i) j -> j (i)'));
expectType<NDArray<[3, 2], 'float32'>>(einsum(a, '(...) j -> j (...)'));
expectType<NDArray<[3], 'float32'>>(einsum(a, '_ j -> j'));
// a length 1 broadcasts against the others
expectType<NDArray<[2, 3], 'float32'>>(einsum(row, a, 'i j, i j -> i j'));
expectType<NDArray<[2, 3], 'float32'>>(einsum(a, row, 'i j, i j -> i j'));
// unknown lengths stay number; an unknown rank without an ellipsis has the pattern's rank
expectType<NDArray<[number, 4], 'float32'>>(einsum(anyLength, b, 'i j, j k -> i k'));
expectType<NDArray<[number, 4], 'float32'>>(einsum(anyRank, b, 'i j, j k -> i k'));
expectType<NDArray<number[], 'float32'>>(einsum(anyRank, b, '... j, j k -> ... k'));
// a pattern that is only a string is not checked
declare const loose: string;
expectType<NDArray<number[], 'float32'>>(einsum(a, b, loose));

// ── dtype ────────────────────────────────────────────────────────────────────────────────

// a product: float32 only when every input is float32
expectType<NDArray<[2, 4], 'float64'>>(einsum(a, ints, 'i j, j k -> i k'));
expectType<NDArray<[2, 4], 'float64'>>(einsum(a, doubles, 'i j, j k -> i k'));
expectType<NDArray<[3, 3], 'float64'>>(einsum(ints, ints, 'i k, j k -> i j'));
expectType<NDArray<[2, 4], 'float32' | 'float64'>>(einsum(a, anyDType, 'i j, j k -> i k'));
// one input that sums nothing keeps its dtype (a transpose, a diagonal)
expectType<NDArray<[4, 3], 'int32'>>(einsum(ints, 'i j -> j i'));
expectType<NDArray<[3], 'int32'>>(einsum(intSquare, 'i i -> i'));
// one input that sums: float dtypes stay, others become float64
expectType<NDArray<[3], 'float64'>>(einsum(ints, 'i j -> i'));
expectType<NDArray<[], 'float64'>>(einsum(intSquare, 'i i ->'));
expectType<NDArray<[3], 'float64'>>(einsum(doubles, 'i j -> i'));
expectType<NDArray<[2], 'float32'>>(einsum(a, 'i j -> i'));

// ── errors, in the runtime's words ───────────────────────────────────────────────────────

// the pattern
expectType<'einops: einsum "i j k": pattern must contain "->" exactly once, found 0 (column 1)'>(explain.einsum(a, 'i j k'));
expectType<'einops: einsum "i -> j -> k": pattern must contain "->" exactly once, found 2 (column 8)'>(explain.einsum(a, 'i -> j -> k'));
expectType<'einops: einsum "i () -> i": einsum takes no unit axes "1" or "()": remove them with rearrange first (column 3)'>(
  explain.einsum(a, 'i () -> i'),
);
expectType<'einops: einsum "i 1 -> i": einsum takes no unit axes "1" or "()": remove them with rearrange first (column 3)'>(
  explain.einsum(a, 'i 1 -> i'),
);
expectType<'einops: einsum "a b -> (a b)": einsum takes one axis per dimension, not the composition (a b): rearrange before or after einsum (column 8)'>(
  explain.einsum(a, 'a b -> (a b)'),
);
expectType<'einops: einsum "i j, (j 2) k -> i k": einsum takes one axis per dimension, not the composition (j 2): rearrange before or after einsum (column 6)'>(
  explain.einsum(a, b, 'i j, (j 2) k -> i k'),
);
expectType<'einops: einsum "i 2 -> i": einsum cannot use the anonymous axis 2: name the axis (column 3)'>(explain.einsum(a, 'i 2 -> i'));
expectType<'einops: einsum "i ( 1 3) -> i": einsum cannot use the anonymous axis 3: name the axis (column 7)'>(
  explain.einsum(a, 'i ( 1 3) -> i'),
);
expectType<'einops: einsum "i 2j -> i": "2j" is not a valid axis name: use an identifier such as h or h1 (column 3)'>(
  explain.einsum(a, 'i 2j -> i'),
);
expectType<'einops: einsum "i j, j k -> i k k": axis k appears twice on the right side (column 17)'>(explain.einsum(a, b, 'i j, j k -> i k k'));
expectType<'einops: einsum "i _, j _ -> _ _": axis _ appears twice on the right side (column 15)'>(explain.einsum(a, b, 'i _, j _ -> _ _'));
expectType<'einops: einsum "i j -> k": axis k appears only on the right side (column 8)'>(explain.einsum(a, 'i j -> k'));
expectType<'einops: einsum "i j -> k i (m)": axes k, m appear only on the right side (column 8)'>(explain.einsum(a, 'i j -> k i (m)'));
expectType<'einops: einsum "... i, ... -> ... ...": only one ellipsis "..." is allowed on each side (column 19)'>(
  explain.einsum(a, a, '... i, ... -> ... ...'),
);
expectType<'einops: einsum "a b c d e f g h i j k l m n o p q r s t u v w x y z A B C D E F G H I J K L M N O P Q R S T U V W X Y Z extra ->": einsum takes at most 52 different axes, got 53'>(
  explain.einsum(a, 'a b c d e f g h i j k l m n o p q r s t u v w x y z A B C D E F G H I J K L M N O P Q R S T U V W X Y Z extra ->'),
);
// the arguments
expectType<'einops: einsum "i j -> j": einsum takes one or more tensors and then the pattern, e.g. einsum(a, b, "i j, j k -> i k")'>(
  explain.einsum('i j -> j'),
);
expectType<'einops: einsum "i j -> j": the pattern has 1 inputs but 2 tensors were given'>(explain.einsum(a, b, 'i j -> j'));
expectType<'einops: einsum "i j, j k -> i k": the pattern has 2 inputs but 1 tensors were given'>(explain.einsum(a, 'i j, j k -> i k'));
// ranks
expectType<'einops: einsum "i j k -> i": input 0 has 2 dimensions but the pattern names 3'>(explain.einsum(a, 'i j k -> i'));
expectType<'einops: einsum "i j, j -> i": input 1 has 2 dimensions but the pattern names 1'>(explain.einsum(a, b, 'i j, j -> i'));
expectType<'einops: einsum "i j k ... -> i": input 0 has 2 dimensions but the pattern needs at least 3'>(explain.einsum(a, 'i j k ... -> i'));
expectType<'einops: einsum "... i j -> i j": the ellipsis "..." stands for 2 dimensions on the left but the right side has no "..." for them'>(
  explain.einsum(batch, '... i j -> i j'),
);
// lengths
expectType<'einops: einsum "i j, i j -> i j": axis i has length 3 in input 1 but 2 in input 0'>(explain.einsum(a, b, 'i j, i j -> i j'));
expectType<'einops: einsum "i j, k j -> i k": axis j has length 4 in input 1 but 3 in input 0'>(explain.einsum(a, b, 'i j, k j -> i k'));
expectType<'einops: einsum "i i -> i": axis i repeats in input 0 with lengths 2 and 3: a diagonal needs equal lengths'>(explain.einsum(a, 'i i -> i'));
expectType<'einops: einsum "... j, ... j -> ...": axis ...0 has length 3 in input 1 but 2 in input 0'>(explain.einsum(a, b, '... j, ... j -> ...'));
// on the call, the message is the pattern argument's error
// @ts-expect-error the pattern does not fit the tensors
einsum(a, b, 'i j, i j -> i j');
// @ts-expect-error an axis only on the right
einsum(a, 'i j -> k');

// ── what hovering shows ──────────────────────────────────────────────────────────────────

export const scores = einsum(q, k, 'b i d, b j d -> b i j'); // => NDArray<[8, 10, 12], "float32">
export const trace = einsum(intSquare, 'i i ->'); // => NDArray<[], "float64">
export const mixed = einsum(a, ints, 'i j, j k -> i k'); // => NDArray<[2, 4], "float64">
export const batched = einsum(batch, b, '... i j, j k -> ... i k'); // => NDArray<[5, 6, 2, 4], "float32">
export const open = einsum(anyRank, b, '... j, j k -> ... k'); // => NDArray<number[], "float32">
