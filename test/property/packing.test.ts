/**
 * Seeded property test: random pack patterns and lists of tensors (different packed ranks,
 * empty dimensions, strided inputs, every dtype). pack must lay the elements out as an
 * explicit index computation says, unpack must give the tensors back exactly (also with a -1
 * in the packed shapes), and neither may touch its input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NDArray, pack, tensor, unpack, type DType } from '../../src/index';
import { transpose } from '../../src/ndarray/index';

type G = fc.GeneratorValue;

const SEED = 20240918;
const RUNS = 600;
const NAMES = ['b', 'c', 'h', 'w', 'seq', 'x1'];
const DTYPES: readonly DType[] = ['float32', 'float64', 'int8', 'int16', 'int32', 'uint8', 'uint8-clamped', 'uint16', 'uint32', 'bool'];

const int = (g: G, min: number, max: number): number => g(fc.integer, { min, max });
const chance = (g: G, percent: number): boolean => int(g, 0, 99) >= 100 - percent;
const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

interface Scenario {
  readonly pattern: string;
  readonly before: number[];
  readonly after: number[];
  readonly packedShapes: number[][];
  readonly dtype: DType;
  /** Per tensor, the order its elements are laid out in memory. */
  readonly layouts: number[][];
  /** Which packed shape gets a -1 for the second unpack, or -1 for none. */
  readonly unknown: number;
}

function scenario(g: G): Scenario {
  const names = NAMES.slice();
  for (let i = names.length - 1; i > 0; i--) {
    const j = int(g, 0, i);
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  const before = Array.from({ length: int(g, 0, 2) }, () => int(g, chance(g, 5) ? 0 : 1, 3));
  const after = Array.from({ length: int(g, 0, 2) }, () => int(g, chance(g, 5) ? 0 : 1, 3));
  const tokens = [...names.slice(0, before.length), '*', ...names.slice(before.length, before.length + after.length)];
  const pattern = tokens.join(chance(g, 20) ? '  ' : ' ');
  const packedShapes = Array.from({ length: int(g, 1, 4) }, () =>
    Array.from({ length: int(g, 0, 3) }, () => int(g, chance(g, 8) ? 0 : 1, 3)),
  );
  const layouts = packedShapes.map((ps) => {
    const rank = before.length + ps.length + after.length;
    const layout = Array.from({ length: rank }, (_, d) => d);
    if (chance(g, 30)) {
      for (let d = rank - 1; d > 0; d--) {
        const e = int(g, 0, d);
        [layout[d], layout[e]] = [layout[e]!, layout[d]!];
      }
    }
    return layout;
  });
  // A -1 can only stand where the rest of its shape has elements to divide by.
  const candidates = packedShapes.flatMap((ps, i) => (size(ps) > 0 || ps.length === 0 ? [i] : []));
  const unknown = candidates.length > 0 && chance(g, 70) ? candidates[int(g, 0, candidates.length - 1)]! : -1;
  return { pattern, before, after, packedShapes, dtype: DTYPES[int(g, 0, DTYPES.length - 1)]!, layouts, unknown };
}

function build(shape: readonly number[], layout: readonly number[], dtype: DType, seed: number): NDArray {
  let state = seed >>> 0;
  const data = Array.from({ length: size(shape) }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return dtype === 'bool' ? state & 1 : (state % 200) - (dtype.startsWith('u') ? 0 : 100);
  });
  const stored = tensor(data, layout.map((d) => shape[d]!), dtype);
  return transpose(stored, layout.map((_, d) => layout.indexOf(d)));
}

/** Row-major elements of the packed tensor, computed index by index. */
function naivePack(xs: readonly NDArray[], before: readonly number[], after: readonly number[]): number[] {
  const outer = size(before);
  const inner = size(after);
  const out: number[] = [];
  const data = xs.map((x) => x.data);
  for (let o = 0; o < outer; o++) {
    xs.forEach((x, t) => {
      const packed = x.size / Math.max(1, outer * inner);
      for (let p = 0; p < packed; p++) for (let a = 0; a < inner; a++) out.push(data[t]![(o * packed + p) * inner + a]!);
    });
  }
  return out;
}

const scenarioArb = fc.tuple(fc.gen(), fc.integer()).map(([g, seed]) => ({ ...scenario(g), seed }));

describe('pack and unpack', () => {
  it('pack lays out the elements as the index computation says; unpack gives the tensors back', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pattern, before, after, packedShapes, dtype, layouts, unknown, seed }) => {
        const xs = packedShapes.map((ps, i) => build([...before, ...ps, ...after], layouts[i]!, dtype, seed + i));
        const snapshots = xs.map((x) => Array.from(x.data));
        const [packed, ps] = pack(xs, pattern);
        const total = packedShapes.reduce((sum, shape) => sum + size(shape), 0);
        expect(packed.shape).toEqual([...before, total, ...after]);
        expect(packed.dtype).toBe(dtype);
        expect(ps).toEqual(packedShapes);
        if (size(before) * size(after) > 0) expect(Array.from(packed.data)).toEqual(naivePack(xs, before, after));
        else expect(packed.size).toBe(0);

        const packedSnapshot = Array.from(packed.data);
        const withUnknown = ps.map((shape, i) => (i === unknown ? [...shape.slice(0, -1), -1] : shape));
        // `[]` has no entry to replace: its -1 form is [-1] read as a shape of one dimension
        // of length 1, so that case unpacks with the exact shapes instead.
        const shapesToTry = unknown >= 0 && ps[unknown]!.length > 0 ? [ps, withUnknown] : [ps];
        for (const shapes of shapesToTry) {
          const ys = unpack(packed, shapes, pattern);
          expect(ys).toHaveLength(xs.length);
          ys.forEach((y, i) => {
            expect(y.shape).toEqual(xs[i]!.shape);
            expect(y.dtype).toBe(dtype);
            expect(Array.from(y.data)).toEqual(snapshots[i]);
          });
        }
        expect(Array.from(packed.data)).toEqual(packedSnapshot);
        xs.forEach((x, i) => expect(Array.from(x.data)).toEqual(snapshots[i]));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
