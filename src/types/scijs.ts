/**
 * scijs ndarrays in the shape checker, by their shape alone (`data`, `shape`, `stride`,
 * `offset`, `dtype`): no package is imported. Their `shape` is `number[]`, so an op gives an
 * array of the output's rank; an array typed with literal lengths keeps them.
 */
import type { NDArray } from '../ndarray/ndarray';
import type { ReductionName } from './ops';

/** What the shape checker reads of a scijs ndarray. */
export interface ScijsLike {
  readonly data: unknown;
  readonly shape: readonly number[];
  readonly stride: readonly number[];
  readonly offset: number;
  readonly dtype: string;
}

/** X (a scijs ndarray type) with shape S. */
export type WithShape<X, S extends readonly number[]> = Omit<X, 'shape'> & { readonly shape: S };

/** X with shape S and another dtype and data (any, all; sums of integers). */
export type RetypedWithShape<X, S extends readonly number[], DType extends string, Data> = Omit<X, 'shape' | 'dtype' | 'data'> & {
  readonly shape: S;
  readonly dtype: DType;
  readonly data: Data;
};

type FloatDType = 'float32' | 'float64';

/** The registry's entry for scijs ndarrays (see ./registry.ts; ./scijsRegistry.ts adds it). */
export type ScijsArrayEntry<X, S extends readonly number[]> = 0 extends 1 & X
  ? never
  : X extends NDArray
    ? never
    : X extends ScijsLike
      ? {
          shape: X['shape'];
          dtype: X['dtype'];
          isFloat: X['dtype'] extends FloatDType ? true : FloatDType extends X['dtype'] ? boolean : false;
          withShape: WithShape<X, S>;
          // As on the NDArray: any and all give 0 and 1 (uint8 for scijs), sums of integers float64.
          reduced: { readonly [R in ReductionName]: R extends 'any' | 'all'
            ? RetypedWithShape<X, S, 'uint8', Uint8Array>
            : R extends 'sum' | 'prod'
              ? X['dtype'] extends FloatDType
                ? WithShape<X, S>
                : RetypedWithShape<X, S, 'float64', Float64Array>
              : WithShape<X, S> };
        }
      : never;
