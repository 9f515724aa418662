// What a bundler keeps of the runtime: an app that calls only rearrange, reduce and repeat
// (the precompiled form the transformer emits) ships no einsum or pack kernels and no parser.
// The bench measures the bytes; this checks which modules make it in, so a change that ties
// the kernels back together fails here.
import { join } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { describe, expect, it } from 'vitest';
import { compileRecipe } from '../../src/pattern/compile';

const root = join(__dirname, '..', '..');
const RUNTIME = join(root, 'src/runtime/index.ts');

/** The source modules (relative to src/) of a bundle of `app`, which imports `einops/runtime`. */
async function bundledModules(app: string): Promise<string[]> {
  const build = await rollup({
    input: 'app',
    plugins: [
      {
        name: 'virtual-app',
        resolveId: (id) => (id === 'app' ? id : id === 'einops/runtime' ? RUNTIME : null),
        load: (id) => (id === 'app' ? app : null),
      },
      nodeResolve({ extensions: ['.ts', '.js'] }),
      esbuild({ target: 'es2022' }),
    ],
  });
  const { output } = await build.generate({ format: 'es' });
  return Object.keys(output[0].modules).map((id) => id.slice(join(root, 'src').length + 1));
}

// The recipe literal the transformer would emit for the call.
const recipe = JSON.stringify(compileRecipe('rearrange', 'a b -> b a'));

describe('tree shaking of the lean runtime', () => {
  it('leaves out GEMM, concat, slice, diagonal and the parser from an app of rearrange, reduce and repeat', async () => {
    const modules = await bundledModules(
      `import { applyRecipe, tensor } from 'einops/runtime';\nconsole.log(applyRecipe(${recipe}, tensor([1, 2], [1, 2])));`,
    );
    expect(modules).toContain('ndarray/copy.ts');
    expect(modules).toContain('runtime/bind.ts');
    for (const kernel of ['ndarray/matmul.ts', 'ndarray/concat.ts', 'ndarray/slice.ts', 'ndarray/diagonal.ts', 'runtime/einsum.ts', 'runtime/pack.ts']) {
      expect(modules).not.toContain(kernel);
    }
    expect(modules.filter((module) => module.startsWith('pattern/'))).toEqual(expect.not.arrayContaining(['pattern/parse.ts', 'pattern/compile.ts']));
  });

  it('keeps the GEMM for an app that calls einsum (so the check above can fail)', async () => {
    const modules = await bundledModules(
      `import { applyEinsumRecipe, tensor } from 'einops/runtime';\nconsole.log(applyEinsumRecipe(JSON.parse(process.argv[2]), [tensor([1, 2])]));`,
    );
    expect(modules).toContain('ndarray/matmul.ts');
    expect(modules).toContain('runtime/einsum.ts');
  });
});
