import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFilter, globToRegExp } from '../../src/transformer/filter';

describe('globToRegExp', () => {
  it('reads **, *, ? and {a,b}', () => {
    expect(globToRegExp('/a/**/*.ts').test('/a/b/c/d.ts')).toBe(true);
    expect(globToRegExp('/a/**/*.ts').test('/a/d.ts')).toBe(true);
    expect(globToRegExp('/a/*.ts').test('/a/b/d.ts')).toBe(false);
    expect(globToRegExp('/a/?.{ts,tsx}').test('/a/b.tsx')).toBe(true);
    expect(globToRegExp('/a/?.{ts,tsx}').test('/a/bc.ts')).toBe(false);
    expect(globToRegExp('/a/b.ts').test('/a/bxts')).toBe(false);
    expect(globToRegExp('/a/**').test('/a/b/c.js')).toBe(true);
  });
});

describe('createFilter', () => {
  it('include and exclude, globs relative to the working directory, regular expressions', () => {
    const accepts = createFilter(['src/**', /\.special$/], ['**/*.test.ts', /generated/]);
    expect(accepts(resolve('src/a/b.ts'))).toBe(true);
    expect(accepts(resolve('src/a/b.test.ts'))).toBe(false);
    expect(accepts(resolve('src/generated/b.ts'))).toBe(false);
    expect(accepts(resolve('lib/b.ts'))).toBe(false);
    expect(accepts('/anywhere/x.special')).toBe(true);
  });

  it('no include: everything not excluded; a global expression answers the same every time', () => {
    const accepts = createFilter(undefined, /node_modules/g);
    expect(accepts('/a/node_modules/b.js')).toBe(false);
    expect(accepts('/a/node_modules/b.js')).toBe(false);
    expect(accepts('/a/b.js')).toBe(true);
  });

  it('Windows paths are matched with forward slashes', () => {
    expect(createFilter(/\/src\/[^/]+\.ts$/, undefined)('C:\\project\\src\\a.ts')).toBe(true);
  });
});
