/**
 * The public ops with the signatures src/types gives them (see src/types/INTEGRATION.md), so the
 * type tests run before the runtime declares them. Declarations only.
 */
import type {
  AxesLengths,
  TensorOf,
  OpAnalysis,
  ParseShapeOf,
  PatternParameter,
  RearrangeResult,
  ReduceAnalysis,
  ReduceResult,
  ReductionFunction,
  ReductionParameter,
  RepeatResult,
} from '../src/types';

export { tensor } from '../src/ndarray/tensor';
export type { NDArray } from '../src/ndarray/ndarray';

export declare function rearrange<const X, const P extends string, const A extends AxesLengths = {}>(
  x: X,
  pattern: PatternParameter<P, NoInfer<OpAnalysis<'rearrange', X, P, A>>>,
  axes?: A,
): RearrangeResult<X, P, A>;

export declare function reduce<
  const X,
  const P extends string,
  const R extends string | ReductionFunction<TensorOf<X>>,
  const A extends AxesLengths = {},
>(
  x: X,
  pattern: PatternParameter<P, NoInfer<ReduceAnalysis<X, P, R, A>>>,
  reduction: ReductionParameter<X, P, R>,
  axes?: A,
): ReduceResult<X, P, R, A>;

export declare function repeat<const X, const P extends string, const A extends AxesLengths = {}>(
  x: X,
  pattern: PatternParameter<P, NoInfer<OpAnalysis<'repeat', X, P, A>>>,
  axes?: A,
): RepeatResult<X, P, A>;

export declare function parseShape<const X, const P extends string>(
  x: X,
  pattern: PatternParameter<P, NoInfer<ParseShapeOf<X, P>>>,
): ParseShapeOf<X, P>;
