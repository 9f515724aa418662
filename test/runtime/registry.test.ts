import { describe, expect, it } from 'vitest';
import { EinopsError } from '../../src/errors';
import { tensor } from '../../src/ndarray/index';
import type { Backend } from '../../src/runtime/backend';
import { ndarrayBackend, ndarrayCoreBackend, withAllSteps } from '../../src/runtime/backends/ndarray';
import { getBackend, registerBackend } from '../../src/runtime/registry';

describe('registry', () => {
  it('knows the embedded NDArray without registration', () => {
    expect(getBackend(tensor([1, 2]))).toBe(ndarrayCoreBackend);
  });

  it("gives einsum and pack the NDArray's whole backend, and every registered one as it is", () => {
    expect(withAllSteps(getBackend(tensor([1, 2])))).toBe(ndarrayBackend);
    expect(typeof ndarrayBackend.matmul).toBe('function');
    expect('matmul' in ndarrayCoreBackend).toBe(false);
    const other = { ...ndarrayBackend, name: 'other' } as Backend;
    expect(withAllSteps(other)).toBe(other);
  });

  it('finds a registered backend by isAppropriate, once per name', () => {
    class Box {
      constructor(readonly shape: number[]) {}
    }
    const backend = { ...ndarrayBackend, name: 'box', isAppropriate: (x: unknown) => x instanceof Box } as unknown as Backend;
    registerBackend(backend);
    registerBackend({ ...backend });
    expect(getBackend(new Box([1]))).toBe(backend);
  });

  it('says what it cannot handle', () => {
    expect(() => getBackend(3)).toThrow(EinopsError);
    expect(() => getBackend(3)).toThrow(/unsupported tensor type number/);
    expect(() => getBackend([[1, 2]])).toThrow(/Array/);
    expect(() => getBackend(new Map())).toThrow(/Map/);
    expect(() => getBackend(null)).toThrow(/null/);
  });
});
