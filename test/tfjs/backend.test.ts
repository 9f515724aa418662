/**
 * The TensorFlow.js backend: every shared case gives on tfjs (cpu and wasm) what it gives on
 * the embedded NDArray, with no tensor left behind; gradients flow through every op; and each
 * backend step makes exactly one tensor and frees its own intermediates.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { asNDArray, einsum, EinopsError, type NDArray, pack, rearrange, reduce, repeat, tensor, unpack } from '../../src/tfjs';
import { tfjsBackend as backend } from '../../src/runtime/backends/tfjs';
import { CASES, type Case, caseInputs, describeCase, FAILING_CASES, runCase } from '../cases';

const toTensor = (x: NDArray): tf.Tensor => tf.tensor(x.data, [...x.shape], x.dtype as 'float32' | 'int32' | 'bool');

/** Values equal up to float32 rounding (tfjs accumulates in float32, the NDArray in float64). */
function expectSameValues(actual: NDArray, expected: NDArray): void {
  expect(actual.shape).toEqual(expected.shape);
  const a = actual.data;
  const e = expected.data;
  for (let i = 0; i < e.length; i++) {
    const x = Number(a[i]);
    const y = Number(e[i]);
    if (Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y))) continue;
    if (Math.abs(x - y) > 1e-5 * Math.max(1, Math.abs(y))) expect.fail(`element ${i}: ${x} is not close to ${y}`);
  }
}

/** tfjs's dtype for an NDArray result: the same where tfjs has it; sums of integers stay int32, products of them are float32. */
const tfjsDTypes = (dtype: string): string[] => (dtype === 'float64' ? ['int32', 'float32'] : [dtype]);

/** Runs `f`, disposes what it returns, and checks that no other tensor was left behind. */
function expectNoLeak(f: () => tf.TensorContainer): void {
  const before = tf.memory().numTensors;
  tf.dispose(f());
  expect(tf.memory().numTensors).toBe(before);
}

function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe.each(['cpu', 'wasm'])('on the tfjs %s backend', (name) => {
  beforeAll(async () => {
    expect(await tf.setBackend(name)).toBe(true);
  });

  it.each(CASES.map((c, i): [string, Case, number] => [describeCase(c), c, i]))('%s matches the NDArray', (_, c, seed) => {
    const inputs = caseInputs(c, seed);
    const expected = runCase(c, inputs) as NDArray[];
    const tensors = inputs.map(toTensor);
    const before = tf.memory().numTensors;
    const results = runCase(c, tensors) as tf.Tensor[];
    // Exactly the results are new: every intermediate is freed, no input is handed back.
    expect(tf.memory().numTensors).toBe(before + results.length);
    results.forEach((result, k) => {
      expect(result).toBeInstanceOf(tf.Tensor);
      expect(tensors).not.toContain(result);
      expect(tfjsDTypes(expected[k]!.dtype)).toContain(result.dtype);
      expectSameValues(asNDArray(result), expected[k]!);
    });
    tf.dispose([...results, ...tensors]);
  });

  it.each(FAILING_CASES.map((c, i): [string, Case, number] => [describeCase(c), c, i]))('%s throws an EinopsError', (_, c, seed) => {
    const inputs = caseInputs(c, seed);
    expect(caught(() => runCase(c, inputs))).toBeInstanceOf(EinopsError);
    const tensors = inputs.map(toTensor);
    const before = tf.memory().numTensors;
    const error = caught(() => runCase(c, tensors)) as EinopsError;
    expect(error).toBeInstanceOf(EinopsError);
    expect(error.message).toContain(c.pattern);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(tensors);
  });
});

