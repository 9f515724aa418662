/**
 * checkRecipe accepts exactly the recipe compileRecipe gives for (op, pattern): every compiled
 * recipe of the case table passes (also through JSON), and every small change to one fails
 * unless it leaves the recipe equal to the compiled one.
 */
import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { checkRecipe } from '../../src/pattern/checkRecipe';
import { compileRecipe } from '../../src/pattern/compile';
import { type Recipe, type RecipeOp } from '../../src/pattern/recipe';
import { CASES } from '../cases';

const extra: [RecipeOp, string][] = [
  ['rearrange', 'b … (h w) -> b (…) h w'],
  ['rearrange', 'b (1 h) () 1 -> b h'],
  ['reduce', 'b (h 02) (w 2) c -> b h w c'],
  ['repeat', 'h w -> (h 2) w 3 c'],
  ['repeat', '... -> 2 ... 2'],
  ['reduce', 'a (b c) -> ()'],
];
const patterns: [RecipeOp, string][] = [
  ...new Map(
    [...CASES.flatMap((c): [RecipeOp, string][] => (c.op === 'rearrange' || c.op === 'reduce' || c.op === 'repeat' ? [[c.op, c.pattern]] : [])), ...extra].map(
      (entry) => [entry.join('\u0000'), entry],
    ),
  ).values(),
];

type Mutable = { -readonly [K in keyof Recipe]: unknown };

/** Small changes to a recipe: each id, length and name changed, dimensions dropped or merged, sides swapped. */
function* mutations(recipe: Recipe): Generator<[string, Mutable]> {
  const copy = (): Mutable => JSON.parse(JSON.stringify(recipe)) as Mutable;
  const count = recipe.axes.length;
  for (const side of ['left', 'right'] as const) {
    const dims = recipe[side];
    for (let d = 0; d < dims.length; d++) {
      const drop = copy();
      (drop[side] as unknown[]).splice(d, 1);
      yield [`${side}[${d}] dropped`, drop];
      const dim = dims[d]!;
      if (dim === -1) continue;
      for (let k = 0; k < dim.length; k++) {
        for (let id = -1; id <= count; id++) {
          const changed = copy();
          (changed[side] as number[][])[d]![k] = id;
          yield [`${side}[${d}][${k}] = ${id}`, changed];
        }
      }
      const following = dims[d + 1];
      if (following !== undefined && following !== -1) {
        const merged = copy();
        const mergedDims = merged[side] as number[][];
        mergedDims.splice(d, 2, [...dim, ...following]);
        yield [`${side}[${d}] merged with the next`, merged];
      }
    }
  }
  for (let i = 0; i < count; i++) {
    for (const length of [-1, 0, 1, 2, 3]) {
      const changed = copy();
      (changed.lengths as number[])[i] = length;
      yield [`lengths[${i}] = ${length}`, changed];
    }
    const renamed = copy();
    (renamed.axes as string[])[i] = `${recipe.axes[i]}x`;
    yield [`axes[${i}] renamed`, renamed];
    for (let j = i + 1; j < count; j++) {
      const swapped = copy();
      const axes = swapped.axes as string[];
      [axes[i], axes[j]] = [axes[j]!, axes[i]!];
      yield [`axes ${i} and ${j} swapped`, swapped];
    }
  }
  const sides = copy();
  [sides.left, sides.right] = [sides.right, sides.left];
  yield ['sides swapped', sides];
  for (const op of ['rearrange', 'reduce', 'repeat']) yield [`op ${op}`, { ...copy(), op }];
  yield ['version 2', { ...copy(), version: 2 }];
  yield ['pattern changed', { ...copy(), pattern: `${recipe.pattern} ` }];
  yield ['axes missing', { ...copy(), axes: undefined }];
  yield ['lengths shorter', { ...copy(), lengths: recipe.lengths.slice(1) }];
}

describe('checkRecipe', () => {
  it('has patterns to check', () => {
    expect(patterns.length).toBeGreaterThan(50);
  });

  it.each(patterns)('accepts the compiled recipe of %s "%s", also through JSON', (op, pattern) => {
    const recipe = compileRecipe(op, pattern);
    expect(checkRecipe(recipe, op, pattern)).toBe(recipe);
    expect(checkRecipe(JSON.parse(JSON.stringify(recipe)), op, pattern)).toEqual(recipe);
  });

  it.each(patterns)('rejects every change to the recipe of %s "%s" that makes it another', (op, pattern) => {
    const recipe = compileRecipe(op, pattern);
    let rejected = 0;
    for (const [change, mutated] of mutations(recipe)) {
      const same = JSON.stringify(mutated) === JSON.stringify(recipe);
      let error: unknown;
      try {
        checkRecipe(mutated, op, pattern);
      } catch (caught) {
        error = caught;
      }
      expect(error === undefined, `${change}: ${JSON.stringify(mutated)}`).toBe(same);
      if (error !== undefined) {
        expect(error).toBeInstanceOf(EinopsError);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(3);
  });

  it('says what does not match', () => {
    const recipe = compileRecipe('rearrange', 'a b -> b a');
    expect(() => checkRecipe(recipe, 'rearrange', 'a b -> a b')).toThrow('the recipe is not the one compiled from "a b -> a b": it is compiled from "a b -> b a"');
    expect(() => checkRecipe({ ...recipe, right: [[0], [1]] }, 'rearrange', 'a b -> b a')).toThrow("its dimensions are not the pattern's");
    expect(() => checkRecipe(recipe, 'reduce', 'a b -> b a')).toThrow('it is a rearrange recipe, not a reduce one');
    expect(() => checkRecipe('{}', 'reduce', 'a b -> b a')).toThrow('it is string');
    expect(() => checkRecipe({ ...recipe, version: 0 }, 'rearrange', 'a b -> b a')).toThrow('recipe version 0 is not 1');
  });
});
