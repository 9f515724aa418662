/**
 * Calls for the cross-check of types against runtime (scripts/crosscheck-types.ts): the
 * patterns of the runtime's tests (test/einops/*.test.ts, test/pattern/*.test.ts), each on
 * shapes that fit and shapes that do not, with axes lengths right and wrong.
 */

export interface Case {
  readonly op: 'rearrange' | 'reduce' | 'repeat' | 'parseShape';
  readonly shape: readonly number[];
  readonly pattern: string;
  readonly axes?: Readonly<Record<string, number>>;
  readonly reduction?: string;
  readonly dtype?: 'float32' | 'int32';
}

type Axes = Readonly<Record<string, number>> | undefined;

const rearrangePatterns: readonly [string, readonly (readonly number[])[], readonly Axes[]][] = [
  ['a b c -> c b a', [[2, 3, 4], [2, 3], [2, 3, 4, 5]], [undefined, { b: 3 }, { b: 4 }, { d: 2 }]],
  ['a b c -> a (b c)', [[2, 3, 4], [5, 1, 7]], [undefined, { c: 4 }]],
  ['a b c -> (a b c)', [[2, 3, 4], [0, 3, 4]], [undefined]],
  ['(a b) c -> a b c', [[6, 4], [7, 4], [0, 5]], [undefined, { b: 2 }, { a: 3 }, { a: 2, b: 3 }, { a: 2, b: 2 }, { b: 0 }]],
  ['a (b c) -> a b c', [[2, 12], [2, 10]], [{ b: 3 }, { c: 4 }, { b: 5 }]],
  ['b (h h1) (w w1) c -> b h w (c h1 w1)', [[1, 4, 6, 3], [2, 5, 6, 1]], [{ h1: 2, w1: 2 }, { h1: 2, w1: 3 }, { h1: 2 }]],
  ['b h w (c h1 w1) -> b (h h1) (w w1) c', [[1, 2, 3, 12], [2, 2, 2, 8]], [{ h1: 2, w1: 2 }, { h1: 2, w1: 3 }]],
  ['a ... -> ... a', [[2], [2, 3], [2, 3, 4, 5]], [undefined]],
  ['... a -> a ...', [[], [3], [2, 3]], [undefined]],
  ['a b ... -> (a b) ...', [[2, 3], [2, 3, 4], [2]], [undefined]],
  ['a ... c -> c (a ...)', [[2, 3, 4, 5], [2, 5], [2]], [undefined]],
  ['... -> (...)', [[], [2, 3, 4]], [undefined]],
  ['(...) -> (...)', [[2]], [undefined]],
  ['a b c d ... -> a b c ... d', [[1, 1, 1, 1, 1], [1, 1, 1, 1]], [undefined]],
  ['a b c d (...) -> a b c ... d', [[1, 1, 1, 1, 1]], [undefined]],
  ['a 1 b -> a b', [[2, 1, 3], [2, 2, 3]], [undefined]],
  ['a () b -> b a', [[2, 1, 3], [2, 3, 3]], [undefined]],
  ['a b -> a 1 b ()', [[2, 3]], [undefined]],
  ['a b c d e f -> a (b) (c d e) f', [[2, 1, 2, 3, 1, 2]], [undefined]],
  ['a b c d e f -> (f d) c (e b) a', [[2, 3, 4, 5, 6, 7]], [undefined]],
  ['(f d) c (e b) a -> a b c d e f', [[35, 4, 18, 2]], [{ b: 3, d: 5 }, { b: 3 }, { b: 4, d: 5 }]],
  ['a aa aa1 a1a1 aaaa a11 -> a aa aa1 a1a1 aaaa a11', [[2, 1, 2, 1, 2, 1]], [undefined]],
  ['b c h w -> b h w c', [[10, 32, 10, 20], [10, 32, 10]], [undefined, { c: 32 }, { c: 31 }]],
  ['b c h w -> b (c h w)', [[10, 3, 10, 20]], [undefined]],
  ['b ... -> b (...)', [[10, 3, 10, 20], [10]], [undefined]],
  ['a b -> b a', [[2, 3, 4], [3]], [undefined]],
  ['a b c -> a b c', [[2, 3, 4]], [{ d: 2 }, { a: -1 }, { a: 1.5 }, { '1a': 2 }, { _a: 2 }, { 'a-b': 2 }, { a: 2, b: 3, c: 4 }]],
  ['α β -> β α', [[2, 3]], [undefined]],
  ['  a   b->b a  ', [[2, 3]], [undefined]],
  ['a\u2026 -> a', [[2]], [undefined]],
  ['a \u2026 -> \u2026 a', [[2, 3, 4]], [undefined]],
  ['01 (a 01) -> a', [[1, 3]], [undefined]],
  ['a 1 1 () c -> c a', [[2, 1, 3, 1, 4], [2, 1, 1, 1, 4]], [undefined]],
  ['a ... 1 b -> (a b) ...', [[2, 3, 1, 4], [2, 3, 4, 4]], [undefined]],
  // the one-character ellipsis sends a side to the full parser: the same results as the fast path
  ['a (b c) \u2026 1 -> \u2026 (a b) c', [[2, 6, 5, 1], [2, 6, 1]], [{ b: 2 }, { c: 3 }, undefined]],
  ['(a \u2026) -> a \u2026', [[2, 3]], [undefined]],
  ['a \u2026 -> (\u2026 a) () 1', [[2, 3, 4]], [undefined]],
];

