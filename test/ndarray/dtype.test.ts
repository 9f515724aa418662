import { describe, expect, it, vi } from 'vitest';
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

describe('allocateForOverwrite', () => {
  it('gives an array of the dtype and length, over a buffer of its own when large', async () => {
    const { allocateForOverwrite } = await import('../../src/ndarray/dtype');
    for (const dtype of DTYPES) {
      for (const length of [0, 3, 100_000]) {
        const a = allocateForOverwrite(dtype, length);
        expect(a).toBeInstanceOf(CTORS[dtype]);
        expect(a.length).toBe(length);
        // Never a slice of Buffer's shared pool: data.buffer must hold this array only.
        expect(a.byteOffset).toBe(0);
        expect(a.buffer.byteLength).toBe(length * a.BYTES_PER_ELEMENT);
      }
    }
  });

  /** The module loaded afresh with `Buffer` as the host's global. */
  async function withBuffer(buffer: unknown) {
    vi.resetModules();
    vi.stubGlobal('Buffer', buffer);
    return import('../../src/ndarray/dtype');
  }

  it("takes large arrays from Buffer.allocUnsafeSlow where there is one, and small ones zeroed", async () => {
    const allocUnsafeSlow = vi.fn((size: number) => new Uint8Array(size).fill(7));
    try {
      const { allocateForOverwrite } = await withBuffer({ allocUnsafeSlow });
      expect(allocateForOverwrite('int32', 100_000)[0]).toBe(0x07070707);
      expect(allocUnsafeSlow).toHaveBeenCalledWith(400_000);
      expect(allocateForOverwrite('int32', 100)[0]).toBe(0);
      expect(allocUnsafeSlow).toHaveBeenCalledTimes(1);
      // Without Buffer, as in a browser: a plain zeroed array.
      const browser = await withBuffer(undefined);
      expect(browser.allocateForOverwrite('float32', 100_000).every((v) => v === 0)).toBe(true);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
