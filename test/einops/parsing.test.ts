/**
 * Port of einops/tests/test_parsing.py: axis names, one side of a pattern (`parseExpression`)
 * and whole patterns (`parsePattern`).
 */
import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/index';
import type { Axis, Dim, Expression } from '../../src/pattern/ast';
import { axisNameProblem, isAxisName } from '../../src/pattern/axisName';
import { compileRecipe } from '../../src/pattern/compile';
import { parseExpression, parsePattern } from '../../src/pattern/parse';

/** A dimension written compactly: a name, a number, `'...'` (inside a composition) per axis, or `'...'` for the bare ellipsis. */
type Compact = (string | number)[] | '...';

const compactAxis = (axis: Axis): string | number =>
  axis.kind === 'named' ? axis.name : axis.kind === 'anonymous' ? axis.length : '...';

const compact = (expression: Expression): Compact[] =>
  expression.dims.map((dim: Dim) => (dim.kind === 'ellipsis' ? '...' : dim.axes.map(compactAxis)));

/** The error a call throws, checked to be an EinopsError. */
function thrown(fn: () => unknown): EinopsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EinopsError);
    return error as EinopsError;
  }
  return expect.fail('expected an EinopsError');
}

describe('axis names', () => {
  // test_elementary_axis_name
  it.each([
    'a',
    'b',
    'h',
    'dx',
    'h1',
    'zz',
    'i9123',
    'somelongname',
    'Alex',
    'camelCase',
    'u_n_d_e_r_score',
    'unreasonablyLongAxisName',
    'ß',
    'höhe',
    'α',
    'for', // a Python keyword: einops warns but accepts it
  ])('%j is a valid axis name', (name) => {
    expect(isAxisName(name)).toBe(true);
    expect(axisNameProblem(name)).toBeUndefined();
  });

  it.each(['', '2b', '12', '_startWithUnderscore', 'endWithUnderscore_', '_', '...', '\u2026', 'a-b', 'a b', 'a.b'])(
    '%j is not a valid axis name',
    (name) => {
      expect(isAxisName(name)).toBe(false);
      expect(axisNameProblem(name)).toEqual(expect.any(String));
    },
  );

  it('allows a lone underscore only where asked (parseShape)', () => {
    expect(axisNameProblem('_', true)).toBeUndefined();
    expect(axisNameProblem('_a', true)).toMatch(/_a/);
    expect(axisNameProblem('_')).toMatch(/_/);
  });
});

describe('invalid expressions', () => {
  // test_invalid_expressions: double ellipsis
  it('rejects a second ellipsis', () => {
    expect(parseExpression('... a b c d').hasEllipsis).toBe(true);
    expect(thrown(() => parseExpression('... a b c d ...')).column).toBe(13);
    expect(thrown(() => parseExpression('... a b c (d ...)')).column).toBe(14);
    expect(thrown(() => parseExpression('(... a) b c (d ...)')).column).toBe(16);
  });

  // test_invalid_expressions: double, missing and enclosed parentheses
  it('rejects unbalanced and nested parentheses', () => {
    expect(compact(parseExpression('(a) b c (d ...)'))).toEqual([['a'], ['b'], ['c'], ['d', '...']]);
    expect(thrown(() => parseExpression('(a)) b c (d ...)')).column).toBe(4);
    expect(thrown(() => parseExpression('(a b c (d ...)')).column).toBe(8);
    expect(thrown(() => parseExpression('(a) (()) b c (d ...)')).column).toBe(6);
    expect(thrown(() => parseExpression('(a) ((b c) (d ...))')).column).toBe(6);
    expect(thrown(() => parseExpression('a (b c')).column).toBe(3);
  });

  // test_invalid_expressions: identifiers
  it('accepts Unicode and camelCase names, rejects bad identifiers', () => {
    expect(compact(parseExpression('camelCase under_scored cApiTaLs ß ...'))).toEqual([
      ['camelCase'],
      ['under_scored'],
      ['cApiTaLs'],
      ['ß'],
      '...',
    ]);
    for (const [text, column] of [
      ['1a', 1],
      ['_pre', 1],
      ['...pre', 1],
      ['pre...', 1],
      ['a b_', 3],
      ['a ..', 3],
      ['a b.c', 4],
      ['a+b', 2],
      ['a\tb', 2],
    ] as const) {
      const error = thrown(() => parseExpression(text));
      expect(error.column, text).toBe(column);
      expect(error.reason).toEqual(expect.any(String));
    }
  });

  it('rejects an anonymous axis of length 0', () => {
    expect(thrown(() => parseExpression('a 0')).column).toBe(3);
    expect(thrown(() => parseExpression('(a 00)')).column).toBe(4);
  });

  it('offsets columns by the column option', () => {
    expect(thrown(() => parseExpression(' a a', { column: 10 })).column).toBe(13);
    expect(parseExpression(' b', { column: 7 }).dims[0]!.column).toBe(8);
  });

  it('rejects duplicate names but, with allowUnderscore, repeats `_`', () => {
    const error = thrown(() => parseExpression('a b a', { side: 'right' }));
    expect(error.column).toBe(5);
    expect(error.reason).toMatch(/a.*right/);
    expect(compact(parseExpression('_ _ a', { allowUnderscore: true }))).toEqual([['_'], ['_'], ['a']]);
    expect(() => parseExpression('_ a')).toThrow(EinopsError);
  });
});

