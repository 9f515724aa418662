/**
 * Seeded property tests: random valid rearrange / reduce / repeat calls, run through the
 * library and through the naive reference (./reference.ts), must agree on shape, dtype and
 * every element. A last test checks that the generator really exercises every feature.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EinopsError, NDArray, rearrange, reduce, repeat, tensor, type DType } from '../../src/index';
import { reference, type RefOp, type RefReduction, type RefTensor } from './reference';
import { prng } from '../helpers';

type G = fc.GeneratorValue;
type TypedArray = NDArray['data'];

const SEED = 20240611;
const RUNS: Readonly<Record<RefOp, number>> = { rearrange: 800, reduce: 1200, repeat: 800 };
const MEAN_OF_INTEGERS_RUNS = 200;
const MAX_INPUT = 480;
const MAX_OUTPUT = 2000;

const REDUCTIONS: readonly RefReduction[] = ['min', 'max', 'sum', 'mean', 'prod', 'any', 'all'];
const ALL_DTYPES: readonly DType[] = [
  'float32', 'float64', 'int8', 'int16', 'int32', 'uint8', 'uint8-clamped', 'uint16', 'uint32', 'bool',
];
/** Input dtypes per reduction, chosen so the expected results are exact (or 1e-9 for mean/prod). */
const REDUCTION_DTYPES: Readonly<Record<RefReduction, readonly DType[]>> = {
  min: ['float32', 'float64', 'int32', 'int8', 'uint16', 'bool'],
  max: ['float32', 'float64', 'int32', 'int8', 'uint16', 'bool'],
  sum: ['float32', 'float64', 'int32', 'uint8', 'bool'],
  mean: ['float64'],
  prod: ['float64', 'int32', 'bool'],
  any: ['bool', 'bool', 'float32', 'int32'],
  all: ['bool', 'bool', 'float32', 'int32'],
};
const NAME_POOL = ['a', 'b', 'c', 'h', 'w', 'h1', 'w1', 'ch', 'tt', 'x2', 'k_v'];

// ---------------------------------------------------------------------------------------------
// Generator helpers: every choice shrinks towards "the simpler call" (feature off, first item).

const int = (g: G, min: number, max: number): number => g(fc.integer, { min, max });
/** True with `percent`% probability; shrinks to false. */
const chance = (g: G, percent: number): boolean => int(g, 0, 99) >= 100 - percent;
const pick = <T>(g: G, xs: readonly T[]): T => xs[int(g, 0, xs.length - 1)]!;
const permute = <T>(g: G, xs: readonly T[]): T[] =>
  xs.length < 2 ? [...xs] : g(fc.shuffledSubarray, [...xs], { minLength: xs.length, maxLength: xs.length });
const product = (xs: readonly number[]): number => xs.reduce((a, b) => a * b, 1);

/** One elementary axis of the generated pattern (lengths are mutable until the size cap). */
interface El {
  kind: 'named' | 'anonymous' | 'ellipsis-dim';
  name: string;
  length: number;
}
type DimSpec =
  | { type: 'group'; items: (El | '...')[]; paren: boolean; innerUnit: 'none' | 'start' | 'end' }
  | { type: 'unit'; text: '1' | '()' }
  | { type: 'ellipsis' };
type Style = 'normal' | 'loose' | 'tight';

interface Layout {
  /** Non-null: the input is a transposed view: `rearrange(base, <perm> -> <identity>)`. */
  readonly perm: readonly number[] | null;
  /** Non-null: the input is `[...base][offset]` of a base with an extra leading axis of 2. */
  readonly offset: number | null;
}

interface Scenario {
  readonly op: RefOp;
  readonly reduction: RefReduction | undefined;
  readonly pattern: string;
  readonly axes: Readonly<Record<string, number>>;
  readonly dtype: DType;
  /** The logical input shape, the list axis included. */
  readonly shape: readonly number[];
  /** 0: a single tensor; n: a JS array of n tensors of shape shape[1:]. */
  readonly list: number;
  readonly layout: Layout;
  readonly valueSeed: number;
  /** any/all: how likely an element is truthy (0: rare, 1: half, 2: almost always). */
  readonly truthBias: number;
  readonly features: ReadonlySet<string>;
}

