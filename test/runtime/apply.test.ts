import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { tensor } from '../../src/ndarray/index';
import { compileRecipe } from '../../src/pattern/compile';
import { applyRecipe, executePlan } from '../../src/runtime/apply';
import type { Backend } from '../../src/runtime/backend';
import { bindRecipe } from '../../src/runtime/bind';

/** A backend over plain shapes that records the calls a plan makes. */
function recordingBackend(calls: string[]): Backend<{ shape: number[] }> {
  const t = (shape: readonly number[]) => ({ shape: [...shape] });
  return {
    name: 'recording',
    isAppropriate: (x): x is { shape: number[] } => typeof x === 'object' && x !== null && 'shape' in x,
    shape: (x) => x.shape,
    reshape: (x, shape) => (calls.push(`reshape ${shape.join(',')}`), t(shape)),
    transpose: (x, p) => (calls.push(`transpose ${p.join(',')}`), t(p.map((i) => x.shape[i]!))),
    reduce: (x, r, axes) => (calls.push(`${r} ${axes.join(',')}`), t(x.shape.filter((_, i) => !axes.includes(i)))),
    addAxes: (x, rank, added) => {
      calls.push(`addAxes ${rank} ${[...added].join(';')}`);
      const rest = [...x.shape];
      return t(Array.from({ length: rank }, (_, i) => added.get(i) ?? rest.shift()!));
    },
    stack: (xs) => t([xs.length, ...xs[0]!.shape]),
    // einsum and pack steps: never part of a rearrange / reduce / repeat plan
    concat: () => expect.unreachable('concat'),
    slice: () => expect.unreachable('slice'),
    diagonal: () => expect.unreachable('diagonal'),
    matmul: () => expect.unreachable('matmul'),
    isFloat: () => true,
    dtype: () => 'float32',
    toNDArray: () => tensor([0]),
  };
}

describe('executePlan', () => {
  it('runs reshape → reduce → permute → add axes → reshape, skipping what the plan leaves out', () => {
    const calls: string[] = [];
    const backend = recordingBackend(calls);
    const plan = bindRecipe(compileRecipe('reduce', 'b (h 2) w -> w b h'), [3, 4, 5], {});
    const out = executePlan(backend, plan, { shape: [3, 4, 5] }, 'max') as { shape: number[] };
    // b and h travel together (adjacent in the output), so they are merged into one axis of 6.
    expect(calls).toEqual(['reshape 6,2,5', 'max 1', 'transpose 1,0', 'reshape 5,3,2']);
    expect(out.shape).toEqual([5, 3, 2]);

    calls.length = 0;
    const repeated = bindRecipe(compileRecipe('repeat', 'h w -> w c h'), [2, 3], { c: 4 });
    expect((executePlan(backend, repeated, { shape: [2, 3] }, undefined) as { shape: number[] }).shape).toEqual([3, 4, 2]);
    expect(calls).toEqual(['transpose 1,0', 'addAxes 3 1,4']);
  });

  it('checks what a reduction function returns', () => {
    const plan = bindRecipe(compileRecipe('reduce', 'a b -> a'), [2, 3], {});
    const x = tensor(new Float32Array(6), [2, 3]);
    expect(() => executePlan(recordingBackend([]), plan, { shape: [2, 3] }, () => ({ shape: [3] }))).toThrow(
      /returned shape \[3\], expected \[2\]/,
    );
    expect(() => applyRecipe(compileRecipe('reduce', 'a b -> a'), x, () => 42)).toThrow(/a value that is not a tensor/);
  });
});

describe('applyRecipe', () => {
  it('takes a recipe as JSON, as the build-time transformer prints it', () => {
    const recipe = JSON.parse(JSON.stringify(compileRecipe('rearrange', 'a b -> b a')));
    const y = applyRecipe(recipe, tensor([1, 2, 3, 4, 5, 6], [2, 3])) as ReturnType<typeof tensor>;
    expect(y.toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
  });

  it('rejects a recipe of another version', () => {
    const recipe = { ...compileRecipe('rearrange', 'a -> a'), version: 99 } as never;
    expect(() => applyRecipe(recipe, tensor([1]))).toThrow(EinopsError);
    expect(() => applyRecipe(recipe, tensor([1]))).toThrow(/recipe version 99 is not 1/);
  });
});
