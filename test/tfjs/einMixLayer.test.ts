/**
 * EinMix made from its compiled definition (what the build plugin inlines), with no pattern
 * parser installed: it builds, runs as einsum with its weight plus its bias between two
 * rearranges, infers output shapes, checks that its arguments are the compiled definition, and
 * says that loading one needs the parser. The last part installs the parser (einops/layers/tfjs).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileEinMix } from '../../src/layers/einmix';
import { EinMix } from '../../src/layers/tfjs/runtime';
import { einsum, rearrange } from '../../src/tfjs';
import { saveToMemory } from './savedModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const PATTERN = 'b (h w) c_in -> b h w c_out';
const OPTIONS = { weightShape: 'c_in c_out', biasShape: 'c_out', axes: { c_in: 3, c_out: 4, h: 2 } };

describe('EinMix without the parser', () => {
  it('runs its compiled definition: pre-rearrange, einsum with the weight, bias, and its output shape', () => {
    const layer = new EinMix(compileEinMix(PATTERN, OPTIONS), { ...OPTIONS, name: 'mix' });
    const x = tf.randomNormal([2, 6, 3]);
    const y = layer.apply(x) as tf.Tensor;
    const [weight, bias] = layer.getWeights();
    const expected = tf.tidy(() => einsum(rearrange(x, 'b (h w) c -> b h w c', { h: 2 }), weight!, 'b h w c, c d -> b h w d').add(bias!));
    expect(y.shape).toEqual([2, 2, 3, 4]);
    expect(Math.max(...Array.from(y.sub(expected).abs().dataSync()))).toBeLessThan(1e-5);
    expect(layer.computeOutputShape([null, 6, 3])).toEqual([null, 2, 3, 4]);
    expect(layer.pattern).toBe(PATTERN);
    tf.dispose([x, y, expected]);
  });

  it('refuses a pattern string, and arguments that are not its compiled definition', () => {
    expect(() => new EinMix(PATTERN, OPTIONS)).toThrow(`EinMix "${PATTERN}": this build has no pattern parser`);
    const compiled = compileEinMix(PATTERN, OPTIONS);
    expect(() => new EinMix(compiled, { ...OPTIONS, axes: { c_in: 3, c_out: 5, h: 2 } })).toThrow(/EinMix "b \(h w\) c_in -> b h w c_out": the compiled definition is for/);
    expect(() => new EinMix(compiled, { ...OPTIONS, biasShape: null })).toThrow(argumentsMismatch());
    expect(() => new EinMix({ ...compiled, version: 9 } as never, OPTIONS)).toThrow('recipe version 9 is not 1');
    expect(() => new EinMix(42 as never, OPTIONS)).toThrow('EinMix "42": the pattern must be a string, got number');
    // The same axes in another order are the same definition.
    expect(() => new EinMix(compiled, { ...OPTIONS, axes: { h: 2, c_out: 4, c_in: 3 } })).not.toThrow();
  });

  it('says that loading a saved EinMix needs the parser', async () => {
    const model = tf.sequential({ layers: [new EinMix(compileEinMix(PATTERN, OPTIONS), { ...OPTIONS, inputShape: [6, 3] })] });
    const artifacts = await saveToMemory(model);
    await expect(tf.loadLayersModel(tf.io.fromMemory(artifacts))).rejects.toThrow(
      `EinMix "${PATTERN}": a saved EinMix is planned again from its definition, which needs the pattern parser: import 'einops/layers/tfjs' where the model is loaded`,
    );
  });
});

describe('EinMix with einops/layers/tfjs imported', () => {
  it('takes the pattern string, and loads a saved EinMix with the same output', async () => {
    await import('../../src/layers/tfjs/index');
    const model = tf.sequential({ layers: [new EinMix(PATTERN, { ...OPTIONS, inputShape: [6, 3] })] });
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(await saveToMemory(model)));
    const x = tf.randomNormal([2, 6, 3]);
    expect((loaded.predict(x) as tf.Tensor).arraySync()).toEqual((model.predict(x) as tf.Tensor).arraySync());
  });
});

/** The error for arguments that differ from the compiled definition. */
function argumentsMismatch(): RegExp {
  return /the compiled definition is for \{"weightShape":"c_in c_out","biasShape":"c_out",.*\}, but the arguments are \{"weightShape":"c_in c_out","biasShape":null,/;
}
