/**
 * Every failure is an EinopsError whose message says which op, which pattern, which input and
 * why; syntax errors point at the 1-based column of the pattern. Cases follow einops.py's
 * raise sites (`_prepare_transformation_recipe`, `_reconstruct_from_shape`, `parsing.py`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EinopsError, parseShape, rearrange, reduce, repeat, tensor } from '../../src/index';

interface Expected {
  /** The op as the message names it, e.g. 'rearrange' or 'reduce'. */
  readonly op: string;
  readonly pattern: string;
  /** How the input appears in the message, e.g. '[2, 3, 4]'. */
  readonly input?: string;
  readonly reason: RegExp;
  readonly column?: number;
}

function expectEinopsError(fn: () => unknown, expected: Expected): EinopsError {
  let error: unknown;
  try {
    fn();
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) return expect.fail(`expected ${expected.op} "${expected.pattern}" to throw`);
  expect(error).toBeInstanceOf(EinopsError);
  const e = error as EinopsError;
  expect(e.name).toBe('EinopsError');
  expect(e.message).toContain(expected.op);
  expect(e.message).toContain(`"${expected.pattern}"`);
  if (expected.input !== undefined) expect(e.message).toContain(expected.input);
  expect(e.reason).toMatch(expected.reason);
  expect(e.message).toMatch(expected.reason);
  if (expected.column !== undefined) {
    expect(e.column).toBe(expected.column);
    // the message shows the pattern with a caret under the column
    expect(e.message).toContain(`\n  ${expected.pattern}\n  ${' '.repeat(expected.column - 1)}^`);
  }
  return e;
}

const x = tensor(Float32Array.from({ length: 24 }, (_, i) => i), [2, 3, 4]);
const SHAPE = '[2, 3, 4]';

describe('syntax errors point at the column', () => {
  it.each([
    ['a a b -> a b', /a appears twice on the left/, 3],
    ['a b c -> a b b', /b appears twice on the right/, 14],
    ['a (b c -> a b c', /never closed|unbalanced|imbalanced/i, 3],
    ['a b) c -> a b c', /no matching|unbalanced/i, 4],
    ['a ((b c)) -> a b c', /nested/, 4],
    ['a b (c) -> a (b (c))', /nested/, 17],
    ['a b. -> a b', /dots/, 4],
    ['a .... -> a', /dots/, 6],
    ['... a ... -> a', /one ellipsis/, 7],
    ['a _b -> a _b', /_b/, 3],
    ['a b_ -> a b_', /b_/, 3],
    ['a 1b -> a 1b', /1b/, 3],
    ['a ...b -> a b', /\.\.\.b/, 3],
    ['a+b -> a b', /unknown character "\+"/, 2],
    ['a b -> a (b', /never closed|unbalanced/i, 10],
    ['a (b 0) -> a b', /positive/, 6],
  ] as const)('rearrange %j', (pattern, reason, column) => {
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => rearrange(x, pattern), { op: 'rearrange', pattern, input: SHAPE, reason, column });
  });

  it('also in reduce, repeat and parseShape', () => {
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => reduce(x, 'a b b -> a', 'sum'), {
      op: 'reduce',
      pattern: 'a b b -> a',
      input: SHAPE,
      reason: /b appears twice/,
      column: 5,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => repeat(x, 'a b c -> a b c (d', { d: 2 }), {
      op: 'repeat',
      pattern: 'a b c -> a b c (d',
      input: SHAPE,
      reason: /never closed|unbalanced/i,
      column: 16,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => parseShape(x, 'a b c.'), {
      op: 'parseShape',
      pattern: 'a b c.',
      input: SHAPE,
      reason: /dots/,
      column: 6,
    });
  });

  it('needs exactly one arrow', () => {
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => rearrange(x, 'a b c'), { op: 'rearrange', pattern: 'a b c', input: SHAPE, reason: /->.*0/ });
    const pattern = 'a b c -> a b c -> a';
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => rearrange(x, pattern), {
      op: 'rearrange',
      pattern,
      input: SHAPE,
      reason: /->.*2/,
      column: pattern.lastIndexOf('->') + 1,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => reduce(x, 'a b c', 'max'), { op: 'reduce', pattern: 'a b c', input: SHAPE, reason: /->/ });
  });
});