interface Overrides {
  readonly reduction?: RefReduction;
  readonly dtypes?: readonly DType[];
}

function groupItems(g: G, items: readonly El[], joinPercent: number): Extract<DimSpec, { type: 'group' }>[] {
  const dims: Extract<DimSpec, { type: 'group' }>[] = [];
  for (const it of items) {
    const last = dims[dims.length - 1];
    if (last !== undefined && chance(g, joinPercent)) last.items.push(it);
    else dims.push({ type: 'group', items: [it], paren: false, innerUnit: 'none' });
  }
  for (const d of dims) {
    d.paren = d.items.length > 1 || chance(g, 8);
    if (d.paren && chance(g, 8)) d.innerUnit = chance(g, 50) ? 'start' : 'end';
  }
  return dims;
}

function insertAt<T>(g: G, xs: T[], x: T): void {
  xs.splice(int(g, 0, xs.length), 0, x);
}

function insertUnits(g: G, dims: DimSpec[], side: string, features: Set<string>): void {
  if (!chance(g, 30)) return;
  const n = int(g, 1, 2);
  for (let i = 0; i < n; i++) {
    const text = chance(g, 50) ? '()' : '1';
    features.add(`unit ${text} ${side}`);
    insertAt(g, dims, { type: 'unit', text });
  }
}

function renderDim(d: DimSpec, style: Style): string {
  if (d.type === 'unit') return d.text;
  if (d.type === 'ellipsis') return '...';
  const names = d.items.map((it) => (it === '...' ? '...' : it.name));
  if (d.innerUnit === 'start') names.unshift('1');
  if (d.innerUnit === 'end') names.push('1');
  if (!d.paren) return names[0]!;
  return style === 'loose' ? `( ${names.join('  ')} )` : `(${names.join(' ')})`;
}

function renderSide(dims: readonly DimSpec[], style: Style): string {
  const parts = dims.map((d) => renderDim(d, style));
  if (style === 'normal') return parts.join(' ');
  if (style === 'loose') return ` ${parts.join('  ')} `;
  // tight: no space next to a parenthesis (einops splits tokens at '(' and ')' as well).
  let out = '';
  parts.forEach((p, i) => {
    if (i > 0 && !p.startsWith('(') && !parts[i - 1]!.endsWith(')')) out += ' ';
    out += p;
  });
  return out;
}

function dimLength(d: DimSpec, ellipsis: readonly El[]): number[] {
  if (d.type === 'unit') return [1];
  if (d.type === 'ellipsis') return ellipsis.map((e) => e.length);
  return [product(d.items.map((it) => (it === '...' ? product(ellipsis.map((e) => e.length)) : it.length)))];
}

