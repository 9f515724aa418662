/**
 * A deliberately naive reference for einops' rearrange / reduce / repeat, written from the
 * definition and sharing no code with src/. It parses the pattern itself and computes every
 * output element by index arithmetic:
 *
 *   for each output multi-index
 *     split each composed output dim into its elementary axes (row-major)
 *     for each combination of the reduced axes' indices
 *       compose the input dims from the elementary indices (row-major), read the element
 *     fold the read values with the reduction
 *
 * Semantics follow einops 0.8: `1` / `()` are unit dims (a `1` inside a group is dropped), a
 * number ≥ 2 is an anonymous axis (each occurrence its own axis), `...` stands for the dims
 * the other axes leave over, and a reduction is applied only when some axis is reduced.
 * It throws a plain Error on anything invalid: the property tests only feed it valid calls.
 */

export type RefOp = 'rearrange' | 'reduce' | 'repeat';
export type RefReduction = 'min' | 'max' | 'sum' | 'mean' | 'prod' | 'any' | 'all';

export interface RefTensor {
  readonly shape: readonly number[];
  readonly dtype: string;
  /** Row-major elements; bools are 0/1. */
  readonly data: ArrayLike<number>;
}

/** One elementary axis inside a dim. */
type Item = { kind: 'named'; name: string } | { kind: 'anonymous'; id: string; length: number } | { kind: 'ellipsis' };

/** One dim of a side: a (possibly one-axis, possibly empty) group, or the bare ellipsis. */
type Dim = { kind: 'group'; items: Item[] } | { kind: 'ellipsis' };

let anonymousCounter = 0;

/** Parses one side of a pattern into its dims. */
export function parseSide(side: string): Dim[] {
  const dims: Dim[] = [];
  let group: Item[] | null = null;
  let word = '';
  let ellipses = 0;
  const seen = new Set<string>();

  const flush = (): void => {
    if (word === '') return;
    const token = word;
    word = '';
    let item: Item;
    if (/^[0-9]+$/.test(token)) {
      const n = Number(token);
      if (n === 1) {
        // A unit axis: its own empty dim at top level, nothing inside a group.
        if (group === null) dims.push({ kind: 'group', items: [] });
        return;
      }
      if (n === 0) throw new Error('reference: zero-length anonymous axis');
      item = { kind: 'anonymous', id: `#${anonymousCounter++}`, length: n };
    } else {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(token)) throw new Error(`reference: bad axis name ${token}`);
      if (seen.has(token)) throw new Error(`reference: duplicate axis ${token}`);
      seen.add(token);
      item = { kind: 'named', name: token };
    }
    if (group === null) dims.push({ kind: 'group', items: [item] });
    else group.push(item);
  };

  for (let i = 0; i < side.length; i++) {
    const ch = side[i]!;
    if (ch === ' ' || ch === '\t') {
      flush();
    } else if (ch === '(') {
      flush();
      if (group !== null) throw new Error('reference: nested parentheses');
      group = [];
    } else if (ch === ')') {
      flush();
      if (group === null) throw new Error('reference: unbalanced )');
      dims.push({ kind: 'group', items: group });
      group = null;
    } else if (ch === '.') {
      flush();
      if (side.slice(i, i + 3) !== '...') throw new Error('reference: bad dot');
      i += 2;
      ellipses++;
      if (group === null) dims.push({ kind: 'ellipsis' });
      else group.push({ kind: 'ellipsis' });
    } else {
      word += ch;
    }
  }
  flush();
  if (group !== null) throw new Error('reference: unbalanced (');
  if (ellipses > 1) throw new Error('reference: two ellipses');
  return dims;
}

function hasEllipsis(dims: readonly Dim[]): boolean {
  return dims.some((d) => d.kind === 'ellipsis' || d.items.some((it) => it.kind === 'ellipsis'));
}

const product = (xs: readonly number[]): number => xs.reduce((a, b) => a * b, 1);

/** The elementary axis ids of each dim, with the ellipsis expanded into `…0`, `…1`, … */
function elementaryDims(dims: readonly Dim[], ellipsisRank: number): string[][] {
  const ellipsisIds = Array.from({ length: ellipsisRank }, (_, i) => `…${i}`);
  const out: string[][] = [];
  for (const dim of dims) {
    if (dim.kind === 'ellipsis') {
      for (const id of ellipsisIds) out.push([id]);
      continue;
    }
    const ids: string[] = [];
    for (const it of dim.items) {
      if (it.kind === 'ellipsis') ids.push(...ellipsisIds);
      else ids.push(it.kind === 'named' ? it.name : it.id);
    }
    out.push(ids);
  }
  return out;
}

function anonymousLengths(dims: readonly Dim[], lengths: Map<string, number>): void {
  for (const dim of dims) {
    if (dim.kind !== 'group') continue;
    for (const it of dim.items) if (it.kind === 'anonymous') lengths.set(it.id, it.length);
  }
}

/** Output dtype of a reduction that reduces at least one axis. */
export function reducedDType(reduction: RefReduction, dtype: string): string {
  const isFloat = dtype === 'float32' || dtype === 'float64';
  switch (reduction) {
    case 'min':
    case 'max':
      return dtype;
    case 'any':
    case 'all':
      return 'bool';
    case 'mean':
      if (!isFloat) throw new Error('reference: mean of a non-float dtype');
      return dtype;
    case 'sum':
    case 'prod':
      return isFloat ? dtype : 'float64';
  }
}

