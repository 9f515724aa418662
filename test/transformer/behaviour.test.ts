/**
 * A module run as written and run transformed gives the same results, throws the same errors
 * with the same messages, and evaluates the arguments in the same order.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as einopsModule from '../../src/index';
import * as runtimeModule from '../../src/runtime/index';
import { createTransformer } from '../../src/transformer/transform';

const SOURCE = resolve(__dirname, '../../src/index.ts');
const RUNTIME = resolve(__dirname, '../../src/runtime/index.ts');
const transformer = createTransformer({ modules: [SOURCE], runtime: RUNTIME });
const directory = mkdtempSync(join(tmpdir(), 'einops-transformer-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let modules = 0;
/** Imports a module written as `code`, and the same module transformed. */
async function bothWays<T>(code: string): Promise<{ original: T; transformed: T; calls: number }> {
  const result = transformer.transform(code, join(directory, 'module.ts'));
  const load = async (text: string): Promise<T> => {
    const file = join(directory, `module${modules++}.ts`);
    writeFileSync(file, text);
    return (await import(pathToFileURL(file).href)) as T;
  };
  return { original: await load(code), transformed: await load(result.code), calls: result.calls };
}

/** What a call gives: its result as plain data, or its error's type and message. */
function outcome(run: () => unknown): unknown {
  try {
    const value = run();
    const plain = (v: unknown): unknown => (v instanceof einopsModule.NDArray ? { shape: Array.from(v.shape as readonly number[]), dtype: v.dtype, data: v.toArray() } : v);
    return Array.isArray(value) ? value.map(plain) : plain(value);
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message };
  }
}

describe('the same results and errors', () => {
  const ops = `import { rearrange, reduce as r, repeat, einsum, pack, unpack, parseShape } from ${JSON.stringify(SOURCE)};
import * as E from ${JSON.stringify(SOURCE)};
export const calls = {
  transpose: (x, axes) => rearrange(x, 'a b c -> c b a', axes),
  split: (x, axes) => rearrange(x, 'a (b k) c -> a b k c', axes),
  list: (x) => rearrange([x, x], 'n a b c -> a (b n) c'),
  max: (x, reduction, axes) => r(x, 'a b (c 2) -> a c', reduction, axes),
  mean: (x) => E.reduce(x, 'a ... -> a', 'mean'),
  noReduction: (x) => r(x, 'a b c -> a'),
  tile: (x, axes) => repeat(x, 'a b c -> a (r b) c s', axes),
  product: (x) => einsum(x, x, 'a b c, a d c -> b d'),
  trace: (x) => E.einsum(x, 'a a c -> c'),
  pack: (x) => pack([x, x], 'a * c'),
  unpack: (x, shapes) => unpack(x, shapes, 'a * c'),
  shape: (x) => parseShape(x, 'a _ 4 ...'),
  unitShape: (x) => E.parseShape(x, 'a b () c'),
};`;
  const x = einopsModule.tensor(Float32Array.from({ length: 24 }, (_, i) => i - 7), [2, 3, 4]);
  const ints = einopsModule.tensor(Int32Array.from({ length: 24 }, (_, i) => i), [2, 3, 4]);
  const square = einopsModule.tensor(Float64Array.from({ length: 8 }, (_, i) => i), [2, 2, 2]);
  type Calls = Record<string, (...args: unknown[]) => unknown>;
  const cases: [string, unknown[]][] = [
    ['transpose', [x]],
    ['transpose', [x, { a: 2 }]],
    ['transpose', [x, { a: 3 }]],
    ['transpose', [x, { z: 1 }]],
    ['transpose', [x, 'nonsense']],
    ['transpose', [einopsModule.tensor(new Float32Array(6), [2, 3])]],
    ['transpose', [[1, 2, 3]]],
    ['transpose', [null]],
    ['split', [x, { k: 3 }]],
    ['split', [x, { k: 2 }]],
    ['split', [x]],
    ['list', [x]],
    ['max', [x, 'max']],
    ['max', [x, 'sum', { c: 2 }]],
    ['max', [x, 'median']],
    ['max', [x, (t: einopsModule.NDArray, axes: number[]) => einopsModule.reduce(t, 'a b c d -> a c', 'min')]],
    ['max', [x, () => 0]],
    ['mean', [x]],
    ['mean', [ints]],
    ['noReduction', [x]],
    ['tile', [x, { r: 2, s: 2 }]],
    ['tile', [x, { r: 2 }]],
    ['product', [x]],
    ['product', [square]],
    ['trace', [square]],
    ['trace', [x]],
    ['pack', [x]],
    ['unpack', [einopsModule.tensor(new Float32Array(12), [2, 6, 1]), [[2], [-1]]]],
    ['unpack', [einopsModule.tensor(new Float32Array(12), [2, 6, 1]), [[2], [5]]]],
    ['unpack', [x, 'not shapes']],
    ['shape', [x]],
    ['shape', [einopsModule.tensor(new Float32Array(10), [2, 5])]],
    ['shape', [einopsModule.tensor(new Float32Array(6), [2, 3, 1])]],
    ['shape', [[1, 2]]],
    ['unitShape', [einopsModule.tensor(new Float32Array(6), [2, 3, 1, 1])]],
    ['unitShape', [x]],
  ];

  it('for every op, on good and bad inputs', async () => {
    const { original, transformed, calls } = await bothWays<{ calls: Calls }>(ops);
    expect(calls).toBe(13);
    for (const [name, args] of cases) {
      const expected = outcome(() => original.calls[name]!(...args));
      expect(outcome(() => transformed.calls[name]!(...args)), `${name}(${args.length} arguments)`).toEqual(expected);
    }
  });

  it('the transformed module calls the runtime, not the string-pattern ops', async () => {
    const { transformed } = await bothWays<{ calls: Calls }>(ops);
    expect(String(transformed.calls.transpose)).toContain('applyRecipe');
    expect(String(transformed.calls.transpose)).not.toContain('rearrange(');
  });
});