/** Builds one random valid call of `op`, recording which features it exercises. */
function buildScenario(g: G, op: RefOp, overrides: Overrides = {}): Scenario {
  const features = new Set<string>([`op ${op}`]);
  const reduction = op === 'reduce' ? (overrides.reduction ?? pick(g, REDUCTIONS)) : undefined;
  const dtypes = overrides.dtypes ?? (reduction === undefined ? ALL_DTYPES : REDUCTION_DTYPES[reduction]);
  const dtype = pick(g, dtypes);

  // The axes: named ones (lengths 1-4), the ellipsis' dims, anonymous ones, and for repeat new ones.
  const pool = permute(g, NAME_POOL);
  const nNamed = chance(g, 90) ? int(g, 1, 4) : 0;
  const named: El[] = pool.slice(0, nNamed).map((name) => ({ kind: 'named', name, length: int(g, 1, 4) }));
  const hasEllipsis = chance(g, 40);
  const ellipsis: El[] = hasEllipsis
    ? Array.from({ length: int(g, 0, 2) }, () => ({ kind: 'ellipsis-dim' as const, name: '', length: int(g, 1, 3) }))
    : [];
  const anonymous = (): El => {
    const length = int(g, 2, 3);
    return { kind: 'anonymous', name: String(length), length };
  };
  const leftAnonymous = op === 'reduce' && chance(g, 35) ? Array.from({ length: int(g, 1, 2) }, anonymous) : [];
  const newNamed: El[] =
    op === 'repeat' && chance(g, 50)
      ? pool.slice(nNamed, nNamed + int(g, 1, 2)).map((name) => ({ kind: 'named', name, length: int(g, 1, 4) }))
      : [];
  const rightAnonymous = op === 'repeat' && chance(g, 35) ? Array.from({ length: int(g, 1, 2) }, anonymous) : [];
  const kept = op === 'reduce' ? named.filter(() => !chance(g, 45)) : named;
  const keepEllipsis = hasEllipsis && (op !== 'reduce' || !chance(g, 35));

  // Keep tensors small: shrink the largest adjustable length until both sizes fit.
  const adjustable = [...named, ...ellipsis, ...newNamed];
  const inputSize = (): number => product([...named, ...ellipsis, ...leftAnonymous].map((e) => e.length));
  const outputSize = (): number => inputSize() * product([...newNamed, ...rightAnonymous].map((e) => e.length));
  while (inputSize() > MAX_INPUT || outputSize() > MAX_OUTPUT) {
    const largest = adjustable.reduce((a, b) => (b.length > a.length ? b : a));
    largest.length--;
  }

  // Left side: a random order, random grouping, unit dims, the ellipsis anywhere at top level.
  const left: DimSpec[] = groupItems(g, permute(g, [...named, ...leftAnonymous]), 30);
  insertUnits(g, left, 'left', features);
  if (hasEllipsis) insertAt(g, left, { type: 'ellipsis' });

  // Axis lengths: all but one axis of each composed group, sometimes all, sometimes a lone axis.
  const axes: Record<string, number> = {};
  for (const d of left) {
    if (d.type !== 'group') continue;
    const names = d.items.filter((it): it is El => it !== '...' && it.kind === 'named');
    if (d.items.length >= 2 && names.length >= 1) {
      const unknown = chance(g, 15) ? -1 : int(g, 0, names.length - 1);
      if (unknown >= 0) features.add('decomposition (inferred axis)');
      names.forEach((n, i) => {
        if (i !== unknown) axes[n.name] = n.length;
      });
    } else if (names.length === 1 && chance(g, 20)) {
      axes[names[0]!.name] = names[0]!.length;
      features.add('known lone axis');
    }
  }
  for (const n of newNamed) axes[n.name] = n.length;

  // Right side.
  const right: DimSpec[] = groupItems(g, permute(g, [...kept, ...newNamed, ...rightAnonymous]), 30);
  insertUnits(g, right, 'right', features);
  if (keepEllipsis) {
    const groups = right.filter((d): d is Extract<DimSpec, { type: 'group' }> => d.type === 'group');
    const mode = int(g, 0, 2);
    if (mode === 0) {
      insertAt(g, right, { type: 'ellipsis' });
    } else if (mode === 1 || groups.length === 0) {
      insertAt(g, right, { type: 'group', items: ['...'], paren: true, innerUnit: 'none' });
      features.add('ellipsis merged (...)');
    } else {
      const target = pick(g, groups);
      insertAt(g, target.items, '...');
      target.paren = true;
      features.add('ellipsis merged with axes');
    }
  }

  const styleRoll = int(g, 0, 9);
  const style: Style = styleRoll < 7 ? 'normal' : styleRoll < 9 ? 'loose' : 'tight';
  const pattern = `${renderSide(left, style)}${style === 'normal' ? ' -> ' : style === 'loose' ? '  ->  ' : '->'}${renderSide(right, style)}`;
  const shape = left.flatMap((d) => dimLength(d, ellipsis));

  const list = shape.length >= 1 && shape[0]! <= 3 && chance(g, 25) ? shape[0]! : 0;
  const innerRank = list > 0 ? shape.length - 1 : shape.length;
  const perm = innerRank >= 2 && chance(g, 25) ? permute(g, Array.from({ length: innerRank }, (_, i) => i)) : null;
  const offset = chance(g, 15) ? int(g, 0, 1) : null;
  const valueSeed = int(g, 0, 0x7fffffff);
  const truthBias = int(g, 0, 2);

  // Feature bookkeeping for the coverage test.
  features.add(`dtype ${dtype}`);
  if (reduction !== undefined) features.add(`reduction ${reduction}`);
  if (style !== 'normal') features.add(`spacing ${style}`);
  if (hasEllipsis) features.add('ellipsis');
  if (hasEllipsis && ellipsis.length === 0) features.add('ellipsis of no dims');
  if (hasEllipsis && !keepEllipsis) features.add('ellipsis reduced');
  if (left.some((d) => d.type === 'group' && d.items.length >= 2)) features.add('composition left');
  if (right.some((d) => d.type === 'group' && d.items.length >= 2)) features.add('composition right');
  if (left.some((d) => d.type === 'group' && d.paren && d.items.length === 1)) features.add('parenthesised lone axis');
  if ([...left, ...right].some((d) => d.type === 'group' && d.innerUnit !== 'none')) features.add('1 inside a group');
  if (leftAnonymous.length > 0) features.add('anonymous left');
  if (rightAnonymous.length > 0) features.add('anonymous right');
  if (newNamed.length > 0) features.add('new named axis');
  if (op === 'reduce') {
    const reduces = kept.length < named.length || leftAnonymous.length > 0 || (hasEllipsis && !keepEllipsis && ellipsis.length > 0);
    features.add(reduces ? 'reduces some axis' : 'reduces nothing');
  }
  if (list > 0) features.add('list input');
  if (perm !== null && perm.some((p, i) => p !== i)) features.add('transposed view input');
  if (offset !== null) features.add('offset view input');
  if (shape.length === 0 || (list > 0 && shape.length === 1)) features.add('0-d tensor');

  return { op, reduction, pattern, axes, dtype, shape, list, layout: { perm, offset }, valueSeed, truthBias, features };
}