describe('tfjs backend steps', () => {
  let x: tf.Tensor;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    x = tf.tensor([0, 1, 2, 3, 4, 5], [2, 3], 'int32');
  });

  it('recognises tf.Tensor and tf.Variable only', () => {
    expect(backend.isAppropriate(x)).toBe(true);
    const variable = tf.variable(tf.zeros([2]));
    expect(backend.isAppropriate(variable)).toBe(true);
    variable.dispose();
    expect(backend.isAppropriate(tensor([1, 2]))).toBe(false);
    expect(backend.isAppropriate({ shape: [2], dtype: 'float32' })).toBe(false);
  });

  it('runs on tfjs-core alone, whose tensors have no chained-op methods', () => {
    // @tensorflow/tfjs installs x.reshape, x.mean, …, which the steps prefer; tfjs-core alone does not.
    const names = ['reshape', 'transpose', 'min', 'max', 'sum', 'mean', 'prod', 'matMul'] as const;
    const prototype = tf.Tensor.prototype as unknown as Record<string, unknown>;
    const saved = names.map((name) => prototype[name]);
    for (const name of names) delete prototype[name];
    try {
      const y = tf.tensor([1, 2, 3, 4, 5, 6], [2, 3]);
      expect((y as unknown as Record<string, unknown>).reshape).toBeUndefined();
      expect(rearrange(y, 'a b -> b a').arraySync()).toEqual([[1, 4], [2, 5], [3, 6]]);
      expect(rearrange(y, 'a b -> (a b)').arraySync()).toEqual([1, 2, 3, 4, 5, 6]);
      expect(reduce(y, 'a b -> a', 'mean').arraySync()).toEqual([2, 5]);
      expect(reduce(y, 'a b -> b', 'max').arraySync()).toEqual([4, 5, 6]);
      expect(einsum(y, y, 'a b, c b -> a c').arraySync()).toEqual([[14, 32], [32, 77]]);
      y.dispose();
    } finally {
      names.forEach((name, i) => {
        prototype[name] = saved[i];
      });
    }
    expect(typeof (x as unknown as Record<string, unknown>).reshape).toBe('function');
  });

  it('maps each step onto tf ops, one new tensor each and the input kept', () => {
    const check = (step: () => tf.Tensor, expected: unknown, dtype: string = x.dtype): void => {
      const before = tf.memory().numTensors;
      const out = step();
      expect(tf.memory().numTensors).toBe(before + 1);
      expect(out.arraySync()).toEqual(expected);
      expect(out.dtype).toBe(dtype);
      out.dispose();
      expect(x.isDisposed).toBe(false);
    };
    check(() => backend.reshape(x, [3, 2]), [[0, 1], [2, 3], [4, 5]]);
    check(() => backend.transpose(x, [1, 0]), [[0, 3], [1, 4], [2, 5]]);
    check(() => backend.reduce(x, 'sum', [0]), [3, 5, 7]);
    check(() => backend.reduce(x, 'any', [1]), [1, 1], 'bool');
    check(() => backend.reduce(x, 'all', [1]), [0, 1], 'bool');
    check(() => backend.addAxes(x, 3, new Map([[1, 2]])), [[[0, 1, 2], [0, 1, 2]], [[3, 4, 5], [3, 4, 5]]]);
    check(() => backend.addAxes(x, 3, new Map([[2, 1]])), [[[0], [1], [2]], [[3], [4], [5]]]);
    check(() => backend.stack([x, x]), [[[0, 1, 2], [3, 4, 5]], [[0, 1, 2], [3, 4, 5]]]);
    check(() => backend.concat([x, x], 1), [[0, 1, 2, 0, 1, 2], [3, 4, 5, 3, 4, 5]]);
    check(() => backend.slice(x, 1, 1, 3), [[1, 2], [4, 5]]);
    const square = x.slice([0, 0], [2, 2]);
    check(() => backend.diagonal(square, 0, 1), [0, 4]);
    const [left, right] = [x.reshape([1, 2, 3]), x.transpose().reshape([1, 3, 2])];
    check(() => backend.matmul(left, right), [[[5, 14], [14, 50]]], 'float32');
    // The flags read an operand as transposed: x x^T from one tensor, (x^T)^T x^T from the other.
    check(() => backend.matmul(left, left, false, true), [[[5, 14], [14, 50]]], 'float32');
    check(() => backend.matmul(right, right, true, false), [[[5, 14], [14, 50]]], 'float32');
    check(() => backend.matmul(right, left, true, true), [[[5, 14], [14, 50]]], 'float32');
    const empty = tf.zeros([1, 0, 2]);
    check(() => backend.matmul(empty, empty, true, false), [[[0, 0], [0, 0]]], 'float32');
    tf.dispose([square, left, right, empty]);
  });

  it('takes diagonals of any two axes, the diagonal last', () => {
    const cube = tf.range(0, 24).reshape([2, 3, 2, 2]);
    expectNoLeak(() => {
      const d = backend.diagonal(cube, 0, 3);
      expect(d.shape).toEqual([3, 2, 2]);
      // d[j, k, i] = cube[i, j, k, i]
      expect(d.arraySync()).toEqual([[[0, 13], [2, 15]], [[4, 17], [6, 19]], [[8, 21], [10, 23]]]);
      return d;
    });
    cube.dispose();
  });

  it('reduces zero elements as numpy does, and refuses min and max of nothing', () => {
    const empty = tf.zeros([2, 0]);
    expect(backend.reduce(empty, 'sum', [1]).arraySync()).toEqual([0, 0]);
    expect(backend.reduce(empty, 'prod', [1]).arraySync()).toEqual([1, 1]);
    expect(backend.reduce(empty, 'all', [1]).dtype).toBe('bool');
    expect(Number.isNaN((backend.reduce(empty, 'mean', [1]).arraySync() as number[])[0])).toBe(true);
    expect(() => backend.reduce(empty, 'max', [1])).toThrow(EinopsError);
  });

  it('reports its dtypes and floats', () => {
    expect(backend.dtype(x)).toBe('int32');
    expect(backend.isFloat(x)).toBe(false);
    expect(backend.isFloat(tf.scalar(1.5))).toBe(true);
    expect(backend.isFloat(tf.scalar(true))).toBe(false);
  });

  it('copies a tensor to the host with its dtype', () => {
    const host = asNDArray(x);
    expect(host.dtype).toBe('int32');
    expect(host.toArray()).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(asNDArray(tf.tensor([true, false])).dtype).toBe('bool');
    expect(asNDArray(tf.tensor([true, false])).toArray()).toEqual([true, false]);
    expect(asNDArray(tf.tensor([1.5])).dtype).toBe('float32');
    const complex = tf.complex([1], [2]);
    expect(() => asNDArray(complex)).toThrow(EinopsError);
    complex.dispose();
  });

  it('scopes an op: intermediates freed, inputs kept, an unchanged input handed back as a new handle', () => {
    const y = tf.ones([2, 3]);
    const before = tf.memory().numTensors;
    const same = rearrange(y, 'a b -> a b');
    expect(same).not.toBe(y);
    expect(tf.memory().numTensors).toBe(before + 1);
    y.dispose();
    expect(same.arraySync()).toEqual([[1, 1, 1], [1, 1, 1]]);
    const [alone] = [pack([same], 'a *')[0]];
    expect(alone).not.toBe(same);
    expect(einsum(same, 'i j -> i j')).not.toBe(same);
    tf.dispose([same, alone]);
  });

  it('frees what a reduction function makes, but its result', () => {
    const y = tf.ones([2, 3, 4]);
    expectNoLeak(() => reduce(y, 'a b c -> a', (t: tf.Tensor, axes: readonly number[]) => tf.sum(tf.square(t), [...axes])));
    y.dispose();
  });

  it('leaves nothing behind inside tf.tidy either', () => {
    const y = tf.ones([2, 3, 4]);
    const before = tf.memory().numTensors;
    const out = tf.tidy(() => reduce(repeat(rearrange(y, 'a b c -> c (a b)'), 'c ab -> c ab k', { k: 2 }), 'c ab k -> ab', 'max'));
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(out.shape).toEqual([6]);
    tf.dispose([out, y]);
  });

  it('runs the kernels the same op written by hand runs, no more', async () => {
    // The bench's comparisons: a plan of fewest steps (no reshape merging what a tf op takes as
    // separate axes) and einsum's transposed operand read by matMul's flag, not transposed first.
    const kernels = async (f: () => tf.Tensor): Promise<string[]> => {
      const info = await tf.profile(() => f());
      tf.dispose(info.result as tf.Tensor);
      return info.kernels.map((kernel) => kernel.name);
    };
    const images = tf.randomNormal([2, 3, 4, 6]);
    const [q, k] = [tf.randomNormal([2, 4, 8]), tf.randomNormal([2, 5, 8])];
    const pairs: [() => tf.Tensor, () => tf.Tensor][] = [
      [() => rearrange(images, 'b c h w -> b h w c'), () => tf.transpose(images, [0, 2, 3, 1])],
      [() => reduce(images, 'b c h w -> b c', 'mean'), () => tf.mean(images, [2, 3])],
      [() => reduce(images, 'b c (h 2) (w 2) -> b c h w', 'max'), () => images.reshape([2, 3, 2, 2, 3, 2]).max([3, 5])],
      [() => einsum(q, k, 'b i d, b j d -> b i j'), () => tf.matMul(q, k, false, true)],
      [() => einsum(k, q, 'b j d, b i d -> b i j'), () => tf.matMul(q, k, false, true)],
    ];
    for (const [einops, byHand] of pairs) {
      expect(await kernels(einops)).toEqual(await kernels(byHand));
      expectNoLeak(einops);
    }
    tf.dispose([images, q, k]);
  });

  it('refuses disposed tensors with an EinopsError', () => {
    const y = tf.ones([2, 3]);
    y.dispose();
    expect(() => rearrange(y, 'a b -> b a')).toThrow(/tensor 0 is a disposed tf.Tensor/);
    const z = tf.ones([2]);
    expect(() => einsum(z, y, 'i, j k -> i k')).toThrow(/tensor 1 is a disposed tf.Tensor/);
    expect(() => asNDArray(y)).toThrow(EinopsError);
    z.dispose();
  });

  it('stacks only lists of tensors of one shape and dtype', () => {
    const [a, b, c] = [tf.ones([2, 3]), tf.ones([3, 2]), tf.ones([2, 3], 'int32')];
    const before = tf.memory().numTensors;
    expect(() => rearrange([a, b], 'n h w -> h w n')).toThrow(/list item 1 has shape \[3, 2\] and dtype float32, but item 0 has shape \[2, 3\] and dtype float32/);
    expect(() => rearrange([a, c], 'n h w -> h w n')).toThrow(EinopsError);
    expect(() => rearrange([a, [[1, 2, 3], [4, 5, 6]]] as never, 'n h w -> h w n')).toThrow(/list item 1 is not a tf.Tensor/);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b, c]);
  });

  it('refuses tensors of two libraries in one call', () => {
    const y = tf.ones([2, 3]);
    expect(() => einsum(y, tensor(new Float32Array(6), [3, 2]) as never, 'i j, j k -> i k')).toThrow(EinopsError);
    expect(() => pack([y, tensor(new Float32Array(6), [2, 3])] as never[], 'a *')).toThrow(EinopsError);
    y.dispose();
  });
});

