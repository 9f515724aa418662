import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { type Plugin as RollupPlugin, type RollupLog, rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { build, type Plugin as VitePlugin, type Rollup } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import einops, { type EinopsPluginOptions } from '../../src/transformer/rollup';

const SOURCE = resolve(__dirname, '../../src/index.ts');
const RUNTIME = resolve(__dirname, '../../src/runtime/index.ts');
const directory = mkdtempSync(join(tmpdir(), 'einops-plugin-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

// Both bundlers take the plugin as it is typed.
const asRollupPlugin: RollupPlugin = einops();
const asVitePlugin: VitePlugin = einops();

/** The package's entries, from the source tree. */
const einopsFromSource: RollupPlugin = {
  name: 'einops-from-source',
  resolveId: (id) => (id === 'einops' ? SOURCE : id === 'einops/runtime' ? RUNTIME : null),
};

const APP = `import { rearrange, reduce, repeat, tensor } from 'einops';
const x = tensor(Float32Array.from({ length: 24 }, (_, i) => i), [2, 3, 4]);
export const shapes = [rearrange(x, 'a b c -> c b a').shape, reduce(x, 'a b (c 2) -> a c', 'max').shape, repeat(x, 'a b c -> a b c r', { r: 2 }).shape];
`;
// A message only the pattern parser has: the bundle carries the parser if and only if it has this.
const PARSER_TEXT = 'is never closed';

function writeApp(name: string, code: string): string {
  const file = join(directory, name);
  writeFileSync(file, code);
  return file;
}

async function bundle(entry: string, options: EinopsPluginOptions | false, warnings: RollupLog[] = []): Promise<string> {
  const build = await rollup({
    input: entry,
    plugins: [...(options === false ? [] : [einops(options)]), einopsFromSource, nodeResolve({ extensions: ['.ts', '.js'] }), esbuild({ target: 'es2022' })],
    onwarn: (warning) => warnings.push(warning),
  });
  const { output } = await build.generate({ format: 'es' });
  return output[0].code;
}

describe('the Rollup plugin', () => {
  it('is typed as a Rollup and a Vite plugin', () => {
    expect(asRollupPlugin.name).toBe('einops');
    expect(asVitePlugin.enforce).toBe('pre');
  });

  it('precompiles the app: the bundle has no parser and gives the same results', async () => {
    const entry = writeApp('app.ts', APP);
    const plain = await bundle(entry, false);
    const precompiled = await bundle(entry, {});
    expect(plain).toContain(PARSER_TEXT);
    expect(precompiled).not.toContain(PARSER_TEXT);
    expect(precompiled).toContain('applyRecipe(');
    const run = async (code: string, name: string): Promise<unknown> => {
      const file = join(directory, name);
      writeFileSync(file, code);
      return ((await import(pathToFileURL(file).href)) as { shapes: unknown }).shapes;
    };
    const expected = [[4, 3, 2], [2, 2], [2, 3, 4, 2]];
    expect(await run(plain, 'plain.mjs')).toEqual(expected);
    expect(await run(precompiled, 'precompiled.mjs')).toEqual(expected);
  });

  it('fails the build at the invalid pattern, or warns with `warn`', async () => {
    const entry = writeApp('invalid.ts', `import { rearrange } from 'einops';\nexport const f = (x: unknown) => rearrange(x, 'a b -> a b c');\n`);
    await expect(bundle(entry, {})).rejects.toThrow(`${entry}:2:47: rearrange "a b -> a b c": axis c appears only on the right side`);
    const warnings: RollupLog[] = [];
    const code = await bundle(entry, { warn: true }, warnings);
    expect(code).toContain(PARSER_TEXT);
    expect(warnings.map((warning) => warning.message)).toContainEqual(expect.stringContaining(`${entry}:2:47: rearrange "a b -> a b c"`));
    expect(warnings.find((warning) => warning.plugin === 'einops')?.loc).toEqual({ file: entry, line: 2, column: 46 });
  });

  it('include and exclude', async () => {
    const entry = writeApp('filtered.ts', APP);
    expect(await bundle(entry, { exclude: ['**/filtered.ts'] })).toContain(PARSER_TEXT);
    expect(await bundle(entry, { include: [/other\.ts$/] })).toContain(PARSER_TEXT);
    expect(await bundle(entry, { include: [join(directory, '*.ts')] })).not.toContain(PARSER_TEXT);
  });

  it('leaves virtual modules and unchanged files to the next plugin', () => {
    const plugin = einops();
    const context = { error: (): never => expect.fail('no error expected'), warn: (): void => expect.fail('no warning expected') };
    expect(plugin.transform.call(context, `import { rearrange } from 'einops'; rearrange(x, 'a -> a');`, '\0virtual.ts')).toBeNull();
    expect(plugin.transform.call(context, `import { tensor } from 'einops'; tensor([1]);`, '/app/a.ts')).toBeNull();
    const result = plugin.transform.call(context, `import { rearrange } from 'einops'; rearrange(x, 'a -> a');`, '/app/b.ts?v=123');
    expect(result?.map?.sources).toEqual(['/app/b.ts']);
    expect(plugin.api.stats).toEqual({ files: 2, parsed: 2, calls: 1 });
  });
});

describe('as a Vite plugin', () => {
  it('precompiles a Vite library build', async () => {
    const entry = writeApp('vite-app.ts', APP);
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      root: directory,
      plugins: [einops()],
      resolve: {
        alias: [
          { find: /^einops$/, replacement: SOURCE },
          { find: /^einops\/runtime$/, replacement: RUNTIME },
        ],
      },
      build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'app' } },
    });
    const [output] = result as Rollup.RollupOutput[];
    const code = output!.output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
    expect(code).toContain('applyRecipe(');
    expect(code).not.toContain(PARSER_TEXT);
  });
});
