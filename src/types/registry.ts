/**
 * The tensor types the shape checker knows, and how to read and rebuild each. A tensor library
 * joins by module augmentation: one entry that is a TensorTypeEntry when X is that library's
 * tensor type and never otherwise. The type parameters must be written exactly as here:
 *
 *   declare module 'einops' {
 *     interface TensorTypes<X, S extends readonly number[]> {
 *       tfjs: X extends tf.Tensor<tf.Rank> ? {
 *         shape: ...;            // X's shape as a tuple, or number[]
 *         dtype: ...;            // X's dtype name
 *         isFloat: ...;          // whether mean may reduce it: true, false, or boolean when unknown
 *         withShape: ...;        // X's type with shape S
 *         reduced: { ... };      // per reduction name, the result's type with shape S
 *       } : never;
 *     }
 *   }
 */
import type { DType } from '../ndarray/dtype';
import type { NDArray } from '../ndarray/ndarray';
import type { ReductionName } from './ops';

/** What the shape checker reads of a tensor type: one entry of {@link TensorTypes}. */
export interface TensorTypeEntry {
  readonly shape: readonly number[];
  readonly dtype: string;
  readonly isFloat: boolean;
  readonly withShape: unknown;
  readonly reduced: { readonly [R in ReductionName]: unknown };
}

type FloatDType = 'float32' | 'float64';

/** reducedDType of ndarray/reduce.ts: any/all give bool, sum/prod of integers float64. */
interface ReducedNDArray<S extends readonly number[], D extends DType> {
  readonly min: NDArray<S, D>;
  readonly max: NDArray<S, D>;
  readonly mean: NDArray<S, D>;
  readonly sum: NDArray<S, D extends FloatDType ? D : 'float64'>;
  readonly prod: NDArray<S, D extends FloatDType ? D : 'float64'>;
  readonly any: NDArray<S, 'bool'>;
  readonly all: NDArray<S, 'bool'>;
}

/**
 * The tensor types the shape checker knows: one entry per library, a {@link TensorTypeEntry}
 * when X is that library's tensor and never otherwise. Libraries add theirs by augmenting
 * `'einops'` (see this module's header).
 */
export interface TensorTypes<X, S extends readonly number[]> {
  ndarray: X extends NDArray<infer Shape, infer D> ? NDArrayEntry<Shape, D, S> : never;
}

/** The entry of the embedded NDArray of shape Shape and dtype D, with the result's shape S. */
interface NDArrayEntry<Shape extends readonly number[], D extends DType, S extends readonly number[]> {
  readonly shape: Shape;
  readonly dtype: D;
  readonly isFloat: D extends FloatDType ? true : DType extends D ? boolean : false;
  readonly withShape: NDArray<S, D>;
  readonly reduced: ReducedNDArray<S, D>;
}

type EntryOf<X, S extends readonly number[]> = TensorTypes<X, S>[keyof TensorTypes<X, S>];

// The embedded NDArray, the usual input, is read before the registry: looking an entry up
// instantiates the TensorTypes interface for X and S and resolves its members, per call. Read
// directly, the bench's 100 calls check with 6% fewer instructions
// (`npm run bench:types -- --instructions`).

/**
 * The registry's entry for an op's input X, with the result's shape S: X's own, or its
 * elements' for a list (stacked on a new first axis, as einops does with lists). Never when
 * the registry does not know X.
 */
export type InputEntry<X, S extends readonly number[] = []> = X extends NDArray<infer Shape, infer D>
  ? NDArrayEntry<Shape, D, S>
  : X extends readonly unknown[]
    ? EntryOf<X[number], S>
    : EntryOf<X, S>;

/** The shape of an op's input (a list adds its length in front), or number[] for an unknown type. */
export type InputShape<X> = X extends NDArray<infer Shape, DType> ? Shape : RegistryInputShape<X>;

type RegistryInputShape<X> = InputEntry<X> extends infer Entry
  ? [Entry] extends [never]
    ? number[]
    : Entry extends { shape: infer Shape extends readonly number[] }
      ? X extends readonly unknown[]
        ? [X['length'], ...Shape]
        : Shape
      : number[]
  : never;