// ---------------------------------------------------------------------------------------------
// Values and engine inputs.


const INT_RANGES: Readonly<Record<DType, readonly [number, number]>> = {
  float32: [-1000, 1000],
  float64: [-1000, 1000],
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-1000, 1000],
  uint8: [0, 255],
  'uint8-clamped': [0, 255],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
  bool: [0, 1],
};

/** Row-major values of the logical input, exactly representable in the dtype. */
function makeValues(s: Scenario): number[] {
  const rand = prng(s.valueSeed);
  const size = product(s.shape);
  const out = new Array<number>(size);
  const between = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  for (let i = 0; i < size; i++) {
    if (s.reduction === 'any' || s.reduction === 'all') {
      const truthy = rand() < [0.1, 0.5, 0.97][s.truthBias]!;
      out[i] = !truthy ? 0 : s.dtype === 'bool' ? 1 : between(1, 9) * (rand() < 0.5 ? -1 : 1);
    } else if (s.reduction === 'prod') {
      // Small factors so products of hundreds of elements stay finite; zeros rare.
      const factors = s.dtype === 'float64' ? [-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2] : s.dtype === 'bool' ? [1] : [-2, -1, 1, 2];
      out[i] = rand() < 0.03 ? 0 : factors[Math.floor(rand() * factors.length)]!;
    } else {
      const [lo, hi] = INT_RANGES[s.dtype];
      out[i] = between(lo, hi);
    }
  }
  return out;
}

function typedArray(dtype: DType, values: readonly number[]): TypedArray {
  switch (dtype) {
    case 'float32': return Float32Array.from(values);
    case 'float64': return Float64Array.from(values);
    case 'int8': return Int8Array.from(values);
    case 'int16': return Int16Array.from(values);
    case 'int32': return Int32Array.from(values);
    case 'uint8':
    case 'bool': return Uint8Array.from(values);
    case 'uint8-clamped': return Uint8ClampedArray.from(values);
    case 'uint16': return Uint16Array.from(values);
    case 'uint32': return Uint32Array.from(values);
  }
}

const names = (idx: readonly number[]): string => idx.map((i) => `d${i}`).join(' ');

/**
 * An NDArray holding `values` in `shape`: plain, or a transposed and/or offset view of a base
 * tensor, so the op under test sees a non-contiguous input. Returns the base buffer too, to
 * check that the op did not write into it.
 */
