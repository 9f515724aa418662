/**
 * Tensors shaped like onnxruntime-web's `Tensor` (`{ data, dims, type }`; transformers.js's
 * Tensor has the same shape) as a backend. Recognised by shape, so this module imports neither
 * library. Results are built through the input's own constructor, `new (x.constructor)(type,
 * data, dims)`, so they are the input's class and go straight back into an inference session.
 *
 * The data is wrapped as an NDArray without copying and the embedded engine does each step;
 * a result's data is contiguous (these tensors have no strides), so a step that gives a view
 * (a transpose) is copied into row-major order, and one that keeps the order (a reshape) is not.
 * Dtypes are the NDArray's: sums and products of integers are float64, any and all give bool.
 * int64, uint64 and float16 (which the NDArray has no arithmetic for) are moved, not computed:
 * see MOVED_AS below.
 */
import { EinopsError } from '../../errors';
import { type DType, dtypeOfArray, fromView, NDArray, type TypedArray } from '../../ndarray/index';
import { contiguousStrides, formatShape } from '../../ndarray/shape';
import type { WithDims } from '../../types/onnx';
import type { Backend } from '../backend';
import { hostBackend } from './host';
import { ndarrayBackend as engine } from './ndarray';

/** What einops reads of an onnxruntime-web or transformers.js tensor. */
export interface OnnxLikeTensor {
  readonly data: unknown;
  readonly dims: readonly number[];
  readonly type: string;
}

type OnnxConstructor = new (type: string, data: unknown, dims: readonly number[]) => OnnxLikeTensor;

// The onnx element types the NDArray has. int64, uint64 and float16 are only moved (MOVED_AS
// below); string and the rest are refused.
const DTYPE_OF_TYPE: Readonly<Record<string, DType>> = {
  float32: 'float32',
  float64: 'float64',
  int8: 'int8',
  int16: 'int16',
  int32: 'int32',
  uint8: 'uint8',
  uint16: 'uint16',
  uint32: 'uint32',
  bool: 'bool',
};

const isOnCpu = (x: object): boolean => {
  const location = (x as { location?: unknown }).location;
  return location === undefined || location === 'cpu' || location === 'cpu-pinned';
};

function isOnnxLike(x: unknown): x is OnnxLikeTensor {
  if (typeof x !== 'object' || x === null || x instanceof NDArray) return false;
  const t = x as { dims?: unknown; type?: unknown };
  if (!Array.isArray(t.dims) || typeof t.type !== 'string' || !('data' in x)) return false;
  // A tensor on a GPU has no data to read (its getter throws): claimed, and refused in toNDArray.
  return !isOnCpu(x) || ArrayBuffer.isView((x as OnnxLikeTensor).data);
}

function toNDArray(x: OnnxLikeTensor): NDArray {
  if (!isOnCpu(x)) {
    const location = String((x as { location?: unknown }).location);
    throw new EinopsError(`the ${x.type} tensor's data is on '${location}': read it to the cpu first (await tensor.getData())`);
  }
  const dtype = DTYPE_OF_TYPE[x.type];
  if (dtype === undefined) {
    throw new EinopsError(
      `a ${x.type} onnx tensor has no NDArray dtype: expected ${Object.keys(DTYPE_OF_TYPE).join(', ')}`,
    );
  }
  const data = x.data as TypedArray;
  const own = dtypeOfArray(data);
  if (own !== dtype && !(dtype === 'bool' && own === 'uint8')) {
    throw new EinopsError(`a ${x.type} onnx tensor holds a ${data.constructor.name}: its data does not match its type`);
  }
  const size = x.dims.reduce((a, b) => a * b, 1);
  if (data.length !== size) {
    throw new EinopsError(`an onnx tensor of dims ${formatShape(x.dims)} needs ${size} elements, but its data has ${data.length}`);
  }
  return fromView(data, dtype, x.dims, contiguousStrides(x.dims), 0);
}

function fromNDArray(result: NDArray, like: OnnxLikeTensor): OnnxLikeTensor {
  const data = result.data;
  // onnx has no clamped bytes (nor does an onnx input give them): plain uint8 over the same memory.
  if (data instanceof Uint8ClampedArray) {
    return new (like.constructor as OnnxConstructor)('uint8', new Uint8Array(data.buffer, data.byteOffset, data.length), [...result.shape]);
  }
  return new (like.constructor as OnnxConstructor)(result.dtype, data, [...result.shape]);
}

/**
 * The tensor, typed with the dims it has, so that ops on it give literal shapes (an onnx
 * Tensor's type has `readonly number[]` dims). Throws an {@link EinopsError} when the dims
 * differ.
 * @example
 * ```ts
 * import { Tensor } from 'onnxruntime-web';
 * import { rearrange, withDims } from 'einops/onnx';
 *
 * const pixels = new Float32Array(3 * 224 * 224);
 * const input = withDims(new Tensor('float32', pixels, [1, 3, 224, 224]), [1, 3, 224, 224]);
 * const hwc = rearrange(input, 'b c h w -> b h w c'); // a Tensor, dims typed [1, 224, 224, 3]
 * ```
 */
export function withDims<X extends OnnxLikeTensor, const S extends number[]>(x: X, dims: readonly [...S]): WithDims<X, S> {
  if (!isOnnxLike(x)) throw new EinopsError(`withDims takes a tensor with data, dims and type, got ${x === null ? 'null' : typeof x}`);
  if (x.dims.length !== dims.length || x.dims.some((length, axis) => length !== dims[axis])) {
    throw new EinopsError(`withDims: the tensor has dims ${formatShape(x.dims)}, not ${formatShape(dims)}`);
  }
  return x as unknown as WithDims<X, S>;
}

