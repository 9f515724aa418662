/**
 * A deliberately naive einsum, written from the definition and sharing no code with src/:
 *
 *   for every combination of indices of every axis in the pattern
 *     multiply the inputs' elements at those indices, add the product to the output element
 *
 * It parses the pattern itself (names separated by spaces, inputs by commas, one `...` per
 * input that stands for the dimensions the names leave over, matched from the right), and
 * broadcasts a dimension of length 1 against the others, as numpy's einsum does. It throws a
 * plain Error on anything invalid: the tests only feed it valid calls.
 */

export interface RefInput {
  readonly shape: readonly number[];
  /** Row-major elements. */
  readonly data: ArrayLike<number>;
}

export interface RefOutput {
  readonly shape: number[];
  readonly data: number[];
}

const ELLIPSIS = '...';

function words(side: string): string[] {
  return side.trim() === '' ? [] : side.trim().split(/ +/).map((word) => word.replace(/^\((.*)\)$/, '$1'));
}

export function naiveEinsum(pattern: string, inputs: readonly RefInput[]): RefOutput {
  const [left, right] = pattern.split('->') as [string, string];
  const sides = left.split(',').map(words);
  if (sides.length !== inputs.length) throw new Error('reference: operand count');
  // Expand each input's `...` into names of the ellipsis dimensions, counted from the right.
  const ellipsisRank = Math.max(0, ...sides.map((names, k) => (names.includes(ELLIPSIS) ? inputs[k]!.shape.length - names.length + 1 : 0)));
  const ellipsisNames = (count: number): string[] =>
    Array.from({ length: count }, (_, j) => `#${ellipsisRank - count + j}`);
  const labels = sides.map((names, k) =>
    names.flatMap((name) => (name === ELLIPSIS ? ellipsisNames(inputs[k]!.shape.length - names.length + 1) : [name])),
  );
  labels.forEach((names, k) => {
    if (names.length !== inputs[k]!.shape.length) throw new Error(`reference: rank of input ${k}`);
  });
  const outputNames = words(right).flatMap((name) => (name === ELLIPSIS ? ellipsisNames(ellipsisRank) : [name]));

  const length = new Map<string, number>();
  labels.forEach((names, k) =>
    names.forEach((name, d) => {
      const n = inputs[k]!.shape[d]!;
      const known = length.get(name);
      if (known === undefined || known === 1) length.set(name, n);
      else if (n !== 1 && n !== known) throw new Error(`reference: length of ${name}`);
    }),
  );
  const all = [...length.keys()];
  const outputShape = outputNames.map((name) => length.get(name)!);
  const outputSize = outputShape.reduce((a, b) => a * b, 1);
  const out = new Array<number>(outputSize).fill(0);

  const index = new Map<string, number>(all.map((name) => [name, 0]));
  const total = all.reduce((acc, name) => acc * length.get(name)!, 1);
  const flat = (names: readonly string[], shape: readonly number[]): number => {
    let position = 0;
    names.forEach((name, d) => {
      const n = shape[d]!;
      position = position * n + (n === 1 ? 0 : index.get(name)!);
    });
    return position;
  };
  for (let step = 0; step < total; step++) {
    let rest = step;
    for (let a = all.length - 1; a >= 0; a--) {
      const n = length.get(all[a]!)!;
      index.set(all[a]!, rest % n);
      rest = Math.floor(rest / n);
    }
    let value = 1;
    inputs.forEach((input, k) => {
      value *= input.data[flat(labels[k]!, input.shape)]!;
    });
    out[flat(outputNames, outputShape)]! += value;
  }
  return { shape: outputShape, data: out };
}
