/**
 * Tensors shaped like onnxruntime-web's `Tensor` (`{ data, dims, type }`, as transformers.js's
 * Tensor is too) in the shape checker, by their shape alone: no library is imported. Their
 * `dims` is `readonly number[]`, so an op gives a tensor of the output's rank (`rearrange` of a
 * Tensor by 'b c h w -> b (c h w)' has dims [number, number]); a tensor whose dims were checked
 * by `withDims` (einops/onnx), or typed with literal dims, keeps literal lengths through every op.
 */
import type { ReductionName } from './ops';

/** What the shape checker reads of an onnx-shaped tensor. */
export interface OnnxLike {
  readonly data: unknown;
  readonly dims: readonly number[];
  readonly type: string;
}

/** X (an onnx-shaped tensor type) with dims S. */
export type WithDims<X, S extends readonly number[]> = Omit<X, 'dims'> & { readonly dims: S };

/** X with dims S and another element type and data (any, all; sums of integers). */
export type RetypedWithDims<X, S extends readonly number[], Type extends string, Data> = Omit<X, 'dims' | 'type' | 'data'> & {
  readonly dims: S;
  readonly type: Type;
  readonly data: Data;
};

type IntegerSum<X extends OnnxLike> = X['type'] extends 'float32' | 'float64' ? X['type'] : 'float64';

/**
 * The registry's entry for onnx-shaped tensors (see ./registry.ts; ./onnxRegistry.ts adds it).
 * `any` is left to the other entries; NDArrays (which have no dims) and scijs arrays (shape,
 * not dims) never match.
 */
export type OnnxTensorEntry<X, S extends readonly number[]> = 0 extends 1 & X
  ? never
  : X extends OnnxLike
    ? {
        shape: X['dims'];
        dtype: X['type'];
        isFloat: X['type'] extends 'float16' | 'float32' | 'float64' ? true : 'float32' extends X['type'] ? boolean : false;
        withShape: WithDims<X, S>;
        reduced: { readonly [R in ReductionName]: R extends 'any' | 'all'
          ? RetypedWithDims<X, S, 'bool', Uint8Array>
          : R extends 'sum' | 'prod'
            ? IntegerSum<X> extends X['type']
              ? WithDims<X, S>
              : RetypedWithDims<X, S, 'float64', Float64Array>
            : WithDims<X, S> };
      }
    : never;
