/**
 * The lean layers (einops/layers/tfjs/runtime): Rearrange and Reduce made from compiled
 * recipes, with no pattern parser installed, as in an app whose layers the plugin compiled.
 * They run, infer shapes, save with their recipe and load from it without the parser, and
 * refuse a pattern string, a recipe of another pattern or a saved recipe that was changed.
 * The last part imports einops/layers/tfjs, which installs the parser, and checks that both
 * entries save the same config.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { compileRecipe } from '../../src/pattern/compile';
import type { Recipe } from '../../src/pattern/recipe';
import { applyRecipe } from '../../src/runtime/apply';
import { Rearrange, Reduce } from '../../src/layers/tfjs/runtime';
import { saveToMemory } from './savedModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const POOL = 'b (h 2) (w 2) c -> b h w c';
const FLATTEN = 'b h w c -> b (h w c)';

/** The model of the Vite example, from recipes: pooling, flattening. */
function buildModel(): tf.LayersModel {
  return tf.sequential({
    layers: [
      new Reduce(compileRecipe('reduce', POOL), 'max', {}, { inputShape: [4, 6, 3] }),
      new Rearrange(compileRecipe('rearrange', FLATTEN)),
    ],
  });
}

/** The saved topology with each einops layer's config changed by `edit`. */
function editLayers(artifacts: tf.io.ModelArtifacts, edit: (config: Record<string, unknown>) => void): tf.io.ModelArtifacts {
  const topology = JSON.parse(JSON.stringify(artifacts.modelTopology)) as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
  for (const layer of topology.config.layers) if (layer.class_name === 'Reduce' || layer.class_name === 'Rearrange') edit(layer.config);
  return { ...artifacts, modelTopology: topology };
}

const arange = (shape: number[]): tf.Tensor => tf.tidy(() => tf.range(0, shape.reduce((a, b) => a * b, 1)).reshape(shape));

