/**
 * The `einops/tfjs` entry: importing it is what lets every op take tf.Tensors, and it hands a
 * tfjs user the whole API.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('einops/tfjs', () => {
  it('registers the tfjs backend when imported, and not before', async () => {
    vi.resetModules();
    const main = await import('../../src/index');
    const x = tf.ones([2, 3]);
    expect(() => main.rearrange(x, 'a b -> b a')).toThrow(main.EinopsError);
    expect(() => main.rearrange(x, 'a b -> b a')).toThrow(/unsupported tensor type Tensor: .* import the backend for your library \(e\.g\. 'einops\/tfjs'\)/);
    const entry = await import('../../src/tfjs');
    // The main entry's ops take tf.Tensors now too: one registry behind both entries.
    const y = main.rearrange(x, 'a b -> b a');
    expect(y).toBeInstanceOf(tf.Tensor);
    expect(y.shape).toEqual([3, 2]);
    expect(main.getBackend(x)).toBe(entry.tfjsBackend);
    tf.dispose([x, y]);
  });

  it('re-exports the whole public API, and its backend', async () => {
    const main = await import('../../src/index');
    const entry: Record<string, unknown> = await import('../../src/tfjs');
    for (const [name, value] of Object.entries(main)) expect(entry[name], name).toBe(value);
    expect(Object.keys(entry).sort()).toEqual([...Object.keys(main), 'tfjsBackend', 'withShape'].sort());
  });

  it('withShape checks a tensor\'s lengths and hands the same tensor back', async () => {
    const { withShape, EinopsError } = await import('../../src/tfjs');
    const x = tf.zeros([2, 3]);
    expect(withShape(x, [2, 3])).toBe(x);
    expect(() => withShape(x, [3, 2])).toThrow(EinopsError);
    expect(() => withShape(x, [2, 3, 1])).toThrow(/withShape: the tensor has shape \[2, 3\], not \[2, 3, 1\]/);
    expect(() => withShape([[1, 2]] as never, [1, 2])).toThrow(/withShape takes a tf.Tensor, got object/);
    x.dispose();
  });

  it('registers once, however often the entry and the layers are imported', async () => {
    const entry = await import('../../src/tfjs');
    await import('../../src/layers/tfjs');
    entry.registerBackend(entry.tfjsBackend);
    const x = tf.ones([2]);
    expect(entry.getBackend(x)).toBe(entry.tfjsBackend);
    expect(entry.asNDArray(x).toArray()).toEqual([1, 1]);
    x.dispose();
  });
});