const arrays = hostBackend({
  name: 'onnx',
  isAppropriate: isOnnxLike,
  shape: (x) => x.dims,
  toNDArray,
  fromNDArray,
});

/**
 * Element types the NDArray has no arithmetic for, which can still be moved: int64 and uint64
 * (transformers.js's token ids and masks) as pairs of int32 on a last axis of 2, float16 as its
 * uint16 bits. Rearrange, repeat, pack and unpack move them exactly; reductions and products refuse.
 */
const MOVED_AS: Readonly<Record<string, 'pair' | 'bits'>> = { int64: 'pair', uint64: 'pair', float16: 'bits' };

interface BufferView {
  readonly buffer: ArrayBufferLike;
  readonly byteOffset: number;
  readonly byteLength: number;
  readonly length: number;
  readonly constructor: new (buffer: ArrayBufferLike, byteOffset: number, length: number) => BufferView;
}

const movedAs = (x: OnnxLikeTensor): 'pair' | 'bits' | undefined => (isOnCpu(x) ? MOVED_AS[x.type] : undefined);

function movable(x: OnnxLikeTensor): NDArray {
  const data = x.data as BufferView;
  const size = x.dims.reduce((a, b) => a * b, 1);
  if (!ArrayBuffer.isView(data) || data.length !== size) {
    throw new EinopsError(`a ${x.type} onnx tensor of dims ${formatShape(x.dims)} needs ${size} elements in a typed array`);
  }
  if (movedAs(x) === 'pair') {
    const shape = [...x.dims, 2];
    return fromView(new Int32Array(data.buffer, data.byteOffset, 2 * size), 'int32', shape, contiguousStrides(shape), 0);
  }
  return fromView(new Uint16Array(data.buffer, data.byteOffset, size), 'uint16', x.dims, contiguousStrides(x.dims), 0);
}

function fromMoved(result: NDArray, like: OnnxLikeTensor): OnnxLikeTensor {
  const data = result.data;
  const Data = (like.data as BufferView).constructor;
  const pair = movedAs(like) === 'pair';
  const length = pair ? data.length / 2 : data.length;
  const dims = pair ? result.shape.slice(0, -1) : [...result.shape];
  return new (like.constructor as OnnxConstructor)(like.type, new Data(data.buffer, data.byteOffset, length), dims);
}

function refuse(x: OnnxLikeTensor, what: string): never {
  throw new EinopsError(`a ${x.type} onnx tensor can be rearranged, repeated, packed and unpacked, but not ${what}: the NDArray has no ${x.type} arithmetic`);
}

/** The list of stack and concat, moved: one element type for all. */
function movableList(xs: readonly OnnxLikeTensor[]): NDArray[] {
  return xs.map((x, i) => {
    if (!isOnnxLike(x) || x.type !== xs[0]!.type) throw new EinopsError(`list item ${i} is not a ${xs[0]!.type} onnx tensor, but item 0 is`);
    return movable(x);
  });
}

/** The backend for onnxruntime-web and transformers.js tensors, which importing `einops/onnx` registers. */
export const onnxBackend: Backend<OnnxLikeTensor> = {
  ...arrays,
  reshape: (x, shape) => {
    if (movedAs(x) === undefined) return arrays.reshape(x, shape);
    return fromMoved(engine.reshape(movable(x), movedAs(x) === 'pair' ? [...shape, 2] : shape), x);
  },
  transpose: (x, permutation) => {
    if (movedAs(x) === undefined) return arrays.transpose(x, permutation);
    return fromMoved(engine.transpose(movable(x), movedAs(x) === 'pair' ? [...permutation, permutation.length] : permutation), x);
  },
  // The pair axis is the last of x's axes, so it stays last after the new ones.
  addAxes: (x, rank, added) => {
    if (movedAs(x) === undefined) return arrays.addAxes(x, rank, added);
    return fromMoved(engine.addAxes(movable(x), movedAs(x) === 'pair' ? rank + 1 : rank, added), x);
  },
  stack: (xs) => (movedAs(xs[0]!) === undefined ? arrays.stack(xs) : fromMoved(engine.stack(movableList(xs)), xs[0]!)),
  concat: (xs, axis) => (movedAs(xs[0]!) === undefined ? arrays.concat(xs, axis) : fromMoved(engine.concat(movableList(xs), axis), xs[0]!)),
  slice: (x, axis, start, end) => {
    if (movedAs(x) === undefined) return arrays.slice(x, axis, start, end);
    return fromMoved(engine.slice(movable(x), axis, start, end), x);
  },
  reduce: (x, reduction, axes) => (movedAs(x) === undefined ? arrays.reduce(x, reduction, axes) : refuse(x, `reduced (${reduction})`)),
  diagonal: (x, axis1, axis2) => (movedAs(x) === undefined ? arrays.diagonal(x, axis1, axis2) : refuse(x, 'used in einsum')),
  matmul: (a, b, transposeA, transposeB) =>
    movedAs(a) === undefined && movedAs(b) === undefined ? arrays.matmul(a, b, transposeA, transposeB) : refuse(movedAs(a) === undefined ? b : a, 'used in einsum'),
  isFloat: (x) => (movedAs(x) === undefined ? arrays.isFloat(x) : x.type === 'float16'),
  dtype: (x) => x.type,
};
