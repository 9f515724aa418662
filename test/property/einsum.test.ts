/**
 * Seeded property test: random valid einsum calls (1–4 inputs, scalars, repeated axes,
 * ellipses, broadcast length-1 dimensions, empty axes, strided inputs, several dtypes) run
 * through the library and through the explicit summation of ./einsumReference.ts must agree
 * on shape, dtype and every element, and leave the inputs untouched. The values are small
 * dyadic numbers, so every sum is exact in any order and the comparison is exact too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { einsum, NDArray, tensor, type DType } from '../../src/index';
import { transpose } from '../../src/ndarray/index';
import { naiveEinsum } from './einsumReference';

type G = fc.GeneratorValue;

const SEED = 20240917;
const RUNS = 1500;
const MAX_COMBINATIONS = 1500;
const NAMES = ['a', 'b', 'i', 'j', 'k', 'x1', 'head', 'in_dim', '_'];
const DTYPES: readonly DType[] = ['float32', 'float64', 'int32', 'int8', 'uint8', 'bool'];
const VALUES: Readonly<Record<string, readonly number[]>> = {
  float: [-2, -1, -0.5, 0, 0.25, 0.5, 1, 2],
  signed: [-2, -1, 0, 1, 2, 3],
  unsigned: [0, 1, 2, 3],
  bool: [0, 1],
};

const int = (g: G, min: number, max: number): number => g(fc.integer, { min, max });
const chance = (g: G, percent: number): boolean => int(g, 0, 99) >= 100 - percent;
const pick = <T>(g: G, xs: readonly T[]): T => xs[int(g, 0, xs.length - 1)]!;

interface Operand {
  /** Names and '...' as written for this input. */
  readonly dims: string[];
  readonly shape: number[];
  readonly dtype: DType;
  /** The order the elements are laid out in memory (a permutation of the axes). */
  readonly layout: number[];
}

interface Scenario {
  readonly pattern: string;
  readonly operands: Operand[];
  readonly expectedDType: DType;
  readonly features: Set<string>;
}

function scenario(g: G): Scenario {
  const features = new Set<string>();
  const count = int(g, 1, 4);
  features.add(`${count} inputs`);
  const pool = NAMES.slice(0, int(g, 1, NAMES.length));
  const lengths = new Map(pool.map((name) => [name, chance(g, 4) ? 0 : int(g, 1, 4)]));
  const ellipsisLengths = chance(g, 35) ? Array.from({ length: int(g, 0, 3) }, () => int(g, 1, 3)) : null;

  const operands = Array.from({ length: count }, (): Operand => {
    const dims: string[] = [];
    const rank = chance(g, 10) ? 0 : int(g, 1, 4);
    for (let d = 0; d < rank; d++) {
      const repeat = dims.length > 0 && chance(g, 12);
      dims.push(repeat ? pick(g, dims) : pick(g, pool));
    }
    if (dims.length === 0) features.add('scalar input');
    if (new Set(dims).size < dims.length) features.add('diagonal');
    let ellipsisRank = 0;
    if (ellipsisLengths !== null && chance(g, 75)) {
      dims.splice(int(g, 0, dims.length), 0, '...');
      ellipsisRank = int(g, 0, ellipsisLengths.length);
      if (ellipsisRank < ellipsisLengths.length) features.add('shorter ellipsis');
    }
    // Broadcast: some axes of this input get length 1 (all their repeats alike).
    const broadcast = new Set(dims.filter((name) => name !== '...' && lengths.get(name)! > 1 && chance(g, 10)));
    if (broadcast.size > 0) features.add('broadcast axis');
    const shape = dims.flatMap((name) => {
      if (name !== '...') return [broadcast.has(name) ? 1 : lengths.get(name)!];
      return ellipsisLengths!.slice(ellipsisLengths!.length - ellipsisRank).map((length) => {
        if (length > 1 && chance(g, 10)) {
          features.add('broadcast ellipsis');
          return 1;
        }
        return length;
      });
    });
    if (shape.includes(0)) features.add('empty axis');
    const layout = shape.map((_, d) => d);
    if (shape.length > 1 && chance(g, 30)) {
      features.add('strided input');
      for (let d = layout.length - 1; d > 0; d--) {
        const e = int(g, 0, d);
        [layout[d], layout[e]] = [layout[e]!, layout[d]!];
      }
    }
    return { dims, shape, dtype: pick(g, DTYPES), layout };
  });

  const used = [...new Set(operands.flatMap((op) => op.dims.filter((name) => name !== '...')))];
  const hasEllipsis = operands.some((op) => op.dims.includes('...'));
  const ellipsisMatches = operands.some((op) => op.dims.includes('...') && op.shape.length > op.dims.length - 1);
  const output = used.filter(() => chance(g, 55));
  for (let d = output.length - 1; d > 0; d--) {
    const e = int(g, 0, d);
    [output[d], output[e]] = [output[e]!, output[d]!];
  }
  // The output must hold the ellipsis when it stands for any dimension.
  if (ellipsisMatches || (hasEllipsis && chance(g, 50)) || (!hasEllipsis && chance(g, 5))) {
    output.splice(int(g, 0, output.length), 0, '...');
  }
  if (output.length === 0) features.add('scalar output');
  if (used.some((name) => !output.includes(name))) features.add('summed axis');

  // Keep the reference's loop over every index combination small.
  const combinations = [...new Set(used)].reduce((p, name) => p * Math.max(1, lengths.get(name)!), 1) *
    (ellipsisLengths ?? []).reduce((p, length) => p * length, 1);
  if (combinations > MAX_COMBINATIONS) return scenario(g);

  const spaced = (names: readonly string[]): string =>
    names.map((name) => (name !== '...' && chance(g, 5) ? `(${name})` : name)).join(chance(g, 20) ? '  ' : ' ');
  const comma = chance(g, 20) ? ' ,  ' : ', ';
  const pattern = `${operands.map((op) => spaced(op.dims)).join(comma)} -> ${spaced(output)}`;

  // One input that is only rearranged keeps its dtype; anything summed or multiplied gives
  // float32 for float32 inputs and float64 otherwise.
  const onlyMoves = count === 1 && operands[0]!.dims.every((name) => name === '...' || output.includes(name));
  const expectedDType: DType = onlyMoves
    ? operands[0]!.dtype
    : operands.every((op) => op.dtype === 'float32')
      ? 'float32'
      : 'float64';
  return { pattern, operands, expectedDType, features };
}

