import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { dtypeOfArray, isDType, isFloatDType } from '../../src/ndarray';
import { CTORS, DTYPES } from './reference';

describe('dtypeOfArray', () => {
  it('names each typed-array class, with Uint8Array as uint8 (never bool)', () => {
    for (const d of DTYPES) expect(dtypeOfArray(new CTORS[d](1))).toBe(d === 'bool' ? 'uint8' : d);
  });

  it('recognises typed arrays by tag, so subclasses and other realms work', () => {
    class Mine extends Float64Array {}
    expect(dtypeOfArray(new Mine(2))).toBe('float64');
  });

  it('rejects arrays it cannot store', () => {
    expect(() => dtypeOfArray(new BigInt64Array(1) as never)).toThrow(EinopsError);
    expect(() => dtypeOfArray(new DataView(new ArrayBuffer(4)) as never)).toThrow(/unsupported array type DataView/);
    expect(() => dtypeOfArray([1, 2] as never)).toThrow(EinopsError);
  });
});

describe('isFloatDType / isDType', () => {
  it('tells float dtypes from the rest', () => {
    expect(DTYPES.filter(isFloatDType)).toEqual(['float32', 'float64']);
  });

  it('accepts exactly the dtype names', () => {
    for (const d of DTYPES) expect(isDType(d)).toBe(true);
    for (const v of ['float16', 'int64', 'toString', '', 3, undefined]) expect(isDType(v)).toBe(false);
  });
});
