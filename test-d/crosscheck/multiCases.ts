/**
 * einsum, pack and unpack calls for the cross-check of types against runtime
 * (scripts/crosscheck-types.ts): the patterns of test/einops/einsum.test.ts and
 * test/einops/packing.test.ts, on shapes that fit and shapes that do not, and with dtypes that
 * show the dtype rule.
 */

export type DTypeName = 'float32' | 'float64' | 'int32';

export type MultiCase =
  | { readonly op: 'einsum'; readonly shapes: readonly (readonly number[])[]; readonly dtypes?: readonly DTypeName[]; readonly pattern: string }
  | { readonly op: 'pack'; readonly shapes: readonly (readonly number[])[]; readonly dtypes?: readonly DTypeName[]; readonly pattern: string }
  | { readonly op: 'unpack'; readonly shape: readonly number[]; readonly packedShapes: readonly (readonly number[])[]; readonly pattern: string };

const einsumPatterns: readonly [string, readonly (readonly (readonly number[])[])[]][] = [
  ['b c h w, b w -> b h', [[[2, 3, 4, 5], [2, 5]], [[2, 3, 4, 5], [3, 5]], [[2, 3, 4, 5], [2, 4]], [[2, 3, 4], [2, 5]], [[2, 3, 4, 5]], [[1, 3, 4, 5], [2, 5]]]],
  ['b c h w, b w, b c -> b h', [[[2, 3, 4, 5], [2, 5], [2, 3]], [[2, 3, 4, 5], [2, 5], [2, 4]], [[2, 3, 4, 5], [2, 5]]]],
  ['... one two three, three four five -> ... two five', [[[32, 5, 2, 3, 4], [4, 5, 6]], [[2, 3, 4], [4, 5, 6]], [[3, 4], [4, 5, 6]], [[2, 2, 3, 5], [4, 5, 6]]]],
  ['one two three ..., three four five -> two five ...', [[[2, 3, 4, 32, 5], [4, 5, 6]], [[2, 3, 4], [4, 5, 6]]]],
  ['... one two three, ... three four five -> ... two five', [[[32, 5, 2, 3, 4], [32, 5, 4, 5, 6]], [[32, 5, 2, 3, 4], [5, 4, 5, 6]], [[32, 5, 2, 3, 4], [1, 5, 4, 5, 6]], [[32, 5, 2, 3, 4], [7, 5, 4, 5, 6]]]],
  ['first_tensor second_tensor -> first_tensor', [[[5, 4]], [[5]]]],
  ['i i -> ', [[[5, 5]], [[5, 4]], [[1, 5]]]],
  [' one  two  ,  three four->two  four  ', [[[2, 3], [4, 5]], [[2, 3], [4]]]],
  ['i middle i -> middle', [[[5, 10, 5]], [[5, 10, 4]]]],
  ['i ... i -> ...', [[[5, 3, 2, 1, 4, 5]], [[5, 5]], [[5]]]],
  ['i ... i -> i ...', [[[5, 3, 2, 1, 4, 5]], [[5, 3, 4]]]],
  ['one one one -> one', [[[5, 5, 5]], [[5, 5, 4]]]],
  ['i j k -> j i k', [[[1, 2, 3]]]],
  ['... -> ...', [[[5, 4, 3, 2, 1]], [[]]]],
  ['..., ..., ... -> ...', [[[3, 2], [3, 2], [3, 2]], [[3, 2], [2], [1, 1]], [[3, 2], [3, 3], [3, 2]], [[3, 2], [4, 3, 2], [2]]]],
  ['index ->', [[[10]], [[10, 2]]]],
  ['i j, j k -> i k', [[[2, 3], [3, 4]], [[2, 3], [4, 4]], [[2, 3], [1, 4]], [[2, 1], [3, 4]], [[2, 3]], [[2, 3], [3, 4], [4, 5]], [[2, 3, 1], [3, 4]]]],
  ['i j, j k, k l -> i l', [[[2, 3], [3, 4], [4, 5]], [[2, 3], [3, 4], [5, 5]]]],
  ['b i d, b j d -> b i j', [[[8, 10, 16], [8, 12, 16]], [[8, 10, 16], [8, 12, 15]], [[8, 10, 16], [1, 12, 16]]]],
  ['i j, k l -> i j k l', [[[2, 3], [3, 4]]]],
  ['i j -> i', [[[2, 3]], [[2]]]],
  ['i j ->', [[[2, 3]]]],
  ['i j, i j ->', [[[2, 3], [2, 3]], [[2, 3], [3, 2]]]],
  ['i j -> j i', [[[2, 3]]]],
  ['i j i -> i j', [[[3, 2, 3]], [[3, 2, 2]]]],
  ['... i j, j k -> ... i k', [[[5, 6, 2, 3], [3, 4]], [[2, 3], [3, 4]], [[3], [3, 4]]]],
  ['... j, j k -> k ...', [[[5, 6, 2, 3], [3, 4]]]],
  ['... i j -> i j', [[[5, 2, 3]], [[2, 3]]]],
  ['... i j -> ...', [[[5, 6, 2, 3]]]],
  ['(i) j -> j (i)', [[[5, 1]]]],
  ['(...) j -> j (...)', [[[5, 1]]]],
  ['_ j -> j', [[[5, 2]]]],
  ['i _, j _ -> _ i j', [[[2, 3], [4, 3]], [[2, 3], [4, 5]]]],
  ['i j, i j -> i j', [[[1, 3], [2, 3]], [[2, 3], [1, 3]], [[2, 3], [2, 1]], [[2, 3], [3, 3]]]],
  ['i i, i -> i', [[[3, 3], [3]], [[3, 3], [1]], [[1, 1], [3]], [[3, 2], [3]]]],
];