const reducePatterns: readonly [string, readonly (readonly number[])[], readonly Axes[], readonly string[]][] = [
  ['a b c -> a', [[2, 3, 4], [2, 3]], [undefined, { e: 2 }], ['max', 'sum']],
  ['a (b 2) c -> a b c', [[2, 6, 4], [2, 5, 4]], [undefined], ['max']],
  ['b c (h 2) (w 2) -> b c h w', [[1, 3, 4, 6], [1, 3, 5, 6]], [undefined], ['mean']],
  ['b c h w -> b c 1 1', [[2, 3, 4, 5]], [undefined], ['mean']],
  ['a b c -> ', [[2, 3, 4]], [undefined], ['sum', 'any']],
  ['... c -> c', [[2, 3, 4], [4], []], [undefined], ['min']],
  ['a ... -> a', [[2, 3, 4], [2]], [undefined], ['mean']],
  ['a b -> a', [[2, 3]], [undefined], ['mean', 'avg', 'sum']],
  ['a b c -> a b c d', [[2, 3, 4]], [undefined], ['sum']],
  ['a b c -> a 2', [[2, 3, 4]], [undefined], ['sum']],
  ['a (c 3) -> a', [[2, 4], [2, 6]], [undefined], ['sum']],
  ['a b c d ... -> a', [[2, 3, 4]], [undefined], ['max']],
  ['(a b) c -> a', [[6, 4]], [{ b: 2 }, { b: 4 }, undefined], ['max']],
  ['a b c -> a b c', [[2, 3, 4]], [undefined], ['prod', 'all']],
];

const repeatPatterns: readonly [string, readonly (readonly number[])[], readonly Axes[]][] = [
  ['a b -> a b c', [[2, 3]], [{ c: 3 }, undefined, { c: 0 }, { d: 2 }]],
  ['h w -> (h 2) (w 2)', [[2, 3], [2]], [undefined]],
  ['a -> a 2 2', [[3]], [undefined]],
  ['w -> (copy w)', [[3]], [{ copy: 2 }]],
  ['w -> h w', [[3]], [{ h: 2 }, undefined]],
  ['a b c -> a b c d', [[2, 3, 4]], [undefined, { a: 5, d: 2 }, { a: 2, d: 2 }]],
  ['a b c -> (d a) b c e', [[2, 3, 4]], [{ d: 2 }, { d: 2, e: 3 }]],
  ['a b c -> a b', [[2, 3, 4]], [undefined]],
  ['a b (c 2) -> a b c', [[2, 3, 4]], [undefined]],
  ['a ... -> a', [[2, 3, 4]], [undefined]],
  ['... -> b (...)', [[2, 3], []], [{ b: 3 }]],
  ['a ... -> a 2 b ...', [[2, 3]], [{ b: 2 }]],
  ['a b c -> copy a b c ', [[1, 2, 3]], [{ copy: 1 }]],
  ['a b c d e -> (r a) b c (s d) e', [[1, 2, 1, 2, 1]], [{ r: 3, s: 4 }]],
  // results of up to 2^32 elements, and past it (refused before anything is allocated)
  ['h w -> h w c', [[2, 2], [2, 0]], [{ c: 2 ** 30 }, { c: 2 ** 31 }, { c: 2 ** 52 }]],
  ['h w -> (h c) w', [[2, 3]], [{ c: 2 ** 31 }]],
  ['... -> ... c d', [[2, 2], [3]], [{ c: 2 ** 16, d: 2 ** 16 }]],
];