function makeInput(values: readonly number[], shape: readonly number[], dtype: DType, layout: Layout): { x: NDArray; buffer: TypedArray } {
  const n = shape.length;
  const perm = layout.perm ?? Array.from({ length: n }, (_, i) => i);
  // base[j-th axis] = logical axis perm[j]; fill it so that the view reads back `values`.
  const baseShape = perm.map((p) => shape[p]!);
  const size = values.length;
  const baseValues = new Array<number>(size);
  const strides = new Array<number>(n);
  for (let k = n - 1, s = 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k]!;
  }
  for (let b = 0; b < size; b++) {
    let rest = b;
    let logical = 0;
    for (let j = n - 1; j >= 0; j--) {
      const len = baseShape[j]!;
      logical += (rest % len) * strides[perm[j]!]!;
      rest = Math.floor(rest / len);
    }
    baseValues[b] = values[logical]!;
  }
  let all = baseValues;
  let fullShape = baseShape;
  if (layout.offset !== null) {
    // Two slices; the other one holds different values that must never be read.
    const other = baseValues.map((v) => (dtype === 'bool' ? 1 - v : v === 0 ? 1 : 0));
    all = layout.offset === 0 ? [...baseValues, ...other] : [...other, ...baseValues];
    fullShape = [2, ...baseShape];
  }
  const buffer = typedArray(dtype, all);
  let x: NDArray = tensor(buffer, fullShape, dtype);
  if (layout.perm !== null) {
    const lead = layout.offset !== null ? 'k ' : '';
    x = rearrange(x, `${lead}${names(perm)} -> ${lead}${names(perm.map((_, i) => i))}`);
  }
  if (layout.offset !== null) x = [...x][layout.offset]!;
  return { x, buffer };
}

/** The engine input for a scenario (a list of views, or one view), and the base buffers with copies. */
function buildInput(s: Scenario, values: readonly number[]): { input: NDArray | NDArray[]; buffers: { buffer: TypedArray; copy: TypedArray }[] } {
  const buffers: { buffer: TypedArray; copy: TypedArray }[] = [];
  const track = (made: { x: NDArray; buffer: TypedArray }): NDArray => {
    buffers.push({ buffer: made.buffer, copy: made.buffer.slice() });
    return made.x;
  };
  if (s.list === 0) return { input: track(makeInput(values, s.shape, s.dtype, s.layout)), buffers };
  const chunk = values.length / s.list;
  const input = Array.from({ length: s.list }, (_, i) =>
    track(makeInput(values.slice(i * chunk, (i + 1) * chunk), s.shape.slice(1), s.dtype, s.layout)),
  );
  return { input, buffers };
}

function describeCall(s: Scenario): string {
  const inner = s.list > 0 ? s.shape.slice(1) : s.shape;
  const layout = [s.layout.perm !== null ? `transposed view (perm ${JSON.stringify(s.layout.perm)})` : '', s.layout.offset !== null ? `offset view [${s.layout.offset}]` : '']
    .filter(Boolean)
    .join(' + ');
  const input = `${s.list > 0 ? `list of ${s.list} × ` : ''}${s.dtype} ${JSON.stringify(inner)}${layout ? ` (${layout})` : ''}`;
  const reduction = s.reduction !== undefined ? `, '${s.reduction}'` : '';
  return `${s.op}(${input}, ${JSON.stringify(s.pattern)}${reduction}, ${JSON.stringify(s.axes)})`;
}

function callEngine(s: Scenario, x: NDArray | NDArray[]): unknown {
  const axes = { ...s.axes };
  switch (s.op) {
    case 'rearrange': return rearrange(x, s.pattern, axes);
    case 'reduce': return reduce(x, s.pattern, s.reduction!, axes);
    case 'repeat': return repeat(x, s.pattern, axes);
  }
}

function preview(xs: ArrayLike<number>): string {
  const head = Array.from(xs).slice(0, 24).join(', ');
  return `[${head}${xs.length > 24 ? ', …' : ''}]`;
}

