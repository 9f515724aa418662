import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { tensor } from '../../src/ndarray/index';
import { parseShape } from '../../src/runtime/ops';

describe('parseShape', () => {
  const x = tensor(new Float32Array(2 * 3 * 1 * 7), [2, 3, 1, 7]);

  it('names dimensions, skipping _ and ...', () => {
    expect(parseShape(x, 'b c h w')).toEqual({ b: 2, c: 3, h: 1, w: 7 });
    expect(parseShape(x, 'b _ _ w')).toEqual({ b: 2, w: 7 });
    expect(parseShape(x, 'b ... w')).toEqual({ b: 2, w: 7 });
    expect(parseShape(x, '... w')).toEqual({ w: 7 });
    expect(parseShape(x, 'b c h w ...')).toEqual({ b: 2, c: 3, h: 1, w: 7 });
  });

  it('checks unit and anonymous axes', () => {
    expect(parseShape(x, 'b 3 1 w')).toEqual({ b: 2, w: 7 });
    expect(parseShape(x, 'b 3 () (w)')).toEqual({ b: 2, w: 7 });
    // @ts-expect-error the type-level checker rejects this pattern too
    expect(() => parseShape(x, 'b 4 1 w')).toThrow(/dimension 1 has length 3, not 4/);
    // @ts-expect-error the type-level checker rejects this pattern too
    expect(() => parseShape(x, 'b c h 1')).toThrow(/dimension 3 has length 7, not 1/);
  });

  it('rejects compositions and wrong ranks with EinopsError', () => {
    for (const pattern of ['b (c h) w', 'b c h', 'b c h w z', '(...) w', 'a b c d e ...']) {
      expect(() => parseShape(x, pattern), pattern).toThrow(EinopsError);
    }
    // @ts-expect-error the type-level checker rejects this pattern too
    expect(() => parseShape(x, 'b c h')).toThrow(/^parseShape "b c h": the left side has 3 dimensions but the tensor has 4/);
  });
});

describe('applyParseShapeRecipe', () => {
  const x = tensor(new Float32Array(2 * 3 * 1 * 7), [2, 3, 1, 7]);

  it('applies a recipe kept as JSON, as the build plugin inlines it', async () => {
    const { applyParseShapeRecipe } = await import('../../src/runtime/parseShape');
    const recipe = JSON.parse('{"version":1,"pattern":"b _ 1 ...","dims":["b",null,1,"..."]}');
    expect(applyParseShapeRecipe(recipe, x)).toEqual({ b: 2 });
    expect(() => applyParseShapeRecipe({ ...recipe, version: 0 }, x)).toThrow('parseShape "b _ 1 ...": recipe version 0 is not 1');
    expect(() => applyParseShapeRecipe({ ...recipe, dims: ['b', 4, '...'] }, x)).toThrow(/dimension 1 has length 3, not 4/);
  });
});