const parseShapePatterns: readonly [string, readonly (readonly number[])[]][] = [
  ['batch c _ _', [[10, 32, 100, 200], [10, 32]]],
  ['a b c', [[2, 3, 4], [2, 3]]],
  ['a _ c', [[2, 3, 4]]],
  ['_ _ _', [[2, 3, 4]]],
  ['a ...', [[2, 3, 4], []]],
  ['... c', [[2, 3, 4], [4]]],
  ['a ... c', [[2, 3, 4], [2]]],
  ['a 1 c', [[2, 1, 4], [2, 3, 4]]],
  ['a () c', [[2, 1, 4], [2, 3, 4]]],
  ['a 3 c', [[2, 3, 4], [2, 4, 4]]],
  ['(a b) c', [[6, 4]]],
  ['(a) c', [[6, 4]]],
  ['a (...)', [[6, 4]]],
  ['a b c.', [[2, 3, 4]]],
  ['a a', [[2, 3]]],
  ['... a ... ', [[2, 3]]],
  ['a ... 1', [[2, 3, 1], [2, 3, 2]]],
];

const syntaxErrors: readonly string[] = [
  'a (b 2.5) -> a b',
  'a b -> a (b 2.5)',
  'a b -> a b 1.0',
  'a a b -> a b',
  'a b c -> a b b',
  'a (b c -> a b c',
  'a b) c -> a b c',
  'a ((b c)) -> a b c',
  'a b (c) -> a (b (c))',
  'a b. -> a b',
  'a .... -> a',
  '... a ... -> a',
  'a _b -> a _b',
  'a b_ -> a b_',
  'a 1b -> a 1b',
  'a ...b -> a b',
  'a+b -> a b',
  'a b -> a (b',
  'a (b 0) -> a b',
  'a b c',
  'a b c -> a b c -> a',
  'a b\tc -> a b c',
  'a b c -> a b c d',
  'a b c -> a b',
  'a b c d -> a b',
  'a ... -> a',
  'a b c -> a b c ...',
  'a (b ...) -> a b ...',
  'a b (c 2) -> a b c',
  'a b c -> a b c 3',
  'a b c -> a 00 b c',
  'a b c -> a (b 007) c',
  'a b c -> c b a a',
  'a b c ->',
  '-> a',
  'a b c -> (a b c) ()',
  'a b c -> (a b c) (',
  'a b c -> (a b c) )',
  'a b c -> (a b c)(',
  'a(b)c -> (a b c)',
  '(a)(b)(c) -> (a)(b)(c)',
  'a b c -> a.b c',
  'a b c -> a b c…',
];

/**
 * Random calls from the grammar (names, numbers, units, parentheses, ellipses, odd spacing) on
 * random small shapes: mostly wrong, which is the point.
 */
function fuzzCases(count: number, seed: number): Case[] {
  let state = seed;
  const random = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const tokens = ['a', 'b', 'c', 'd', 'e', '1', '2', '3', '...', '()'];
  const side = (): string => {
    const dims: string[] = [];
    const n = Math.floor(random() * 5);
    for (let i = 0; i < n; i++) {
      if (random() < 0.25) {
        const inner = Array.from({ length: Math.floor(random() * 3) }, () => pick(tokens.slice(0, 9)));
        dims.push(`(${inner.join(' ')})`);
      } else dims.push(pick(tokens));
    }
    return dims.join(pick([' ', ' ', '  ']));
  };
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const op = pick(['rearrange', 'rearrange', 'reduce', 'repeat', 'parseShape'] as const);
    const shape = Array.from({ length: Math.floor(random() * 5) }, () => pick([1, 2, 3, 4, 6]));
    const pattern = op === 'parseShape' ? side().replace(/e/g, '_') : `${side()} -> ${side()}`;
    const axes = random() < 0.4 ? { [pick(['a', 'b', 'c', 'd', 'e'])]: pick([1, 2, 3]) } : undefined;
    cases.push({
      op,
      shape,
      pattern,
      ...(axes && op !== 'parseShape' ? { axes } : {}),
      ...(op === 'reduce' ? { reduction: pick(['max', 'sum']) } : {}),
    });
  }
  return cases;
}

/**
 * Random calls built to be right, then sometimes spoilt: a left side of names (some composed,
 * some given in the axes lengths), a shape that fits, a right side that regroups the names.
 */