/** Runs one scenario through the engine and the reference; throws on any difference. */
function checkScenario(s: Scenario): void {
  const values = makeValues(s);
  const call = describeCall(s);
  const { input, buffers } = buildInput(s, values);
  const refInput: RefTensor = { shape: s.shape, dtype: s.dtype, data: values };

  let expected: RefTensor;
  try {
    expected = reference(s.op, refInput, s.pattern, s.reduction, s.axes);
  } catch (error) {
    throw new Error(`generator produced a call the reference rejects: ${call}: ${String(error)}`);
  }
  let result: unknown;
  try {
    result = callEngine(s, input);
  } catch (error) {
    throw new Error(`${call} threw ${String(error)}\n  expected shape ${JSON.stringify(expected.shape)} ${expected.dtype}`);
  }
  if (!(result instanceof NDArray)) throw new Error(`${call} returned ${String(result)}, not an NDArray`);
  const actual = result as NDArray;
  const where = `${call}\n  expected ${JSON.stringify(expected.shape)} ${expected.dtype} ${preview(expected.data)}\n  actual   ${JSON.stringify(actual.shape)} ${actual.dtype}`;
  if (JSON.stringify(actual.shape) !== JSON.stringify(expected.shape)) throw new Error(`shape differs: ${where}`);
  if (actual.dtype !== expected.dtype) throw new Error(`dtype differs: ${where}`);
  const data = actual.data;
  if (data.length !== expected.data.length) throw new Error(`data length ${data.length} differs: ${where}`);
  const approximate = s.reduction === 'mean' || s.reduction === 'prod';
  for (let i = 0; i < data.length; i++) {
    const a = data[i]!;
    const e = expected.data[i]!;
    const ok = approximate ? Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(e)) : a === e;
    if (!ok) throw new Error(`element ${i} is ${a}, expected ${e}: ${where} ${preview(data)}`);
  }
  for (const { buffer, copy } of buffers) {
    if (buffer.some((v, i) => v !== copy[i])) throw new Error(`${call} wrote into its input`);
  }
}

// ---------------------------------------------------------------------------------------------

const OPS: readonly RefOp[] = ['rearrange', 'reduce', 'repeat'];

describe('engine agrees with the naive reference', () => {
  for (const op of OPS) {
    it(`${op}: ${RUNS[op]} random valid calls`, () => {
      fc.assert(
        fc.property(fc.gen(), (g) => checkScenario(buildScenario(g, op))),
        { seed: SEED, numRuns: RUNS[op] },
      );
    });
  }

  it(`reduce 'mean' of integer dtypes is an EinopsError exactly when an axis is reduced`, () => {
    let errors = 0;
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const s = buildScenario(g, 'reduce', { reduction: 'mean', dtypes: ['int32', 'uint8', 'int16', 'bool'] });
        let reduces = true;
        try {
          reference(s.op, { shape: s.shape, dtype: s.dtype, data: makeValues(s) }, s.pattern, 'mean', s.axes);
          reduces = false;
        } catch (error) {
          if (!String(error).includes('mean of a non-float')) throw error;
        }
        if (!reduces) return checkScenario(s); // nothing reduced: einops skips the reduction
        errors++;
        const { input } = buildInput(s, makeValues(s));
        expect(() => reduce(input, s.pattern, 'mean', { ...s.axes }), describeCall(s)).toThrow(EinopsError);
      }),
      { seed: SEED + 1, numRuns: MEAN_OF_INTEGERS_RUNS },
    );
    expect(errors).toBeGreaterThan(MEAN_OF_INTEGERS_RUNS / 2);
  });

  it('the generator exercises every feature', () => {
    const counts = new Map<string, number>();
    let total = 0;
    for (const op of OPS) {
      for (const g of fc.sample(fc.gen(), { seed: SEED, numRuns: RUNS[op] })) {
        total++;
        for (const f of buildScenario(g, op).features) counts.set(f, (counts.get(f) ?? 0) + 1);
      }
    }
    expect(total).toBeGreaterThanOrEqual(2000);
    const required = [
      ...OPS.map((op) => `op ${op}`),
      ...REDUCTIONS.map((r) => `reduction ${r}`),
      ...ALL_DTYPES.map((d) => `dtype ${d}`),
      'ellipsis', 'ellipsis of no dims', 'ellipsis reduced', 'ellipsis merged (...)', 'ellipsis merged with axes',
      'composition left', 'composition right', 'decomposition (inferred axis)', 'known lone axis',
      'parenthesised lone axis', '1 inside a group',
      'anonymous left', 'anonymous right', 'new named axis',
      'unit 1 left', 'unit () left', 'unit 1 right', 'unit () right',
      'reduces some axis', 'reduces nothing',
      'list input', 'transposed view input', 'offset view input', '0-d tensor',
      'spacing loose', 'spacing tight',
    ];
    const missing = required.filter((f) => (counts.get(f) ?? 0) < 15);
    expect(missing, JSON.stringify(Object.fromEntries(counts), null, 1)).toEqual([]);
  });
});