describe('gradients', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const tutorial = (x: tf.Tensor): tf.Tensor => reduce(rearrange(reduce(x, 'b c h w -> b c', 'max'), 'b c -> c b'), 'c b -> ', 'sum');

  it('flow through the tutorial: one per maximum, 320 in all', () => {
    const x = tf.randomNormal([10, 32, 10, 20]);
    const before = tf.memory().numTensors;
    const grad = tf.grad(tutorial)(x);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(grad.sum().arraySync()).toBe(320);
    // The gradient of a max is 1 at the maximum and 0 elsewhere.
    const maxima = tf.tidy(() => tf.equal(x, tf.max(x, [2, 3], true)).cast('float32'));
    expect(grad.arraySync()).toEqual(maxima.arraySync());
    tf.dispose([x, grad, maxima]);
  });

  it('flow through the tutorial at its full shape [10, 32, 100, 200]', () => {
    const x = tf.randomNormal([10, 32, 100, 200]);
    const grad = tf.grad(tutorial)(x);
    expect(tf.tidy(() => grad.sum().arraySync())).toBe(320);
    tf.dispose([x, grad]);
  });

  it('through repeat: each element gets the sum of the weights of its copies', () => {
    const x = tf.tensor([[1, 2, 3], [4, 5, 6]]);
    const weights = tf.range(0, 2 * 3 * 4).reshape([2, 3 * 4]);
    // y[h, (w c)] = x[h, w] for c < 4, so dL/dx[h, w] = sum_c weights[h, 4w + c].
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(repeat(t, 'h w -> h (w c)', { c: 4 }), weights)))(x);
    expect(grad.arraySync()).toEqual([[0 + 1 + 2 + 3, 4 + 5 + 6 + 7, 8 + 9 + 10 + 11], [12 + 13 + 14 + 15, 16 + 17 + 18 + 19, 20 + 21 + 22 + 23]]);
    tf.dispose([x, weights, grad]);
  });

  it('through einsum: a product, a batched product, a trace', () => {
    const a = tf.tensor([[1, 2, 3], [4, 5, 6]]);
    const b = tf.tensor([[1, 0], [0, 2], [3, 1]]);
    const g = tf.tensor([[1, 10], [100, 1000]]);
    // L = sum(G * (A B)): dL/dA = G B^T, dL/dB = A^T G.
    const [da, db] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(einsum(x, y, 'i j, j k -> i k'), g)))([a, b]);
    expect(da!.arraySync()).toEqual([[1, 20, 13], [100, 2000, 1300]]);
    expect(db!.arraySync()).toEqual([[401, 4010], [502, 5020], [603, 6030]]);
    // The trace: dL/dm is the identity; through the diagonal of repeated axes.
    const m = tf.tensor([[1, 2], [3, 4]]);
    expect(tf.grad((t: tf.Tensor) => einsum(t, 'i i ->'))(m).arraySync()).toEqual([[1, 0], [0, 1]]);
    // Batched: b i d, b j d -> b i j; dL/dq[b, i, d] = sum_j k[b, j, d] for L = sum.
    const q = tf.ones([2, 2, 3]);
    const k = tf.range(0, 2 * 4 * 3).reshape([2, 4, 3]);
    const dq = tf.grad((t: tf.Tensor) => tf.sum(einsum(t, k, 'b i d, b j d -> b i j')))(q);
    expect(dq.arraySync()).toEqual([
      [[18, 22, 26], [18, 22, 26]],
      [[66, 70, 74], [66, 70, 74]],
    ]);
    tf.dispose([a, b, g, da!, db!, m, q, k, dq]);
  });

  it('through pack and unpack, and a list input', () => {
    const a = tf.ones([2, 3]);
    const b = tf.ones([2, 2]);
    const [da, db] = tf.grads((x: tf.Tensor, y: tf.Tensor) => {
      const [packed] = pack([x, y], 'n *');
      const [first] = unpack(tf.mul(packed, tf.range(1, 6)), [[3], [2]], 'n *');
      return tf.sum(first!);
    })([a, b]);
    expect(da!.arraySync()).toEqual([[1, 2, 3], [1, 2, 3]]);
    expect(db!.arraySync()).toEqual([[0, 0], [0, 0]]);
    const c = tf.ones([2, 3]);
    const dl = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(rearrange([x, y], 'n a b -> a b n'), tf.tensor([1, 10]))))([a, c]);
    expect(dl.map((t) => t.arraySync())).toEqual([[[1, 1, 1], [1, 1, 1]], [[10, 10, 10], [10, 10, 10]]]);
    tf.dispose([a, b, c, da!, db!, ...dl]);
  });
});