function fittingCases(count: number, seed: number): Case[] {
  let state = seed;
  const random = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const group = (names: readonly string[]): string[] => {
    const dims: string[] = [];
    for (let i = 0; i < names.length; ) {
      const size = random() < 0.3 ? Math.min(names.length - i, 2 + Math.floor(random() * 2)) : 1;
      const part = names.slice(i, i + size);
      dims.push(part.length === 1 ? part[0]! : `(${part.join(' ')})`);
      i += size;
    }
    return dims;
  };
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const op = pick(['rearrange', 'rearrange', 'reduce', 'repeat'] as const);
    const names = ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, 1 + Math.floor(random() * 5));
    const length = Object.fromEntries(names.map((n) => [n, pick([1, 2, 3, 4])]));
    const leftDims = group(names);
    const ellipsis = random() < 0.3;
    const shape = leftDims.map((dim) => dim.replace(/[()]/g, '').split(' ').reduce((p, n) => p * length[n]!, 1));
    const axes: Record<string, number> = {};
    for (const dim of leftDims) {
      const inner = dim.replace(/[()]/g, '').split(' ');
      // All but one axis of a composition must be given; sometimes give one more, or a wrong one.
      for (const n of inner.slice(1)) axes[n] = length[n]!;
      if (random() < 0.15) axes[inner[0]!] = length[inner[0]!]! + (random() < 0.5 ? 0 : 1);
    }
    let kept = shuffle(names);
    if (op === 'reduce') kept = kept.slice(0, Math.floor(random() * kept.length));
    if (op === 'repeat') {
      kept.push('r');
      if (random() < 0.8) axes.r = pick([2, 3]);
    }
    const rightDims = group(kept);
    if (op === 'repeat' && random() < 0.3) rightDims.push('2');
    if (ellipsis) {
      leftDims.splice(Math.floor(random() * (leftDims.length + 1)), 0, '...');
      rightDims.splice(Math.floor(random() * (rightDims.length + 1)), 0, random() < 0.3 ? '(...)' : '...');
      shape.splice(Math.floor(random() * (shape.length + 1)), 0, ...Array.from({ length: Math.floor(random() * 3) }, () => 2));
    }
    if (random() < 0.1) shape.push(2); // spoil the rank
    if (random() < 0.1 && shape.length > 0) shape[0] = shape[0]! + 1; // spoil a length
    cases.push({
      op,
      shape,
      pattern: `${leftDims.join(' ')} -> ${rightDims.join(' ')}`,
      ...(Object.keys(axes).length > 0 ? { axes } : {}),
      ...(op === 'reduce' ? { reduction: pick(['max', 'sum', 'mean']) } : {}),
    });
  }
  return cases;
}

export function crosscheckCases(): Case[] {
  const cases: Case[] = [];
  for (const [pattern, shapes, axesList] of rearrangePatterns) {
    for (const shape of shapes) for (const axes of axesList) cases.push({ op: 'rearrange', shape, pattern, ...(axes ? { axes } : {}) });
  }
  for (const [pattern, shapes, axesList, reductions] of reducePatterns) {
    for (const shape of shapes) {
      for (const axes of axesList) {
        for (const reduction of reductions) {
          cases.push({ op: 'reduce', shape, pattern, reduction, ...(axes ? { axes } : {}) });
          if (reduction === 'mean' || reduction === 'sum') cases.push({ op: 'reduce', shape, pattern, reduction, dtype: 'int32', ...(axes ? { axes } : {}) });
        }
      }
    }
  }
  for (const [pattern, shapes, axesList] of repeatPatterns) {
    for (const shape of shapes) for (const axes of axesList) cases.push({ op: 'repeat', shape, pattern, ...(axes ? { axes } : {}) });
  }
  for (const [pattern, shapes] of parseShapePatterns) {
    for (const shape of shapes) cases.push({ op: 'parseShape', shape, pattern });
  }
  for (const pattern of syntaxErrors) {
    cases.push({ op: 'rearrange', shape: [2, 3, 4], pattern });
    cases.push({ op: 'reduce', shape: [2, 3, 4], pattern, reduction: 'sum' });
    cases.push({ op: 'repeat', shape: [2, 3, 4], pattern, axes: { d: 2 } });
  }
  return [...cases, ...fuzzCases(300, 0x9e3779b9), ...fittingCases(400, 0x2545f491)];
}