describe('parse results', () => {
  // test_parse_expression
  it('a1  b1   c1    d1', () => {
    const parsed = parseExpression('a1  b1   c1    d1');
    expect(compact(parsed)).toEqual([['a1'], ['b1'], ['c1'], ['d1']]);
    expect(parsed.dims.map((dim) => dim.column)).toEqual([1, 5, 10, 16]);
    expect(parsed.hasEllipsis).toBe(false);
    expect(parsed.text).toBe('a1  b1   c1    d1');
  });

  it('() () () ()', () => {
    const parsed = parseExpression('() () () ()');
    expect(compact(parsed)).toEqual([[], [], [], []]);
    expect(parsed.dims.map((dim) => dim.kind === 'composition' && dim.parenthesized)).toEqual([true, true, true, true]);
    expect(parsed.hasEllipsis).toBe(false);
  });

  it('1 1 1 ()', () => {
    const parsed = parseExpression('1 1 1 ()');
    expect(compact(parsed)).toEqual([[], [], [], []]);
    expect(parsed.dims.map((dim) => dim.kind === 'composition' && dim.parenthesized)).toEqual([false, false, false, true]);
    expect(parsed.hasEllipsis).toBe(false);
  });

  it('5 (3 4)', () => {
    const parsed = parseExpression('5 (3 4)');
    expect(compact(parsed)).toEqual([[5], [3, 4]]);
    const axes = parsed.dims.flatMap((dim) => (dim.kind === 'composition' ? dim.axes : []));
    expect(axes.every((axis) => axis.kind === 'anonymous')).toBe(true);
    expect(parsed.hasEllipsis).toBe(false);
  });

  it('5 1 (1 4) 1', () => {
    // a 1 inside parentheses is no axis at all; a 1 outside is an empty composition
    expect(compact(parseExpression('5 1 (1 4) 1'))).toEqual([[5], [], [4], []]);
  });

  it('name1 ... a1 12 (name2 14)', () => {
    const parsed = parseExpression('name1 ... a1 12 (name2 14)');
    expect(compact(parsed)).toEqual([['name1'], '...', ['a1'], [12], ['name2', 14]]);
    expect(parsed.hasEllipsis).toBe(true);
    expect(parsed.ellipsisParenthesized).toBe(false);
    expect(parsed.dims[1]!.column).toBe(7);
  });

  it('(name1 ... a1 12) name2 14', () => {
    const parsed = parseExpression('(name1 ... a1 12) name2 14');
    expect(compact(parsed)).toEqual([['name1', '...', 'a1', 12], ['name2'], [14]]);
    expect(parsed.hasEllipsis).toBe(true);
    expect(parsed.ellipsisParenthesized).toBe(true);
  });

  it('reads the one-character ellipsis and digits of other scripts as einops does', () => {
    const parsed = parseExpression('a \u2026');
    expect(compact(parsed)).toEqual([['a'], '...']);
    // Python's str.isdecimal and int() accept Arabic-Indic digits: ٣ is 3
    expect(compact(parseExpression('(a \u0663)'))).toEqual([['a', 3]]);
  });

  it('parses an empty side', () => {
    const parsed = parseExpression('   ');
    expect(parsed.dims).toEqual([]);
    expect(parsed.hasEllipsis).toBe(false);
  });

  // test_anonymous_axes: two anonymous axes of the same length are different axes
  it('keeps two equal anonymous axes apart', () => {
    const recipe = compileRecipe('repeat', 'a -> a 2 2');
    expect(recipe.axes).toEqual(['a', '2', '2']);
    expect(recipe.lengths).toEqual([-1, 2, 2]);
    expect(recipe.right).toEqual([[0], [1], [2]]);
  });
});

describe('parsePattern', () => {
  it('splits on the arrow and numbers columns in the whole pattern', () => {
    const pattern = parsePattern('a (b c) -> c b a');
    expect(compact(pattern.left)).toEqual([['a'], ['b', 'c']]);
    expect(compact(pattern.right)).toEqual([['c'], ['b'], ['a']]);
    expect(pattern.right.dims.map((dim) => dim.column)).toEqual([12, 14, 16]);
    expect(pattern.left.dims.map((dim) => dim.column)).toEqual([1, 3]);
  });

  it('reports a right-side syntax error at its column in the whole pattern', () => {
    const error = thrown(() => parsePattern('a b -> a (b'));
    expect(error.column).toBe('a b -> a (b'.indexOf('(') + 1);
    const duplicate = thrown(() => parsePattern('a b -> b b'));
    expect(duplicate.column).toBe(10);
    expect(duplicate.reason).toMatch(/right/);
  });

  it('needs exactly one arrow', () => {
    expect(thrown(() => parsePattern('a b c')).reason).toMatch(/->.*0|0.*->/);
    expect(thrown(() => parsePattern('a -> b -> c')).reason).toMatch(/2/);
  });
});
