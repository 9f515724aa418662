import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { describe, expect, it } from 'vitest';
import { createTransformer, PrecompileError, type TransformOptions } from '../../src/transformer/transform';

// One transformer for most tests, as a plugin has: the project is reused from file to file.
const shared = createTransformer();
const transform = (code: string, fileName = '/app/main.ts') => shared.transform(code, fileName);
const output = (code: string, fileName?: string): string => transform(code, fileName).code;
const withOptions = (options: TransformOptions, code: string, fileName = '/app/main.ts') => createTransformer(options).transform(code, fileName);

describe('which calls are precompiled', () => {
  it('named imports, with and without an alias', () => {
    const result = transform(`import { rearrange, reduce as r } from 'einops';
const a = rearrange(x, 'a b -> b a');
const b = r(x, 'a b -> a', 'max');`);
    expect(result.calls).toBe(2);
    expect(result.code).toContain('_einops_applyRecipe(_einops_r0, x);');
    expect(result.code).toContain(`_einops_applyRecipe(_einops_r1, x, 'max');`);
    expect(result.code).toContain('import { applyRecipe as _einops_applyRecipe } from "einops/runtime";');
    expect(result.code).toContain('const _einops_r0 = {"version":1,"op":"rearrange","pattern":"a b -> b a"');
    expect(result.code).not.toMatch(/\brearrange\(|\br\(|from 'einops'/);
  });

  it('namespace imports, and every op', () => {
    const result = transform(`import * as E from 'einops';
E.rearrange(x, 'a b -> b a', { a: 2 });
E.repeat(x, 'a -> a b', { b: 3 });
E.reduce(x, 'a b -> a', 'sum', { b: 2 });
E.einsum(x, y, 'i j, j k -> i k');
const [p, ps] = E.pack([x, y], 'i *');
E.unpack(p, ps, 'i *');
E.parseShape(x, 'a _');
E.tensor([1]);`);
    expect(result.calls).toBe(7);
    expect(result.code).toContain('_einops_applyRecipe(_einops_r0, x, void 0, { a: 2 });');
    expect(result.code).toContain('_einops_applyRecipe(_einops_r1, x, void 0, { b: 3 });');
    expect(result.code).toContain(`_einops_applyRecipe(_einops_r2, x, 'sum', { b: 2 });`);
    expect(result.code).toContain('_einops_applyEinsumRecipe(_einops_r3, [x, y]);');
    expect(result.code).toContain('_einops_applyPackRecipe(_einops_r4, [x, y]);');
    // pack and unpack share the recipe
    expect(result.code).toContain('_einops_applyUnpackRecipe(_einops_r4, p, ps);');
    expect(result.code).toContain('_einops_applyParseShapeRecipe(_einops_r5, x);');
    expect(result.code).toContain('const _einops_r5 = {"version":1,"pattern":"a _","dims":["a",null]};');
    // E is still used for tensor, so the import stays
    expect(result.code).toContain(`import * as E from 'einops';`);
  });

  it('one hoisted recipe per op and pattern', () => {
    const result = transform(`import { rearrange, reduce } from 'einops';
rearrange(x, 'a b -> b a'); rearrange(y, 'a b -> b a'); reduce(x, 'a b -> b a', 'sum');`);
    expect(result.calls).toBe(3);
    expect(result.code.match(/const _einops_r\d/g)).toHaveLength(2);
  });

  it('templates without substitutions, parenthesised and `as const` literals', () => {
    const result = transform("import { rearrange } from 'einops';\nrearrange(x, `a b -> b a`); rearrange(x, ('a -> a')); rearrange(x, 'a b -> a b' as const);");
    expect(result.calls).toBe(3);
  });

  it('a const initialised with a literal, still read where the pattern was', () => {
    const result = transform(`import { rearrange, reduce, einsum, pack } from 'einops';
const P = 'a b -> b a';
const Q = \`i j -> j i\` as const;
rearrange(x, P);
reduce(x, P, 'max', axes);
einsum(x, Q);
pack(xs, S);
const S = 'a *';`);
    expect(result.calls).toBe(4);
    expect(result.code).toContain('_einops_applyRecipe(_einops_r0, x, (P, void 0));');
    expect(result.code).toContain(`_einops_applyRecipe(_einops_r1, x, (P, 'max'), axes);`);
    expect(result.code).toContain('_einops_applyEinsumRecipe(_einops_r2, [x], Q);');
    expect(result.code).toContain('_einops_applyPackRecipe(_einops_r3, xs, S);');
  });

  it('CommonJS as tsc emits it: require, __importStar and (0, m.op)', () => {
    const result = transform(
      `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const einops_1 = require("einops");
const E = __importStar(require("einops"));
const { repeat } = require("einops");
exports.a = (0, einops_1.rearrange)(x, 'a b -> b a');
exports.b = E.reduce(x, 'a b -> a', 'sum');
exports.c = repeat(x, 'a -> a b', { b: 2 });`,
      '/app/main.js',
    );
    expect(result.calls).toBe(3);
    expect(result.code).toMatch(/^"use strict";\nconst \{ applyRecipe: _einops_applyRecipe \} = require\("einops\/runtime"\);/);
    expect(result.code).toContain('exports.a = _einops_applyRecipe(_einops_r0, x);');
    expect(result.code).not.toContain('require("einops")');
  });

  it('type arguments and TSX', () => {
    const result = transform(
      `import { rearrange } from 'einops';
const identity = <T,>(value: T): T => value;
export const View = () => <div title={String(rearrange<number>(x, 'a b -> b a').shape)}>{identity(1)}</div>;`,
      '/app/View.tsx',
    );
    expect(result.calls).toBe(1);
    expect(result.code).toContain(`<div title={String(_einops_applyRecipe(_einops_r0, x).shape)}>{identity(1)}</div>`);
  });

  it('calls nested in the arguments of other calls', () => {
    const result = transform(`import { rearrange, reduce } from 'einops';
reduce(rearrange(x, 'a b -> b a'), 'b a -> b', (t, axes) => rearrange(t, 'b a -> a b'));`);
    expect(result.calls).toBe(3);
    expect(result.code).toContain('_einops_applyRecipe(_einops_r0, _einops_applyRecipe(_einops_r1, x), (t, axes) => _einops_applyRecipe(_einops_r2, t));');
  });

  it('keeps the directive prologue first and avoids names the file uses', () => {
    const result = transform(`'use client';
import { rearrange } from 'einops';
const _einops = 1;
rearrange(x, 'a -> a');`);
    expect(result.code.startsWith(`'use client';\nimport { applyRecipe as _einops1_applyRecipe }`)).toBe(true);
    expect(result.code).toContain('_einops1_applyRecipe(_einops1_r0, x);');
  });
});

describe('what is left to run time', () => {
  const untouched = (code: string, fileName?: string): void => {
    const result = transform(code, fileName);
    expect(result.calls).toBe(0);
    expect(result.code).toBe(code);
    expect(result.map).toBeUndefined();
  };

  it('dynamic patterns: variables, substitutions, let, non-literal consts', () => {
    untouched("import { rearrange } from 'einops';\nrearrange(x, pattern); rearrange(x, `a ${b} -> a`);");
    untouched("import { rearrange } from 'einops';\nlet P = 'a -> a'; rearrange(x, P);");
    untouched("import { rearrange } from 'einops';\nconst P = flag ? 'a -> a' : 'a b -> b a'; rearrange(x, P);");
    untouched("import { rearrange } from 'einops';\nconst { P } = { P: 'a -> a' }; rearrange(x, P);");
    untouched("import { rearrange, P } from 'einops';\nrearrange(x, P);");
    untouched("import { rearrange } from 'einops';\ndeclare const P = 'a -> a'; rearrange(x, P);");
  });

  it('a name that shadows the import', () => {
    untouched(`import { rearrange } from 'einops';
function f(rearrange) { return rearrange(x, 'a b -> b a'); }
{ const rearrange = (a, b) => a; rearrange(x, 'a -> a'); }
const g = (E) => E.rearrange(x, 'a -> a');`);
  });

  it('a local function named like the op, with or without the import', () => {
    untouched(`function rearrange(x, pattern) { return x; }\nrearrange(x, 'a b -> b a');`);
    untouched(`import { tensor } from 'einops';\nfunction rearrange(x, pattern) { return x; }\nrearrange(x, 'a b -> b a');`);
    const result = transform(`import { rearrange } from 'einops';
function local() { function rearrange(x, p) { return x; } return rearrange(x, 'a -> a'); }
rearrange(x, 'a b -> b a');`);
    expect(result.calls).toBe(1);
    expect(result.code).toContain(`return rearrange(x, 'a -> a');`);
  });

  it('spread arguments, argument counts the op does not take, optional calls', () => {
    untouched("import { rearrange, pack, einsum } from 'einops';\nrearrange(...args); rearrange(x, 'a -> a', ...rest); einsum(...xs, 'i -> i');");
    untouched("import { rearrange, pack } from 'einops';\nrearrange(x, 'a -> a', {}, extra); pack(xs, 'a *', extra); rearrange?.(x, 'a -> a');");
    untouched("import * as E from 'einops';\nE?.rearrange(x, 'a -> a'); E['rearrange'](x, 'a -> a'); new E.rearrange(x, 'a -> a');");
  });

  it('type-only imports, other modules, re-exports', () => {
    untouched("import type { rearrange } from 'einops';\nrearrange(x, 'a -> a');");
    untouched("import { type rearrange } from 'einops';\nrearrange(x, 'a -> a');");
    untouched("import { rearrange } from 'einops-fork';\nrearrange(x, 'a -> a');");
    untouched("import { applyRecipe } from 'einops/runtime';\napplyRecipe(r, x);");
    untouched("export { rearrange } from 'einops';");
  });

  it('files without the import are not even parsed', () => {
    const transformer = createTransformer();
    transformer.transform("import { rearrange } from 'tensors';\nrearrange(x, 'a -> b');", '/app/a.ts');
    transformer.transform('this is not { even JavaScript', '/app/b.ts');
    expect(transformer.stats).toEqual({ files: 2, parsed: 0, calls: 0 });
    // mentioning einops is not importing it
    expect(transformer.transform("// einops\nrearrange(x, 'a -> b');", '/app/c.ts').calls).toBe(0);
    expect(transformer.stats.parsed).toBe(1);
  });

  it('declaration files and files that do not parse', () => {
    untouched("import { rearrange } from 'einops';\nexport declare const y: ReturnType<typeof rearrange>;", '/app/types.d.ts');
    untouched("import { rearrange } from 'einops';\nrearrange(x, 'a b -> b a'); const = ;");
  });
});

describe('invalid patterns', () => {
  it('fail with file:line:col and the einops message, pointing into the pattern', () => {
    const code = `import { rearrange } from 'einops';\n\nconst y = rearrange(x, 'a (b -> a');`;
    let error: unknown;
    try {
      transform(code, '/app/src/model.ts');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PrecompileError);
    const [diagnostic] = (error as PrecompileError).diagnostics;
    // column 3 of the pattern is the "(", the 27th character of the line
    expect(diagnostic).toMatchObject({ file: '/app/src/model.ts', line: 3, column: 27 });
    expect((error as Error).message).toBe(
      '/app/src/model.ts:3:27: rearrange "a (b -> a": "(" is never closed (column 3)\n  a (b -> a\n    ^',
    );
  });

  it('an error of the two sides points at the pattern; each invalid call is reported', () => {
    const code = `import * as E from 'einops';\nE.rearrange(x, 'a b -> a b c');\nE.repeat(x, 'a b -> a');\nE.pack(xs, 'a b');`;
    expect(() => transform(code)).toThrow(
      [
        '/app/main.ts:2:16: rearrange "a b -> a b c": axis c appears only on the right side',
        '/app/main.ts:3:13: repeat "a b -> a": axis b appears only on the left side: repeat cannot remove axes, use reduce',
        '/app/main.ts:4:13: pack "a b": pattern must contain "*" exactly once, found 0 (column 1)',
        '  a b',
        '  ^',
      ].join('\n'),
    );
  });

  it('a const pattern is reported at the call', () => {
    expect(() => transform(`import { einsum } from 'einops';\nconst P = 'i j -> k';\neinsum(x, P);`)).toThrow(/^\/app\/main\.ts:3:11: einsum "i j -> k": axis k appears only on the right side/);
  });

  it('warn: reported as warnings, those calls left as they are, the others precompiled', () => {
    const code = `import { rearrange } from 'einops';\nrearrange(x, 'a -> b');\nrearrange(x, 'a -> a');`;
    const result = withOptions({ warn: true }, code);
    expect(result.calls).toBe(1);
    expect(result.warnings.map((warning) => warning.message)).toEqual(['/app/main.ts:2:14: rearrange "a -> b": axis b appears only on the right side']);
    expect(result.code).toContain(`rearrange(x, 'a -> b');\n_einops_applyRecipe(_einops_r0, x);`);
    // rearrange is still used, so its import stays
    expect(result.code).toContain(`import { rearrange } from 'einops';`);
  });
});

describe('imports', () => {
  it('drops the specifiers whose uses were all precompiled, keeps the others', () => {
    expect(output(`import { rearrange, tensor, reduce } from 'einops';\nrearrange(tensor([1]), 'a -> a');\nexport { reduce };`)).toContain(
      `import { tensor, reduce } from 'einops';`,
    );
    expect(output(`import { rearrange } from 'einops';\nrearrange(x, 'a -> a');\nconst f = { rearrange };`)).toContain(`import { rearrange } from 'einops';`);
    expect(output(`import { rearrange } from 'einops';\nrearrange(x, 'a -> a');\nexport { rearrange as r };`)).toContain(`import { rearrange } from 'einops';`);
    expect(output(`import { rearrange } from 'einops';\nrearrange(x, 'a -> a');\ntype R = typeof rearrange;`)).toContain(`import { rearrange } from 'einops';`);
    expect(output(`import { rearrange } from 'einops';\nrearrange(x, 'a -> a');\nconst o = { rearrange: 1 }; o.rearrange;`)).not.toContain(`from 'einops'`);
  });
});

describe('idempotence', () => {
  it('transforming the output again changes nothing', () => {
    const sources = [
      `import { rearrange, reduce } from 'einops';\nimport * as E from 'einops';\nrearrange(x, 'a b -> b a'); reduce(x, p, 'sum'); E.einsum(x, 'i i ->'); E.tensor([1]);`,
      `"use strict";\nconst einops_1 = require("einops");\n(0, einops_1.rearrange)(x, 'a -> a');`,
    ];
    for (const source of sources) {
      const once = output(source, '/app/main.js');
      expect(once).not.toBe(source);
      const twice = transform(once, '/app/main.js');
      expect(twice.calls).toBe(0);
      expect(twice.code).toBe(once);
    }
  });
});

describe('source maps', () => {
  it('map the code after a rewritten call back to where it was', () => {
    const code = `import { rearrange } from 'einops';\nconst y = rearrange(x, 'a b -> b a'), marker = 1;\n`;
    const result = transform(code, '/app/src/main.ts');
    expect(result.map?.sources).toEqual(['/app/src/main.ts']);
    expect(result.map?.sourcesContent).toEqual([code]);
    const lines = result.code.split('\n');
    const line = lines.findIndex((text) => text.includes('marker'));
    const map = new TraceMap(result.map as ConstructorParameters<typeof TraceMap>[0]);
    const position = originalPositionFor(map, { line: line + 1, column: lines[line]!.indexOf('marker') });
    expect(position).toMatchObject({ source: '/app/src/main.ts', line: 2, column: code.split('\n')[1]!.indexOf('marker') });
    const argument = originalPositionFor(map, { line: line + 1, column: lines[line]!.indexOf('x)') });
    expect(argument).toMatchObject({ line: 2, column: code.split('\n')[1]!.indexOf('x,') });
  });

  it('none when turned off', () => {
    expect(withOptions({ sourceMap: false }, `import { rearrange } from 'einops';\nrearrange(x, 'a -> a');`).map).toBeUndefined();
  });
});

describe('modules and runtime options', () => {
  it('an absolute path matches the relative imports of that file', () => {
    const options = { modules: ['/repo/src/index.ts'], runtime: '/repo/src/runtime/index.ts' };
    const code = `import { rearrange } from '../src/index';\nimport { reduce } from '../src';\nimport { repeat } from './src/index.js';\nrearrange(x, 'a -> a'); reduce(x, 'a -> a', 'sum'); repeat(x, 'a -> a');`;
    const result = withOptions(options, code, '/repo/test/a.test.ts');
    expect(result.calls).toBe(2);
    expect(result.code).toContain('from "/repo/src/runtime/index.ts"');
    expect(result.code).toContain(`repeat(x, 'a -> a');`);
  });
});

describe('layers', () => {
  it('new Rearrange and new Reduce take the recipe, from the lean layers entry, and the full entry goes', () => {
    const result = transform(`import * as tf from '@tensorflow/tfjs';
import { Rearrange, Reduce as R } from 'einops/layers/tfjs';
const model = tf.sequential({ layers: [new R('b (h 2) (w 2) c -> b h w c', 'max', {}, { name: 'pool' }), new Rearrange(\`b h w c -> b (h w c)\`)] });`);
    expect(result.calls).toBe(2);
    expect(result.code).toContain(`new _einops_Reduce(_einops_r0, 'max', {}, { name: 'pool' })`);
    expect(result.code).toContain('new _einops_Rearrange(_einops_r1)');
    expect(result.code).toContain('import { Rearrange as _einops_Rearrange, Reduce as _einops_Reduce } from "einops/layers/tfjs/runtime";');
    expect(result.code).toContain('const _einops_r0 = {"version":1,"op":"reduce","pattern":"b (h 2) (w 2) c -> b h w c"');
    expect(result.code).not.toContain(`from 'einops/layers/tfjs'`);
  });

  it('share recipes with the ops, keep the full entry while it is used, and take a const pattern', () => {
    const result = transform(`import { rearrange } from 'einops';
import * as L from 'einops/layers/tfjs';
const P = 'a b -> b a';
rearrange(x, P);
const layer = new L.Rearrange(P, { a: 2 });
const mix = new L.EinMix('a -> b', { weightShape: weights, axes: { a: 2, b: 3 } });`);
    expect(result.calls).toBe(2);
    expect(result.code).toContain('new _einops_Rearrange((P, _einops_r0), { a: 2 })');
    expect(result.code).toContain('_einops_applyRecipe(_einops_r0, x, (P, void 0))');
    expect(result.code.match(/const _einops_r\d/g)).toHaveLength(1);
    expect(result.code).toContain(`import * as L from 'einops/layers/tfjs';`);
    expect(result.code).toContain('import { applyRecipe as _einops_applyRecipe } from "einops/runtime";\nimport { Rearrange as _einops_Rearrange } from "einops/layers/tfjs/runtime";');
  });

  it('new EinMix whose definition is all literals: the compiled definition, the options as written', () => {
    const result = transform(`import { EinMix } from 'einops/layers/tfjs';
const W = 'c_in c_out';
const mix = new EinMix('b (h w) c_in -> b h w c_out', { weightShape: W, biasShape: 'c_out', axes: { c_in: 4, 'c_out': 2, h: 3 }, name: 'mix' });
const plain = new EinMix('b c -> b c', { biasShape: null, weightShape: 'c', axes: { c: 5 } });`);
    expect(result.calls).toBe(2);
    expect(result.code).toContain(`new _einops_EinMix(_einops_r0, { weightShape: W, biasShape: 'c_out', axes: { c_in: 4, 'c_out': 2, h: 3 }, name: 'mix' })`);
    expect(result.code).toContain(`new _einops_EinMix(_einops_r1, { biasShape: null, weightShape: 'c', axes: { c: 5 } })`);
    expect(result.code).toContain('import { EinMix as _einops_EinMix } from "einops/layers/tfjs/runtime";');
    expect(result.code).toContain('const _einops_r0 = {"version":1,"pattern":"b (h w) c_in -> b h w c_out","weightShape":"c_in c_out","biasShape":"c_out","axes":{"c_in":4,"c_out":2,"h":3},"plan":{');
    expect(result.code).not.toContain(`from 'einops/layers/tfjs'`);
  });

  it('leaves an EinMix whose definition it cannot read', () => {
    for (const options of [
      `{ weightShape: w, axes: { c: 2 } }`,
      `{ weightShape: 'c', axes: sizes }`,
      `{ weightShape: 'c', axes: { c: n } }`,
      `{ weightShape: 'c', axes: { c: -2 } }`,
      `{ ...base, weightShape: 'c', axes: { c: 2 } }`,
      `{ [key]: 'c', weightShape: 'c', axes: { c: 2 } }`,
      `{ weightShape: 'c', weightShape: 'd', axes: { c: 2 } }`,
      `{ weightShape }`,
      `options`,
    ]) {
      const code = `import { EinMix } from 'einops/layers/tfjs';\nnew EinMix('b c -> b c', ${options});`;
      expect(transform(code).calls, options).toBe(0);
    }
  });

  it('an EinMix definition that does not fit fails the build with the planner\'s message', () => {
    expect(() => transform(`import { EinMix } from 'einops/layers/tfjs';\nnew EinMix('b c -> b d', { weightShape: 'c d', axes: { c: 2 } });`, '/app/model.ts')).toThrow(
      /^\/app\/model\.ts:2:12: EinMix "b c -> b d" with weight "c d": the length of weight axis d must be given in axes$/,
    );
  });

  it('leaves what it cannot prove: dynamic patterns, other classes, no arguments, spreads, shadowing', () => {
    const code = `import { Rearrange, Reduce } from 'einops/layers/tfjs';
new Rearrange(pattern);
new Reduce('a b -> a');
new Reduce(...args);
new Reduce;
function f(Rearrange) { return new Rearrange('a b -> b a'); }
import { Rearrange as Other } from 'other';
new Other('a b -> b a');`;
    expect(transform(code).calls).toBe(0);
  });

  it('the lean entry\'s layers too, whose classes take no pattern string without the plugin', () => {
    const result = transform(`import { Reduce } from 'einops/layers/tfjs/runtime';\nnew Reduce('a b -> a', 'max');`);
    expect(result.calls).toBe(1);
    expect(result.code).toContain(`import { Reduce as _einops_Reduce } from "einops/layers/tfjs/runtime";`);
    expect(result.code).toContain(`new _einops_Reduce(_einops_r0, 'max')`);
    expect(result.code).not.toContain(`import { Reduce } from`);
  });

  it('CommonJS as tsc emits it', () => {
    const result = transform(`"use strict";\nconst tfjs_1 = require("einops/layers/tfjs");\nconst layer = new tfjs_1.Reduce('a b -> a', 'sum');`, '/app/main.js');
    expect(result.calls).toBe(1);
    expect(result.code).toContain(`const { Reduce: _einops_Reduce } = require("einops/layers/tfjs/runtime");`);
    expect(result.code).toContain(`new _einops_Reduce(_einops_r0, 'sum')`);
  });

  it('an invalid layer pattern fails the build, named by the layer', () => {
    const error = (() => {
      try {
        transform(`import { Reduce } from 'einops/layers/tfjs';\nnew Reduce('b c -> b c d', 'max');`, '/app/model.ts');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PrecompileError);
    expect((error as PrecompileError).message).toMatch(/^\/app\/model\.ts:2:12: Reduce "b c -> b c d": /);
  });

  it('keeps a bare import of the layers entry, which loading a saved EinMix needs', () => {
    const result = transform(`import 'einops/layers/tfjs';\nimport { Reduce } from 'einops/layers/tfjs';\nnew Reduce('a b -> a', 'max');`);
    expect(result.calls).toBe(1);
    expect(result.code).toContain(`import 'einops/layers/tfjs';`);
    expect(result.code).not.toContain(`import { Reduce } from 'einops/layers/tfjs';`);
  });

  it('the layer options: other modules and runtime', () => {
    const result = withOptions(
      { layerModules: ['/repo/src/layers/tfjs/index.ts'], layerRuntime: '/repo/src/layers/tfjs/runtime.ts' },
      `import { Rearrange } from '../src/layers/tfjs';\nnew Rearrange('a b -> b a');`,
      '/repo/test/a.test.ts',
    );
    expect(result.calls).toBe(1);
    expect(result.code).toContain('from "/repo/src/layers/tfjs/runtime.ts"');
  });

  it('transforming the output again changes nothing', () => {
    const once = output(`import { Reduce } from 'einops/layers/tfjs';\nnew Reduce('a b -> a', 'max');`);
    const twice = transform(once);
    expect(twice.calls).toBe(0);
    expect(twice.code).toBe(once);
  });
});
