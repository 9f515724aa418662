/**
 * parseShape: names the dimensions of a tensor's shape, as einops' `parse_shape`.
 * `_` skips a dimension, `...` skips any number of them, `1`/`()` and numbers check lengths.
 */
import { EinopsError } from '../errors';
import type { ParseShapeOf, PatternParameter } from '../types';
import {
  writeAnonymousLengthMessage,
  writeMinimumRankMessage,
  writeParseShapeCompositionMessage,
  writePatternTypeMessage,
  writeRankMessage,
  writeUnitLengthMessage,
} from '../pattern/messages';
import { parseExpression } from '../pattern/parse';
import { describeInput } from './apply';
import { inContext } from './context';
import { getBackend } from './registry';

/**
 * Maps the axis names of a pattern to the lengths of the tensor's dimensions: einops'
 * `parse_shape`; `_` skips a dimension. Throws an {@link EinopsError} when the pattern does not
 * fit the tensor's rank.
 * @example
 * ```ts
 * import { parseShape, tensor } from 'einops';
 *
 * const x = tensor(new Float32Array(2 * 3 * 5 * 7), [2, 3, 5, 7]);
 * parseShape(x, 'batch _ h w'); // { batch: 2, h: 5, w: 7 }
 * ```
 */
export function parseShape<const X, const P extends string>(
  x: X,
  pattern: PatternParameter<P, ParseShapeOf<X, P>>,
): ParseShapeOf<X, P>;
export function parseShape(x: unknown, pattern: string): Record<string, number> {
  try {
    if (typeof pattern !== 'string') throw new EinopsError(writePatternTypeMessage(typeof pattern));
    const expression = parseExpression(pattern, { allowUnderscore: true });
    const shape = getBackend(x).shape(x);
    const dims = expression.dims;
    for (const dim of dims) {
      if (dim.kind === 'composition' && (dim.axes.length > 1 || dim.axes.some((axis) => axis.kind === 'ellipsis'))) {
        throw new EinopsError(writeParseShapeCompositionMessage());
      }
    }
    const ellipsisAt = dims.findIndex((dim) => dim.kind === 'ellipsis');
    const fixedRank = ellipsisAt < 0 ? dims.length : dims.length - 1;
    if (ellipsisAt < 0 ? shape.length !== fixedRank : shape.length < fixedRank) {
      const write = ellipsisAt < 0 ? writeRankMessage : writeMinimumRankMessage;
      throw new EinopsError(write(fixedRank, shape.length));
    }
    const result: Record<string, number> = {};
    dims.forEach((dim, i) => {
      if (dim.kind === 'ellipsis') return;
      // Dimensions after the ellipsis count from the end of the shape.
      const dimension = ellipsisAt < 0 || i < ellipsisAt ? i : shape.length - (dims.length - i);
      const length = shape[dimension]!;
      const axis = dim.axes[0];
      if (axis === undefined) {
        if (length !== 1) throw new EinopsError(writeUnitLengthMessage(dimension, length));
      } else if (axis.kind === 'anonymous') {
        if (axis.length !== length) throw new EinopsError(writeAnonymousLengthMessage(dimension, length, axis.length));
      } else if (axis.kind === 'named' && axis.name !== '_') {
        result[axis.name] = length;
      }
    });
    return result;
  } catch (error) {
    throw inContext(error, { op: 'parseShape', pattern: String(pattern), input: () => describeInput(x) });
  }
}