function fold(reduction: RefReduction, values: readonly number[]): number {
  switch (reduction) {
    case 'min':
      return values.reduce((a, b) => (b < a ? b : a));
    case 'max':
      return values.reduce((a, b) => (b > a ? b : a));
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'prod':
      return values.reduce((a, b) => a * b, 1);
    case 'any':
      return values.some((v) => v !== 0) ? 1 : 0;
    case 'all':
      return values.every((v) => v !== 0) ? 1 : 0;
  }
}

/** Stores a value as a tensor of `dtype` would (float32 rounding; integers are exact here). */
function store(dtype: string, v: number): number {
  return dtype === 'float32' ? Math.fround(v) : v;
}

/** The reference result of `op(input, pattern, reduction, axes)`. */
export function reference(
  op: RefOp,
  input: RefTensor,
  pattern: string,
  reduction: RefReduction | undefined,
  axes: Readonly<Record<string, number>> = {},
): RefTensor {
  const sides = pattern.split('->');
  if (sides.length !== 2) throw new Error('reference: pattern needs exactly one ->');
  const left = parseSide(sides[0]!);
  const right = parseSide(sides[1]!);
  if (left.some((d) => d.kind === 'group' && d.items.some((it) => it.kind === 'ellipsis'))) {
    throw new Error('reference: parenthesised ellipsis on the left');
  }

  // Bind the left side to the input shape.
  const nonEllipsis = left.filter((d) => d.kind !== 'ellipsis').length;
  const ellipsisRank = hasEllipsis(left) ? input.shape.length - nonEllipsis : 0;
  if (ellipsisRank < 0 || (!hasEllipsis(left) && input.shape.length !== nonEllipsis)) {
    throw new Error('reference: rank mismatch');
  }
  const lengths = new Map<string, number>(Object.entries(axes));
  anonymousLengths(left, lengths);
  anonymousLengths(right, lengths);
  const leftDims = elementaryDims(left, ellipsisRank);
  leftDims.forEach((ids, d) => {
    const size = input.shape[d]!;
    if (ids.length === 1 && ids[0]!.startsWith('…')) {
      lengths.set(ids[0]!, size);
      return;
    }
    const unknown = ids.filter((id) => !lengths.has(id));
    const known = product(ids.filter((id) => lengths.has(id)).map((id) => lengths.get(id)!));
    if (unknown.length > 1) throw new Error('reference: more than one unknown axis in a group');
    if (unknown.length === 1) {
      if (size % known !== 0) throw new Error('reference: group does not divide');
      lengths.set(unknown[0]!, size / known);
    } else if (known !== size) {
      throw new Error(`reference: dim ${d} is ${size}, its axes make ${known}`);
    }
  });

  const rightDims = elementaryDims(right, hasEllipsis(right) ? ellipsisRank : 0);
  const rightIds = new Set(rightDims.flat());
  for (const id of rightIds) if (!lengths.has(id)) throw new Error(`reference: no length for ${id}`);
  const reduced = leftDims.flat().filter((id) => !rightIds.has(id));
  if (op !== 'reduce' && reduced.length > 0) throw new Error(`reference: ${op} cannot drop axes`);

  const outShape = rightDims.map((ids) => product(ids.map((id) => lengths.get(id)!)));
  const outSize = product(outShape);
  const reducing = op === 'reduce' && reduced.length > 0;
  const outDType = reducing ? reducedDType(reduction!, input.dtype) : input.dtype;
  const out = new Array<number>(outSize);

  const index = new Map<string, number>();
  const reducedLengths = reduced.map((id) => lengths.get(id)!);
  const reducedCount = product(reducedLengths);

  // Splits flat `n` over `ids` row-major, writing each axis' index into `index`.
  const split = (n: number, ids: readonly string[]): void => {
    for (let k = ids.length - 1; k >= 0; k--) {
      const len = lengths.get(ids[k]!)!;
      index.set(ids[k]!, n % len);
      n = Math.floor(n / len);
    }
  };
  const compose = (ids: readonly string[]): number =>
    ids.reduce((acc, id) => acc * lengths.get(id)! + index.get(id)!, 0);

  for (let flat = 0; flat < outSize; flat++) {
    // Output multi-index, then each output dim split into its elementary axes.
    let rest = flat;
    const outIndex = new Array<number>(outShape.length);
    for (let d = outShape.length - 1; d >= 0; d--) {
      outIndex[d] = rest % outShape[d]!;
      rest = Math.floor(rest / outShape[d]!);
    }
    rightDims.forEach((ids, d) => split(outIndex[d]!, ids));

    const values: number[] = [];
    for (let r = 0; r < reducedCount; r++) {
      split(r, reduced);
      // Compose the input multi-index, then the flat row-major input offset.
      let offset = 0;
      leftDims.forEach((ids, d) => {
        offset = offset * input.shape[d]! + compose(ids);
      });
      values.push(input.data[offset]!);
    }
    out[flat] = reducing ? store(outDType, fold(reduction!, values)) : values[0]!;
  }
  return { shape: outShape, dtype: outDType, data: out };
}
