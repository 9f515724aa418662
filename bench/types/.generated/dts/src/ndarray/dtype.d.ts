/** Element types of the embedded NDArray; each is backed by one typed-array class. */
export type DType = 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'uint8' | 'uint8-clamped' | 'uint16' | 'uint32' | 'bool';
/** The typed array that stores each dtype. 'bool' is a Uint8Array holding only 0 and 1. */
export interface DTypeArrays {
    float32: Float32Array;
    float64: Float64Array;
    int8: Int8Array;
    int16: Int16Array;
    int32: Int32Array;
    uint8: Uint8Array;
    'uint8-clamped': Uint8ClampedArray;
    uint16: Uint16Array;
    uint32: Uint32Array;
    bool: Uint8Array;
}
export type TypedArray = DTypeArrays[DType];
/**
 * The dtype a typed array type stands for. Uint8Array maps to 'uint8': a bool tensor is only
 * made when the caller says so, because the array type alone cannot tell.
 */
export type DTypeOfArray<A extends TypedArray> = A extends Float32Array ? 'float32' : A extends Float64Array ? 'float64' : A extends Int8Array ? 'int8' : A extends Int16Array ? 'int16' : A extends Int32Array ? 'int32' : A extends Uint8ClampedArray ? 'uint8-clamped' : A extends Uint8Array ? 'uint8' : A extends Uint16Array ? 'uint16' : A extends Uint32Array ? 'uint32' : DType;
/** A JS value of one element: booleans for 'bool', numbers otherwise. */
export type ElementOf<D extends DType> = D extends 'bool' ? boolean : number;
export declare const DTYPES: readonly DType[];
export declare function isDType(value: unknown): value is DType;
/** The dtype of a typed array: Uint8Array gives 'uint8' (never 'bool'). */
export declare function dtypeOfArray<A extends TypedArray>(a: A): DTypeOfArray<A>;
export declare function isFloatDType(d: DType): boolean;
/** Allocates a zero-filled buffer; callers check the size with checkedSize first. */
export declare function allocate<D extends DType>(dtype: D, length: number): DTypeArrays[D];
export declare function checkDType(value: unknown, context: string): DType;
