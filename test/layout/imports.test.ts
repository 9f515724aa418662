// The folder rules of DESIGN.md, checked: runtime code has no dependencies and no Node
// built-ins, and each folder imports only what it may.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

interface Import {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

function importsOf(path: string): Import[] {
  const text = readFileSync(path, 'utf8');
  const found: Import[] = [];
  // No `=` or backtick before `from`: `export const f = () => `… from "${x}"`` is no import.
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'";=`]*?from\s+['"]([^'"]+)['"]/gms;
  for (const match of text.matchAll(pattern)) {
    found.push({ specifier: match[3]!, typeOnly: match[2] !== undefined });
  }
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ specifier: match[1]!, typeOnly: false });
  }
  // Side-effect imports, such as the layers' `import '../tfjs'`, which registers the backend.
  for (const match of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) {
    found.push({ specifier: match[1]!, typeOnly: false });
  }
  return found;
}

// The first path segment under src/, without .ts: `runtime`, `errors`, `index`.
const folderOf = (path: string): string => relative(root, path).split('/')[0]!.replace(/\.ts$/, '');

const files = sourceFiles(root);

// Folders a folder may import values from (types may come from anywhere inside src).
const allowed: Record<string, readonly string[]> = {
  errors: [],
  index: ['errors', 'pattern', 'runtime', 'ndarray', 'types'],
  pattern: ['errors', 'pattern'],
  ndarray: ['errors', 'ndarray'],
  runtime: ['errors', 'pattern', 'runtime', 'ndarray'],
  types: [],
  // layers: EinMix's planner, which the transformer runs to precompile an EinMix definition.
  transformer: ['errors', 'pattern', 'transformer', 'layers'],
  tfjs: ['index', 'runtime'],
  onnx: ['index', 'runtime'],
  scijs: ['index', 'runtime'],
  layers: ['errors', 'pattern', 'runtime', 'tfjs', 'layers'],
};

// Packages a folder may import: only the build-time transformer, which runs in Node.
const packages: Record<string, readonly string[]> = {
  transformer: ['ts-morph', 'magic-string', '@jridgewell/remapping', 'node:fs', 'node:path', 'node:util'],
  layers: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-layers'],
};

// Single files that may import a package: the tfjs backend (reached only from the tfjs
// entries, checked below) and the types of its tensors.
const filePackages: Record<string, readonly string[]> = {
  'runtime/backends/tfjs.ts': ['@tensorflow/tfjs-core'],
  'types/tfjs.ts': ['@tensorflow/tfjs-core'],
};

/** The source files and packages an entry reaches through value imports. */
function reachableFrom(entry: string): { files: string[]; packages: string[] } {
  const seen = new Set<string>();
  const reachedPackages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { specifier, typeOnly } of importsOf(file)) {
      if (typeOnly) continue;
      if (!specifier.startsWith('.')) {
        reachedPackages.add(specifier);
        continue;
      }
      let target = join(file, '..', specifier);
      target = statSync(target, { throwIfNoEntry: false })?.isDirectory() ? join(target, 'index.ts') : `${target}.ts`;
      visit(target);
    }
  };
  visit(join(root, entry));
  return { files: [...seen].map((file) => relative(root, file)), packages: [...reachedPackages] };
}

describe('source layout', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    const name = relative(root, file);
    it(`${name} imports only relative modules it may use`, () => {
      for (const { specifier, typeOnly } of importsOf(file)) {
        const folder = folderOf(file);
        if (packages[folder]?.includes(specifier) || filePackages[name]?.includes(specifier)) continue;
        // No packages and no Node built-ins: the runtime must run in a browser unchanged.
        expect(specifier.startsWith('.'), `${name} imports ${specifier}`).toBe(true);
        if (typeOnly) continue;
        const target = folderOf(join(file, '..', specifier));
        const may = allowed[folder] ?? [];
        expect(may.includes(target), `${name} imports ${specifier}`).toBe(true);
      }
    });
  }

  it('the lean runtime entry does not reach the parser', () => {
    const reached = reachableFrom('runtime/index.ts').files;
    expect(reached).toContain('runtime/apply.ts');
    for (const parserModule of ['pattern/parse.ts', 'pattern/compile.ts', 'pattern/axisName.ts', 'runtime/ops.ts']) {
      expect(reached).not.toContain(parserModule);
    }
  });

  it('the lean layers entry does not reach the parser, the full one does', () => {
    const lean = reachableFrom('layers/tfjs/runtime.ts').files;
    expect(lean).toContain('layers/tfjs/recipeLayers.ts');
    for (const parserModule of ['pattern/parse.ts', 'pattern/compile.ts', 'pattern/axisName.ts', 'runtime/ops.ts', 'index.ts', 'tfjs.ts']) {
      expect(lean).not.toContain(parserModule);
    }
    expect(reachableFrom('layers/tfjs/index.ts').files).toContain('pattern/parse.ts');
  });

  it('only the tfjs entries reach tfjs: the main and lean entries load no package', () => {
    for (const entry of ['index.ts', 'runtime/index.ts']) {
      const { files, packages: reached } = reachableFrom(entry);
      expect(files, entry).not.toContain('runtime/backends/tfjs.ts');
      expect(reached, entry).toEqual([]);
    }
    for (const entry of ['tfjs.ts', 'layers/tfjs/index.ts', 'layers/tfjs/runtime.ts']) {
      expect(reachableFrom(entry).files, entry).toContain('runtime/backends/tfjs.ts');
    }
  });

  it('the onnx and scijs entries load no package: their tensors are recognised by shape', () => {
    for (const entry of ['onnx.ts', 'scijs.ts']) expect(reachableFrom(entry).packages, entry).toEqual([]);
  });
});
