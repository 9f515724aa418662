import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { compilePackRecipe } from '../../src/pattern/pack';
import { RECIPE_VERSION } from '../../src/pattern/recipe';

describe('compilePackRecipe', () => {
  it('counts the names before and after the *, and is plain JSON', () => {
    const recipe = compilePackRecipe('b * c');
    expect(recipe).toEqual({ version: RECIPE_VERSION, pattern: 'b * c', before: 1, after: 1 });
    expect(JSON.parse(JSON.stringify(recipe))).toEqual(recipe);
    expect(compilePackRecipe('*')).toMatchObject({ before: 0, after: 0 });
    expect(compilePackRecipe('  i\tj  * ')).toMatchObject({ before: 2, after: 0 });
    expect(compilePackRecipe('* h w H')).toMatchObject({ before: 0, after: 3 });
  });

  it.each([
    ['i j', /"\*" exactly once, found 0/, 1],
    ['* i *', /"\*" exactly once, found 2/, 5],
    ['i i *', /axis i appears twice/, 3],
    ['i _j *', /"_j" must not start or end with "_"/, 3],
    ['i j_ *', /"j_" must not start or end with "_"/, 3],
    ['_ *', /"_" must not start or end/, 1],
    ['1 *', /"1" is not a valid axis name/, 1],
    ['... *', /"\.\.\." is not a valid axis name/, 1],
    ['(a b) *', /"\(a" is not a valid axis name/, 1],
  ])('rejects %j', (pattern, reason, column) => {
    let error: unknown;
    try {
      compilePackRecipe(pattern);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EinopsError);
    expect((error as EinopsError).reason).toMatch(reason);
    expect((error as EinopsError).column).toBe(column);
  });
});
