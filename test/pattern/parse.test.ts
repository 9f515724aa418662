import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { parseExpression, parsePattern } from '../../src/pattern/parse';

const compositions = (text: string): unknown[] => compositionsOf(parseExpression(text));
const compositionsOf = (expression: ReturnType<typeof parseExpression>): unknown[] =>
  expression.dims.map((dim) =>
    dim.kind === 'ellipsis'
      ? '...'
      : dim.axes.map((axis) => (axis.kind === 'named' ? axis.name : axis.kind === 'anonymous' ? axis.length : '...')),
  );

function columnOf(text: string, options = {}): number | undefined {
  try {
    parseExpression(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(EinopsError);
    return (error as EinopsError).column;
  }
  throw new Error(`expected "${text}" to fail`);
}

describe('parseExpression', () => {
  it('reads names, numbers, units and compositions', () => {
    expect(compositions('a1  b1   c1    d1')).toEqual([['a1'], ['b1'], ['c1'], ['d1']]);
    expect(compositions('() () 1 ()')).toEqual([[], [], [], []]);
    expect(compositions('5 1 (1 4) 1')).toEqual([[5], [], [4], []]);
    expect(compositions('name1 ... a1 12 (name2 14)')).toEqual([['name1'], '...', ['a1'], [12], ['name2', 14]]);
    expect(compositions('(name1 ... a1 12) name2 14')).toEqual([['name1', '...', 'a1', 12], ['name2'], [14]]);
    expect(compositions('')).toEqual([]);
    expect(compositions('01 (a 01)')).toEqual([[], ['a']]); // "01" is the number 1, as int("01") is
  });

  it('records where the ellipsis is', () => {
    expect(parseExpression('a ...').hasEllipsis).toBe(true);
    expect(parseExpression('a ...').ellipsisParenthesized).toBe(false);
    expect(parseExpression('(a ...)').ellipsisParenthesized).toBe(true);
    expect(parseExpression('a \u2026').hasEllipsis).toBe(true); // the single-character ellipsis too
    expect(parseExpression('a b').hasEllipsis).toBe(false);
  });

  it('tells () from 1 and (a) from a', () => {
    const [unit, empty, single] = parseExpression('1 () (a)').dims;
    expect(unit).toMatchObject({ kind: 'composition', parenthesized: false, axes: [] });
    expect(empty).toMatchObject({ kind: 'composition', parenthesized: true, axes: [] });
    expect(single).toMatchObject({ kind: 'composition', parenthesized: true });
  });

  it('rejects what einops rejects, pointing at the column', () => {
    expect(columnOf('... a ...')).toBe(7);
    expect(columnOf('... a (b ...)')).toBe(10);
    expect(columnOf('a.b')).toBe(2);
    expect(columnOf('....')).toBe(4);
    expect(columnOf('(a)) b')).toBe(4);
    expect(columnOf('a (b c')).toBe(3);
    expect(columnOf('(a (b))')).toBe(4);
    expect(columnOf('a a')).toBe(3);
    expect(columnOf('1a')).toBe(1);
    expect(columnOf('b _pre')).toBe(3);
    expect(columnOf('...pre')).toBe(1);
    expect(columnOf('pre...')).toBe(1);
    expect(columnOf('a 0')).toBe(3);
    expect(columnOf('a\tb')).toBe(2); // only the space separates tokens, as in einops
    expect(columnOf('a e\u0301')).toBe(4); // a combining accent is not a letter (einops: isalnum)
  });

  it('offsets columns by where the side starts', () => {
    expect(columnOf('a a', { column: 10 })).toBe(12);
  });

  it('allows repeated _ only for parseShape', () => {
    expect(parseExpression('_ a _', { allowUnderscore: true }).dims).toHaveLength(3);
    expect(() => parseExpression('_ a _')).toThrow(EinopsError);
  });

  it('allows any repeated name for einsum inputs', () => {
    expect(compositionsOf(parseExpression('i a i', { allowDuplicates: true }))).toEqual([['i'], ['a'], ['i']]);
    expect(columnOf('... a ...', { allowDuplicates: true })).toBe(7); // still one ellipsis
  });
});

describe('parsePattern', () => {
  it('splits at the arrow', () => {
    const { left, right } = parsePattern('a b->b a');
    expect(left.dims).toHaveLength(2);
    expect(right.dims).toHaveLength(2);
  });

  it('gives the right side its columns in the whole pattern', () => {
    try {
      parsePattern('a b -> b b');
      expect.unreachable();
    } catch (error) {
      expect((error as EinopsError).column).toBe(10);
      expect((error as EinopsError).reason).toBe('axis b appears twice on the right side');
    }
  });

  it('needs exactly one arrow', () => {
    expect(() => parsePattern('a b')).toThrow(/exactly once, found 0/);
    expect(() => parsePattern('a -> b -> c')).toThrow(/exactly once, found 2/);
  });
});