describe('without the parser', () => {
  it('refuses a pattern string, and says which entry takes one', () => {
    expect(() => new Rearrange(FLATTEN)).toThrow(EinopsError);
    expect(() => new Reduce(POOL, 'max')).toThrow(
      `Reduce "${POOL}": this build has no pattern parser, so the layer takes a compiled recipe: import the layers from 'einops/layers/tfjs', or build with the einops plugin (einops/rollup), which compiles literal patterns`,
    );
    expect(() => new Rearrange(42 as never)).toThrow('Rearrange "42": the pattern must be a string, got number');
  });

  it('runs a recipe as applyRecipe does, with its output shape', () => {
    const recipe = compileRecipe('reduce', POOL);
    const layer = new Reduce(recipe, 'mean');
    expect(layer.pattern).toBe(POOL);
    expect(layer.recipe).toBe(recipe);
    const x = arange([2, 4, 6, 3]);
    const y = layer.apply(x) as tf.Tensor;
    const expected = applyRecipe(recipe, x, 'mean') as tf.Tensor;
    expect(y.arraySync()).toEqual(expected.arraySync());
    expect(layer.computeOutputShape([null, 4, 6, 3])).toEqual([null, 2, 3, 3]);
    const split = new Rearrange(JSON.parse(JSON.stringify(compileRecipe('rearrange', '(b h) w -> b h w'))) as Recipe, { h: 2 });
    expect(split.computeOutputShape([null, 5])).toEqual([null, 2, 5]);
    tf.dispose([x, y, expected]);
  });

  it('checks what it is given: the recipe against its pattern and op, the axis lengths, the reduction', () => {
    const recipe = compileRecipe('rearrange', 'a b -> b a');
    expect(() => new Rearrange({ ...recipe, right: [[0], [1]] })).toThrow(/Rearrange "a b -> b a": the recipe is not the one compiled from "a b -> b a": its dimensions are not the pattern's/);
    expect(() => new Reduce(recipe, 'max')).toThrow('it is a rearrange recipe, not a reduce one');
    expect(() => new Rearrange({ ...recipe, version: 2 } as never)).toThrow('recipe version 2 is not 1');
    expect(() => new Rearrange(recipe, { c: 2 })).toThrow('Rearrange "a b -> b a": axis length c is given but c is not in the pattern');
    expect(() => new Reduce(compileRecipe('reduce', 'a b -> a'), 'median' as never)).toThrow(/the reduction must be one of/);
  });

  it('saves its recipe with the model, and loads from it', async () => {
    const model = buildModel();
    const x = arange([2, 4, 6, 3]);
    const expected = model.predict(x) as tf.Tensor;
    const artifacts = await saveToMemory(model);
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
    const y = loaded.predict(x) as tf.Tensor;
    expect(y.shape).toEqual([2, 2 * 3 * 3]);
    expect(y.arraySync()).toEqual(expected.arraySync());
    expect(loaded.layers.map((layer) => (layer as Reduce).recipe)).toEqual([compileRecipe('reduce', POOL), compileRecipe('rearrange', FLATTEN)]);
    tf.dispose([x, expected, y]);
  });

  it('keeps axis names with capitals and underscores through a save, in the pattern and in the recipe', async () => {
    const pattern = '(b T_x) C_in -> b T_x C_in';
    const model = tf.sequential({ layers: [new Rearrange(compileRecipe('rearrange', pattern), { T_x: 2 }, { inputShape: [3] })] });
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(model)));
    const layer = loaded.layers[0] as Rearrange;
    expect(layer.pattern).toBe(pattern);
    expect(layer.recipe).toEqual(compileRecipe('rearrange', pattern));
    expect(layer.axesLengths).toEqual({ T_x: 2 });
  });

  it('refuses a saved recipe that was changed, or none, instead of running something else', async () => {
    const artifacts = await saveToMemory(buildModel());
    const changed = editLayers(artifacts, (config) => {
      config['pattern'] = String(config['pattern']).replace('(h 2)', '(h 3)');
    });
    await expect(tf.loadLayersModel(tf.io.fromMemory(changed))).rejects.toThrow(/Reduce "b \(h 3\) \(w 2\) c -> b h w c": the recipe is not the one compiled from "b \(h 3\) \(w 2\) c -> b h w c": it is compiled from "b \(h 2\)/);
    const missing = editLayers(artifacts, (config) => {
      delete config['recipe'];
    });
    await expect(tf.loadLayersModel(tf.io.fromMemory(missing))).rejects.toThrow(/the saved layer has no compiled recipe \(an older einops saved it\)/);
    const broken = editLayers(artifacts, (config) => {
      config['recipe'] = '{"version":1';
    });
    await expect(tf.loadLayersModel(tf.io.fromMemory(broken))).rejects.toThrow(/Reduce "b \(h 2\) \(w 2\) c -> b h w c": the saved recipe is not JSON/);
  });
});

describe('with einops/layers/tfjs imported, which installs the parser', () => {
  it('takes pattern strings, with the same classes, and saves the same config', async () => {
    const full = await import('../../src/layers/tfjs/index');
    expect(full.Rearrange).toBe(Rearrange);
    expect(full.Reduce).toBe(Reduce);
    const fromString = new Reduce(POOL, 'max', {}, { name: 'pool' });
    const fromRecipe = new Reduce(compileRecipe('reduce', POOL), 'max', {}, { name: 'pool' });
    expect(fromString.getConfig()).toEqual(fromRecipe.getConfig());
  });

  it('loads a saved layer by compiling its pattern again, so a model saved without recipes loads too', async () => {
    const artifacts = await saveToMemory(buildModel());
    const withoutRecipes = editLayers(artifacts, (config) => {
      delete config['recipe'];
    });
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(withoutRecipes));
    expect((loaded.layers[0] as Reduce).recipe).toEqual(compileRecipe('reduce', POOL));
  });
});
