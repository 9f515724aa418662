import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { compileParseShapeRecipe } from '../../src/pattern/parseShape';

describe('compileParseShapeRecipe', () => {
  it('reads each dimension: a name, _ to skip, a length to check, the ellipsis', () => {
    expect(compileParseShapeRecipe('b _ 3 ...')).toEqual({ version: 1, pattern: 'b _ 3 ...', dims: ['b', null, 3, '...'] });
    expect(compileParseShapeRecipe('b () 1 (w) … 02').dims).toEqual(['b', 1, 1, 'w', '...', 2]);
    expect(compileParseShapeRecipe('').dims).toEqual([]);
  });

  it('rejects compositions and syntax errors, with the column where there is one', () => {
    expect(() => compileParseShapeRecipe('b (c h) w')).toThrow('parseShape cannot take compositions "( )": name each dimension');
    expect(() => compileParseShapeRecipe('(...) w')).toThrow(EinopsError);
    expect(() => compileParseShapeRecipe('b b')).toThrow(EinopsError);
    expect(() => compileParseShapeRecipe('b c-d')).toThrow('unknown character "-" (column 4)');
  });
});
