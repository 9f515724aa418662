/**
 * scijs `ndarray` as a backend. Recognised by shape (`data`, `shape`, `stride`, `offset`,
 * `dtype`), so this module imports no package: the `ndarray` factory that builds results is
 * the user's, passed to `scijsBackend` (by `registerScijsBackend` of einops/scijs).
 *
 * Views in, views out: an ndarray over a typed array is wrapped as an NDArray view of the same
 * memory (its strides and offset as they are), the embedded engine does each step, and the
 * result's layout is handed to the factory. So a transpose, a reshape of a contiguous array, a
 * new axis, an unpacked part are views of the input's data; reductions, stacks, concatenations
 * and reshapes the strides do not allow copy, as on the NDArray. Negative strides (`.step(-1)`)
 * are copied into row-major order first, since NDArray views have none.
 */
import { EinopsError } from '../../errors';
import { type DType, dtypeOfArray, fromView, type NDArray, type TypedArray, viewInfo } from '../../ndarray/index';
import { checkedSize, contiguousStrides, formatShape } from '../../ndarray/shape';
import type { Backend } from '../backend';
import { hostBackend } from './host';

/** What einops reads of a scijs ndarray. */
export interface ScijsLikeArray {
  readonly data: unknown;
  readonly shape: readonly number[];
  readonly stride: readonly number[];
  readonly offset: number;
  readonly dtype: string;
}

/** scijs's `ndarray(data, shape, stride, offset)`: the default export of the `ndarray` package. */
export type ScijsFactory = (data: never, shape: number[], stride: number[], offset: number) => unknown;

// scijs names the dtypes of its typed arrays; NDArray's bool is stored as scijs's uint8.
const DTYPE_OF_SCIJS: Readonly<Record<string, DType>> = {
  float32: 'float32',
  float64: 'float64',
  int8: 'int8',
  int16: 'int16',
  int32: 'int32',
  uint8: 'uint8',
  uint8_clamped: 'uint8-clamped',
  uint16: 'uint16',
  uint32: 'uint32',
};

function isScijsLike(x: unknown): x is ScijsLikeArray {
  if (typeof x !== 'object' || x === null) return false;
  const a = x as Partial<ScijsLikeArray>;
  return (
    'data' in x &&
    Array.isArray(a.shape) &&
    Array.isArray(a.stride) &&
    typeof a.offset === 'number' &&
    typeof a.dtype === 'string'
  );
}

/** The elements of a view with some negative strides, copied into row-major order. */
function gather(data: TypedArray, dtype: DType, shape: readonly number[], stride: readonly number[], offset: number): NDArray {
  const size = checkedSize(shape, () => `ndarray of shape ${formatShape(shape)}`);
  const out = new (data.constructor as new (length: number) => TypedArray)(size);
  const index = shape.map(() => 0);
  let source = offset;
  for (let i = 0; i < size; i++) {
    out[i] = data[source]!;
    // Advance the multi-index like an odometer, moving `source` along with it.
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      source += stride[axis]!;
      if (++index[axis]! < shape[axis]!) break;
      source -= stride[axis]! * shape[axis]!;
      index[axis] = 0;
    }
  }
  return fromView(out, dtype, shape, contiguousStrides(shape), 0);
}

function toNDArray(x: ScijsLikeArray): NDArray {
  const dtype = DTYPE_OF_SCIJS[x.dtype];
  if (dtype === undefined || !ArrayBuffer.isView(x.data)) {
    throw new EinopsError(
      `a scijs ndarray of dtype ${x.dtype} has no NDArray dtype: expected one over a typed array (${Object.keys(DTYPE_OF_SCIJS).join(', ')})`,
    );
  }
  const data = x.data as TypedArray;
  if (dtypeOfArray(data) !== dtype) throw new EinopsError(`a scijs ndarray of dtype ${x.dtype} holds a ${data.constructor.name}`);
  if (x.stride.some((s) => s < 0)) return gather(data, dtype, x.shape, x.stride, x.offset);
  return fromView(data, dtype, x.shape, x.stride, x.offset);
}

/**
 * The backend for scijs ndarrays whose results `factory` (the `ndarray` package's default
 * export) builds; `registerScijsBackend(factory)` registers it.
 * @example
 * ```ts
 * import ndarray from 'ndarray';
 * import { registerBackend } from 'einops';
 * import { scijsBackend } from 'einops/scijs';
 *
 * registerBackend(scijsBackend(ndarray)); // what registerScijsBackend(ndarray) does
 * ```
 */
export function scijsBackend(factory: ScijsFactory): Backend<ScijsLikeArray> {
  if (typeof factory !== 'function') {
    throw new EinopsError(`registerScijsBackend takes the ndarray factory (import ndarray from 'ndarray'), got ${typeof factory}`);
  }
  const fromNDArray = (result: NDArray): ScijsLikeArray => {
    const { buffer, shape, strides, offset } = viewInfo(result);
    return factory(buffer as never, [...shape], [...strides], offset) as ScijsLikeArray;
  };
  return hostBackend({ name: 'scijs', isAppropriate: isScijsLike, shape: (x) => x.shape, toNDArray, fromNDArray });
}