const einsumErrors: readonly [string, readonly (readonly number[])[]][] = [
  ['i () -> i', [[5, 1]]],
  ['i 1 -> i', [[5, 1]]],
  ['i (1) -> i', [[5, 1]]],
  ['i ( 1 1 ) -> i', [[5, 1]]],
  ['a b -> (a b)', [[5, 1]]],
  ['(a b) -> a b', [[10, 1]]],
  ['i j, (j 2) k -> i k', [[2, 3], [3, 4]]],
  ['i 2 -> i', [[5, 1]]],
  ['i ( 1 3) -> i', [[5, 1]]],
  ['i (01 02) -> i', [[5, 1]]],
  ['i 2j -> i', [[5, 1]]],
  ['i j k', [[5, 3, 2]]],
  ['i -> j -> k', [[5]]],
  ['i j -> k', [[5, 1]]],
  ['i j -> k i (m)', [[5, 1]]],
  ['i j -> i (k)', [[5, 1]]],
  ['i j, j k -> i k k', [[2, 3], [3, 4]]],
  ['i _, j _ -> _ _', [[2, 3], [4, 3]]],
  ['i _, j _ -> x _ _', [[2, 3], [4, 3]]],
  ['i j -> _ _', [[2, 3]]],
  ['... i, ... -> ... ...', [[2, 3], [2, 3]]],
  ['i j -> ... (a b)', [[2, 3]]],
  ['i . j -> i', [[2, 3]]],
  ['i j) -> i', [[2, 3]]],
  ['i (j -> i', [[2, 3]]],
  ['i ((j)) -> i', [[2, 3]]],
  ['i j_ -> i', [[2, 3]]],
  ['i j -> i, j', [[2, 3]]],
  ['i j, -> i', [[2, 3], []]],
  ['i, j -> i 0', [[2], [3]]],
  ['a b c d e f g h i j k l m n o p q r s t u v w x y z A B C D E F G H I J K L M N O P Q R S T U V W X Y Z extra ->', [[1]]],
  ['a b c d e f g h i j k l m n o p q r s t u v w x y z, A B C D E F G H I J K L M N O P Q R S T U V W X Y Z -> a A', [[1]]],
];

const packPatterns: readonly [string, readonly (readonly (readonly number[])[])[]][] = [
  ['b * c', [[[8, 16], [8, 14, 14, 16]], [[8, 16], [8, 14, 14, 15]], [[8, 16], [7, 14, 14, 16]], [[8, 16], [8]], [[8, 16]], [[2, 3], [2, 5, 3], [2, 0, 3]]]],
  ['b *', [[[8, 3, 32, 32], [8, 32, 32]], [[8], [8, 5]], [[8], [9]], [[2, 3], []]]],
  ['* c', [[[2, 3], [2, 3, 4]], [[2, 3], [5, 4, 3]], [[3], [2, 3]]]],
  ['*', [[[2, 3], [4]], [[]]]],
  ['b * h w', [[[8, 3, 32, 32], [8, 32, 32]], [[8, 3, 32, 32], [8, 32, 31]], [[8, 32]]]],
  ['batch * channel', [[[8, 16], [8, 14, 14, 16]]]],
  ['a b * c d', [[[1, 2, 3, 4], [1, 2, 5, 3, 4]], [[1, 2, 4], [1, 2, 3, 4]]]],
  ['h w', [[[2, 3]]]],
  ['* *', [[[2, 3]]]],
  ['b * * c', [[[2, 3]]]],
  ['b * b', [[[2, 3]]]],
  ['b 2c *', [[[2, 3]]]],
  ['b (c) *', [[[2, 3]]]],
  ['b _c *', [[[2, 3]]]],
  ['b c_ *', [[[2, 3]]]],
  ['b ... *', [[[2, 3]]]],
  ['', [[[2, 3]]]],
  // The runtime splits at any whitespace (JavaScript's \s), not only at spaces.
  ['b\t*\nc', [[[8, 16], [8, 14, 14, 16]], [[8, 16], [7, 14, 16]]]],
  ['b\u00a0*\u3000\u2028c', [[[8, 16], [8, 14, 14, 16]]]],
  ['\r\nb *\tb', [[[2, 3]]]],
  ['b\t2c *', [[[2, 3]]]],
  ['b\f*\v*', [[[2, 3]]]],
];

