// Type tests of src/types, run the ways a user's editor and build would meet them:
//   1. tsd (its own TypeScript 5.9) on test-d/**/*.test-d.ts, against the built dist/index.d.ts;
//   2. the project's TypeScript 6 and 3. TypeScript 7 (native) on test-d/tsconfig.json;
//   4. what hovering shows: `// => <type>` comments in test-d, and no `any` nor unevaluated
//      alias in the result of any op call in test-d (TypeScript 6's printer);
//   5. the cross-check of types against the runtime (scripts/crosscheck-types.ts);
//   6. the published types as a consumer meets them: test-d/published/* compiled against the
//      built dist/ in a project that has einops installed (scripts/check-published-types.mjs).
// Usage: node scripts/typecheck-types.mjs [--skip-tsd] [--skip-crosscheck]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const results = [];

function run(name, command, commandArgs) {
  const started = performance.now();
  const child = spawnSync(process.execPath, [join(root, command), ...commandArgs], { cwd: root, encoding: 'utf8' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const ok = child.status === 0;
  results.push({ name, ok, seconds });
  if (!ok) process.stdout.write(`${child.stdout}${child.stderr}`);
}

if (!args.includes('--skip-tsd')) {
  if (existsSync(join(root, 'dist/index.d.ts'))) run('tsd (TypeScript 5.9)', 'node_modules/tsd/dist/cli.js', []);
  else results.push({ name: 'tsd (TypeScript 5.9): dist/index.d.ts missing, run `npm run build` first', ok: false, seconds: '0' });
}
run('TypeScript 6', 'node_modules/typescript/bin/tsc', ['-p', 'test-d/tsconfig.json']);
run('TypeScript 7', 'node_modules/typescript7/bin/tsc', ['-p', 'test-d/tsconfig.json']);

// ── what hovering shows ──
{
  const started = performance.now();
  const configPath = join(root, 'test-d/tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const problems = [];
  const ops = new Set(['rearrange', 'reduce', 'repeat', 'parseShape', 'tensor', 'einsum', 'pack', 'unpack']);
  // Names of the types inside src/types that must never show in a result.
  const internal = /\b(OpAnalysis|OpShape|ReduceAnalysis|ReduceResult|RearrangeResult|RepeatResult|ParseShapeOf|ParseShapeResult|InputEntry|TensorTypes|Learnt|Product|ShapeFor|EinsumAnalysis|EinsumResult|EinsumTensor|EinsumDType|BindEinsum|CompileEinsum|OutputShape|LengthsOf|PackAnalysis|PackResult|UnpackAnalysis|UnpackResult|TensorWithShape|BindPack|BindUnpack)\b/;
  const print = (type, node) => checker.typeToString(type, node, ts.TypeFormatFlags.NoTruncation);
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(join(root, 'test-d')) || !file.fileName.endsWith('.test-d.ts')) continue;
    const where = (node) => `${relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ops.has(node.expression.text)) {
        const text = print(checker.getTypeAtLocation(node), node);
        if (/\bany\b/.test(text) || internal.test(text)) problems.push(`${where(node)}: ${node.expression.text}(...) shows as ${text}`);
      }
      if (ts.isVariableDeclaration(node)) {
        const comment = file.text.slice(node.parent.parent.getEnd(), file.text.indexOf('\n', node.parent.parent.getEnd()));
        const expected = /\/\/ => (.*)$/.exec(comment)?.[1]?.trim();
        if (expected !== undefined) {
          const actual = print(checker.getTypeAtLocation(node.name), node);
          if (actual !== expected) problems.push(`${where(node)}: shows as ${actual}, expected ${expected}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  for (const problem of problems) console.log(problem);
  results.push({ name: 'what hovering shows', ok: problems.length === 0, seconds: ((performance.now() - started) / 1000).toFixed(1) });
}

if (existsSync(join(root, 'dist/tfjs.d.ts'))) run('published types, as a consumer (dist/)', 'scripts/check-published-types.mjs', []);
else results.push({ name: 'published types: dist/tfjs.d.ts missing, run `npm run build` first', ok: false, seconds: '0' });

if (!args.includes('--skip-crosscheck')) run('cross-check with the runtime', 'node_modules/tsx/dist/cli.mjs', ['scripts/crosscheck-types.ts']);

for (const { name, ok, seconds } of results) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds}s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