describe('the same order of evaluation', () => {
  it('each argument is evaluated once, in order, before the op runs', async () => {
    const code = `import { rearrange, reduce, einsum, pack, unpack } from ${JSON.stringify(SOURCE)};
export const log = [];
const note = (name, value) => (log.push(name), value);
export function run(x) {
  reduce(note('x', x), 'a b c -> a', note('reduction', (t) => (log.push('reduce'), reduce(t, 'a ... -> a', 'sum'))), note('axes', {}));
  rearrange(note('x2', x), 'a b c -> c b a', note('axes2', {}));
  einsum(note('e1', x), note('e2', x), 'a b c, a b c -> a');
  unpack(note('packed', pack([x], 'a *')[0]), note('shapes', [[3, 4]]), 'a *');
}`;
    const { original, transformed } = await bothWays<{ log: string[]; run: (x: unknown) => void }>(code);
    const x = einopsModule.tensor(new Float32Array(24), [2, 3, 4]);
    original.run(x);
    transformed.run(x);
    expect(transformed.log).toEqual(original.log);
    expect(original.log).toEqual(['x', 'reduction', 'axes', 'reduce', 'x2', 'axes2', 'e1', 'e2', 'packed', 'shapes']);
  });

  it('a const pattern read before its declaration throws as it did', async () => {
    const code = `import { rearrange, reduce } from ${JSON.stringify(SOURCE)};
const early = (x) => { try { return rearrange(x, P); } catch (error) { return error.constructor.name; } };
const earlyReduce = (x) => { try { return reduce(x, P2, 'sum'); } catch (error) { return error.constructor.name; } };
export const before = [early(null), earlyReduce(null)];
const P = 'a b -> b a';
const P2 = 'a b -> a';
export const after = [early(null), earlyReduce(null)];`;
    const { original, transformed, calls } = await bothWays<{ before: string[]; after: string[] }>(code);
    expect(calls).toBe(2);
    expect(original.before).toEqual(['ReferenceError', 'ReferenceError']);
    expect(original.after).toEqual(['EinopsError', 'EinopsError']);
    expect(transformed.before).toEqual(original.before);
    expect(transformed.after).toEqual(original.after);
  });
});

describe('CommonJS output runs', () => {
  it('as tsc emits it', () => {
    const code = `"use strict";
const einops_1 = require("einops");
exports.y = (0, einops_1.rearrange)((0, einops_1.tensor)([[1, 2, 3]]), 'a b -> b a').toArray();`;
    const result = createTransformer().transform(code, '/app/main.js');
    expect(result.calls).toBe(1);
    const load = (text: string): { y: unknown } => {
      const exports = {} as { y: unknown };
      const require = (name: string): unknown => ({ einops: einopsModule, 'einops/runtime': runtimeModule })[name];
      new Function('require', 'exports', text)(require, exports);
      return exports;
    };
    expect(load(result.code).y).toEqual([[1], [2], [3]]);
    expect(load(result.code).y).toEqual(load(code).y);
  });
});
