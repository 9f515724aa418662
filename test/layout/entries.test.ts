/**
 * The package's entries are listed once, in scripts/entries.json (subpath → source), and
 * rollup.config.mjs builds each; the files that cannot read that list must say the same:
 * package.json's exports, typesVersions and sideEffects, tsconfig.test.json's paths and the
 * entry points of the API docs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import entryList from '../../scripts/entries.json';

const root = join(__dirname, '..', '..');
const readJson = (file: string): any => JSON.parse(readFileSync(join(root, file), 'utf8'));
/** A JSON file with comments, as tsconfig and typedoc take them. */
const readJsonc = (file: string): any => ts.parseConfigFileTextToJson(file, readFileSync(join(root, file), 'utf8')).config;

const manifest = readJson('package.json');
const library: Record<string, string> = entryList.library;
const tools: Record<string, string> = entryList.tools;
const all = { ...library, ...tools };
/** The dist/ name of a subpath, as rollup.config.mjs makes it. */
const distName = (subpath: string): string => (subpath === '.' ? 'index' : subpath.slice(2));

describe('package entries', () => {
  it('package.json exports every entry, ESM and CJS, each with its types, and nothing else', () => {
    expect(Object.keys(manifest.exports).sort()).toEqual([...Object.keys(all), './package.json'].sort());
    for (const subpath of Object.keys(all)) {
      const name = distName(subpath);
      expect(manifest.exports[subpath], subpath).toEqual({
        import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
    }
  });

  it('typesVersions maps every subpath for node10 resolution', () => {
    const mapped = manifest.typesVersions['*'];
    const subpaths = Object.keys(all).filter((subpath) => subpath !== '.');
    expect(Object.keys(mapped).sort()).toEqual(subpaths.map(distName).sort());
    for (const subpath of subpaths) expect(mapped[distName(subpath)]).toEqual([`./dist/${distName(subpath)}.d.cts`]);
  });

  it('sideEffects names the built files of the entries that register something when imported, and only entries', () => {
    const withEffects = new Set<string>(manifest.sideEffects);
    for (const [subpath, source] of Object.entries(library)) {
      // An entry registers a backend or layer classes when its module calls a register function at the top level.
      const registers = /^register\w*\(/m.test(readFileSync(join(root, source), 'utf8'));
      for (const extension of ['js', 'cjs']) {
        expect(withEffects.has(`./dist/${distName(subpath)}.${extension}`), `${subpath} (${source}) .${extension}`).toBe(registers);
      }
    }
    expect(withEffects.size).toBe(2 * Object.values(library).filter((source) => /^register\w*\(/m.test(readFileSync(join(root, source), 'utf8'))).length);
  });

  it('tsconfig.test.json resolves each entry by name to its source, as a user imports it', () => {
    const paths = readJsonc('tsconfig.test.json').compilerOptions.paths as Record<string, string[]>;
    const expected = Object.fromEntries(Object.entries(all).map(([subpath, source]) => [`einops${subpath.slice(1)}`, [`./${source}`]]));
    expect(paths).toEqual(expected);
  });

  it('the API docs document every entry', () => {
    expect([...readJsonc('typedoc.json').entryPoints].sort()).toEqual(Object.values(all).sort());
  });
});