const unpackPatterns: readonly [string, readonly number[], readonly (readonly (readonly number[])[])[]][] = [
  ['b * c', [8, 197, 16], [[[], [14, 14]], [[1], [-1]], [[], [-1, 14]], [[14, 14]], [[200], [-1]], [[1], [-1, 3]], [[-1, 0]], [[1], [-2]], [[1.5]], [[-1], [-1]], [[197]], [[0], [197], []], [[-1], [0]]]],
  ['b *', [2, 15], [[[5], [-1]], [[2], [3]], [[2, 2], [-1, 3]], [[2], [-1, 2]], [[15]], [[3, 5]], [[-1]], [[0, -1]]]],
  ['* c', [6, 4], [[[2], [2, 2]], [[6]], [[-1, 3]]]],
  ['*', [6], [[[6]], [[2, 3]], [[-1]]]],
  ['b * c d', [8, 197, 16], [[[197]]]],
  ['b c', [8, 197], [[[197]]]],
  ['b * b', [8, 197], [[[197]]]],
  ['b\t*\u00a0c', [8, 197, 16], [[[1], [-1]], [[200], [-1]]]],
];

export function crosscheckMultiCases(): MultiCase[] {
  const cases: MultiCase[] = [];
  for (const [pattern, shapeSets] of einsumPatterns) {
    for (const shapes of shapeSets) cases.push({ op: 'einsum', shapes, pattern });
    // The dtype rule: ints everywhere, and a float32 input with float64 ones.
    const first = shapeSets[0]!;
    cases.push({ op: 'einsum', shapes: first, pattern, dtypes: first.map(() => 'int32') });
    if (first.length > 1) cases.push({ op: 'einsum', shapes: first, pattern, dtypes: first.map((_, i) => (i === 0 ? 'float32' : 'float64')) });
    else cases.push({ op: 'einsum', shapes: first, pattern, dtypes: ['float64'] });
  }
  for (const [pattern, shapes] of einsumErrors) cases.push({ op: 'einsum', shapes, pattern });
  // einsum with one tensor too many or too few
  cases.push({ op: 'einsum', shapes: [[2, 3], [3, 4]], pattern: 'i j -> j' });
  cases.push({ op: 'einsum', shapes: [[2, 3]], pattern: 'i j, j k -> i k' });
  cases.push({ op: 'einsum', shapes: [], pattern: 'i j -> j' });
  // a result past 2^32 elements, refused before anything is allocated
  cases.push({ op: 'einsum', shapes: [[65536], [65536], [2]], pattern: 'i, j, k -> i j k' });
  cases.push({ op: 'einsum', shapes: [[65536], [65537]], pattern: 'i, j -> i j' });
  for (const [pattern, shapeSets] of packPatterns) {
    for (const shapes of shapeSets) cases.push({ op: 'pack', shapes, pattern });
  }
  cases.push({ op: 'pack', shapes: [], pattern: 'b *' });
  cases.push({ op: 'pack', shapes: [[8, 32, 32], [8, 32, 32]], dtypes: ['float32', 'int32'], pattern: 'b *' });
  cases.push({ op: 'pack', shapes: [[8, 32, 32], [8, 32, 32]], dtypes: ['int32', 'int32'], pattern: 'b *' });
  for (const [pattern, shape, packedShapesList] of unpackPatterns) {
    for (const packedShapes of packedShapesList) cases.push({ op: 'unpack', shape, packedShapes, pattern });
  }
  return cases;
}
