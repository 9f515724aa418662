import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import ts from 'typescript';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { precompileFiles, runCli } from '../../src/transformer/precompile';

const root = mkdtempSync(join(tmpdir(), 'einops-precompile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let project = '';
beforeEach(() => {
  project = mkdtempSync(join(root, 'project-'));
});

const SOURCE = `import { rearrange, tensor } from 'einops';
const x = tensor([[1, 2, 3]]);
export const y = rearrange(x, 'a b -> b a'), marker = 1;
`;

/** Emits `src/<name>.ts` as tsc would into `build/`, with its source map. */
function emit(name: string, source: string, options: ts.CompilerOptions = {}): string {
  const sourceFile = join(project, 'src', `${name}.ts`);
  mkdirSync(dirname(sourceFile), { recursive: true });
  writeFileSync(sourceFile, source);
  const { outputText, sourceMapText } = ts.transpileModule(source, {
    fileName: sourceFile,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: true, ...options },
  });
  const file = join(project, 'build', `${name}.js`);
  mkdirSync(dirname(file), { recursive: true });
  // transpileModule names the source by its bare name; tsc writes it relative to the map.
  const relocate = (json: string): string => JSON.stringify({ ...(JSON.parse(json) as object), sources: [`../src/${name}.ts`] });
  const inline = /(?<=sourceMappingURL=data:application\/json;base64,)\S+/;
  const base64 = (text: string): string => Buffer.from(text).toString('base64');
  writeFileSync(file, outputText.replace(inline, (url) => base64(relocate(Buffer.from(url, 'base64').toString('utf8')))));
  if (sourceMapText !== undefined) writeFileSync(`${file}.map`, relocate(sourceMapText));
  return file;
}

/** Where `token` in the generated file maps to, as [source file, 1-based line, column]. */
function traceToken(code: string, map: unknown, mapFile: string, token: string): [string, number, number] {
  const lines = code.split('\n');
  const line = lines.findIndex((text) => text.includes(token));
  const position = originalPositionFor(new TraceMap(map as ConstructorParameters<typeof TraceMap>[0]), {
    line: line + 1,
    column: lines[line]!.indexOf(token),
  });
  return [resolve(dirname(mapFile), position.source ?? ''), position.line ?? 0, position.column ?? 0];
}

const quiet = { log: (): void => {} };

describe('precompileFiles', () => {
  it('rewrites in place and carries tsc’s source map through to the TypeScript', () => {
    const file = emit('main', SOURCE);
    const summary = precompileFiles([join(project, 'build')], quiet);
    expect(summary).toMatchObject({ files: 1, changed: 1, calls: 1, errors: [], warnings: [] });
    const code = readFileSync(file, 'utf8');
    expect(code).toContain('_einops_applyRecipe(_einops_r0, x)');
    expect(code).toContain('//# sourceMappingURL=main.js.map');
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as unknown;
    expect(traceToken(code, map, `${file}.map`, 'marker')).toEqual([join(project, 'src', 'main.ts'), 3, SOURCE.split('\n')[2]!.indexOf('marker')]);
  });

  it('writes into an output directory, mirroring the tree and copying what it does not change', () => {
    emit('main', SOURCE);
    emit('nested/plain', `export const z = 1;\n`);
    writeFileSync(join(project, 'build', 'main.d.ts'), 'export declare const y: unknown;\n');
    const before = readFileSync(join(project, 'build', 'main.js'), 'utf8');
    const outDir = join(project, 'out', 'deeper');
    const summary = precompileFiles([join(project, 'build')], { ...quiet, outDir });
    expect(summary).toMatchObject({ files: 2, changed: 1, calls: 1 });
    expect(readFileSync(join(project, 'build', 'main.js'), 'utf8')).toBe(before);
    expect(readFileSync(join(outDir, 'main.js'), 'utf8')).toContain('_einops_applyRecipe');
    expect(readFileSync(join(outDir, 'nested', 'plain.js'), 'utf8')).toContain('export const z = 1;');
    expect(existsSync(join(outDir, 'nested', 'plain.js.map'))).toBe(true);
    expect(existsSync(join(outDir, 'main.d.ts'))).toBe(true);
    // the map moved one level deeper: its sources still lead to the TypeScript
    const code = readFileSync(join(outDir, 'main.js'), 'utf8');
    const map = JSON.parse(readFileSync(join(outDir, 'main.js.map'), 'utf8')) as unknown;
    expect(traceToken(code, map, join(outDir, 'main.js.map'), 'marker')[0]).toBe(join(project, 'src', 'main.ts'));
  });

  it('CommonJS with an inline source map', () => {
    const file = emit('main', SOURCE, { module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true, inlineSources: true });
    const summary = precompileFiles([file], quiet);
    expect(summary.calls).toBe(1);
    const code = readFileSync(file, 'utf8');
    expect(code).toContain('require("einops/runtime")');
    const url = /sourceMappingURL=data:application\/json;charset=utf-8;base64,(\S+)/.exec(code)?.[1];
    const map = JSON.parse(Buffer.from(url!, 'base64').toString('utf8')) as unknown;
    // tsc hoists `exports.marker = exports.y = void 0` above; the line that sets it is the one with the call
    expect(traceToken(code, map, file, 'marker = 1').slice(0, 2)).toEqual([join(project, 'src', 'main.ts'), 3]);
  });

  it('a line per file on long runs', () => {
    for (let i = 0; i < 20; i++) emit(`file${i}`, i === 0 ? SOURCE : `export const v${i} = ${i};\n`);
    const lines: string[] = [];
    precompileFiles([join(project, 'build')], { log: (line) => lines.push(line) });
    expect(lines).toHaveLength(20);
    expect(lines).toContain(`[1/20] ${relative(process.cwd(), join(project, 'build', 'file0.js'))}: 1 call`);
    const few: string[] = [];
    emit('one', SOURCE);
    precompileFiles([join(project, 'build', 'one.js')], { log: (line) => few.push(line) });
    expect(few).toEqual([]);
  });
});

describe('runCli', () => {
  const capture = () => {
    const out: string[] = [];
    const errors: string[] = [];
    return { out, errors, io: { log: (line: string) => out.push(line), error: (line: string) => errors.push(line) } };
  };

  it('precompiles and reports a summary', () => {
    emit('main', SOURCE);
    const { out, io } = capture();
    expect(runCli([join(project, 'build')], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^einops-precompile: 1 calls precompiled in 1 of 1 files \(\d+\.\d\d s\)$/);
  });

  it('fails on an invalid pattern and leaves that file as it was; --warn lets it through', () => {
    const file = emit('bad', `import { rearrange } from 'einops';\nexport const f = (x) => rearrange(x, 'a b -> c');\n`);
    const before = readFileSync(file, 'utf8');
    const failing = capture();
    expect(runCli([file, '--quiet'], failing.io)).toBe(1);
    expect(failing.errors).toEqual([expect.stringMatching(/^error: .*bad\.js:2:\d+: rearrange "a b -> c": axis c appears only on the right side$/)]);
    expect(failing.out).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const warned = capture();
    expect(runCli([file, '--warn'], warned.io)).toBe(0);
    expect(warned.errors).toEqual([expect.stringMatching(/^warning: .*bad\.js:2:\d+: rearrange "a b -> c"/)]);
  });

  it('--module and --runtime', () => {
    const file = emit('custom', `import { rearrange } from '@me/einops';\nexport const y = rearrange(x, 'a -> a');\n`);
    expect(runCli([file, '--module', '@me/einops', '--runtime', '@me/einops/runtime', '--quiet'], capture().io)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('from "@me/einops/runtime"');
  });

  it('--layer-module and --layer-runtime', () => {
    const file = emit('layers', `import { Reduce } from '@me/layers';\nexport const pool = new Reduce('a b -> a', 'max');\n`);
    expect(runCli([file, '--layer-module', '@me/layers', '--layer-runtime', '@me/layers/runtime', '--quiet'], capture().io)).toBe(0);
    const code = readFileSync(file, 'utf8');
    expect(code).toContain('from "@me/layers/runtime"');
    expect(code).toContain(`new _einops_Reduce(_einops_r0, 'max')`);
  });

  it('usage errors exit with 2, --help with 0', () => {
    const none = capture();
    expect(runCli([], none.io)).toBe(2);
    expect(none.errors[0]).toContain('Usage: einops-precompile');
    expect(runCli(['--bogus', 'x'], capture().io)).toBe(2);
    const missing = capture();
    expect(runCli([join(project, 'nothing-here')], missing.io)).toBe(2);
    expect(missing.errors).toEqual([`einops-precompile: ${join(project, 'nothing-here')} does not exist`]);
    const help = capture();
    expect(runCli(['--help'], help.io)).toBe(0);
    expect(help.out[0]).toContain('--outDir <dir>');
  });
});
