/**
 * The `einops/onnx` entry: importing it is what lets every op take onnx-shaped tensors, and
 * it hands the user the whole API. Likewise `einops/scijs` once its factory is registered.
 */
import ndarray from 'ndarray';
import { Tensor } from 'onnxruntime-web';
import { describe, expect, it, vi } from 'vitest';

describe('einops/onnx and einops/scijs', () => {
  it('register their backends when imported (onnx) or told the factory (scijs), and not before', async () => {
    vi.resetModules();
    const main = await import('../../src/index');
    const x = new Tensor('float32', new Float32Array(6), [2, 3]);
    const a = ndarray(new Float32Array(6), [2, 3]);
    expect(() => main.rearrange(x, 'a b -> b a')).toThrow(/unsupported tensor type Tensor/);
    expect(() => main.rearrange(a, 'a b -> b a')).toThrow(main.EinopsError);
    const onnx = await import('../../src/onnx');
    expect(main.rearrange(x, 'a b -> b a')).toBeInstanceOf(Tensor);
    expect(main.getBackend(x)).toBe(onnx.onnxBackend);
    const scijs = await import('../../src/scijs');
    expect(() => main.rearrange(a, 'a b -> b a')).toThrow(main.EinopsError);
    scijs.registerScijsBackend(ndarray);
    expect(main.rearrange(a, 'a b -> b a').shape).toEqual([3, 2]);
  });

  it('re-export the whole public API, and their own names', async () => {
    const main = await import('../../src/index');
    const onnx: Record<string, unknown> = await import('../../src/onnx');
    const scijs: Record<string, unknown> = await import('../../src/scijs');
    for (const [name, value] of Object.entries(main)) {
      expect(onnx[name], name).toBe(value);
      expect(scijs[name], name).toBe(value);
    }
    expect(Object.keys(onnx).sort()).toEqual([...Object.keys(main), 'onnxBackend', 'withDims'].sort());
    expect(Object.keys(scijs).sort()).toEqual([...Object.keys(main), 'registerScijsBackend', 'scijsBackend'].sort());
  });
});
