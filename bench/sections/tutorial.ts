/**
 * The tutorial's workload on float32 [10, 32, 100, 200] (25.6 MB) and the cost of one cached
 * call on a tiny tensor, on the embedded NDArray, next to the memcpy floor (one
 * TypedArray.set of the same bytes).
 */
import { type NDArray, rearrange, reduce, repeat, tensor } from '../../src/index';
import { formatTime, measure, measurePerCall, printTable, type Result } from '../measure';

export function tutorialSection(): { shape: readonly number[]; results: Result[] } {
  const shape = [10, 32, 100, 200] as const;
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++) data[i] = Math.sin(i);
  const x = tensor(data, shape);
  const list = [...x];
  const target = new Float32Array(size);
  // Forces the lazy view to be written out, as a consumer reading the result would.
  const materialise = (y: NDArray): number => y.data.length;

  const results: Result[] = [
    measure('memcpy floor: Float32Array.set of 25.6 MB', () => target.set(data)),
    measure("transpose 'b c h w -> b h w c' (materialised)", () => materialise(rearrange(x, 'b c h w -> b h w c'))),
    measure('space-to-depth (materialised)', () =>
      materialise(rearrange(x, 'b c (h h1) (w w1) -> b (h1 w1 c) h w', { h1: 2, w1: 2 })),
    ),
    measure("2×2 max pool 'b c (h 2) (w 2) -> b c h w'", () => materialise(reduce(x, 'b c (h 2) (w 2) -> b c h w', 'max'))),
    measure("global mean 'b c h w -> b c'", () => materialise(reduce(x, 'b c h w -> b c', 'mean'))),
    measure("sum over batch 'b c h w -> c h w'", () => materialise(reduce(x, 'b c h w -> c h w', 'sum'))),
    measure("2× upsample 'b c h w -> b c (h 2) (w 2)' (materialised)", () =>
      materialise(repeat(x, 'b c h w -> b c (h h2) (w w2)', { h2: 2, w2: 2 })),
    ),
    measure('stack a list of 10 [32, 100, 200]', () => materialise(rearrange(list, 'b c h w -> b c h w'))),
  ];

  const tiny = tensor(new Float32Array(24), [2, 3, 4]);
  results.push(measurePerCall("cached call: rearrange [2, 3, 4] 'a b c -> c a b'", () => rearrange(tiny, 'a b c -> c a b')));
  results.push(measurePerCall("cached call: reduce [2, 3, 4] 'a b c -> a', sum", () => reduce(tiny, 'a b c -> a', 'sum')));

  const floor = results[0]!.medianMs;
  printTable(
    `tutorial workload — float32 [${shape.join(', ')}]`,
    ['operation', 'median', '× memcpy'],
    results.map(({ name, medianMs }) => [name, formatTime(medianMs), medianMs >= 0.1 ? (medianMs / floor).toFixed(2) : '']),
  );
  return { shape, results };
}