describe('pattern errors', () => {
  it.each([
    ['a b c -> a b c d', /d appears only on the right/],
    ['a b c -> a b', /c appears only on the left/],
    ['a b c d -> a b', /c, d appear only on the left/],
    ['a ... -> a', /\.\.\. appears only on the left/],
    ['a b c -> a b c ...', /ellipsis.*right.*not on the left/],
    ['a (b ...) -> a b ...', /parentheses on the left/],
    ['a b (c 2) -> a b c', /anonymous axis 2/],
    ['a b c -> a b c 3', /anonymous axis 3/],
  ])('rearrange %j', (pattern, reason) => {
    expectEinopsError(() => rearrange(x, pattern), { op: 'rearrange', pattern, input: SHAPE, reason });
  });

  it('reduce cannot add axes, repeat cannot remove them', () => {
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => reduce(x, 'a b c -> a b c d', 'sum'), {
      op: 'reduce',
      pattern: 'a b c -> a b c d',
      input: SHAPE,
      reason: /d appears only on the right.*reduce cannot add/,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => reduce(x, 'a b c -> a 2', 'sum'), {
      op: 'reduce',
      pattern: 'a b c -> a 2',
      input: SHAPE,
      reason: /reduce cannot add/,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => repeat(x, 'a b c -> a b', {}), {
      op: 'repeat',
      pattern: 'a b c -> a b',
      input: SHAPE,
      reason: /c appears only on the left.*repeat cannot remove/,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => repeat(x, 'a b (c 2) -> a b c', {}), {
      op: 'repeat',
      pattern: 'a b (c 2) -> a b c',
      input: SHAPE,
      reason: /repeat cannot remove/,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => repeat(x, 'a ... -> a', {}), {
      op: 'repeat',
      pattern: 'a ... -> a',
      input: SHAPE,
      reason: /repeat cannot remove/,
    });
  });

  it('repeat needs the lengths of new axes', () => {
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => repeat(x, 'a b c -> a b c d'), {
      op: 'repeat',
      pattern: 'a b c -> a b c d',
      input: SHAPE,
      reason: /new axis d needs a length/,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => repeat(x, 'a b c -> (d a) b c e', { d: 2 }), {
      op: 'repeat',
      pattern: 'a b c -> (d a) b c e',
      input: SHAPE,
      reason: /e needs a length/,
    });
  });
});

describe('shape errors', () => {
  it('wrong rank', () => {
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => rearrange(x, 'a b -> b a'), {
      op: 'rearrange',
      pattern: 'a b -> b a',
      input: SHAPE,
      reason: /2 dimensions .*has 3/,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => rearrange(x, 'a b c d -> d c b a'), {
      op: 'rearrange',
      pattern: 'a b c d -> d c b a',
      input: SHAPE,
      reason: /4 dimensions .*has 3/,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => reduce(x, 'a b c d ... -> a', 'max'), {
      op: 'reduce',
      pattern: 'a b c d ... -> a',
      input: SHAPE,
      reason: /at least 4 dimensions .*has 3/,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => repeat(tensor(Float32Array.of(1), []), 'a -> a b', { b: 2 }), {
      op: 'repeat',
      pattern: 'a -> a b',
      input: '[]',
      reason: /1 dimensions .*has 0/,
    });
  });

  it('split that does not divide, or whose product differs', () => {
    const y = tensor(new Float32Array(24), [6, 4]);
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => rearrange(y, '(a b) c -> a b c', { b: 4 }), {
      op: 'rearrange',
      pattern: '(a b) c -> a b c',
      input: '[6, 4]',
      reason: /length 6.*not divisible by 4/,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => rearrange(y, '(a b) c -> a b c', { a: 2, b: 2 }), {
      op: 'rearrange',
      pattern: '(a b) c -> a b c',
      input: '[6, 4]',
      reason: /length 6.*gives 4/,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => rearrange(y, 'a c -> a c', { a: 5 }), {
      op: 'rearrange',
      pattern: 'a c -> a c',
      input: '[6, 4]',
      reason: /length 6.*gives 5/,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => reduce(y, 'a (c 3) -> a', 'sum'), {
      op: 'reduce',
      pattern: 'a (c 3) -> a',
      input: '[6, 4]',
      reason: /not divisible by 3/,
    });
    // a unit axis on the left must meet a dimension of length 1 (einops: "Shape mismatch, 3 != 1")
    for (const pattern of ['a 1 c -> a c', 'a () c -> a c']) {
      expectEinopsError(() => rearrange(x, pattern), { op: 'rearrange', pattern, input: SHAPE, reason: /length 3.*gives 1/ });
    }
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => repeat(x, 'a b c -> a b c d', { a: 5, d: 2 }), {
      op: 'repeat',
      pattern: 'a b c -> a b c d',
      input: SHAPE,
      reason: /length 2.*gives 5/,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => rearrange(y, '(a b) c -> a b c'), {
      op: 'rearrange',
      pattern: '(a b) c -> a b c',
      input: '[6, 4]',
      reason: /cannot infer/,
    });
  });

  it('a size past the typed-array limit throws at once, without allocating', () => {
    const small = tensor(new Float32Array(4), [2, 2]);
    const start = performance.now();
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => repeat(small, 'a b -> a b c d e', { c: 65536, d: 65536, e: 2 }), {
      op: 'repeat',
      pattern: 'a b -> a b c d e',
      input: '[2, 2]',
      reason: /limit|too (many|large)/,
    });
    expectEinopsError(() => repeat(small, 'a b -> (a b c d)', { c: 2 ** 26, d: 2 ** 26 }), {
      op: 'repeat',
      pattern: 'a b -> (a b c d)',
      input: '[2, 2]',
      reason: /limit|too (many|large)/,
    });
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('zero-length dimensions work', () => {
    const empty = tensor(new Float32Array(0), [0, 3]);
    const transposed = rearrange(empty, 'a b -> b a');
    expect(transposed.shape).toEqual([3, 0]);
    expect(transposed.data.length).toBe(0);
    expect(reduce(empty, 'a b -> b', 'sum').toArray()).toEqual([0, 0, 0]);
    expect(reduce(empty, 'a b -> b', 'prod').toArray()).toEqual([1, 1, 1]);
    expect(reduce(empty, 'a b -> a', 'max').shape).toEqual([0]);
    const repeated = repeat(tensor(new Float32Array(4), [2, 2]), 'a b -> a b c', { c: 0 });
    expect(repeated.shape).toEqual([2, 2, 0]);
    expect(repeated.data.length).toBe(0);
    expect(rearrange(tensor(new Float32Array(0), [0, 6]), 'a (b c) -> a b c', { b: 2 }).shape).toEqual([0, 2, 3]);
  });
});

describe('axes lengths errors', () => {
  it('a length for an axis the pattern does not use', () => {
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => rearrange(x, 'a b c -> a b c', { d: 2 }), {
      op: 'rearrange',
      pattern: 'a b c -> a b c',
      input: SHAPE,
      reason: /d .*not in the pattern/,
    });
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => reduce(x, 'a b c -> a', 'sum', { e: 2 }), {
      op: 'reduce',
      pattern: 'a b c -> a',
      input: SHAPE,
      reason: /e .*not in the pattern/,
    });
  });

  it.each([
    ['-1', -1],
    ['1.5', 1.5],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['2 ** 60', 2 ** 60],
    ['a string', '2'],
    ['null', null],
    ['undefined', undefined],
    ['a boxed number', Object(2)],
  ])('length %s', (_, value) => {
    const axes = { c: value } as unknown as Record<string, number>;
    expectEinopsError(() => rearrange(x, 'a b c -> a b c', axes), {
      op: 'rearrange',
      pattern: 'a b c -> a b c',
      input: SHAPE,
      reason: /c must be a non-negative integer/,
    });
    expectEinopsError(() => repeat(x, 'a b c -> a b c d', { d: value } as unknown as Record<string, number>), {
      op: 'repeat',
      pattern: 'a b c -> a b c d',
      input: SHAPE,
      reason: /d must be a non-negative integer/,
    });
  });

  it.each(['_b', 'b_', '1b', '', 'a b', '...', '_'])('invalid axis name %j in the axes object', (name) => {
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => rearrange(x, 'a b c -> a b c', { [name]: 2 }), {
      op: 'rearrange',
      pattern: 'a b c -> a b c',
      input: SHAPE,
      reason: /not a valid axis name/,
    });
  });

  it('axes that are not an object', () => {
    for (const axes of [null, 'b', [2]]) {
      expectEinopsError(() => rearrange(x, 'a b c -> a b c', axes as unknown as Record<string, number>), {
        op: 'rearrange',
        pattern: 'a b c -> a b c',
        input: SHAPE,
        reason: /./,
      });
    }
  });
});

describe('reduction errors', () => {
  it.each(['median', 'rearrange', '', undefined, null, 3])('unknown reduction %j', (reduction) => {
    expectEinopsError(() => reduce(x, 'a b c -> a', reduction as never), {
      op: 'reduce',
      pattern: 'a b c -> a',
      input: SHAPE,
      reason: /unknown reduction/,
    });
  });

  it.each([
    ['int32', tensor(Int32Array.from([1, 2, 3, 4]), [2, 2])],
    ['uint8', tensor(Uint8Array.from([1, 2, 3, 4]), [2, 2])],
    ['bool', tensor([true, false, true, true], [2, 2])],
  ])('mean of %s', (dtype, t) => {
    // @ts-expect-error the type-level checker rejects this call too
    expectEinopsError(() => reduce(t, 'a b -> a', 'mean'), {
      op: 'reduce',
      pattern: 'a b -> a',
      input: '[2, 2]',
      reason: new RegExp(`mean needs a floating-point tensor, got ${dtype}`),
    });
  });

  it('mean of float32 and float64', () => {
    expect(reduce(tensor(Float32Array.from([1, 2, 3, 5]), [2, 2]), 'a b -> a', 'mean').toArray()).toEqual([1.5, 4]);
    const y = reduce(tensor(Float64Array.from([1, 2, 3, 5]), [2, 2]), 'a b -> b', 'mean');
    expect(y.dtype).toBe('float64');
    expect(y.toArray()).toEqual([2, 3.5]);
  });

  it('min and max over zero elements', () => {
    expectEinopsError(() => reduce(tensor(new Float32Array(0), [0, 3]), 'a b -> b', 'min'), {
      op: 'reduce',
      pattern: 'a b -> b',
      input: '[0, 3]',
      reason: /zero elements|empty/,
    });
  });

  it('a reduction function that returns the wrong thing', () => {
    expectEinopsError(() => reduce(x, 'a b c -> a', () => 5), {
      op: 'reduce',
      pattern: 'a b c -> a',
      input: SHAPE,
      reason: /not a tensor/,
    });
    expectEinopsError(() => reduce(x, 'a b c -> a', (t: unknown) => t), {
      op: 'reduce',
      pattern: 'a b c -> a',
      input: SHAPE,
      reason: /returned shape .*expected \[2\]/,
    });
  });
});

describe('input errors', () => {
  it('an empty list', () => {
    expectEinopsError(() => rearrange([], 'a -> a'), { op: 'rearrange', pattern: 'a -> a', reason: /empty list/ });
    expectEinopsError(() => reduce([], 'a -> ', 'sum'), { op: 'reduce', pattern: 'a -> ', reason: /empty list/ });
    expectEinopsError(() => repeat([], 'a -> a b', { b: 2 }), { op: 'repeat', pattern: 'a -> a b', reason: /empty list/ });
  });

  it.each([
    ['a number', 3],
    ['a nested JS array of numbers', [[1, 2], [3, 4]]],
    ['a flat JS array of numbers', [1, 2]],
    ['null', null],
    ['undefined', undefined],
    ['a plain object', { shape: [2, 2] }],
    ['a typed array', new Float32Array(4)],
    ['a string', 'ab'],
  ])('%s is not a tensor', (_, input) => {
    const calls: [string, string, () => unknown][] = [
      ['rearrange', 'a b -> b a', () => rearrange(input as never, 'a b -> b a')],
      ['reduce', 'a b -> b', () => reduce(input as never, 'a b -> b', 'sum')],
      ['repeat', 'a b -> b a c', () => repeat(input as never, 'a b -> b a c', { c: 2 })],
      ['parseShape', 'a b', () => parseShape(input as never, 'a b')],
    ];
    for (const [op, pattern, call] of calls) {
      expectEinopsError(call, { op, pattern, reason: /unsupported tensor type/ });
    }
  });

  it('a list of tensors of different shapes or dtypes', () => {
    expectEinopsError(() => rearrange([x, tensor(new Float32Array(6), [2, 3])], 'n a b c -> n a b c'), {
      op: 'rearrange',
      pattern: 'n a b c -> n a b c',
      input: SHAPE,
      reason: /shape/,
    });
    expectEinopsError(() => rearrange([x, tensor(new Float64Array(24), [2, 3, 4])], 'n a b c -> n a b c'), {
      op: 'rearrange',
      pattern: 'n a b c -> n a b c',
      input: SHAPE,
      reason: /dtype/,
    });
  });

  it('a pattern that is not a string', () => {
    for (const pattern of [5, null, undefined, ['a -> a']]) {
      let error: unknown;
      try {
        rearrange(x, pattern as never);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(EinopsError);
      expect((error as EinopsError).reason).toMatch(/pattern must be a string/);
    }
  });
});

describe('never a bare TypeError or RangeError', () => {
  const token = fc.constantFrom('a', 'b', 'c', 'd', '1', '2', '3', '0', '_', 'b1', '...', '.', '(', ')', ' ', ' ', '->', '-', '…');
  const patternArb = fc.array(token, { maxLength: 14 }).map((parts) => parts.join(''));
  const shapeArb = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 5 });
  const lengthArb = fc.constantFrom<unknown>(0, 1, 2, 3, 4, 6, -1, 1.5, NaN, '2', null, undefined);
  const axesArb = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', '_', 'b1', '1'), lengthArb, { maxKeys: 3 });
  const reductionArb = fc.constantFrom<unknown>('min', 'max', 'sum', 'mean', 'prod', 'any', 'all', 'median');

  it('random patterns, shapes, lengths and reductions', () => {
    fc.assert(
      fc.property(patternArb, shapeArb, axesArb, reductionArb, fc.boolean(), (pattern, shape, axes, reduction, useList) => {
        const size = shape.reduce((p, d) => p * d, 1);
        const t = tensor(Int32Array.from({ length: size }, (_, i) => i), shape);
        const input = useList ? [t, t] : t;
        const lengths = axes as Record<string, number>;
        for (const call of [
          () => rearrange(input, pattern, lengths),
          () => reduce(input, pattern, reduction as never, lengths),
          () => repeat(input, pattern, lengths),
          () => parseShape(t, pattern),
        ]) {
          try {
            const result = call();
            if (result instanceof Object && 'data' in result) void (result as { data: unknown }).data;
          } catch (error) {
            if (!(error instanceof EinopsError)) {
              throw new Error(`${String(error)} for pattern ${JSON.stringify(pattern)}, shape [${shape}]`);
            }
          }
        }
      }),
      { numRuns: 1500, seed: 42 },
    );
  });
});