function valuesFor(dtype: DType): readonly number[] {
  if (dtype === 'float32' || dtype === 'float64') return VALUES.float!;
  if (dtype === 'bool') return VALUES.bool!;
  return dtype.startsWith('int') ? VALUES.signed! : VALUES.unsigned!;
}

/** The operand as an NDArray whose memory order is `layout`, with values from `seed`. */
function build(op: Operand, seed: number): NDArray {
  const values = valuesFor(op.dtype);
  const size = op.shape.reduce((a, b) => a * b, 1);
  let state = seed >>> 0;
  const data = Array.from({ length: size }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return values[state % values.length]!;
  });
  const stored = tensor(data, op.layout.map((d) => op.shape[d]!), op.dtype);
  const inverse = op.layout.map((_, d) => op.layout.indexOf(d));
  return op.layout.every((d, i) => d === i) ? stored : transpose(stored, inverse);
}

const scenarioArb = fc.tuple(fc.gen(), fc.integer()).map(([g, seed]) => ({ ...scenario(g), seed }));

describe('einsum against explicit summation', () => {
  it('agrees on shape, dtype and every element, and leaves the inputs alone', () => {
    fc.assert(
      fc.property(scenarioArb, ({ pattern, operands, expectedDType, seed }) => {
        const inputs = operands.map((op, k) => build(op, seed + k));
        const before = inputs.map((x) => Array.from(x.data));
        const out = einsum(...inputs, pattern);
        const expected = naiveEinsum(pattern, inputs.map((x) => ({ shape: x.shape, data: x.data })));
        expect(out.shape).toEqual(expected.shape);
        expect(out.dtype).toBe(expectedDType);
        expect(Array.from(out.data)).toEqual(expected.data.map((value) => (expectedDType === 'float32' ? Math.fround(value) : value)));
        inputs.forEach((x, k) => expect(Array.from(x.data)).toEqual(before[k]));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('exercises every feature of the generator', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(scenarioArb, ({ features }) => {
        for (const feature of features) seen.set(feature, (seen.get(feature) ?? 0) + 1);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    for (const feature of [
      '1 inputs', '2 inputs', '3 inputs', '4 inputs', 'scalar input', 'scalar output', 'diagonal', 'summed axis',
      'broadcast axis', 'broadcast ellipsis', 'shorter ellipsis', 'empty axis', 'strided input',
    ]) {
      expect(seen.get(feature) ?? 0, feature).toBeGreaterThanOrEqual(10);
    }
  });
});
