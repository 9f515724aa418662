/**
 * Rearrange, Reduce and EinMix as tf.layers layers, after einops' test_layers: the layers give
 * what the functions give, reject wrong shapes, infer output shapes with an unknown batch,
 * pass gradients, train in the tutorial's model, and save and load with the model.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EinopsError, rearrange, reduce } from '../../src/tfjs';
import { planEinMix } from '../../src/layers/einmix';
import { EinMix, Rearrange, Reduce } from '../../src/layers/tfjs';
import { saveAndLoad } from './savedModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const arange = (shape: number[], start = 0): tf.Tensor => tf.tidy(() => tf.range(start, start + shape.reduce((a, b) => a * b, 1)).reshape(shape));

function predict(model: tf.LayersModel, x: tf.Tensor): number[] {
  return tf.tidy(() => Array.from((model.predict(x) as tf.Tensor).dataSync()));
}

// test_layers: pattern, axes lengths, input shape, shapes the layer must reject.
const rearrangements: [string, Record<string, number>, number[], number[][]][] = [
  ['b c h w -> b (c h w)', { c: 20 }, [10, 20, 3, 4], [[], [10], [10, 10, 10], [10, 21, 3, 4], [1, 20, 1, 1, 1]]],
  ['b c (h1 h2) (w1 w2) -> b (c h2 w2) h1 w1', { h2: 2, w2: 2 }, [10, 20, 6, 8], [[], [1, 1, 1, 1], [1, 10, 3]]],
  ['b ... c -> c b ...', { b: 10 }, [10, 20, 30], [[], [10], [5, 10]]],
];
const reductions: [string, Record<string, number>, number[], number[][]][] = [
  ...rearrangements,
  ['b c h w -> b ()', { b: 10 }, [10, 20, 3, 4], [[10], [10, 20, 3]]],
  ['b c (h1 h2) (w1 w2) -> b c h1 w1', { h1: 3, h2: 2, w2: 2 }, [10, 20, 6, 8], [[10, 20, 7, 8]]],
  ['b ... c -> b', { b: 10 }, [10, 20, 3, 4], [[10], [11, 10]]],
];

describe('Rearrange', () => {
  it.each(rearrangements)('%j gives what rearrange gives and rejects wrong shapes', (pattern, axes, shape, wrongShapes) => {
    const layer = new Rearrange(pattern, axes);
    const x = arange(shape);
    const before = tf.memory().numTensors;
    const y = layer.apply(x) as tf.Tensor;
    expect(tf.memory().numTensors).toBe(before + 1);
    const expected = rearrange(x, pattern, axes);
    expect(y.shape).toEqual(expected.shape);
    expect(y.arraySync()).toEqual(expected.arraySync());
    for (const wrong of wrongShapes) {
      const z = tf.zeros(wrong);
      expect(() => layer.apply(z)).toThrow(EinopsError);
      z.dispose();
    }
    // Through its config, as a saved model does.
    const copy = Rearrange.fromConfig(Rearrange, layer.getConfig()) as Rearrange;
    expect((copy.apply(x) as tf.Tensor).arraySync()).toEqual(y.arraySync());
    // Every element moves once: the gradient of the sum is all ones.
    const grad = tf.grad((t: tf.Tensor) => new Reduce('...->', 'sum').apply(layer.apply(t)) as tf.Tensor)(x);
    expect(grad.min().arraySync()).toBe(1);
    expect(grad.max().arraySync()).toBe(1);
    tf.dispose([x, y, expected, grad]);
  });

  it('infers output shapes with unknown lengths', () => {
    expect(new Rearrange('b c h w -> b (c h w)').computeOutputShape([null, 3, 4, 5])).toEqual([null, 60]);
    expect(new Rearrange('b c h w -> b (c h w)').computeOutputShape([null, null, 4, 5])).toEqual([null, null]);
    expect(new Rearrange('b c (h1 h2) (w1 w2) -> b (c h2 w2) h1 w1', { h2: 2, w2: 2 }).computeOutputShape([null, 3, 6, 8])).toEqual([null, 12, 3, 4]);
    expect(new Rearrange('b c (h1 h2) (w1 w2) -> b (c h2 w2) h1 w1', { h2: 2, w2: 2 }).computeOutputShape([null, 3, null, 8])).toEqual([null, 12, null, 4]);
    expect(new Rearrange('b ... c -> c b ...').computeOutputShape([null, 2, null, 4])).toEqual([4, null, 2, null]);
    expect(new Rearrange('b ... c -> c (b ...)').computeOutputShape([2, 2, 3, 4])).toEqual([4, 12]);
    expect(new Rearrange('b ... c -> c (b ...)').computeOutputShape([2, null, 3, 4])).toEqual([4, null]);
    expect(new Rearrange('(b 1) h -> b h').computeOutputShape([null, 5])).toEqual([null, 5]);
    expect(new Rearrange('(b h) w -> b h w', { h: 2 }).computeOutputShape([[null, 5]])).toEqual([null, 2, 5]);
  });

  it('rejects what no input could satisfy, on symbolic shapes too', () => {
    expect(() => new Rearrange('b c -> b c d')).toThrow(EinopsError);
    expect(() => new Rearrange('b c -> c b', { d: 2 })).toThrow(/axis length d is given but d is not in the pattern/);
    expect(() => new Rearrange('b c h w -> b (c h w)').computeOutputShape([null, 3, 4])).toThrow(/Rearrange "b c h w -> b \(c h w\)": the left side has 4 dimensions but the tensor has 3\n {2}input shape \[null, 3, 4\]/);
    expect(() => new Rearrange('(b h w) c -> b h w c').computeOutputShape([null, 3])).toThrow(EinopsError);
    expect(() => new Rearrange('b (h 2) -> b h', {}).computeOutputShape([null, 3])).toThrow(EinopsError);
    expect(() => tf.sequential({ layers: [new Rearrange('b c h -> b (c h)', {}, { inputShape: [3] })] })).toThrow(EinopsError);
  });
});

describe('Reduce', () => {
  for (const reduction of ['min', 'max', 'sum', 'mean', 'prod'] as const) {
    it.each(reductions)(`${reduction}: %j gives what reduce gives, gradients too`, (pattern, axes, shape, wrongShapes) => {
      const layer = new Reduce(pattern, reduction, axes);
      // Positive values around 1, so prod stays finite (einops' x / x.mean()).
      const x = tf.tidy(() => {
        const values = arange(shape, 1);
        return values.div(values.mean()).sqrt().sqrt();
      });
      const y = layer.apply(x) as tf.Tensor;
      const expected = reduce(x, pattern, reduction, axes);
      expect(y.shape).toEqual(expected.shape);
      expect(y.arraySync()).toEqual(expected.arraySync());
      for (const wrong of wrongShapes) {
        const z = tf.zeros(wrong);
        expect(() => layer.apply(z)).toThrow(EinopsError);
        z.dispose();
      }
      const copy = Reduce.fromConfig(Reduce, layer.getConfig()) as Reduce;
      expect(copy.reduction).toBe(reduction);
      const grad = tf.grad((t: tf.Tensor) => new Reduce('...->', 'sum').apply(layer.apply(t)) as tf.Tensor)(x);
      const values = Array.from(grad.dataSync());
      if (reduction === 'sum') expect(new Set(values)).toEqual(new Set([1]));
      if (reduction === 'mean') expect(new Set(values).size).toBe(1);
      if (reduction === 'min' || reduction === 'max') {
        expect(values.every((v) => v === 0 || v === 1)).toBe(true);
        expect(values.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.5);
      }
      tf.dispose([x, y, expected, grad]);
    });
  }

  it('infers output shapes with an unknown batch', () => {
    expect(new Reduce('b (h 2) (w 2) c -> b (c h w)', 'max').computeOutputShape([null, 6, 8, 3])).toEqual([null, 36]);
    expect(new Reduce('b c h w -> b ()', 'mean').computeOutputShape([null, 3, 4, 5])).toEqual([null, 1]);
    expect(new Reduce('b ... c -> b', 'sum').computeOutputShape([null, null, 3])).toEqual([null]);
  });

  it('takes reductions by name only, as a saved model needs', () => {
    expect(() => new Reduce('a b -> a', 'median' as never)).toThrow(EinopsError);
    expect(() => new Reduce('a b -> a', ((t: tf.Tensor) => t) as never)).toThrow(/the reduction must be one of min, max, sum, mean, prod, any, all/);
  });
});

describe('the tutorial model, in NHWC', () => {
  // Small images, so that training takes a moment on the pure-JS cpu backend.
  const makeModel = (): tf.Sequential =>
    tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [12, 12, 3], filters: 4, kernelSize: 3 }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 8, kernelSize: 2 }),
        new Reduce('b (h 2) (w 2) c -> b (c h w)', 'max'),
        tf.layers.dense({ units: 16 }),
        tf.layers.reLU(),
        tf.layers.dense({ units: 4, activation: 'softmax' }),
      ],
    });

  it('trains, saves, loads and predicts the same', async () => {
    const model = makeModel();
    expect(model.layers[3]!.outputShape).toEqual([null, 8 * 2 * 2]);
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'sparseCategoricalCrossentropy' });
    const x = tf.randomNormal([16, 12, 12, 3], 0, 1, 'float32', 1);
    const labels = tf.tensor1d(Array.from({ length: 16 }, (_, i) => i % 4), 'float32');
    const history = await model.fit(x, labels, { epochs: 8, batchSize: 16, verbose: 0 });
    const losses = history.history.loss as number[];
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]! * 0.8);

    const loaded = await saveAndLoad(model);
    expect(loaded.layers[3]).toBeInstanceOf(Reduce);
    expect(predict(loaded, x)).toEqual(predict(model, x));
    tf.dispose([x, labels]);
  });
});

describe('EinMix', () => {
  it('is einsum with a weight, plus a bias, between two rearranges', () => {
    const layer = new EinMix('b (h w) c_in -> b h (w c_out)', { weightShape: 'c_in c_out', biasShape: 'c_out', axes: { h: 2, c_in: 3, c_out: 4 } });
    const x = tf.randomNormal([5, 6, 3]);
    const before = tf.memory().numTensors;
    const y = layer.apply(x) as tf.Tensor;
    expect(tf.memory().numTensors).toBe(before + 1 + 2); // the result, and the weight and bias made by build
    const [weight, bias] = layer.getWeights();
    expect(weight!.shape).toEqual([3, 4]);
    // One length per output axis, 1 where the bias has none, as in einops.
    expect(bias!.shape).toEqual([1, 1, 1, 4]);
    const expected = tf.tidy(() =>
      rearrange(tf.add(tf.einsum('bhwi,io->bhwo', rearrange(x, 'b (h w) c -> b h w c', { h: 2 }), weight!), bias!), 'b h w o -> b h (w o)'),
    );
    expect(y.shape).toEqual([5, 2, 12]);
    expect(layer.computeOutputShape([null, 6, 3])).toEqual([null, 2, 12]);
    const difference = tf.tidy(() => tf.max(tf.abs(tf.sub(y, expected))).arraySync() as number);
    expect(difference).toBeLessThan(1e-5);
    tf.dispose([x, y, expected]);
  });

  it("takes einops' bounds: sqrt(3 / fan_in) for the weight, 1 / sqrt(fan_in) for the bias", () => {
    // einops/layers/_einmix.py: fan_in is the product of the weight axes the output does not have.
    const plan = planEinMix('t b c_in -> t b c_out', { weightShape: 'c_in c_out', biasShape: 'c_out', axes: { c_in: 48, c_out: 300 } });
    expect(plan.weightBound).toBe(Math.sqrt(3 / 48));
    expect(plan.biasBound).toBe(Math.sqrt(1 / 48));
    const grouped = planEinMix('b (g c_in) -> b (g c_out)', { weightShape: 'g c_in c_out', axes: { g: 4, c_in: 6, c_out: 5 } });
    expect(grouped.weightBound).toBe(Math.sqrt(3 / 6));
    expect(grouped.biasBound).toBe(Math.sqrt(1 / 6));
  });

  it('initialises weight and bias uniformly within sqrt(3 / fan_in) and 1 / sqrt(fan_in)', () => {
    const layer = new EinMix('t b c_in -> t b c_out', { weightShape: 'c_in c_out', biasShape: 'c_out', axes: { c_in: 48, c_out: 300 } });
    layer.build([null, null, 48]);
    const [weight, bias] = layer.getWeights().map((t) => Array.from(t.dataSync()));
    const spread = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];
    const [wMin, wMax] = spread(weight!);
    expect(wMax).toBeLessThanOrEqual(0.25);
    expect(wMin).toBeGreaterThanOrEqual(-0.25);
    expect(wMax - wMin).toBeGreaterThan(0.45);
    const [bMin, bMax] = spread(bias!);
    expect(Math.max(-bMin, bMax)).toBeLessThanOrEqual(1 / Math.sqrt(48));
    expect(bMax - bMin).toBeGreaterThan(1.5 / Math.sqrt(48));
  });

  it('works in sequential models, with the batch merged away and split again, and saves and loads', async () => {
    // test_layers' keras model, in NHWC.
    const makeModel = (): tf.Sequential =>
      tf.sequential({
        layers: [
          tf.layers.conv2d({ inputShape: [32, 32, 3], filters: 6, kernelSize: 5 }),
          new Reduce('b (h h2) (w w2) c -> b h w c', 'max', { h2: 2, w2: 2 }),
          tf.layers.conv2d({ filters: 16, kernelSize: 5 }),
          new Reduce('b (h h2) (w w2) c -> b h w c', 'max', { h2: 2, w2: 2 }),
          new Rearrange('b h w c -> b (c h w)'),
          tf.layers.dense({ units: 120 }),
          tf.layers.reLU(),
          tf.layers.dense({ units: 84 }),
          tf.layers.reLU(),
          new EinMix('b c1 -> (b c2)', { weightShape: 'c1 c2', biasShape: 'c2', axes: { c1: 84, c2: 84 } }),
          new EinMix('(b c2) -> b c3', { weightShape: 'c2 c3', biasShape: 'c3', axes: { c2: 84, c3: 84 } }),
          tf.layers.dense({ units: 10 }),
        ],
      });
    const model1 = makeModel();
    const model2 = makeModel();
    expect(model1.layers[9]!.outputShape).toEqual([null]);
    expect(model1.layers[10]!.outputShape).toEqual([null, 84]);
    const x = tf.randomNormal([10, 32, 32, 3]);
    expect(predict(model1, x)).not.toEqual(predict(model2, x));

    const model3 = await saveAndLoad(model1);
    expect(model3.layers[9]).toBeInstanceOf(EinMix);
    expect(predict(model3, x)).toEqual(predict(model1, x));
    model2.setWeights(model1.getWeights());
    expect(predict(model2, x)).toEqual(predict(model1, x));
    x.dispose();
  });

  it('works in functional models, trains, and keeps axis names with capitals and underscores through a save', async () => {
    const input = tf.input({ shape: [6, 4] });
    const mixed = new EinMix('b T c_In -> b T C_out', { weightShape: 'c_In C_out', biasShape: 'C_out', axes: { c_In: 4, C_out: 5 } }).apply(input) as tf.SymbolicTensor;
    const scaled = new EinMix('b (t1 t2) C -> b t1 t2 C', { weightShape: 'C', axes: { C: 5, t2: 2 } }).apply(mixed) as tf.SymbolicTensor;
    const pooled = new Reduce('b t1 t2 C -> b C', 'mean').apply(scaled) as tf.SymbolicTensor;
    expect(mixed.shape).toEqual([null, 6, 5]);
    expect(scaled.shape).toEqual([null, 3, 2, 5]);
    const model = tf.model({ inputs: input, outputs: pooled });

    const x = tf.randomNormal([8, 6, 4], 0, 1, 'float32', 2);
    const target = tf.randomNormal([8, 5], 0, 1, 'float32', 3);
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    const losses = (await model.fit(x, target, { epochs: 10, batchSize: 8, verbose: 0 })).history.loss as number[];
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]!);

    const loaded = await saveAndLoad(model);
    const layer = loaded.layers[1] as EinMix;
    expect(layer.pattern).toBe('b T c_In -> b T C_out');
    expect(layer.axesLengths).toEqual({ c_In: 4, C_out: 5 });
    expect(predict(loaded, x)).toEqual(predict(model, x));
    tf.dispose([x, target]);
  });

  it('works on tensors with an ellipsis, and on a weight with no axes', () => {
    const layer = new EinMix('b ... c -> b ... d', { weightShape: 'c d', biasShape: 'd', axes: { c: 3, d: 2 } });
    expect(layer.computeOutputShape([null, 4, null, 3])).toEqual([null, 4, null, 2]);
    const x = tf.ones([2, 4, 5, 3]);
    const y = layer.apply(x) as tf.Tensor;
    expect(y.shape).toEqual([2, 4, 5, 2]);
    const scale = new EinMix('... -> ...', { weightShape: '', biasShape: '' });
    const z = scale.apply(x) as tf.Tensor;
    expect(z.shape).toEqual([2, 4, 5, 3]);
    tf.dispose([x, y, z]);
  });
});

describe('EinMix: test_einmix_decomposition', () => {
  it.each([
    ['a b c d e -> e d c b a', { weightShape: 'd a b', axes: { d: 2, a: 3, b: 5 } }, null, null, 'a b c d e, d a b -> e d c b a', [2, 3, 5], null],
    ['a b c d e -> e d c b a', { weightShape: 'd a b', biasShape: 'a b c d e', axes: { a: 1, b: 2, c: 3, d: 4, e: 5 } }, null, null, 'a b c d e, d a b -> e d c b a', [4, 1, 2], [5, 4, 3, 2, 1]],
    ['... -> ...', { weightShape: '', biasShape: '' }, null, null, '..., -> ...', [], []],
    ['b a ...  -> b c ...', { weightShape: 'b a c', axes: { a: 1, b: 2, c: 3 } }, null, null, 'b a ..., b a c -> b c ...', [2, 1, 3], null],
    ['(b a) ... -> b c (...)', { weightShape: 'b a c', axes: { a: 1, b: 2, c: 3 } }, '(b a) ... -> b a ...', 'b c ... -> b c (...)', 'b a ..., b a c -> b c ...', [2, 1, 3], null],
    ['b ... (a c) -> b ... (a d)', { weightShape: 'c d', biasShape: 'a d', axes: { a: 1, c: 3, d: 4 } }, 'b ... (a c) -> b ... a c', 'b ... a d -> b ... (a d)', 'b ... a c, c d -> b ... a d', [3, 4], [1, 1, 4]],
    ['a ... (b c) -> a (... d b)', { weightShape: 'c d b', biasShape: 'd b', axes: { b: 2, c: 3, d: 4 } }, 'a ... (b c) -> a ... b c', 'a ... d b -> a (... d b)', 'a ... b c, c d b -> a ... d b', [3, 4, 2], [1, 4, 2]],
  ] as const)('%j', (pattern, options, pre, post, einsumPattern, weightShape, biasShape) => {
    const plan = planEinMix(pattern, options);
    expect(plan.preRearrange?.pattern ?? null).toBe(pre);
    expect(plan.postRearrange?.pattern ?? null).toBe(post);
    expect(plan.einsumPattern).toBe(einsumPattern);
    expect(plan.weightShape).toEqual(weightShape);
    expect(plan.biasShape).toEqual(biasShape);
  });

  it('passes the input axes the pre-rearrange needs', () => {
    expect(planEinMix('b ... (a c) -> b ... (a d)', { weightShape: 'c d', axes: { a: 1, c: 3, d: 4 } }).preRearrange?.axes).toEqual({ a: 1, c: 3 });
  });
});

describe('EinMix: test_einmix_restrictions, and the rest of einops checks', () => {
  it.each([
    ['a b c d e -> e d c b a', { weightShape: 'd a b', axes: { d: 2, a: 3 } }, /the length of weight axis b must be given/],
    ['a b c d e -> e d c b a', { weightShape: 'w a b', axes: { d: 2, a: 3, b: 1 } }, /the length of weight axis w must be given/],
    ['a b c d e -> e d c b a', { weightShape: 'w a b', axes: { w: 2, a: 3, b: 1 } }, /weight axis w is neither in the input nor in the output/],
    ['(...) a -> ... a', { weightShape: 'a', axes: { a: 1 } }, /ellipsis "..." cannot be inside parentheses on the left side/],
    ['(...) a -> a ...', { weightShape: 'a', biasShape: 'a', axes: { a: 1 } }, /ellipsis "..." cannot be inside parentheses/],
    ['... a -> a ...', { weightShape: 'a', biasShape: 'a', axes: { a: 1 } }, /every bias axis must come after the ellipsis/],
    ['a b -> a c', { weightShape: 'b', axes: { b: 2 } }, /axis c on the right side is neither in the input nor in the weight/],
    ['a b -> a c', { weightShape: 'b ... c', axes: { b: 2, c: 2 } }, /the weight shape cannot have an ellipsis/],
    ['a ... b -> a c', { weightShape: 'b c', axes: { b: 2, c: 2 } }, /must be on both sides/],
    ['a (b 2) -> a c', { weightShape: 'b c', axes: { b: 2, c: 2 } }, /anonymous axis 2/],
    ['a b -> a c', { weightShape: '(b c)', axes: { b: 2, c: 2 } }, /cannot have parentheses/],
    ['a b -> a c', { weightShape: 'b c', axes: { b: 2, c: 2, z: 1 } }, /axis length z is given but z is not in the pattern/],
    ['a b -> a c', { weightShape: 'b c', biasShape: 'b', axes: { b: 2, c: 2 } }, /bias axis b is not on the right side/],
    ['a b -> a c d', { weightShape: 'b c d', biasShape: 'd', axes: { b: 2, c: 2 } }, /the length of weight axis d must be given/],
    ['a b -> a c', { weightShape: 'b c b', axes: { b: 2, c: 2 } }, /axis b appears twice in the weight shape/],
    ['a b -> a c', { weightShape: 'b c', biasShape: 3 as never, axes: { b: 2, c: 2 } }, /the bias shape must be a string/],
    ['a b -> a c', { weightShape: 'b c', axes: { b: 2, c: -1 } }, /axis length c must be a non-negative integer/],
    ['a b - a c', { weightShape: 'b c', axes: { b: 2, c: 2 } }, /"->" exactly once/],
  ] as const)('%j with %j fails: %s', (pattern, options, reason) => {
    let error: unknown;
    try {
      new EinMix(pattern, options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EinopsError);
    expect((error as EinopsError).message).toMatch(reason);
    expect((error as EinopsError).message).toContain(`EinMix "${pattern}"`);
  });

  it('rejects an input the pattern does not fit', () => {
    const layer = new EinMix('b c -> b d', { weightShape: 'c d', axes: { c: 3, d: 2 } });
    expect(() => layer.computeOutputShape([null, 4])).toThrow(/EinMix "b c -> b d": axis c has length 3 in input 1 but 4 in input 0\n {2}input shape \[null, 4\]/);
    expect(() => layer.computeOutputShape([null, 3, 1])).toThrow(/the left side has 2 dimensions but the tensor has 3/);
    const x = tf.ones([2, 4]);
    expect(() => layer.apply(x)).toThrow(EinopsError);
    x.dispose();
  });
});
